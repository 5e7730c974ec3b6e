// The read loop shared by every log reader (single files, ground truth files, and the folders
// of LogFolder.cpp).
#include "RecordDecoder.h"

#include "flightdeck/common/Error.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <cmath>

namespace flightdeck::monitor {

namespace detail {

namespace {

constexpr std::size_t kMaxProblems = 100;        // ReadStats' promise: first 100 only
constexpr std::uint64_t kCancelPollLines = 4096; // an atomic load per line would be wasted

bool isBlank(std::string_view s)
{
    for (char ch : s)
        if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n')
            return false;
    return true;
}

}  // namespace

void addProblem(ReadStats& stats, std::int64_t line, std::string problem, const std::string& file)
{
    ++stats.skipped;
    if (stats.problems.size() < kMaxProblems)
        stats.problems.push_back({line, std::move(problem), file});
}

void addFileProblem(ReadStats& stats, const std::string& file, std::string problem)
{
    // Listed even past the line problems' cap: a report that is not whole must say which
    // file and why (own cap: a folder of thousands of removed files).
    if (++stats.unreadFiles <= static_cast<std::int64_t>(kMaxProblems))
        stats.problems.push_back({0, std::move(problem), file});
}

void addStreamProblem(ReadStats& stats, const std::string& file, const LineReader& reader)
{
    if (reader.streamError().empty())
        return;
    const std::int64_t line = reader.lineNumber();
    addFileProblem(stats, file,
                   reader.streamError()
                       + (line > 0 ? " after line " + std::to_string(line) : std::string(" before its first line"))
                       + ": the rest is missing");
}

namespace {

StrayTimestamps::Emit accepted(StreamState& state, const RecordCallback& onRecord, ReadStats& stats)
{
    return [&state, &onRecord, &stats](const PredictionRecord& r) {
        if (r.timestamp < state.lastTimestamp)
            ++stats.outOfOrder;
        if (!std::isnan(r.timestamp))
            state.lastTimestamp = r.timestamp;
        for (double f : r.features)
            if (!std::isfinite(f)) {
                ++stats.nonFinite;
                break;
            }
        ++stats.records;
        onRecord(r);
    };
}

StrayTimestamps::Reject rejected(ReadStats& stats)
{
    return [&stats](std::int64_t line, const std::string& file, std::string problem) {
        addProblem(stats, line, std::move(problem), file);
    };
}

}  // namespace

LoopEnd readLines(LineReader& reader, RecordDecoder& decoder, const RecordCallback& onRecord,
                  ReadStats& stats, StreamState& state, const std::atomic<bool>* cancel,
                  bool flushTail)
{
    thread_local PredictionRecord rec;  // reused: its vectors keep their capacity
    std::string_view line;
    std::uint64_t polled = 0;
    const std::uint64_t bytesBefore = reader.bytesConsumed();
    auto account = [&] { stats.bytes += reader.bytesConsumed() - bytesBefore; };
    while (true) {
        if (cancel && polled++ % kCancelPollLines == 0
            && cancel->load(std::memory_order_relaxed)) {
            account();
            return LoopEnd::Cancelled;
        }
        // An unterminated last line is taken only after everything terminated is read, so
        // it is known to be the tail.
        LineReader::Result r = reader.next(&line, false);
        bool tail = false;
        if (r == LineReader::Result::NoData && flushTail && reader.hasBufferedTail()) {
            r = reader.next(&line, true);
            tail = r == LineReader::Result::Line;
        }
        if (r == LineReader::Result::NoData) {
            account();
            return flushTail ? LoopEnd::Finished : LoopEnd::NoData;
        }
        if (r == LineReader::Result::TooLong) {
            ++stats.lines;
            ++stats.tooLong;
            addProblem(stats, reader.lineNumber(),
                       "line too long (" + std::to_string(reader.tooLongBytes()) + " bytes, limit "
                           + std::to_string(reader.maxLineBytes()) + ")",
                       state.fileLabel);
            continue;
        }
        if (isBlank(line))
            continue;
        if (decoder.wantsHeader()) {
            std::string problem = decoder.header(line);
            if (!problem.empty())
                throw Error(ErrorInfo{ErrorCode::NoHeader, reader.path().string(),
                                      reader.lineNumber(), {}, problem});
            continue;
        }
        ++stats.lines;
        std::string problem = decoder.decode(line, rec);
        if (!problem.empty()) {
            if (tail && !reader.streamError().empty()) {
                // The cut of a damaged or cut-off .gz, reported with the file; not a log
                // still being written.
                problem = "the last line before the gzip data ends (" + problem + ")";
            } else if (tail) {
                stats.incompleteLastLine = true;
                problem = "incomplete last line (" + problem + ", and no newline at the end of "
                          "the file): the log may still be being written";
            }
            addProblem(stats, reader.lineNumber(), std::move(problem), state.fileLabel);
            continue;
        }
        state.strays.offer(rec, reader.lineNumber(), state.fileLabel,
                           accepted(state, onRecord, stats), rejected(stats));
    }
}

void settleStream(StreamState& state, const RecordCallback& onRecord, ReadStats& stats, bool end)
{
    state.strays.settle(end, accepted(state, onRecord, stats), rejected(stats));
}

std::unique_ptr<RecordDecoder> makeDecoder(LogFormat format, const LogReadOptions& options)
{
    if (format == LogFormat::Csv)
        return makeCsvDecoder(options.mapping, options.csvDelimiter);
    return makeJsonDecoder(options.mapping);
}

}  // namespace detail

bool readLog(const std::filesystem::path& file, const LogReadOptions& options,
             const RecordCallback& onRecord, ReadStats& stats, const std::atomic<bool>* cancel)
{
    stats = ReadStats{};
    LineReader reader(options.maxLineBytes);
    reader.open(file);
    const LogFormat format =
        options.format == LogFormat::Auto ? formatForPath(file) : options.format;
    auto decoder = detail::makeDecoder(format, options);
    detail::StreamState state;
    stats.files = 1;
    if (detail::readLines(reader, *decoder, onRecord, stats, state, cancel, true)
        == detail::LoopEnd::Cancelled)
        return false;
    detail::addStreamProblem(stats, file.filename().string(), reader);
    detail::settleStream(state, onRecord, stats, true);
    return true;
}

bool readGroundTruth(const std::filesystem::path& file, const GroundTruthMapping& mapping,
                     const std::function<void(const std::string&, const std::string&)>& onLabel,
                     ReadStats& stats, const std::atomic<bool>* cancel, LogFormat format)
{
    LogReadOptions options;
    options.format = format;
    FieldMapping& m = options.mapping;
    m = FieldMapping{};
    m.requestId = mapping.requestId;
    m.prediction = mapping.label;
    m.timestamp.clear();
    m.latency.clear();
    m.confidence.clear();
    m.status.clear();
    m.error.clear();
    m.features.clear();
    m.requireTimestamp = false;
    m.requirePrediction = true;
    m.requireRequestId = true;
    m.readFeatures = false;
    return readLog(file, options,
                   [&](const PredictionRecord& r) { onLabel(r.requestId, r.prediction); }, stats,
                   cancel);
}

}  // namespace flightdeck::monitor
