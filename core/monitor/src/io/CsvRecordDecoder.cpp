// CSV / TSV prediction logs: a header line names the columns, the field mapping picks them.
// One record per line (RFC 4180 quoting within a line; a quoted newline is not supported and
// shows up as "unterminated quote"). Numbers go through fast_float: exact, locale-free.
#include "RecordDecoder.h"

#include "flightdeck/common/Error.h"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <deque>
#include <limits>

namespace flightdeck::monitor::detail {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

// "" for a good split; fields point into `line` or into `storage` (unescaped quoted fields).
std::string split(std::string_view line, char delim, std::vector<std::string_view>& fields,
                  std::deque<std::string>& storage)
{
    fields.clear();
    std::size_t used = 0;
    std::size_t i = 0;
    while (true) {
        if (i < line.size() && line[i] == '"') {
            if (storage.size() <= used)
                storage.emplace_back();
            std::string& out = storage[used++];
            out.clear();
            ++i;
            bool closed = false;
            while (i < line.size()) {
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        out.push_back('"');
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                out.push_back(line[i++]);
            }
            if (!closed)
                return "unterminated quote";
            // Anything between the closing quote and the delimiter is kept (lenient).
            while (i < line.size() && line[i] != delim)
                out.push_back(line[i++]);
            fields.emplace_back(out);
        } else {
            const std::size_t start = i;
            while (i < line.size() && line[i] != delim)
                ++i;
            fields.push_back(line.substr(start, i - start));
        }
        if (i >= line.size())
            return {};
        ++i;  // the delimiter
    }
}

// fast_float with a leading '+' allowed and surrounding blanks ignored; "" -> NaN.
bool parseNumber(std::string_view text, double* out)
{
    std::string_view s = trim(text);
    if (s.empty()) {
        *out = kNaN;
        return true;
    }
    if (s.front() == '+')
        s.remove_prefix(1);
    const auto r = fast_float::from_chars(s.data(), s.data() + s.size(), *out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool statusTextMeansError(std::string_view text)
{
    std::string s(trim(text));
    for (char& ch : s)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (s == "error" || s == "fail" || s == "failed" || s == "failure")
        return true;
    int code = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), code);
    return r.ec == std::errc() && r.ptr == s.data() + s.size() && code >= 500;
}

class CsvDecoder final : public RecordDecoder {
public:
    CsvDecoder(const FieldMapping& m, char delimiter) : m_(m), delim_(delimiter) {}

    bool wantsHeader() const override { return columns_.empty(); }

