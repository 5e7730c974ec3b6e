#include "flightdeck/monitor/MonitorReport.h"

#include "flightdeck/monitor/DriftWindows.h"
#include "ReadStatsJson.h"

#include "flightdeck/common/Error.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <optional>
#include <random>
#include <unordered_map>

namespace flightdeck::monitor {

namespace {

using nlohmann::json;

bool readAny(const std::filesystem::path& path, const LogReadOptions& options,
             const RecordCallback& onRecord, ReadStats& stats, const std::atomic<bool>* cancel)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return readLogFolder(path, options, onRecord, stats, cancel);
    return readLog(path, options, onRecord, stats, cancel);
}


}  // namespace

std::string monitorSummaryJson(const std::filesystem::path& log, const SummaryOptions& options,
                               const std::atomic<bool>* cancel)
{
    WindowOptions wo = options.windows;
    wo.trackAccuracy = wo.trackAccuracy || !options.groundTruth.empty();
    WindowAggregator agg(wo);
    ReadStats stats;
    std::optional<PerformanceEstimator> estimator;
    if (options.calibration)
        estimator.emplace(*options.calibration, wo.widthSeconds, options.estimateLevel);
    const bool complete = readAny(log, options.read,
                                  [&](const PredictionRecord& r) {
                                      agg.add(r);
                                      if (estimator)
                                          estimator->add(r);
                                  },
                                  stats, cancel);
    json out = json::parse(toJson(agg.windows(), stats));
    out["complete"] = complete && stats.whole();
    out["incomplete_last_line"] = stats.incompleteLastLine;
    {
        json read = detail::readStatsJson(stats);
        out["skipped_files"] = std::move(read["skipped_files"]);
        out["unread_files"] = stats.unreadFiles;
    }
    out["files"] = stats.files;
    out["latency_percentiles"] = {{"method", "nearest-rank"},
                                  {"exact_up_to", wo.exactLatencyLimit},
                                  {"sketch_relative_error", wo.sketchRelativeError}};
    if (!options.groundTruth.empty()) {
        ReadStats truthStats;
        readGroundTruth(options.groundTruth, options.groundTruthMapping,
                        [&](const std::string& id, const std::string& label) {
                            agg.addGroundTruth(id, label);
                        },
                        truthStats, cancel);
        out["windows"] = json::parse(toJson(agg.windows(), stats))["windows"];
        json truth = detail::readStatsJson(truthStats);
        truth["joined"] = agg.joinedGroundTruth();
        truth["unmatched"] = agg.unmatchedGroundTruth();
        out["ground_truth"] = std::move(truth);
    }
    if (estimator) {
        std::map<double, EstimateWindow> byStart;
        for (const EstimateWindow& e : estimator->windows())
            byStart[e.start] = e;
        for (json& w : out["windows"]) {
            const auto it = byStart.find(w["start"].get<double>());
            const bool has = it != byStart.end();
            w["estimated_accuracy"] = {
                {"value", has ? json(it->second.expectedAccuracy) : json(nullptr)},
                {"low", has ? json(it->second.low) : json(nullptr)},
                {"high", has ? json(it->second.high) : json(nullptr)},
                {"records", has ? it->second.records : 0},
                {"level", options.estimateLevel}};
        }
        out["calibration"] = json::parse(options.calibration->toJson());
        out["calibration"]["confidence_out_of_range"] = estimator->outOfRange();
    }
    return out.dump();
}

std::string monitorDriftJson(const std::filesystem::path& log,
                             const std::filesystem::path& reference,
                             const DriftJsonOptions& options, const std::atomic<bool>* cancel)
{
    ReferenceOptions ro;
    ro.read = options.reference;
    ro.includePrediction = options.includePrediction;
    ro.maxValuesPerColumn = options.maxValuesPerColumn;
    ro.labelColumn = options.referenceLabel;
    return monitorDriftJson(log, loadReference(reference, ro, cancel), options, cancel);
}

std::string monitorDriftJson(const std::filesystem::path& log, const ReferenceSample& ref,
                             const DriftJsonOptions& options, const std::atomic<bool>* cancel)
{
    DriftWindowOptions wo;
    wo.windowSeconds = options.windowSeconds;
    wo.latenessWindows = options.latenessWindows;
    wo.maxValuesPerColumn = options.maxValuesPerColumn;
    wo.includePrediction = options.includePrediction;
    wo.drift = options.drift;
    DriftWindows drift(ref, wo);
    ReadStats stats;
    const bool complete =
        readAny(log, options.read, [&](const PredictionRecord& r) { drift.add(r); }, stats, cancel);
    json windows = json::array();
    for (const DriftWindowResult& d : drift.finish()) {
        json w = json::parse(toJson(d.drift));
        w["start"] = d.width > 0 ? json(d.start) : json(nullptr);
        w["width"] = d.width > 0 ? json(d.width) : json(nullptr);
        w["rows"] = d.rows;
        w["sampled"] = d.sampled;
        windows.push_back(std::move(w));
    }

    json refColumns = json::array();
    for (const DriftColumn& c : ref.columns)
        refColumns.push_back({{"name", c.name}, {"type", c.categorical ? "categorical" : "numeric"}});
    json refJson{{"kind", referenceKindName(ref.kind)}, {"source", ref.source},
                 {"rows", ref.rows}, {"sampled", ref.sampled},
                 {"columns", std::move(refColumns)}};
    if (ref.kind == ReferenceKind::Log || ref.kind == ReferenceKind::DatasetCsv)
        refJson["read"] = detail::readStatsJson(ref.read);
    if (!ref.labelColumn.empty())
        refJson["label_column"] = ref.labelColumn;
    const DriftOptions& o = options.drift;
    const double width = options.windowSeconds;
    json out{{"reference", std::move(refJson)},
             {"windows", std::move(windows)},
             {"late_records", drift.late()},
             {"mismatched_records", drift.mismatched()},
             {"mismatch", drift.mismatched() > 0 ? json(drift.firstMismatch()) : json(nullptr)},
             {"complete", complete && stats.whole()},
             {"read", detail::readStatsJson(stats)},
             {"options",
              {{"small_reference_rows", o.smallReferenceRows},
               {"min_reference_rows", o.minReferenceRows},
               {"p_value_threshold", o.pValueThreshold},
               {"wasserstein_threshold", o.wassersteinThreshold},
               {"jensenshannon_threshold", o.jensenShannonThreshold},
               {"psi_bins", o.psiBins},
               {"psi_epsilon", o.psiEpsilon},
               {"dataset_drift_share", o.datasetDriftShare},
               {"window_seconds", width},
               {"max_values_per_column", options.maxValuesPerColumn}}}};
    return out.dump();
}

}  // namespace flightdeck::monitor
