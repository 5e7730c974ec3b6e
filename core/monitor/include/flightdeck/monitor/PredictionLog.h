#pragma once
// Streaming reader for JSONL prediction logs (simdjson, constant memory: one line at a time).
// Each line: {"timestamp": <epoch seconds | ISO-8601 string>, "latency_ms": <number>,
//             "prediction": <string | number>, "features": [numbers] | {name: number},
//             "status": <optional, "ok"/"error" or HTTP code>}
// Broken lines (invalid JSON, missing/ill-typed timestamp or latency) are counted with their
// line numbers and skipped; they never stop the read.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace flightdeck::monitor {

struct PredictionRecord {
    double timestamp = 0;           // Unix seconds
    double latencyMs = 0;
    std::string prediction;
    bool error = false;
    std::vector<double> features;
};

struct LineProblem {
    std::int64_t line = 0;          // 1-based
    std::string problem;            // "invalid JSON", "missing \"latency_ms\"", ...
};

struct ReadStats {
    std::int64_t lines = 0;         // non-empty lines seen
    std::int64_t records = 0;
    std::int64_t skipped = 0;
    std::vector<LineProblem> problems;   // the first 100 only; `skipped` counts all
};

// Parses "2026-11-23T08:00:00Z", "...+01:00", "...\.123Z" or a number; returns false if not a
// timestamp.
bool parseTimestamp(const std::string& text, double* unixSeconds);

// Reads the whole file, calling onRecord for each good line. Throws Error(FileNotFound /
// FileUnreadable) only for the file itself. Returns false if cancelled.
bool readPredictionLog(const std::filesystem::path& file,
                       const std::function<void(const PredictionRecord&)>& onRecord,
                       ReadStats& stats, const std::atomic<bool>* cancel = nullptr);

}  // namespace flightdeck::monitor
