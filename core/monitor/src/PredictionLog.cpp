#include "flightdeck/monitor/PredictionLog.h"

#include "flightdeck/common/Error.h"

#include <simdjson.h>

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string_view>
#include <system_error>

namespace flightdeck::monitor {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

constexpr std::size_t kMaxProblems = 100;        // the header's promise: first 100 only
constexpr std::int64_t kCancelPollLines = 4096;  // an atomic load per line would be wasted
constexpr std::size_t kReadBufferBytes = 1 << 20;
// Numbers this large cannot be seconds (year > 5138), so logs that write epoch milliseconds
// (JavaScript's Date.now(), Java's currentTimeMillis) are recognised without a setting.
constexpr double kMillisecondsThreshold = 1e11;

double epochNumberToSeconds(double v)
{
    return v > kMillisecondsThreshold ? v / 1000.0 : v;
}

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : days[m - 1];
}

// A cursor over the timestamp text; each reader consumes exactly what it accepts.
struct Cursor {
    std::string_view s;
    std::size_t i = 0;
    bool done() const { return i >= s.size(); }
    bool take(char c)
    {
        if (done() || s[i] != c)
            return false;
        ++i;
        return true;
    }
    bool digits(int count, int* out)
    {
        int v = 0;
        for (int n = 0; n < count; ++n, ++i) {
            if (done() || !std::isdigit(static_cast<unsigned char>(s[i])))
                return false;
            v = v * 10 + (s[i] - '0');
        }
        *out = v;
        return true;
    }
};

// ISO-8601 / RFC 3339 date-time: YYYY-MM-DD('T'|'t'|' ')hh:mm[:ss[(.|,)fraction]][zone], zone
// being Z, ±hh:mm, ±hhmm or ±hh. Without a zone the time is taken as UTC: servers that log
// naive times (Python's datetime.isoformat()) almost always log UTC, and guessing the
// reader's local zone would make the same file plot differently on different machines.
bool parseIso(std::string_view text, double* out)
{
    Cursor c{text};
    int year, month, day, hour, minute, second = 0;
    if (!c.digits(4, &year) || !c.take('-') || !c.digits(2, &month) || !c.take('-')
        || !c.digits(2, &day))
        return false;
    if (!(c.take('T') || c.take('t') || c.take(' ')))
        return false;
    if (!c.digits(2, &hour) || !c.take(':') || !c.digits(2, &minute))
        return false;
    double fraction = 0;
    if (c.take(':')) {
        if (!c.digits(2, &second))
            return false;
        if (c.take('.') || c.take(',')) {
            double scale = 0.1;
            const std::size_t first = c.i;
            for (; !c.done() && std::isdigit(static_cast<unsigned char>(c.s[c.i])); ++c.i) {
                fraction += (c.s[c.i] - '0') * scale;
                scale /= 10;
            }
            if (c.i == first)
                return false;
        }
    }
    int offsetSeconds = 0;
    if (c.take('Z') || c.take('z')) {
        // UTC
    } else if (!c.done() && (c.s[c.i] == '+' || c.s[c.i] == '-')) {
        const int sign = c.s[c.i] == '-' ? -1 : 1;
        ++c.i;
        int oh = 0, om = 0;
        if (!c.digits(2, &oh))
            return false;
        if (!c.done()) {
            c.take(':');
            if (!c.digits(2, &om))
                return false;
        }
        if (oh > 23 || om > 59)
            return false;
        offsetSeconds = sign * (oh * 3600 + om * 60);
    }
    if (!c.done())
        return false;
    // Second 60 is a leap second; timegm normalises it into the next minute.
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23
        || minute > 59 || second > 60)
        return false;

    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_sec = second;
    const std::time_t t = timegm(&tm);  // the fields are validated, so -1 is a real time
    *out = static_cast<double>(t) - offsetSeconds + fraction;
    return true;
}

// One ignored line is any that holds only whitespace (a trailing newline, CRLF leftovers).
bool isBlank(std::string_view s)
{
    for (char ch : s)
        if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n')
            return false;
    return true;
}

