#pragma once
// The records of a followed log, kept column-wise so that any time range can be measured again
// (brushing) and any window width aggregated (alert rules) without re-reading the file. Plain
// C++, used on the dashboard's worker thread only. Past kMaxRecords the store keeps every
// second record (and then every fourth, ...): a long log's shape survives at bounded memory,
// and `stride()` says how thin it has become.
#include "flightdeck/monitor/PredictionLog.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace flightdeck::ui {

class LogRecords {
public:
    static constexpr std::size_t kMaxRecords = 2'000'000;

    void add(const flightdeck::monitor::PredictionRecord& record);
    void clear();

    std::size_t size() const { return time_.size(); }
    int stride() const { return stride_; }
    double time(std::size_t i) const { return time_[i]; }
    double firstTime() const { return first_; }
    double lastTime() const { return last_; }
    // The feature names of the first record that named them (empty for array features).
    const std::vector<std::string>& featureNames() const { return names_; }
    // Every distinct feature-name layout among the records (a log can hold odd records).
    const std::vector<std::shared_ptr<const std::vector<std::string>>>& layouts() const { return layouts_; }
    // The distinct lengths of unnamed (array) feature lists among the records.
    const std::vector<std::size_t>& arrayWidths() const { return arrayWidths_; }
    std::size_t featureCount() const { return featureCount_; }

    // Rebuilds record i (features, names and all) into `out`, reusing its buffers.
    void record(std::size_t i, flightdeck::monitor::PredictionRecord& out) const;
    // Calls `visit` with every kept record whose timestamp lies in [from, to).
    void forEach(double from, double to,
                 const std::function<void(const flightdeck::monitor::PredictionRecord&)>& visit) const;

private:
    void thin();
    std::int32_t intern(const std::string& text, std::vector<std::string>& table,
                        std::unordered_map<std::string, std::int32_t>& index);

    std::vector<double> time_;
    std::vector<float> latency_, confidence_;
    std::vector<std::int32_t> prediction_, requestId_, layout_;
    std::vector<std::uint8_t> error_;
    std::vector<std::uint32_t> featureOffset_;
    std::vector<double> features_;
    std::vector<std::string> predictions_;
    std::unordered_map<std::string, std::int32_t> predictionIndex_;
    std::vector<std::string> requestIds_;   // one per record that has one (not interned)
    std::vector<std::shared_ptr<const std::vector<std::string>>> layouts_;
    std::vector<std::string> names_;
    std::vector<std::size_t> arrayWidths_;
    std::size_t featureCount_ = 0;
    double first_ = 0, last_ = 0;
    int stride_ = 1;
    std::uint64_t seen_ = 0;
};

}  // namespace flightdeck::ui
