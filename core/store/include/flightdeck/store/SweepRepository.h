#pragma once
// Hyperparameter sweeps as the project records them (schema 5): the sweep (its plan as JSON,
// the objective it ranks by, the data it trains on, how it ended) and one trial row per run it
// started (the run, its place in the plan, the values the plan assigned, its score). What the
// plan means lives in core/sweep; the store keeps it as text.
#include "flightdeck/store/Records.h"

#include <optional>
#include <string>
#include <vector>

namespace flightdeck::store {

class Project;

enum class SweepKind { Grid, Random };
const char* sweepKindName(SweepKind kind);   // "grid", "random"
SweepKind sweepKindFromName(const std::string& name);   // CorruptObject naming the value

struct SweepRecord {
    Id id = 0;
    std::string name;            // empty = "sweep-<id>"
    SweepKind kind = SweepKind::Grid;
    std::string specJson;        // the plan (core/sweep's SweepPlan::toJson)
    std::string objective;       // a metric key, e.g. "val/accuracy"
    Id versionId = 0;
    Id splitId = 0;
    RunStatus status = RunStatus::Running;   // completed, cancelled or failed when it ended
    double createdAt = 0;
    std::optional<double> endedAt;
};

struct SweepTrialRecord {
    Id runId = 0;
    Id sweepId = 0;
    int trial = 0;                   // the run's place in the plan, from 0
    std::string assignmentJson;      // {"learning_rate": 0.003, "optimizer": "sgd", ...}
    std::optional<double> score;     // the objective of the model the run kept; none if unscored
};

class SweepRepository {
public:
    explicit SweepRepository(Project& project);

    Id create(const SweepRecord& sweep);   // id and a 0 createdAt are filled in
    void finish(Id sweepId, RunStatus status);
    // Sweeps still "running" whose runner is gone (its RunLock of kind "sweep" is free) become
    // "interrupted"; those created within `graceSeconds` are left alone (their runner may not
    // have taken its lock yet). Returns the ids it marked.
    std::vector<Id> markInterruptedSweeps(double graceSeconds = 30);
    SweepRecord sweep(Id sweepId);          // NotFound if absent
    std::vector<SweepRecord> sweeps();      // newest first

    // Refused (InvalidArgument) when the run is already in a sweep or the trial is taken.
    void addTrial(const SweepTrialRecord& trial);
    void setScore(Id runId, std::optional<double> score);
    std::vector<SweepTrialRecord> trials(Id sweepId);   // by trial
    std::vector<SweepTrialRecord> allTrials();          // every sweep's, by sweep then trial
    // The scored trial with the best score by the sweep's objective (metric::higherIsBetter);
    // ties go to the earlier trial. None while no trial has a score.
    std::optional<SweepTrialRecord> best(Id sweepId);

private:
    Project& project_;
};

// The best of `trials` for `objective` by the rule SweepRepository::best applies.
std::optional<SweepTrialRecord> bestTrial(const std::vector<SweepTrialRecord>& trials,
                                          const std::string& objective);

}  // namespace flightdeck::store