std::string formatNumber(const element& v)
{
    char buf[64];
    std::to_chars_result r{};
    switch (v.type()) {
    case element_type::INT64:
        r = std::to_chars(buf, buf + sizeof buf, std::int64_t(v.get_int64().value_unsafe()));
        break;
    case element_type::UINT64:
        r = std::to_chars(buf, buf + sizeof buf, std::uint64_t(v.get_uint64().value_unsafe()));
        break;
    default:
        // Shortest round-trip form: 3.0 -> "3", 2.50 -> "2.5", so a class written as a float by
        // one client and as an integer by another lands in the same bucket.
        r = std::to_chars(buf, buf + sizeof buf, double(v.get_double().value_unsafe()));
        break;
    }
    return std::string(buf, r.ptr);
}

bool statusMeansError(const element& status)
{
    if (status.is_string()) {
        std::string s(status.get_string().value_unsafe());
        for (char& ch : s)
            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (s == "error" || s == "fail" || s == "failed" || s == "failure")
            return true;
        // HTTP codes written as text ("503") count like numbers.
        int code = 0;
        const auto r = std::from_chars(s.data(), s.data() + s.size(), code);
        return r.ec == std::errc() && r.ptr == s.data() + s.size() && code >= 500;
    }
    return status.get_double().value_unsafe() >= 500;
}

// Fills `rec` from one parsed line; returns the problem text, or "" for a good record.
// Each check names the field, so a user can fix the writer of the log from the message alone.
std::string decodeRecord(const element& doc, PredictionRecord& rec)
{
    if (!doc.is_object())
        return "not a JSON object";
    const auto obj = doc.get_object().value_unsafe();

    element v;
    if (obj.at_key("timestamp").get(v) != simdjson::SUCCESS)
        return "missing \"timestamp\"";
    if (v.is_number()) {
        rec.timestamp = epochNumberToSeconds(v.get_double().value_unsafe());
    } else if (!v.is_string()
               || !parseTimestamp(std::string(v.get_string().value_unsafe()), &rec.timestamp)) {
        return "\"timestamp\" is not a number or ISO-8601 text";
    }

    if (obj.at_key("latency_ms").get(v) != simdjson::SUCCESS)
        return "missing \"latency_ms\"";
    if (!v.is_number())
        return "\"latency_ms\" is not a number";
    rec.latencyMs = v.get_double().value_unsafe();
    if (rec.latencyMs < 0)
        return "\"latency_ms\" is negative";

    // Optional fields: absent or null leave the default.
    rec.prediction.clear();
    if (obj.at_key("prediction").get(v) == simdjson::SUCCESS && !v.is_null()) {
        if (v.is_string())
            rec.prediction = std::string(v.get_string().value_unsafe());
        else if (v.is_number())
            rec.prediction = formatNumber(v);
        else
            return "\"prediction\" is not a string or number";
    }

    rec.features.clear();
    if (obj.at_key("features").get(v) == simdjson::SUCCESS && !v.is_null()) {
        if (v.is_array()) {
            // Copy the handle out first: ranging over value_unsafe() of a temporary result
            // would iterate a dangling reference.
            const simdjson::dom::array items = v.get_array().value_unsafe();
            std::size_t index = 0;
            for (element x : items) {
                if (!x.is_number())
                    return "\"features\"[" + std::to_string(index) + "] is not a number";
                rec.features.push_back(x.get_double().value_unsafe());
                ++index;
            }
        } else if (v.is_object()) {
            // Document order: the writer's order is the model's input order.
            const simdjson::dom::object fields = v.get_object().value_unsafe();
            for (auto kv : fields) {
                if (!kv.value.is_number())
                    return "\"features\".\"" + std::string(kv.key) + "\" is not a number";
                rec.features.push_back(kv.value.get_double().value_unsafe());
            }
        } else {
            return "\"features\" is not an array or object";
        }
    }

    rec.error = false;
    if (obj.at_key("status").get(v) == simdjson::SUCCESS && !v.is_null()) {
        if (!v.is_string() && !v.is_number())
            return "\"status\" is not a string or number";
        rec.error = statusMeansError(v);
    }
    if (obj.at_key("error").get(v) == simdjson::SUCCESS && !v.is_null()) {
        if (v.is_bool())
            rec.error = rec.error || v.get_bool().value_unsafe();
        else if (v.is_string())  // {"error": "timeout"}: a message means it failed
            rec.error = rec.error || !v.get_string().value_unsafe().empty();
        else
            return "\"error\" is not a boolean";
    }
    return {};
}

}  // namespace