    std::string header(std::string_view line) override
    {
        if (delim_ == 0) {
            // The most frequent of ',', '\t', ';' outside quotes; ',' on a tie.
            std::size_t counts[3] = {0, 0, 0};
            bool inQuotes = false;
            for (char c : line) {
                if (c == '"')
                    inQuotes = !inQuotes;
                else if (!inQuotes)
                    counts[0] += c == ',', counts[1] += c == '\t', counts[2] += c == ';';
            }
            delim_ = counts[1] > counts[0] && counts[1] >= counts[2] ? '\t'
                     : counts[2] > counts[0] && counts[2] > counts[1] ? ';'
                                                                       : ',';
        }
        std::vector<std::string_view> fields;
        std::deque<std::string> storage;
        std::string problem = split(line, delim_, fields, storage);
        if (!problem.empty())
            return problem;
        for (std::string_view f : fields)
            columns_.emplace_back(trim(f));
        auto pick = [&](const std::vector<std::string>& names) -> int {
            for (const std::string& n : names)
                for (std::size_t c = 0; c < columns_.size(); ++c)
                    if (columns_[c] == n)
                        return static_cast<int>(c);
            return -1;
        };
        ts_ = pick(m_.timestamp);
        latency_ = pick(m_.latency);
        prediction_ = pick(m_.prediction);
        confidence_ = pick(m_.confidence);
        status_ = pick(m_.status);
        error_ = pick(m_.error);
        requestId_ = pick(m_.requestId);
        auto names = std::make_shared<std::vector<std::string>>();
        if (!m_.featureColumns.empty()) {
            for (const std::string& f : m_.featureColumns) {
                const int c = pick({f});
                if (c < 0)
                    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, f,
                                          "no such column in the CSV header"});
                features_.push_back(c);
                names->push_back(f);
            }
        } else if (m_.readFeatures) {
            for (std::size_t c = 0; c < columns_.size(); ++c) {
                const int ci = static_cast<int>(c);
                if (ci == ts_ || ci == latency_ || ci == prediction_ || ci == confidence_
                    || ci == status_ || ci == error_ || ci == requestId_)
                    continue;
                features_.push_back(ci);
                names->push_back(columns_[c]);
            }
        }
        names_ = std::move(names);
        return {};
    }

    std::string decode(std::string_view line, PredictionRecord& rec) override
    {
        std::string problem = split(line, delim_, fields_, storage_);
        if (!problem.empty())
            return problem;
        if (fields_.size() != columns_.size())
            return "expected " + std::to_string(columns_.size()) + " fields, got "
                   + std::to_string(fields_.size());
        auto q = [&](int c) { return "\"" + columns_[static_cast<std::size_t>(c)] + "\""; };

        rec.timestamp = kNaN;
        if (ts_ < 0 || trim(fields_[ts_]).empty()) {
            if (m_.requireTimestamp)
                return "missing \"" + (ts_ < 0 ? m_.timestamp.front() : columns_[ts_]) + "\"";
        } else if (!parseTimestampText(trim(fields_[ts_]), &rec.timestamp)) {
            return q(ts_) + " is not a number or ISO-8601 text";
        }

        rec.latencyMs = kNaN;
        if (latency_ < 0 || trim(fields_[latency_]).empty()) {
            if (m_.requireLatency)
                return "missing \"" + (latency_ < 0 ? m_.latency.front() : columns_[latency_])
                       + "\"";
        } else if (!parseNumber(fields_[latency_], &rec.latencyMs) || std::isnan(rec.latencyMs)) {
            return q(latency_) + " is not a number";
        } else if (rec.latencyMs < 0) {
            return q(latency_) + " is negative";
        }

        rec.prediction = prediction_ < 0 ? std::string() : std::string(trim(fields_[prediction_]));
        if (m_.requirePrediction && rec.prediction.empty())
            return "missing \"" + (prediction_ < 0 ? m_.prediction.front() : columns_[prediction_])
                   + "\"";
        rec.confidence = kNaN;
        if (confidence_ >= 0 && !parseNumber(fields_[confidence_], &rec.confidence))
            return q(confidence_) + " is not a number";
        rec.requestId = requestId_ < 0 ? std::string() : std::string(trim(fields_[requestId_]));
        if (m_.requireRequestId && rec.requestId.empty())
            return "missing \"" + (requestId_ < 0 ? m_.requestId.front() : columns_[requestId_])
                   + "\"";
        rec.error = status_ >= 0 && statusTextMeansError(fields_[status_]);
        if (error_ >= 0) {
            std::string e(trim(fields_[error_]));
            for (char& ch : e)
                ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            // "", "false", "0", "no" mean success; "true", "1" or any message mean failure.
            if (!(e.empty() || e == "false" || e == "0" || e == "no"))
                rec.error = true;
        }
        rec.features.resize(features_.size());
        for (std::size_t k = 0; k < features_.size(); ++k)
            if (!parseNumber(fields_[features_[k]], &rec.features[k]))
                return q(features_[k]) + " is not a number";
        rec.featureNames = names_;
        return {};
    }

private:
    FieldMapping m_;
    char delim_;
    std::vector<std::string> columns_;
    int ts_ = -1, latency_ = -1, prediction_ = -1, confidence_ = -1, status_ = -1, error_ = -1,
        requestId_ = -1;
    std::vector<int> features_;
    std::shared_ptr<const std::vector<std::string>> names_;
    std::vector<std::string_view> fields_;
    std::deque<std::string> storage_;  // stable addresses for the views
};

}  // namespace

std::unique_ptr<RecordDecoder> makeCsvDecoder(const FieldMapping& mapping, char delimiter)
{
    return std::make_unique<CsvDecoder>(mapping, delimiter);
}

}  // namespace flightdeck::monitor::detail
