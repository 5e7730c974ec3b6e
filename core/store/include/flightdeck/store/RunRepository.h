#pragma once
#include "flightdeck/store/ModelRegistry.h"   // ModelRegistry lived here; callers still find it
#include "flightdeck/store/Records.h"

#include <map>
#include <string>
#include <vector>

namespace flightdeck::store {

class Project;

// Runs, their parameters, step metrics, artifacts and evaluations.
class RunRepository {
public:
    explicit RunRepository(Project& project);

    // The id in the record is ignored; an empty name becomes "run-<id>".
    Id createRun(const RunRecord& run);
    void setParams(Id runId, const std::map<std::string, std::string>& params);
    std::map<std::string, std::string> params(Id runId);
    // Appends in one transaction (callers batch per epoch or per N steps).
    void appendMetrics(Id runId, const std::vector<MetricRecord>& metrics);
    // All points of one key ordered by step; key "" returns every key.
    std::vector<MetricRecord> metrics(Id runId, const std::string& key = {});
    std::vector<std::string> metricKeys(Id runId);
    // A run's curves cut down for a plot's first draw (series::keepExtremes: every run of
    // points keeps its first, lowest, highest and last point, so no spike is lost), one per key,
    // at most kSummaryBuckets runs each. The trainer writes them when a run ends, a plot that
    // read a whole series may too; appending or deleting metrics drops them, so a summary always
    // covers exactly the metrics there are. One transaction; MetricSummaries.cpp.
    static constexpr std::size_t kSummaryBuckets = 2048;
    void summarizeMetrics(Id runId);
    void summarizeMetrics(Id runId, const std::string& key, const std::vector<MetricRecord>& points);
    // The key's summary, points ordered by step with `key` filled; empty when there is none.
    // `whole` (optional) says whether it holds every point of the series (short series are
    // kept whole, so a reader needs no other read).
    std::vector<MetricRecord> metricSummary(Id runId, const std::string& key, bool* whole = nullptr);
    void finishRun(Id runId, RunStatus status, const std::string& error = {});
    // A resumed run is running again: no end time, no error.
    void reopenRun(Id runId);
    // A resumed run continues from its checkpoint's step: points recorded after it (by the
    // process that was killed) would be drawn twice.
    void deleteMetricsAfter(Id runId, std::int64_t step);
    // Runs still "running" whose process is gone (their RunLock is free) become
    // "interrupted", or "failed" with the reason when the process left one in its lock file
    // (RunLock::recordFailure: it could not write to the database). Runs started within the
    // last `graceSeconds` without such a note are left alone: their trainer may not have taken
    // its lock yet. Returns the ids it marked.
    std::vector<Id> markInterruptedRuns(double graceSeconds = 30);
    std::vector<RunRecord> runs();                 // newest first
    RunRecord run(Id runId);                       // NotFound if absent

    Id addArtifact(const ArtifactRecord& artifact);
    // Replaces the run's artifact of the same kind and name (a checkpoint rolling forward) in
    // one transaction. Returns the replaced object hashes no artifact refers to any more, which
    // the caller may remove from the object store.
    std::vector<std::string> replaceArtifact(const ArtifactRecord& artifact);
    std::vector<ArtifactRecord> artifacts(Id runId);
    // The object hash of the run's latest "model" artifact (what evaluation, export, labeling
    // assistance and retraining load); "" when the run has none.
    std::string modelObjectHash(Id runId);
    // modelObjectHash, or an error that says why there is none: InvalidArgument ("run 8 is
    // still training") while the run runs, NotFound ("model artifact", the run) otherwise.
    std::string requireModel(Id runId);
    Id addEvaluation(const EvaluationRecord& evaluation);
    std::vector<EvaluationRecord> evaluations(Id runId);   // newest first

private:
    Project& project_;
};

// Architectures (deduplicated by spec hash). The model registry is in ModelRegistry.h.
class ArchitectureRepository {
public:
    explicit ArchitectureRepository(Project& project);
    // Returns the existing id when the same spec hash is already stored.
    Id save(const std::string& name, const std::string& specJson, const std::string& specHash);
    std::vector<ArchitectureRecord> all();
    ArchitectureRecord get(Id id);                 // NotFound if absent

private:
    Project& project_;
};

}  // namespace flightdeck::store
