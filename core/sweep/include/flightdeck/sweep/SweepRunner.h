#pragma once
// Runs a sweep's trials one after another through train::Trainer on the calling thread (the
// ui runs it on a worker, the CLI on its main thread), each a tracked run in the sweep's
// trial table with the values the plan gave it. All trials share the base recipe's seed, so
// they differ only in what the axes change (the same initialisation and batch order where the
// shapes allow). A trial that fails (a learning rate that makes the loss NaN, a shape the
// architecture does not fit) is recorded and the sweep goes on; cancelling stops the run in
// progress (recorded as cancelled, resumable like any run) and starts no further trial.
//
// A run's score is its objective at the epoch whose weights its model holds: the last epoch,
// or the best one when early stopping kept it. That is the model an export would ship, so the
// best trial is the one worth exporting. Cancelled and failed runs are not scored.
#include "flightdeck/store/Records.h"
#include "flightdeck/sweep/SweepPlan.h"
#include "flightdeck/train/Trainer.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace flightdeck::store { class Project; }

namespace flightdeck::sweep {

struct TrialOutcome {
    Trial trial;
    store::Id runId = 0;          // 0 when the trainer refused it before the run existed
    store::RunStatus status = store::RunStatus::Completed;
    std::optional<double> score;
    std::string error;            // why it failed
};

struct SweepCallbacks {
    std::function<void(store::Id sweepId, int trials)> onSweepStarted;
    std::function<void(const Trial& trial, store::Id runId)> onTrialStarted;
    std::function<void(const TrialOutcome& outcome)> onTrialFinished;
    // Passed through from the trainer for the run in progress (training thread).
    std::function<void(store::Id runId, const store::MetricRecord&)> onMetric;
    std::function<void(int trial, std::int64_t step, std::int64_t totalSteps, int epoch)> onProgress;
    const std::atomic<bool>* cancel = nullptr;
};

struct SweepResult {
    store::Id sweepId = 0;
    std::string objective;        // as resolved (the plan's, or the default for the data)
    // Completed when every trial ran (some may have failed), cancelled, or failed when no
    // trial could be trained.
    store::RunStatus status = store::RunStatus::Completed;
    std::vector<TrialOutcome> outcomes;   // the trials that started, in order
    std::optional<std::size_t> best;      // index into outcomes
};

class SweepRunner {
public:
    explicit SweepRunner(store::Project& project);
    // Validates and expands the plan (Error(InvalidArgument) naming the field, before anything
    // is written), records the sweep, then trains its trials. `name` empty = "sweep-<id>".
    SweepResult run(const SweepPlan& plan, store::Id versionId, store::Id splitId,
                    const std::string& name, const SweepCallbacks& callbacks = {});

    // The objective a plan ranks by on this version: its own, else val/rmse for a regression
    // (requested, or the version's task) and val/accuracy otherwise.
    static std::string resolveObjective(store::Project& project, const SweepPlan& plan,
                                        store::Id versionId);

private:
    store::Project& project_;
};

}  // namespace flightdeck::sweep
