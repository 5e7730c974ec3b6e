#include "RecordParser.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

namespace flightdeck::serve::detail {

namespace {

// One record into `out`; the reason it does not fit, or "".
std::string readRecord(const nlohmann::json& r, const BundleInfo& info, const std::string& where,
                       std::vector<float>& out, std::string& logJson)
{
    const auto width = static_cast<std::size_t>(info.inputs);
    std::vector<double> values;
    if (r.is_array()) {
        if (r.size() != width)
            return where + " has " + std::to_string(r.size()) + " values; the model takes " +
                   std::to_string(width);
        for (std::size_t i = 0; i < r.size(); ++i) {
            if (!r[i].is_number())
                return where + "[" + std::to_string(i) + "] is not a number";
            values.push_back(r[i].get<double>());
        }
    } else if (r.is_object()) {
        if (info.features.size() != width)
            return where + " names features, but this model's features are not named; send an array";
        for (const auto& name : info.features) {
            const auto it = r.find(name);
            if (it == r.end())
                return where + " lacks feature \"" + name + "\"";
            if (!it->is_number())
                return where + "." + name + " is not a number";
            values.push_back(it->get<double>());
        }
        if (r.size() != width)
            for (const auto& [key, value] : r.items())
                if (std::find(info.features.begin(), info.features.end(), key) == info.features.end())
                    return where + " has unknown feature \"" + key + "\"";
    } else {
        return where + " must be an array of numbers or an object of named numbers";
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!std::isfinite(values[i]) || std::abs(values[i]) > 3.4e38)
            return where + "[" + std::to_string(i) + "] is not a finite float32";
        out.push_back(static_cast<float>(values[i]));
    }
    logJson = nlohmann::json(values).dump();
    return {};
}

}  // namespace

ParsedRecords parseRecords(const std::string& body, const BundleInfo& info, std::size_t maxBatch)
{
    ParsedRecords p;
    const nlohmann::json j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
        p.error = "the body is not valid JSON";
        return p;
    }
    if (!j.is_object() || (j.contains("features") == j.contains("instances"))) {
        p.error = "expected {\"features\": [...]} for one record or {\"instances\": [[...], ...]} "
                  "for a batch";
        return p;
    }
    std::vector<const nlohmann::json*> records;
    if (j.contains("features")) {
        records.push_back(&j["features"]);
    } else {
        const auto& all = j["instances"];
        if (!all.is_array() || all.empty()) {
            p.error = "\"instances\" must be a non-empty array of records";
            return p;
        }
        if (all.size() > maxBatch) {
            p.error = "a batch of " + std::to_string(all.size()) + " records; at most " +
                      std::to_string(maxBatch) + " per request";
            return p;
        }
        p.batch = true;
        for (const auto& r : all)
            records.push_back(&r);
    }
    p.rows.reserve(records.size() * static_cast<std::size_t>(info.inputs));
    for (std::size_t i = 0; i < records.size(); ++i) {
        std::string logJson;
        const std::string where = p.batch ? "instances[" + std::to_string(i) + "]" : "features";
        p.error = readRecord(*records[i], info, where, p.rows, logJson);
        if (!p.error.empty())
            return p;
        p.featuresJson.push_back(std::move(logJson));
    }
    p.count = records.size();
    return p;
}

}  // namespace flightdeck::serve::detail
