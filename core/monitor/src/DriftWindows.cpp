#include "flightdeck/monitor/DriftWindows.h"

#include "flightdeck/common/Error.h"
#include "ColumnSet.h"

#include <climits>
#include <cmath>
#include <utility>

namespace flightdeck::monitor {

DriftWindows::DriftWindows(const ReferenceSample& reference, DriftWindowOptions options)
    : reference_(reference), options_(std::move(options)), finishedUpTo_(INT64_MIN)
{
    if (options_.windowSeconds < 0 || !std::isfinite(options_.windowSeconds))
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "windowSeconds",
                              "must be 0 (whole log) or a positive number of seconds"});
    for (const DriftColumn& c : reference.columns)
        if (options_.includePrediction || c.name != "prediction")
            referenceColumns_.push_back(c);
}

DriftWindows::~DriftWindows() = default;

bool DriftWindows::check(const PredictionRecord& r)
{
    // Records with the same layout share one name vector, so this runs once per layout.
    if (r.featureNames == checkedLayout_ && r.features.size() == checkedCount_)
        return checkedMatches_;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < r.features.size(); ++i)
        names.push_back(detail::ColumnSet::featureName(r, i, &reference_.features));
    std::string problem = featureMismatch(reference_.features, names);
    if (!problem.empty() && firstMismatch_.empty()) {
        if (!r.featureNames)
            problem = "the log's features are an array of " + std::to_string(r.features.size())
                      + " values, matched by position to the reference's "
                      + std::to_string(reference_.features.size()) + " columns: " + problem;
        firstMismatch_ = "the log does not match the reference (" + reference_.source + "): " + problem;
    }
    checkedLayout_ = r.featureNames;
    checkedCount_ = r.features.size();
    checkedMatches_ = problem.empty();
    return checkedMatches_;
}

void DriftWindows::add(const PredictionRecord& r)
{
    if (!r.features.empty() && !check(r)) {
        // One odd line does not refuse a log whose other records match (probe: a single
        // record with named features made `monitor drift` refuse 50 good ones).
        ++mismatched_;
        return;
    }
    ++matched_;
    const double width = options_.windowSeconds;
    std::int64_t key = 0;
    if (width > 0) {
        const double k = std::floor(r.timestamp / width);
        if (!std::isfinite(k) || std::fabs(k) > 9e15) {
            ++late_;  // unplaceable: counted with the late ones
            return;
        }
        key = static_cast<std::int64_t>(k);
    }
    if (key <= finishedUpTo_) {
        ++late_;
        return;
    }
    auto it = open_.find(key);
    if (it == open_.end())
        it = open_.emplace(key, std::make_unique<detail::ColumnSet>(
                                    options_.includePrediction, options_.maxValuesPerColumn,
                                    reference_.numericPrediction, &reference_.features))
                 .first;
    it->second->add(r);
    // Finish windows that are now more than latenessWindows behind.
    while (width > 0 && !open_.empty()
           && open_.begin()->first < key - std::max(0, options_.latenessWindows)) {
        close(open_.begin()->first, *open_.begin()->second);
        finishedUpTo_ = open_.begin()->first;
        open_.erase(open_.begin());
    }
}

void DriftWindows::close(std::int64_t key, detail::ColumnSet& set)
{
    DriftWindowResult w;
    w.width = options_.windowSeconds;
    w.start = w.width > 0 ? static_cast<double>(key) * w.width : 0;
    w.rows = set.rows();
    w.sampled = set.sampled();
    w.drift = computeDrift(referenceColumns_, set.columns(), options_.drift);
    finished_.push_back(std::move(w));
}

std::vector<DriftWindowResult> DriftWindows::takeFinished()
{
    return std::exchange(finished_, {});
}

std::vector<DriftWindowResult> DriftWindows::finish()
{
    if (matched_ == 0 && mismatched_ > 0)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "features", firstMismatch_});
    for (auto& [key, set] : open_)
        close(key, *set);
    if (!open_.empty())
        finishedUpTo_ = open_.rbegin()->first;
    open_.clear();
    return takeFinished();
}

}  // namespace flightdeck::monitor
