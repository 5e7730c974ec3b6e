#pragma once
// Streaming readers for prediction logs in JSONL (simdjson) or CSV, with a field mapping.
// Memory is constant whatever the file size (LineReader: one buffer of maxLineBytes + 1 MiB).
//
// Defined behaviour on bad input (each bad line is counted in ReadStats with its line number
// and skipped; the read goes on):
//  - invalid JSON, binary garbage, a CSV row with the wrong number of fields: "invalid JSON" /
//    "expected N fields, got M" / "unterminated quote";
//  - a line longer than maxLineBytes: never held in memory, "line too long (N bytes, limit M)",
//    also counted in ReadStats::tooLong;
//  - a missing or unparsable timestamp (when required), a latency that is not a number;
//  - NaN / Inf in features: JSON has no NaN, so the strings "NaN", "Infinity", "-Infinity",
//    "inf", "-inf" and the bare tokens NaN / Infinity / -Infinity that Python's json module
//    writes are read as non-finite values; CSV cells "nan", "inf", "-inf" likewise and an empty
//    cell is NaN. Such records are kept (ReadStats::nonFinite counts them); drift statistics
//    leave the non-finite values out and report how many (DriftReport.h); null is a problem.
//  - a timestamp earlier than the previous record's is kept and counted in
//    ReadStats::outOfOrder: window aggregation files it under its own window.
#include "flightdeck/monitor/LineReader.h"
#include "flightdeck/monitor/PredictionLog.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace flightdeck::monitor {

enum class LogFormat { Auto, Jsonl, Csv };

// Which field (JSON key or CSV column) holds what: for each, the first name present is used.
struct FieldMapping {
    std::vector<std::string> timestamp{"timestamp", "ts", "time"};
    std::vector<std::string> features{"features"};  // JSON object {name: number} or array
    std::vector<std::string> prediction{"prediction", "pred"};
    std::vector<std::string> confidence{"confidence", "score", "probability"};
    std::vector<std::string> latency{"latency_ms", "latency"};
    std::vector<std::string> status{"status"};
    std::vector<std::string> error{"error"};
    std::vector<std::string> requestId{"request_id", "requestId", "id"};
    // CSV: the feature columns; empty = every column no other field uses.
    std::vector<std::string> featureColumns;
    bool requireTimestamp = true;
    bool requireLatency = false;
    bool requirePrediction = false;
    bool requireRequestId = false;
    bool readFeatures = true;  // false: features are neither read nor checked
};

struct LogReadOptions {
    FieldMapping mapping;
    LogFormat format = LogFormat::Auto;  // Auto: .csv / .tsv (also before a rotation suffix) = CSV
    std::size_t maxLineBytes = kDefaultMaxLineBytes;
    char csvDelimiter = 0;  // 0: sniffed from the header (',', '\t' or ';')
};

using RecordCallback = std::function<void(const PredictionRecord&)>;

// One file. Stats start afresh. Throws Error(FileNotFound / FileUnreadable) for the file itself
// (a CSV without a header line: Error(NoHeader)). Returns false if cancelled.
bool readLog(const std::filesystem::path& file, const LogReadOptions& options,
             const RecordCallback& onRecord, ReadStats& stats,
             const std::atomic<bool>* cancel = nullptr);

// The log files of a folder in the order they were written (rotatedLogFiles), as one stream;
// problems carry their file name. Returns false if cancelled. The folder is read as it was
// when listed: a file renamed by a rotation during the read is followed by its inode, a file
// removed before it was read counts in ReadStats::unreadFiles, and files that are not logs
// are listed in ReadStats::skippedFiles.
bool readLogFolder(const std::filesystem::path& folder, const LogReadOptions& options,
                   const RecordCallback& onRecord, ReadStats& stats,
                   const std::atomic<bool>* cancel = nullptr);

// Regular, non-hidden files of `folder`, oldest first, by logrotate's naming: a numeric
// suffix ("app.log.3", "app.3.jsonl") is a rotation index, higher = older, and files without
// one are the newest; within the same index, names sort ascending (so date stamps such as
// "app-2026-11-23.jsonl" come in date order). A log's name has a known extension (.jsonl,
// .ndjson, .json, .log, .csv, .tsv) before any rotation number, date or ".gz"; gzip rotations
// ("app.jsonl.2.gz") are read, other compressions and other names are left out.
std::vector<std::filesystem::path> rotatedLogFiles(const std::filesystem::path& folder);

LogFormat formatForPath(const std::filesystem::path& file);

// Ground truth for accuracy: (request id, label) pairs from JSONL or CSV.
struct GroundTruthMapping {
    std::vector<std::string> requestId{"request_id", "requestId", "id"};
    std::vector<std::string> label{"label", "ground_truth", "truth", "actual", "y"};
};
bool readGroundTruth(const std::filesystem::path& file, const GroundTruthMapping& mapping,
                     const std::function<void(const std::string& requestId,
                                              const std::string& label)>& onLabel,
                     ReadStats& stats, const std::atomic<bool>* cancel = nullptr,
                     LogFormat format = LogFormat::Auto);

}  // namespace flightdeck::monitor
