#include "monitoring/LogRecords.h"

#include <algorithm>

#include <cmath>
#include <limits>

namespace flightdeck::ui {

namespace monitor = flightdeck::monitor;

std::int32_t LogRecords::intern(const std::string& text, std::vector<std::string>& table,
                                std::unordered_map<std::string, std::int32_t>& index) {
    const auto it = index.find(text);
    if (it != index.end())
        return it->second;
    const auto id = static_cast<std::int32_t>(table.size());
    table.push_back(text);
    index.emplace(text, id);
    return id;
}

void LogRecords::add(const monitor::PredictionRecord& r) {
    // Past the cap only every stride-th record is kept, so the kept ones stay evenly spread.
    if (seen_++ % static_cast<std::uint64_t>(stride_) != 0)
        return;
    if (time_.empty())
        first_ = last_ = r.timestamp;
    first_ = std::min(first_, r.timestamp);
    last_ = std::max(last_, r.timestamp);
    time_.push_back(r.timestamp);
    latency_.push_back(static_cast<float>(r.latencyMs));
    confidence_.push_back(static_cast<float>(r.confidence));
    error_.push_back(r.error ? 1 : 0);
    prediction_.push_back(r.prediction.empty() ? -1 : intern(r.prediction, predictions_, predictionIndex_));
    if (r.requestId.empty())
        requestId_.push_back(-1);
    else {
        requestId_.push_back(static_cast<std::int32_t>(requestIds_.size()));
        requestIds_.push_back(r.requestId);
    }
    std::int32_t layout = -1;
    if (r.featureNames) {
        for (std::size_t i = layouts_.size(); i-- > 0;)
            if (layouts_[i] == r.featureNames) {
                layout = static_cast<std::int32_t>(i);
                break;
            }
        if (layout < 0) {
            layout = static_cast<std::int32_t>(layouts_.size());
            layouts_.push_back(r.featureNames);
        }
        if (names_.empty())
            names_ = *r.featureNames;
    } else if (!r.features.empty()
               && std::find(arrayWidths_.begin(), arrayWidths_.end(), r.features.size()) == arrayWidths_.end()) {
        arrayWidths_.push_back(r.features.size());
    }
    layout_.push_back(layout);
    if (featureCount_ == 0)
        featureCount_ = r.features.size();
    featureOffset_.push_back(static_cast<std::uint32_t>(features_.size()));
    features_.insert(features_.end(), r.features.begin(), r.features.end());
    if (time_.size() >= kMaxRecords)
        thin();
}

void LogRecords::thin() {
    LogRecords kept;
    kept.stride_ = stride_ * 2;
    monitor::PredictionRecord r;
    for (std::size_t i = 0; i < size(); i += 2) {
        record(i, r);
        kept.seen_ = 0;   // keep every record offered here
        const int stride = kept.stride_;
        kept.stride_ = 1;
        kept.add(r);
        kept.stride_ = stride;
    }
    kept.seen_ = seen_;
    kept.first_ = first_;
    kept.last_ = last_;
    *this = std::move(kept);
}

void LogRecords::clear() { *this = LogRecords(); }

void LogRecords::record(std::size_t i, monitor::PredictionRecord& out) const {
    out.timestamp = time_[i];
    out.latencyMs = static_cast<double>(latency_[i]);
    out.confidence = static_cast<double>(confidence_[i]);
    out.error = error_[i] != 0;
    if (prediction_[i] >= 0)
        out.prediction = predictions_[static_cast<std::size_t>(prediction_[i])];
    else
        out.prediction.clear();
    if (requestId_[i] >= 0)
        out.requestId = requestIds_[static_cast<std::size_t>(requestId_[i])];
    else
        out.requestId.clear();
    out.featureNames = layout_[i] >= 0 ? layouts_[static_cast<std::size_t>(layout_[i])] : nullptr;
    const std::size_t begin = featureOffset_[i];
    const std::size_t end = i + 1 < featureOffset_.size() ? featureOffset_[i + 1] : features_.size();
    out.features.assign(features_.begin() + static_cast<std::ptrdiff_t>(begin),
                        features_.begin() + static_cast<std::ptrdiff_t>(end));
}

void LogRecords::forEach(double from, double to,
                         const std::function<void(const monitor::PredictionRecord&)>& visit) const {
    monitor::PredictionRecord r;
    for (std::size_t i = 0; i < size(); ++i) {
        if (time_[i] < from || time_[i] >= to)
            continue;
        record(i, r);
        visit(r);
    }
}

}  // namespace flightdeck::ui
