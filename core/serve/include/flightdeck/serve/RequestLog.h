#pragma once
// The server's prediction log: one JSON line per prediction in the format the Monitoring panel
// and `flightdeck-cli monitor` read (core/monitor/PredictionLog.h), appended under a mutex and
// rotated by size (log.jsonl -> log.jsonl.1 -> ... -> log.jsonl.<keep>, the oldest dropped),
// so a server left running never fills the disk.
//
// A log that cannot be written (a full disk, its folder removed, no file descriptor left) loses
// lines, never a prediction: write() does not throw, counts each lost line (errors()), reports
// the outage once through `report` (not once a line), and tries the file again on the next
// line, so logging resumes by itself once the file can be opened. A log file removed while open
// (rm -rf, a log rotator that moves it) is noticed within a second and opened anew.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>

namespace flightdeck::serve {

struct LogEntry {
    double timestamp = 0;
    std::string requestId;
    std::string model;
    int version = 0;
    std::string featuresJson = "[]";   // a JSON array of the record's values
    std::string predictionJson = "null";
    double confidence = -1;            // < 0: not written
    double latencyMs = 0;
    int status = 200;
    std::string error;                 // written when not empty
};

class RequestLog {
public:
    // Told when lines start being lost and when logging resumes (a sentence naming the file).
    using Report = std::function<void(const std::string& message)>;

    // An empty path logs nothing. Error(FileUnwritable) when the file cannot be opened at start.
    RequestLog(std::filesystem::path file, std::uintmax_t maxBytes, int keep, Report report = {});
    ~RequestLog();
    RequestLog(const RequestLog&) = delete;
    RequestLog& operator=(const RequestLog&) = delete;

    void write(const LogEntry& entry);
    // The file is closed before the next line and that line opens the path anew: what a daemon
    // does on SIGHUP, after a log rotator (logrotate's postrotate `kill -HUP`) has moved the
    // file away. Only sets a flag, so a signal handler may call it (async-signal-safe).
    void reopen() { reopen_.store(true, std::memory_order_relaxed); }
    const std::filesystem::path& file() const { return file_; }
    // Lines lost since start.
    std::int64_t errors() const { return errors_.load(std::memory_order_relaxed); }

private:
    bool open();
    void rotate();
    bool stillLinked();
    void lost(const std::string& why);

    std::filesystem::path file_;
    std::uintmax_t maxBytes_;
    int keep_;
    Report report_;
    std::mutex mutex_;
    int fd_ = -1;
    std::uintmax_t written_ = 0;
    bool failing_ = false;             // lines are being lost; reported once
    std::int64_t lostThisOutage_ = 0;
    std::chrono::steady_clock::time_point nextLinkCheck_;
    std::atomic<std::int64_t> errors_{0};
    std::atomic<bool> reopen_{false};
    static_assert(std::atomic<bool>::is_always_lock_free, "reopen() is called from a signal handler");
};

}  // namespace flightdeck::serve
