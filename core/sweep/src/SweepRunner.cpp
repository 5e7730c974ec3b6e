#include "flightdeck/sweep/SweepRunner.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/MetricKeys.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunLock.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/store/SweepRepository.h"

namespace flightdeck::sweep {

namespace {

bool stopRequested(const SweepCallbacks& c)
{
    return c.cancel && c.cancel->load(std::memory_order_relaxed);
}

// The objective at the model's epoch; the last point when no point has that epoch.
std::optional<double> scoreOf(store::RunRepository& runs, store::Id runId,
                              const std::string& objective, int modelEpoch)
{
    std::optional<double> last, atModel;
    for (const store::MetricRecord& m : runs.metrics(runId, objective)) {
        last = m.value;
        if (m.epoch == modelEpoch)
            atModel = m.value;
    }
    return atModel ? atModel : last;
}

}  // namespace

SweepRunner::SweepRunner(store::Project& project) : project_(project) {}

std::string SweepRunner::resolveObjective(store::Project& project, const SweepPlan& plan,
                                          store::Id versionId)
{
    if (!plan.objective.empty())
        return plan.objective;
    bool regression = plan.base.task == train::TaskKind::Regression;
    if (plan.base.task == train::TaskKind::Auto)
        regression = store::DatasetRepository(project).version(versionId).task == "table_regression";
    return std::string(regression ? metric::ValRmse : metric::ValAccuracy);
}

SweepResult SweepRunner::run(const SweepPlan& plan, store::Id versionId, store::Id splitId,
                             const std::string& name, const SweepCallbacks& callbacks)
{
    const std::vector<Trial> trials = expand(plan);
    SweepResult result;
    result.objective = resolveObjective(project_, plan, versionId);
    SweepPlan recorded = plan;
    recorded.objective = result.objective;

    store::SweepRepository sweeps(project_);
    store::RunRepository runs(project_);
    store::SweepRecord record;
    record.name = name;
    record.kind = plan.kind;
    record.specJson = toJson(recorded);
    record.objective = result.objective;
    record.versionId = versionId;
    record.splitId = splitId;
    result.sweepId = sweeps.create(record);
    // Held while the sweep runs: if the process dies, the sweep reads as interrupted.
    const store::RunLock lock(project_, result.sweepId, "sweep");
    const std::string sweepName = sweeps.sweep(result.sweepId).name;
    if (callbacks.onSweepStarted)
        callbacks.onSweepStarted(result.sweepId, static_cast<int>(trials.size()));

    int trained = 0;
    try {
        for (const Trial& trial : trials) {
            if (stopRequested(callbacks)) {
                result.status = store::RunStatus::Cancelled;
                break;
            }
            TrialOutcome outcome;
            outcome.trial = trial;
            train::TrainConfig config = trial.config;
            config.runName = sweepName + " #" + std::to_string(trial.index + 1);
            train::TrainCallbacks tc;
            tc.cancel = callbacks.cancel;
            tc.onStarted = [&](store::Id runId) {
                outcome.runId = runId;
                sweeps.addTrial({runId, result.sweepId, trial.index, trial.assignmentJson, {}});
                if (callbacks.onTrialStarted)
                    callbacks.onTrialStarted(trial, runId);
            };
            tc.onMetric = [&](const store::MetricRecord& m) {
                if (callbacks.onMetric)
                    callbacks.onMetric(outcome.runId, m);
            };
            tc.onProgress = [&](std::int64_t step, std::int64_t total, int epoch) {
                if (callbacks.onProgress)
                    callbacks.onProgress(trial.index, step, total, epoch);
            };
            try {
                const train::RunResult r = train::Trainer(project_).run(
                    versionId, splitId, trial.architectureId, config, tc);
                outcome.status = r.status;
                if (r.status == store::RunStatus::Completed) {
                    outcome.score = scoreOf(runs, r.runId, result.objective, r.modelEpoch);
                    sweeps.setScore(r.runId, outcome.score);
                }
                ++trained;
            } catch (const Error& e) {
                // A store that cannot be written is the sweep's failure, not the trial's.
                const ErrorCode c = e.code();
                if (c == ErrorCode::FileUnwritable || c == ErrorCode::DiskFull || c == ErrorCode::Io
                    || c == ErrorCode::Database || c == ErrorCode::CorruptProject)
                    throw;
                outcome.status = store::RunStatus::Failed;
                outcome.error = e.what();
            } catch (const std::exception& e) {
                outcome.status = store::RunStatus::Failed;
                outcome.error = e.what();
            }
            result.outcomes.push_back(outcome);
            if (callbacks.onTrialFinished)
                callbacks.onTrialFinished(outcome);
            if (outcome.status == store::RunStatus::Cancelled) {
                result.status = store::RunStatus::Cancelled;
                break;
            }
        }
    } catch (...) {
        try {
            sweeps.finish(result.sweepId, store::RunStatus::Failed);
        } catch (...) {
            // The error being thrown says why; the sweep stays "running" (like an interrupted run).
        }
        throw;
    }
    if (result.status != store::RunStatus::Cancelled && trained == 0)
        result.status = store::RunStatus::Failed;

    std::vector<store::SweepTrialRecord> scored;
    for (const TrialOutcome& o : result.outcomes)
        if (o.runId > 0)
            scored.push_back({o.runId, result.sweepId, o.trial.index, {}, o.score});
    if (const auto best = store::bestTrial(scored, result.objective))
        for (std::size_t i = 0; i < result.outcomes.size(); ++i)
            if (result.outcomes[i].runId == best->runId)
                result.best = i;
    sweeps.finish(result.sweepId, result.status);
    return result;
}

}  // namespace flightdeck::sweep
