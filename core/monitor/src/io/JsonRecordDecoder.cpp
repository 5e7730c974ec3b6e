// JSONL lines -> PredictionRecord with a field mapping (simdjson DOM, one reused parser). Each
// problem message names the field as the log spells it, so the writer of the log can be fixed
// from the message alone.
#include "RecordDecoder.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_map>

namespace flightdeck::monitor::detail {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

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

// A number, or one of the spellings of a non-finite value (see LogReader.h).
bool numberOrNonFinite(const element& x, double* out)
{
    if (x.is_number()) {
        *out = x.get_double().value_unsafe();
        return true;
    }
    if (!x.is_string())
        return false;
    const std::string_view s = x.get_string().value_unsafe();
    if (s == "NaN" || s == "nan" || s == "NAN") {
        *out = kNaN;
        return true;
    }
    if (s == "Infinity" || s == "inf" || s == "+inf" || s == "+Infinity" || s == "Inf") {
        *out = INFINITY;
        return true;
    }
    if (s == "-Infinity" || s == "-inf" || s == "-Inf") {
        *out = -INFINITY;
        return true;
    }
    return false;
}

// Python's json.dumps writes NaN, Infinity and -Infinity bare, which is not JSON. Rewrite those
// tokens (outside strings) as strings so the line parses; returns false if there were none.
bool quoteNonFiniteTokens(std::string_view line, std::string* out)
{
    out->clear();
    bool inString = false, changed = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (inString) {
            out->push_back(c);
            if (c == '\\' && i + 1 < line.size())
                out->push_back(line[++i]);
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            out->push_back(c);
        } else if (c == 'N' && line.compare(i, 3, "NaN") == 0) {
            // The first byte is tested before compare(): three memcmp calls per byte of a
            // line that is not JSON were a quarter of fuzz_log's time.
            out->append("\"NaN\"");
            i += 2;
            changed = true;
        } else if (c == 'I' && line.compare(i, 8, "Infinity") == 0) {
            out->append("\"Infinity\"");
            i += 7;
            changed = true;
        } else if (c == '-' && line.compare(i, 9, "-Infinity") == 0) {
            out->append("\"-Infinity\"");
            i += 8;
            changed = true;
        } else {
            out->push_back(c);
        }
    }
    return changed;
}

class JsonDecoder final : public RecordDecoder {
public:
    explicit JsonDecoder(const FieldMapping& m) : m_(m) {}

    std::string decode(std::string_view line, PredictionRecord& rec) override
    {
        // simdjson reads up to SIMDJSON_PADDING bytes past the end: parse a padded copy.
        element doc;
        if (!parse(line, &doc)) {
            if (!quoteNonFiniteTokens(line, &rewritten_) || !parse(rewritten_, &doc))
                return "invalid JSON";
        }
        return decodeDocument(doc, rec);
    }

private:
    bool parse(std::string_view text, element* doc)
    {
        const std::size_t need = text.size() + simdjson::SIMDJSON_PADDING;
        if (scratch_.size() < need)
            scratch_.resize(need);
        std::memcpy(scratch_.data(), text.data(), text.size());
        std::memset(scratch_.data() + text.size(), 0, simdjson::SIMDJSON_PADDING);
        return parser_.parse(scratch_.data(), text.size(), false).get(*doc) == simdjson::SUCCESS;
    }

    // The first mapped name present in `obj`; sets *name to it.
    static bool find(const simdjson::dom::object& obj, const std::vector<std::string>& names,
                     element* out, const std::string** name)
    {
        for (const std::string& n : names)
            if (obj.at_key(n).get(*out) == simdjson::SUCCESS) {
                *name = &n;
                return true;
            }
        return false;
    }

    static std::string quoted(const std::string& s) { return "\"" + s + "\""; }
    static const std::string& first(const std::vector<std::string>& v)
    {
        static const std::string none = "?";
        return v.empty() ? none : v.front();
    }

