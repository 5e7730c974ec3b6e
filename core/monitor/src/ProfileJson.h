#pragma once
// Internal: typed reads from a parsed JSON document, each failure an Error(BadValue) naming the
// file and the field's path ("features[2].sample[7]"); and a feature profile's JSON both ways.
// Non-finite numbers are written as the strings "NaN", "Infinity", "-Infinity" (JSON has no
// NaN), the spellings the log reader accepts too.
#include "flightdeck/common/Error.h"
#include "flightdeck/monitor/ReferenceProfile.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <string>

namespace flightdeck::monitor::detail {

inline nlohmann::json numberToJson(double v)
{
    if (std::isfinite(v))
        return v;
    return std::isnan(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
}

class JsonReader {
public:
    JsonReader(const nlohmann::json& root, std::string where) : root_(root), where_(std::move(where)) {}
    const nlohmann::json& root() const { return root_; }

    [[noreturn]] void fail(const std::string& path, const std::string& detail) const
    {
        throw Error(ErrorInfo{ErrorCode::BadValue, where_, 0, path, detail});
    }
    const nlohmann::json& field(const nlohmann::json& obj, const char* key,
                                const std::string& path) const
    {
        if (!obj.is_object() || !obj.contains(key))
            fail(path, "missing");
        return obj[key];
    }
    std::string text(const nlohmann::json& obj, const char* key, std::string path = {}) const
    {
        path = path.empty() ? key : path;
        const auto& v = field(obj, key, path);
        if (!v.is_string())
            fail(path, "expected text");
        return v.get<std::string>();
    }
    std::int64_t integer(const nlohmann::json& obj, const char* key, std::string path = {}) const
    {
        path = path.empty() ? key : path;
        const auto& v = field(obj, key, path);
        if (!v.is_number_integer())
            fail(path, "expected a whole number");
        return v.get<std::int64_t>();
    }
    std::uint64_t unsignedInteger(const nlohmann::json& obj, const char* key,
                                  std::string path = {}) const
    {
        path = path.empty() ? key : path;
        const auto& v = field(obj, key, path);
        if (!v.is_number_unsigned())
            fail(path, "expected a whole number >= 0");
        return v.get<std::uint64_t>();
    }
    bool boolean(const nlohmann::json& obj, const char* key, std::string path = {}) const
    {
        path = path.empty() ? key : path;
        const auto& v = field(obj, key, path);
        if (!v.is_boolean())
            fail(path, "expected true or false");
        return v.get<bool>();
    }
    double number(const nlohmann::json& v, const std::string& path) const
    {
        if (v.is_number())
            return v.get<double>();
        if (v.is_string()) {
            const std::string s = v.get<std::string>();
            if (s == "NaN")
                return std::numeric_limits<double>::quiet_NaN();
            if (s == "Infinity")
                return INFINITY;
            if (s == "-Infinity")
                return -INFINITY;
        }
        fail(path, "expected a number (or \"NaN\", \"Infinity\", \"-Infinity\")");
    }
    double number(const nlohmann::json& obj, const char* key, const std::string& path) const
    {
        return number(field(obj, key, path), path);
    }
    const nlohmann::json& object(const nlohmann::json& obj, const char* key,
                                 const std::string& path) const
    {
        const auto& v = field(obj, key, path);
        if (!v.is_object())
            fail(path, "expected an object");
        return v;
    }
    const nlohmann::json& array(const nlohmann::json& obj, const char* key,
                                const std::string& path) const
    {
        const auto& v = field(obj, key, path);
        if (!v.is_array())
            fail(path, "expected an array");
        return v;
    }
    std::vector<double> numbers(const nlohmann::json& obj, const char* key,
                                const std::string& path) const
    {
        const auto& a = array(obj, key, path);
        std::vector<double> out;
        out.reserve(a.size());
        for (std::size_t i = 0; i < a.size(); ++i)
            out.push_back(number(a[i], path + "[" + std::to_string(i) + "]"));
        return out;
    }

private:
    const nlohmann::json& root_;
    std::string where_;
};

inline nlohmann::json featureToJson(const FeatureProfile& f)
{
    nlohmann::json quantiles = nlohmann::json::array();
    for (const ProfileQuantile& q : f.quantiles)
        quantiles.push_back({{"q", q.q}, {"value", numberToJson(q.value)}});
    nlohmann::json sample = nlohmann::json::array();
    for (double v : f.sample)
        sample.push_back(numberToJson(v));
    nlohmann::json edges = nlohmann::json::array();
    for (double v : f.histogramEdges)
        edges.push_back(numberToJson(v));
    return {{"name", f.name},
            {"count", f.count},
            {"non_finite", f.nonFinite},
            {"mean", numberToJson(f.mean)},
            {"std", numberToJson(f.std)},
            {"quantiles", std::move(quantiles)},
            {"histogram", {{"edges", std::move(edges)}, {"counts", f.histogramCounts}}},
            {"sample", std::move(sample)}};
}

inline FeatureProfile featureFromJson(const JsonReader& in, const nlohmann::json& j,
                                      const std::string& at)
{
    FeatureProfile f;
    f.name = in.text(j, "name", at + ".name");
    f.count = in.integer(j, "count", at + ".count");
    f.nonFinite = in.integer(j, "non_finite", at + ".non_finite");
    f.mean = in.number(j, "mean", at + ".mean");
    f.std = in.number(j, "std", at + ".std");
    const auto& quantiles = in.array(j, "quantiles", at + ".quantiles");
    for (std::size_t i = 0; i < quantiles.size(); ++i) {
        const std::string qa = at + ".quantiles[" + std::to_string(i) + "]";
        f.quantiles.push_back({in.number(quantiles[i], "q", qa + ".q"),
                               in.number(quantiles[i], "value", qa + ".value")});
    }
    const auto& histogram = in.object(j, "histogram", at + ".histogram");
    f.histogramEdges = in.numbers(histogram, "edges", at + ".histogram.edges");
    for (double c : in.numbers(histogram, "counts", at + ".histogram.counts"))
        f.histogramCounts.push_back(static_cast<std::int64_t>(c));
    if (!f.histogramEdges.empty() && f.histogramCounts.size() + 1 != f.histogramEdges.size())
        in.fail(at + ".histogram", "expected one count fewer than edges");
    f.sample = in.numbers(j, "sample", at + ".sample");
    return f;
}

ReferenceProfile profileFromJson(const nlohmann::json& document, const std::string& where);

}  // namespace flightdeck::monitor::detail