bool parseTimestamp(const std::string& text, double* unixSeconds)
{
    std::string_view s(text);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    if (s.empty())
        return false;

    double value = 0;
    // An epoch number written as text; "2026-..." stops after the year and falls through.
    const auto r = std::from_chars(s.data(), s.data() + s.size(), value);
    if (r.ec == std::errc() && r.ptr == s.data() + s.size()) {
        if (!std::isfinite(value))  // from_chars accepts "nan" and "inf"
            return false;
        *unixSeconds = epochNumberToSeconds(value);
        return true;
    }
    if (!parseIso(s, &value))
        return false;
    *unixSeconds = value;
    return true;
}

bool readPredictionLog(const std::filesystem::path& file,
                       const std::function<void(const PredictionRecord&)>& onRecord,
                       ReadStats& stats, const std::atomic<bool>* cancel)
{
    // Stats describe this file only: line numbers from two files in one list would mislead.
    stats = ReadStats{};

    std::error_code ec;
    const auto st = std::filesystem::status(file, ec);
    if (!std::filesystem::exists(st))
        throw Error(ErrorInfo{ErrorCode::FileNotFound, file.string(), 0, {}, {}});
    if (std::filesystem::is_directory(st))
        throw Error(ErrorInfo{ErrorCode::FileUnreadable, file.string(), 0, {}, "is a folder"});

    // A large stream buffer keeps syscalls rare; it must be installed before open().
    std::vector<char> streamBuffer(kReadBufferBytes);
    std::ifstream in;
    in.rdbuf()->pubsetbuf(streamBuffer.data(), static_cast<std::streamsize>(streamBuffer.size()));
    in.open(file, std::ios::binary);
    if (!in)
        throw Error(ErrorInfo{ErrorCode::FileUnreadable, file.string(), 0, {},
                              std::strerror(errno)});

    // One parser and one line buffer for the whole file: memory is bounded by the longest
    // line, not the file size. The DOM parser validates the whole line, so a truncated or
    // corrupt line is reported as invalid JSON rather than half-read.
    simdjson::dom::parser parser;
    std::string line;
    PredictionRecord rec;
    std::int64_t lineNo = 0;
    auto addProblem = [&](std::string problem) {
        ++stats.skipped;
        if (stats.problems.size() < kMaxProblems)
            stats.problems.push_back({lineNo, std::move(problem)});
    };

    while (true) {
        if (cancel && lineNo % kCancelPollLines == 0 && cancel->load(std::memory_order_relaxed))
            return false;
        if (!std::getline(in, line))
            break;
        ++lineNo;
        if (!line.empty() && line.back() == '\r')  // CRLF files
            line.pop_back();
        if (lineNo == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0)  // editors' UTF-8 BOM
            line.erase(0, 3);
        if (isBlank(line))
            continue;
        ++stats.lines;

        // simdjson reads up to SIMDJSON_PADDING bytes past the end; give it zeroed bytes
        // instead of letting it copy the line into a padded buffer of its own.
        const std::size_t length = line.size();
        line.append(simdjson::SIMDJSON_PADDING, '\0');
        element doc;
        if (parser.parse(line.data(), length, false).get(doc) != simdjson::SUCCESS) {
            addProblem("invalid JSON");
            continue;
        }
        std::string problem = decodeRecord(doc, rec);
        if (!problem.empty()) {
            addProblem(std::move(problem));
            continue;
        }
        ++stats.records;
        onRecord(rec);
    }
    if (in.bad())
        throw Error(ErrorInfo{ErrorCode::FileUnreadable, file.string(), lineNo, {},
                              "read error"});
    return true;
}

}  // namespace flightdeck::monitor
