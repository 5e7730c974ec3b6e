#include "RecordParser.h"

#include "flightdeck/common/Error.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>
#include <openssl/evp.h>

namespace flightdeck::serve::detail {

namespace {

// Standard base64 (a "data:image/png;base64," prefix allowed); false on anything else.
bool base64Decode(std::string text, std::string* out)
{
    const auto comma = text.find(',');
    if (text.rfind("data:", 0) == 0 && comma != std::string::npos)
        text.erase(0, comma + 1);
    if (text.empty() || text.size() % 4 != 0)
        return false;
    out->resize(text.size() / 4 * 3);
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out->data()),
                                  reinterpret_cast<const unsigned char*>(text.data()), int(text.size()));
    if (n < 0)
        return false;
    // EVP_DecodeBlock counts the padding's bytes too.
    std::size_t padding = 0;
    while (padding < 2 && text[text.size() - 1 - padding] == '=')
        ++padding;
    out->resize(std::size_t(n) - padding);
    return true;
}

void flatten(const nlohmann::json& v, std::vector<double>& out, bool& ok)
{
    if (v.is_array()) {
        for (const auto& e : v)
            flatten(e, out, ok);
    } else if (v.is_number()) {
        out.push_back(v.get<double>());
    } else {
        ok = false;
    }
}

// {"image": base64} or {"pixels": nested 0..255 values} for a model trained on images. The
// log gets the image's brightness and contrast (mean and standard deviation of its values):
// what image drift is measured on, where 784 pixel columns would say little.
std::string readImage(const nlohmann::json& r, const BundleInfo& info, const std::string& where,
                      std::vector<float>& out, std::string& logJson)
{
    std::vector<float> row;
    try {
        if (r.contains("image")) {
            std::string bytes;
            if (!r["image"].is_string() || !base64Decode(r["image"].get<std::string>(), &bytes))
                return where + ".image must be the image file's bytes in base64";
            row = data::encodedImageToInput(bytes, info.image);
        } else {
            std::vector<double> pixels;
            bool ok = true;
            flatten(r["pixels"], pixels, ok);
            if (!ok)
                return where + ".pixels must hold only numbers (nested arrays of 0..255)";
            row = data::pixelsToInput(pixels, info.image);
        }
    } catch (const Error& e) {
        return where + ": " + e.info().detail;
    }
    const data::ImageLook look = data::brightnessContrast(row.data(), row.size());
    logJson = nlohmann::json({look.brightness, look.contrast}).dump();
    out.insert(out.end(), row.begin(), row.end());
    return {};
}

// One record into `out`; the reason it does not fit, or "".
std::string readRecord(const nlohmann::json& r, const BundleInfo& info, const std::string& where,
                       std::vector<float>& out, std::string& logJson)
{
    const auto width = static_cast<std::size_t>(info.inputs);
    std::vector<double> values;
    if (r.is_object() && (r.contains("image") || r.contains("pixels"))) {
        if (info.image.empty())
            return where + " is an image; this model takes " + std::to_string(width) + " feature values";
        return readImage(r, info, where, out, logJson);
    }
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
    const int forms = j.is_object() ? int(j.contains("features")) + int(j.contains("instances"))
                                           + int(j.contains("image")) + int(j.contains("pixels"))
                                     : 0;
    if (forms != 1) {
        p.error = "expected {\"features\": [...]} for one record, {\"instances\": [[...], ...]} "
                  "for a batch, or {\"image\": base64} / {\"pixels\": [...]} for an image model";
        return p;
    }
    std::vector<const nlohmann::json*> records;
    if (j.contains("features")) {
        records.push_back(&j["features"]);
    } else if (j.contains("image") || j.contains("pixels")) {
        records.push_back(&j);
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
        const std::string where = p.batch ? "instances[" + std::to_string(i) + "]"
                                  : j.contains("features") ? "features" : "request";
        p.error = readRecord(*records[i], info, where, p.rows, logJson);
        if (!p.error.empty())
            return p;
        p.featuresJson.push_back(std::move(logJson));
    }
    p.count = records.size();
    return p;
}

}  // namespace flightdeck::serve::detail
