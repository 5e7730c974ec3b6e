#include "flightdeck/monitor/MonitorReport.h"

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

json readJson(const ReadStats& s)
{
    json problems = json::array();
    for (const LineProblem& p : s.problems) {
        json j{{"line", p.line}, {"problem", p.problem}};
        if (!p.file.empty())
            j["file"] = p.file;
        problems.push_back(std::move(j));
    }
    return {{"lines", s.lines},         {"records", s.records},   {"skipped", s.skipped},
            {"too_long", s.tooLong},    {"out_of_order", s.outOfOrder},
            {"non_finite", s.nonFinite}, {"bytes", s.bytes},      {"files", s.files},
            {"incomplete_last_line", s.incompleteLastLine},
            {"problems", std::move(problems)}};
}

// Columns of one sample, in the order names first appear. Each column is a reservoir of at
// most `cap` values (Algorithm R on a fixed-seed stream, so a run is reproducible).
class ColumnSet {
public:
    ColumnSet(bool withPrediction, std::size_t cap) : withPrediction_(withPrediction), cap_(cap) {}

    void add(const PredictionRecord& r)
    {
        for (std::size_t i = 0; i < r.features.size(); ++i) {
            const std::string name = r.featureNames ? (*r.featureNames)[i]
                                                    : "feature_" + std::to_string(i);
            const std::size_t c = column(name, false);
            if (const auto slot = place(c))
                put(columns_[c].numbers, *slot, r.features[i]);
        }
        if (withPrediction_) {
            const std::size_t c = column("prediction", true);
            if (const auto slot = place(c))
                put(columns_[c].labels, *slot, r.prediction);
        }
        ++rows_;
    }
    std::vector<DriftColumn>& columns() { return columns_; }
    std::int64_t rows() const { return rows_; }
    bool sampled() const { return sampled_; }

private:
    std::size_t column(const std::string& name, bool categorical)
    {
        auto it = index_.find(name);
        if (it == index_.end()) {
            it = index_.emplace(name, columns_.size()).first;
            DriftColumn c;
            c.name = name;
            c.categorical = categorical;
            columns_.push_back(std::move(c));
            seen_.push_back(0);
        }
        return it->second;
    }
    // Where the column's next value goes: appended (npos) while under the cap, then into a
    // uniformly chosen slot with probability cap / seen, else nowhere.
    std::optional<std::size_t> place(std::size_t c)
    {
        const std::uint64_t seen = seen_[c]++;
        if (cap_ == 0 || seen < cap_)
            return std::size_t(-1);
        sampled_ = true;
        const std::uint64_t j = rng_() % (seen + 1);
        if (j < cap_)
            return static_cast<std::size_t>(j);
        return std::nullopt;
    }
    template <typename T, typename V>
    static void put(std::vector<T>& values, std::size_t slot, const V& v)
    {
        if (slot == std::size_t(-1))
            values.push_back(v);
        else
            values[slot] = v;
    }
    bool withPrediction_;
    std::size_t cap_;
    std::vector<DriftColumn> columns_;
    std::vector<std::uint64_t> seen_;
    std::unordered_map<std::string, std::size_t> index_;
    std::int64_t rows_ = 0;
    bool sampled_ = false;
    std::mt19937_64 rng_{0x5EEDF00DULL};
};

}  // namespace

std::string monitorSummaryJson(const std::filesystem::path& log, const SummaryOptions& options,
                               const std::atomic<bool>* cancel)
{
    WindowOptions wo = options.windows;
    wo.trackAccuracy = wo.trackAccuracy || !options.groundTruth.empty();
    WindowAggregator agg(wo);
    ReadStats stats;
    const bool complete = readAny(log, options.read, [&](const PredictionRecord& r) { agg.add(r); },
                                  stats, cancel);
    json out = json::parse(toJson(agg.windows(), stats));
    out["complete"] = complete && !stats.incompleteLastLine;
    out["incomplete_last_line"] = stats.incompleteLastLine;
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
        json truth = readJson(truthStats);
        truth["joined"] = agg.joinedGroundTruth();
        truth["unmatched"] = agg.unmatchedGroundTruth();
        out["ground_truth"] = std::move(truth);
    }
    return out.dump();
}

std::string monitorDriftJson(const std::filesystem::path& log,
                             const std::filesystem::path& reference,
                             const DriftJsonOptions& options, const std::atomic<bool>* cancel)
{
    if (options.windowSeconds < 0 || !std::isfinite(options.windowSeconds))
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "windowSeconds",
                              "must be 0 (whole log) or a positive number of seconds"});
    ColumnSet ref(options.includePrediction, options.maxValuesPerColumn);
    ReadStats refStats;
    LogReadOptions refRead = options.reference;
    refRead.mapping.requireTimestamp = false;
    readAny(reference, refRead, [&](const PredictionRecord& r) { ref.add(r); }, refStats, cancel);
    if (ref.rows() == 0)
        throw Error(ErrorInfo{ErrorCode::TooFewRows, reference.string(), 0, {},
                              "the reference has no readable rows"});

    const double width = options.windowSeconds;
    std::map<std::int64_t, ColumnSet> open;
    std::int64_t finishedUpTo = INT64_MIN;  // windows with key <= this are done
    std::int64_t late = 0;
    json windows = json::array();
    auto finish = [&](std::int64_t key, ColumnSet& set) {
        const DriftResult d = computeDrift(ref.columns(), set.columns(), options.drift);
        json w = json::parse(toJson(d));
        w["start"] = width > 0 ? json(static_cast<double>(key) * width) : json(nullptr);
        w["width"] = width > 0 ? json(width) : json(nullptr);
        w["rows"] = set.rows();
        w["sampled"] = set.sampled();
        windows.push_back(std::move(w));
    };
    ReadStats stats;
    const bool complete = readAny(
        log, options.read,
        [&](const PredictionRecord& r) {
            std::int64_t key = 0;
            if (width > 0) {
                const double k = std::floor(r.timestamp / width);
                if (!std::isfinite(k) || std::fabs(k) > 9e15) {
                    ++late;  // unplaceable: counted with the late ones
                    return;
                }
                key = static_cast<std::int64_t>(k);
            }
            if (key <= finishedUpTo) {
                ++late;
                return;
            }
            open.try_emplace(key, options.includePrediction, options.maxValuesPerColumn)
                .first->second.add(r);
            // Finish windows that are now more than latenessWindows behind.
            while (width > 0 && !open.empty()
                   && open.begin()->first < key - std::max(0, options.latenessWindows)) {
                finish(open.begin()->first, open.begin()->second);
                finishedUpTo = open.begin()->first;
                open.erase(open.begin());
            }
        },
        stats, cancel);
    for (auto& [key, set] : open)
        finish(key, set);

    json refColumns = json::array();
    for (const DriftColumn& c : ref.columns())
        refColumns.push_back({{"name", c.name}, {"type", c.categorical ? "categorical" : "numeric"}});
    const DriftOptions& o = options.drift;
    json out{{"reference", {{"rows", ref.rows()}, {"sampled", ref.sampled()},
                            {"columns", std::move(refColumns)},
                            {"read", readJson(refStats)}}},
             {"windows", std::move(windows)},
             {"late_records", late},
             {"complete", complete && !stats.incompleteLastLine},
             {"read", readJson(stats)},
             {"options",
              {{"small_reference_rows", o.smallReferenceRows},
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