    std::string decodeFeatures(const element& v, const std::string& name, PredictionRecord& rec)
    {
        rec.features.clear();
        if (v.is_array()) {
            rec.featureNames.reset();
            const simdjson::dom::array items = v.get_array().value_unsafe();
            std::size_t index = 0;
            for (element x : items) {
                double d;
                if (!numberOrNonFinite(x, &d))
                    return quoted(name) + "[" + std::to_string(index) + "] is not a number";
                rec.features.push_back(d);
                ++index;
            }
            return {};
        }
        if (!v.is_object())
            return quoted(name) + " is not an array or object";
        // Names in document order; records laid out like the previous one take the fast path.
        const simdjson::dom::object fields = v.get_object().value_unsafe();
        rec.features.assign(names_ ? names_->size() : 0, kNaN);
        filled_.assign(rec.features.size(), 0);
        std::size_t pos = 0, distinct = 0;  // distinct: a key named twice fills one slot
        for (auto kv : fields) {
            double d;
            if (!numberOrNonFinite(kv.value, &d))
                return quoted(name) + "." + quoted(std::string(kv.key)) + " is not a number";
            std::size_t slot;
            if (names_ && pos < names_->size() && (*names_)[pos] == kv.key) {
                slot = pos;
            } else {
                const auto it = index_.find(std::string(kv.key));
                if (it != index_.end()) {
                    slot = it->second;
                } else {
                    auto grown = names_ ? std::make_shared<std::vector<std::string>>(*names_)
                                        : std::make_shared<std::vector<std::string>>();
                    grown->emplace_back(kv.key);
                    slot = grown->size() - 1;
                    index_.emplace(std::string(kv.key), slot);
                    names_ = std::move(grown);
                    rec.features.resize(names_->size(), kNaN);
                    filled_.resize(names_->size(), 0);
                }
            }
            rec.features[slot] = d;
            if (!filled_[slot]) {
                filled_[slot] = 1;
                ++distinct;
            }
            ++pos;
        }
        if (names_ && distinct < names_->size())
            narrowLayout(fields, rec);
        rec.featureNames = names_;
        return {};
    }

    // A record with fewer features than the layout so far (one odd record first, then the
    // usual ones, or the other way round) gets a layout of exactly its own names: a union
    // would give every later record the odd names as NaN, and drift would then match no
    // record against its reference. The next record of the usual shape takes this layout's
    // fast path again after one more narrowing.
    void narrowLayout(const simdjson::dom::object& fields, PredictionRecord& rec)
    {
        auto exact = std::make_shared<std::vector<std::string>>();
        std::vector<double> values;
        std::unordered_map<std::string, std::size_t> index;
        for (auto kv : fields) {
            std::string key(kv.key);
            if (index.count(key))
                continue;  // a duplicate key: its one slot holds the last value
            values.push_back(rec.features[index_.at(key)]);
            index.emplace(key, exact->size());
            exact->push_back(std::move(key));
        }
        // Logs that alternate between two shapes reuse one name vector per shape, so the
        // consumers' per-layout caches (DriftWindows, the dashboard's records) stay small.
        const auto known = std::find_if(narrowed_.begin(), narrowed_.end(),
                                        [&](const auto& k) { return *k == *exact; });
        if (known != narrowed_.end()) {
            exact = *known;
        } else {
            if (narrowed_.size() >= kNarrowedKept)
                narrowed_.erase(narrowed_.begin());
            narrowed_.push_back(exact);
        }
        names_ = std::move(exact);
        index_ = std::move(index);
        rec.features = std::move(values);
    }

