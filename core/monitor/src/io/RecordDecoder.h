#pragma once
// Private: turns one log line into a PredictionRecord (JSONL or CSV), and the read loop shared
// by readLog, readLogFolder, readPredictionLog and LogFollower.
#include "flightdeck/monitor/LineReader.h"
#include "flightdeck/monitor/LogReader.h"
#include "StrayTimestamps.h"

#include <cmath>
#include <memory>
#include <string>
#include <string_view>

namespace flightdeck::monitor::detail {

class RecordDecoder {
public:
    virtual ~RecordDecoder() = default;
    // CSV decoders take the first non-blank line as the header.
    virtual bool wantsHeader() const { return false; }
    virtual std::string header(std::string_view) { return {}; }
    // "" for a good record, else the problem (the line is skipped).
    virtual std::string decode(std::string_view line, PredictionRecord& rec) = 0;
};

std::unique_ptr<RecordDecoder> makeJsonDecoder(const FieldMapping& mapping);
std::unique_ptr<RecordDecoder> makeCsvDecoder(const FieldMapping& mapping, char delimiter);
std::unique_ptr<RecordDecoder> makeDecoder(LogFormat format, const LogReadOptions& options);

// Timestamp helpers (PredictionLog.cpp).
double epochNumberToSeconds(double v);
bool parseTimestampText(std::string_view text, double* unixSeconds);

// Counting state carried across files of one stream.
struct StreamState {
    double lastTimestamp = -INFINITY;
    std::string fileLabel;  // put on problems when non-empty
    StrayTimestamps strays;
};

// The stream ended (end = true) or caught up (follow mode): releases or rejects held records.
void settleStream(StreamState& state, const RecordCallback& onRecord, ReadStats& stats, bool end);

void addProblem(ReadStats& stats, std::int64_t line, std::string problem,
                const std::string& file);
// A problem with a whole file (line 0): removed before it was read, or a damaged .gz. Counts
// in ReadStats::unreadFiles, so the read is not whole.
void addFileProblem(ReadStats& stats, const std::string& file, std::string problem);
// After a file is read: a damaged or cut-off .gz (LineReader::streamError) as a file problem.
void addStreamProblem(ReadStats& stats, const std::string& file, const LineReader& reader);

enum class LoopEnd { Finished, Cancelled, NoData };

// Reads lines until the reader runs dry (flushTail as LineReader::next), decoding each.
LoopEnd readLines(LineReader& reader, RecordDecoder& decoder, const RecordCallback& onRecord,
                  ReadStats& stats, StreamState& state, const std::atomic<bool>* cancel,
                  bool flushTail);

}  // namespace flightdeck::monitor::detail
