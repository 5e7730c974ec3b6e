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
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace flightdeck::monitor {

struct PredictionRecord {
    double timestamp = 0;           // Unix seconds
    double latencyMs = 0;           // NaN when the log has no latency (LogReader, not required)
    std::string prediction;
    bool error = false;
    std::vector<double> features;   // NaN / +-Inf kept as read (see LogReader.h)
    // Added for LogReader (readPredictionLog fills them too):
    double confidence = std::numeric_limits<double>::quiet_NaN();  // NaN when absent
    std::string requestId;          // empty when absent
    // Names of `features` when the log names them (a JSON object, CSV columns); null for a
    // JSON array. Shared by consecutive records with the same layout: compare pointers.
    std::shared_ptr<const std::vector<std::string>> featureNames;
};

struct LineProblem {
    std::int64_t line = 0;          // 1-based
    std::string problem;            // "invalid JSON", "missing \"latency_ms\"", ...
    std::string file;               // set when several files are read (folders, follow mode)
};

// A file of a log folder that was not read, and why (not a log's name, a compression this
// reader does not decompress).
struct SkippedFile {
    std::string file;
    std::string reason;
};

struct ReadStats {
    std::int64_t lines = 0;         // non-empty lines seen
    std::int64_t records = 0;
    std::int64_t skipped = 0;
    std::vector<LineProblem> problems;   // the first 100 only; `skipped` counts all
    // Added for LogReader:
    std::int64_t tooLong = 0;       // lines over the length cap (also counted in `skipped`)
    std::int64_t outOfOrder = 0;    // records whose timestamp is before the previous record's
    std::int64_t nonFinite = 0;     // records with a NaN / Inf feature (kept, see LogReader.h)
    std::uint64_t bytes = 0;        // bytes read
    std::int64_t files = 0;         // files read (folders, rotation)
    // The file ended in a line with no newline that did not parse: a log still being written
    // (a torn last line). Reported as a problem, and the report is not "complete".
    bool incompleteLastLine = false;
    std::vector<SkippedFile> skippedFiles;  // folder files left out on purpose, by name
    // Files whose data was partly or wholly lost: removed between listing and reading, or a
    // damaged / cut-off .gz (each also a problem with line 0). The report is not "complete".
    std::int64_t unreadFiles = 0;
    // Every byte of every listed log was read: what "complete" means in the reports.
    bool whole() const { return !incompleteLastLine && unreadFiles == 0; }
};

// Parses "2026-11-23T08:00:00Z", "...+01:00", "...\.123Z" or a number; returns false if not a
// timestamp. Epoch numbers are seconds, or milliseconds above 1e11, microseconds above 1e14,
// nanoseconds above 1e17 (no plausible date in seconds is that large).
bool parseTimestamp(const std::string& text, double* unixSeconds);

// Reads the whole file, calling onRecord for each good line. Throws Error(FileNotFound /
// FileUnreadable) only for the file itself. Returns false if cancelled. Memory stays constant:
// a line over 1 MiB is skipped and reported as "line too long (N bytes, limit 1048576)".
// Equivalent to readLog (LogReader.h) with the JSONL format and latency required.
bool readPredictionLog(const std::filesystem::path& file,
                       const std::function<void(const PredictionRecord&)>& onRecord,
                       ReadStats& stats, const std::atomic<bool>* cancel = nullptr);

}  // namespace flightdeck::monitor