    std::string decodeDocument(const element& doc, PredictionRecord& rec)
    {
        if (!doc.is_object())
            return "not a JSON object";
        const auto obj = doc.get_object().value_unsafe();
        element v;
        const std::string* name = nullptr;

        if (!find(obj, m_.timestamp, &v, &name)) {
            if (m_.requireTimestamp)
                return "missing " + quoted(first(m_.timestamp));
            rec.timestamp = kNaN;
        } else if (v.is_number()) {
            rec.timestamp = epochNumberToSeconds(v.get_double().value_unsafe());
        } else if (!v.is_string()
                   || !parseTimestampText(v.get_string().value_unsafe(), &rec.timestamp)) {
            return quoted(*name) + " is not a number or ISO-8601 text";
        }

        if (!find(obj, m_.latency, &v, &name)) {
            if (m_.requireLatency)
                return "missing " + quoted(first(m_.latency));
            rec.latencyMs = kNaN;
        } else {
            if (!v.is_number())
                return quoted(*name) + " is not a number";
            rec.latencyMs = v.get_double().value_unsafe();
            if (rec.latencyMs < 0)
                return quoted(*name) + " is negative";
        }

        // Optional fields: absent or null leave the default.
        rec.prediction.clear();
        if (find(obj, m_.prediction, &v, &name) && !v.is_null()) {
            if (v.is_string())
                rec.prediction = std::string(v.get_string().value_unsafe());
            else if (v.is_number())
                rec.prediction = formatNumber(v);
            else
                return quoted(*name) + " is not a string or number";
        } else if (m_.requirePrediction) {
            return "missing " + quoted(first(m_.prediction));
        }

        rec.features.clear();
        rec.featureNames.reset();
        if (m_.readFeatures && find(obj, m_.features, &v, &name) && !v.is_null()) {
            std::string problem = decodeFeatures(v, *name, rec);
            if (!problem.empty())
                return problem;
        }

        rec.confidence = kNaN;
        if (find(obj, m_.confidence, &v, &name) && !v.is_null()) {
            if (v.is_array()) {  // class probabilities: the confidence is the largest
                const simdjson::dom::array items = v.get_array().value_unsafe();
                double best = -INFINITY;
                for (element x : items) {
                    if (!x.is_number())
                        return quoted(*name) + " is not a number";
                    best = std::max(best, x.get_double().value_unsafe());
                }
                rec.confidence = std::isfinite(best) ? best : kNaN;
            } else if (!numberOrNonFinite(v, &rec.confidence)) {
                return quoted(*name) + " is not a number";
            }
        }

        rec.requestId.clear();
        if (find(obj, m_.requestId, &v, &name) && !v.is_null()) {
            if (v.is_string())
                rec.requestId = std::string(v.get_string().value_unsafe());
            else if (v.is_number())
                rec.requestId = formatNumber(v);
            else
                return quoted(*name) + " is not a string or number";
        } else if (m_.requireRequestId) {
            return "missing " + quoted(first(m_.requestId));
        }

        rec.error = false;
        if (find(obj, m_.status, &v, &name) && !v.is_null()) {
            if (!v.is_string() && !v.is_number())
                return quoted(*name) + " is not a string or number";
            rec.error = statusMeansError(v);
        }
        if (find(obj, m_.error, &v, &name) && !v.is_null()) {
            if (v.is_bool())
                rec.error = rec.error || v.get_bool().value_unsafe();
            else if (v.is_string())  // {"error": "timeout"}: a message means it failed
                rec.error = rec.error || !v.get_string().value_unsafe().empty();
            else
                return quoted(*name) + " is not a boolean";
        }
        return {};
    }

    FieldMapping m_;
    simdjson::dom::parser parser_;
    std::vector<char> scratch_;
    std::string rewritten_;
    std::shared_ptr<std::vector<std::string>> names_;
    std::unordered_map<std::string, std::size_t> index_;
    std::vector<unsigned char> filled_;   // per slot: set by this record
    static constexpr std::size_t kNarrowedKept = 8;
    std::vector<std::shared_ptr<std::vector<std::string>>> narrowed_;
};

}  // namespace

std::unique_ptr<RecordDecoder> makeJsonDecoder(const FieldMapping& mapping)
{
    return std::make_unique<JsonDecoder>(mapping);
}

}  // namespace flightdeck::monitor::detail
