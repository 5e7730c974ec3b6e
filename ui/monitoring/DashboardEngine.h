#pragma once
// The monitoring dashboard's computation, owned by its worker thread (DashboardWorker): follows
// the log (core/monitor's LogFollower: the first poll reads the whole file, later ones what was
// appended, across rotation), keeps its records (LogRecords), holds the reference, the ground
// truth and the alert rules, and builds a DashboardSnapshot on demand. Plain C++, no Qt; not
// thread-safe, one thread at a time.
#include "monitoring/DashboardSnapshot.h"
#include "monitoring/LogRecords.h"

#include "flightdeck/monitor/AlertRules.h"
#include "flightdeck/monitor/LogFollower.h"
#include "flightdeck/monitor/ReferenceSample.h"

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace flightdeck::ui {

class DashboardEngine {
public:
    DashboardEngine();
    ~DashboardEngine();

    // Starts afresh on `log` (records dropped); the next poll reads it from its start.
    void setLog(const std::filesystem::path& log);
    // Loads a reference (bundle folder, reference_profile.json, dataset CSV or log). On failure
    // the reference is cleared and the reason kept for the snapshot; returns false then.
    bool setReference(const std::filesystem::path& reference, const std::atomic<bool>* cancel = nullptr);
    void clearReference();
    // Ground truth (request_id, label) for realized accuracy; an empty path clears it.
    void setGroundTruth(const std::filesystem::path& truth);
    void setRules(std::vector<flightdeck::monitor::AlertRule> rules);
    // [from, to) in Unix seconds; nullopt = the whole log.
    void setRange(std::optional<std::pair<double, double>> range);

    // Reads what the log gained since the last poll; returns the number of new records.
    // Throws flightdeck::Error when the file cannot be read at all.
    std::int64_t poll(const std::atomic<bool>* cancel = nullptr);

    std::shared_ptr<const DashboardSnapshot> snapshot(std::uint64_t generation) const;

    const LogRecords& records() const { return records_; }

private:
    struct Reference;
    std::string logMismatch() const;

    std::filesystem::path log_;
    std::unique_ptr<flightdeck::monitor::LogFollower> follower_;
    LogRecords records_;
    std::unique_ptr<Reference> reference_;
    std::string referenceError_, referencePath_;
    std::vector<std::pair<std::string, std::string>> truth_;
    std::vector<flightdeck::monitor::AlertRule> rules_;
    std::optional<std::pair<double, double>> range_;
};

// Window width for drift over time: the finest of 1 min ... 1 day giving at most 60 windows.
double driftWindowWidth(double span);

}  // namespace flightdeck::ui
