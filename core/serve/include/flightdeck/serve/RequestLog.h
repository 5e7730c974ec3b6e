#pragma once
// The server's prediction log: one JSON line per prediction in the format the Monitoring panel
// and `flightdeck-cli monitor` read (core/monitor/PredictionLog.h), appended under a mutex and
// rotated by size (log.jsonl -> log.jsonl.1 -> ... -> log.jsonl.<keep>, the oldest dropped),
// so a server left running never fills the disk.
#include <cstdint>
#include <cstdio>
#include <filesystem>
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
    // An empty path logs nothing. Error(FileUnwritable) when the file cannot be opened.
    RequestLog(std::filesystem::path file, std::uintmax_t maxBytes, int keep);
    ~RequestLog();
    RequestLog(const RequestLog&) = delete;
    RequestLog& operator=(const RequestLog&) = delete;

    void write(const LogEntry& entry);
    const std::filesystem::path& file() const { return file_; }

private:
    void open();
    void rotate();

    std::filesystem::path file_;
    std::uintmax_t maxBytes_;
    int keep_;
    std::mutex mutex_;
    std::FILE* out_ = nullptr;
    std::uintmax_t written_ = 0;
};

}  // namespace flightdeck::serve
