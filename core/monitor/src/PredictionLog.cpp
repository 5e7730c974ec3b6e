#include "flightdeck/monitor/PredictionLog.h"

#include "io/RecordDecoder.h"

#include "flightdeck/common/Error.h"

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


// Numbers this large cannot be seconds (year > 5138), so logs that write epoch milliseconds
// (JavaScript's Date.now(), Java's currentTimeMillis) are recognised without a setting.
constexpr double kMillisecondsThreshold = 1e11;

double epochToSeconds(double v)
{
    const double a = std::fabs(v);
    if (a > 1e17)
        return v / 1e9;   // nanoseconds
    if (a > 1e14)
        return v / 1e6;   // microseconds
    return a > kMillisecondsThreshold ? v / 1000.0 : v;
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

}  // namespace

namespace detail {
double epochNumberToSeconds(double v) { return epochToSeconds(v); }
bool parseTimestampText(std::string_view text, double* unixSeconds);
}  // namespace detail

bool parseTimestamp(const std::string& text, double* unixSeconds)
{
    return detail::parseTimestampText(text, unixSeconds);
}

bool detail::parseTimestampText(std::string_view text, double* unixSeconds)
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
        *unixSeconds = epochToSeconds(value);
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
    LogReadOptions options;
    options.format = LogFormat::Jsonl;
    options.mapping.requireLatency = true;
    return readLog(file, options, onRecord, stats, cancel);
}

}  // namespace flightdeck::monitor
