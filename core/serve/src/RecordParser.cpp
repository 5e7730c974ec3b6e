// simdjson's DOM: the body of a 784-feature request parses in a few microseconds, where a
// general-purpose JSON tree took most of a request's CPU time besides the forward pass.
#include "RecordParser.h"

#include "flightdeck/common/Error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <memory>

#include <openssl/evp.h>
#include <simdjson.h>

namespace flightdeck::serve::detail {

namespace {

using simdjson::dom::element;

// Parsers keep their buffers between calls; a worker keeps one for everyday bodies, and a body
// above this gets a parser of its own that is freed after it.
constexpr std::size_t kReusedParserBytes = 1u << 20;

// Standard base64 (a "data:image/png;base64," prefix allowed); false on anything else.
bool base64Decode(std::string_view text, std::string* out)
{
    const auto comma = text.find(',');
    if (text.substr(0, 5) == "data:" && comma != std::string_view::npos)
        text.remove_prefix(comma + 1);
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

void flatten(const element& v, std::vector<double>& out, bool& ok)
{
    if (v.is_array()) {
        const simdjson::dom::array items = v.get_array().value_unsafe();   // not a temporary's
        for (const element e : items)
            flatten(e, out, ok);
    } else if (v.is_number()) {
        out.push_back(v.get_double().value_unsafe());
    } else {
        ok = false;
    }
}

std::string jsonArray(const double* values, std::size_t n)
{
    std::string s;
    s.reserve(n * 10 + 2);
    s += '[';
    char buf[32];
    for (std::size_t i = 0; i < n; ++i) {
        if (i)
            s += ',';
        const auto r = std::to_chars(buf, buf + sizeof buf, values[i]);
        s.append(buf, r.ptr);
    }
    s += ']';
    return s;
}

bool has(const element& object, std::string_view key)
{
    return object.is_object() && !object.get_object().value_unsafe().at_key(key).error();
}

// {"image": base64} or {"pixels": nested 0..255 values} for a model trained on images. The
// log gets the image's brightness and contrast (mean and standard deviation of its values):
// what image drift is measured on, where 784 pixel columns would say little.
std::string readImage(const element& r, const BundleInfo& info, const std::string& where,
                      std::vector<float>& out, std::string* logJson)
{
    std::vector<float> row;
    try {
        const auto object = r.get_object().value_unsafe();
        if (has(r, "image")) {
            std::string bytes;
            const element image = object.at_key("image").value_unsafe();
            if (!image.is_string() || !base64Decode(image.get_string().value_unsafe(), &bytes))
                return where + ".image must be the image file's bytes in base64";
            row = data::encodedImageToInput(bytes, info.image);
        } else {
            std::vector<double> pixels;
            bool ok = true;
            flatten(object.at_key("pixels").value_unsafe(), pixels, ok);
            if (!ok)
                return where + ".pixels must hold only numbers (nested arrays of 0..255)";
            row = data::pixelsToInput(pixels, info.image);
        }
    } catch (const Error& e) {
        return where + ": " + e.info().detail;
    }
    const data::ImageLook look = data::brightnessContrast(row.data(), row.size());
    if (logJson) {
        const double both[2] = {look.brightness, look.contrast};
        *logJson = jsonArray(both, 2);
    }
    out.insert(out.end(), row.begin(), row.end());
    return {};
}

// One record into `out`; the reason it does not fit, or "".
std::string readRecord(const element& r, const BundleInfo& info, const std::string& where,
                       std::vector<float>& out, std::vector<double>& values, std::string* logJson)
{
    const auto width = static_cast<std::size_t>(info.inputs);
    values.clear();
    if (has(r, "image") || has(r, "pixels")) {
        if (info.image.empty())
            return where + " is an image; this model takes " + std::to_string(width) + " feature values";
        return readImage(r, info, where, out, logJson);
    }
    if (r.is_array()) {
        const auto array = r.get_array().value_unsafe();
        const std::size_t size = array.size();
        if (size != width)
            return where + " has " + std::to_string(size) + " values; the model takes " +
                   std::to_string(width);
        std::size_t i = 0;
        for (const element v : array) {
            if (!v.is_number())
                return where + "[" + std::to_string(i) + "] is not a number";
            values.push_back(v.get_double().value_unsafe());
            ++i;
        }
    } else if (r.is_object()) {
        const auto object = r.get_object().value_unsafe();
        if (info.features.size() != width)
            return where + " names features, but this model's features are not named; send an array";
        for (const auto& name : info.features) {
            element v;
            if (object.at_key(name).get(v))
                return where + " lacks feature \"" + name + "\"";
            if (!v.is_number())
                return where + "." + name + " is not a number";
            values.push_back(v.get_double().value_unsafe());
        }
        if (object.size() != width)
            for (const auto field : object)
                if (std::find(info.features.begin(), info.features.end(), field.key) == info.features.end())
                    return where + " has unknown feature \"" + std::string(field.key) + "\"";
    } else {
        return where + " must be an array of numbers or an object of named numbers";
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!std::isfinite(values[i]) || std::abs(values[i]) > 3.4e38)
            return where + "[" + std::to_string(i) + "] is not a finite float32";
        out.push_back(static_cast<float>(values[i]));
    }
    if (logJson)
        *logJson = jsonArray(values.data(), values.size());
    return {};
}

ParsedRecords parseDocument(const element& j, const BundleInfo& info, std::size_t maxBatch, bool forLog)
{
    ParsedRecords p;
    const bool features = has(j, "features"), instances = has(j, "instances");
    const bool image = has(j, "image"), pixels = has(j, "pixels");
    if (int(features) + int(instances) + int(image) + int(pixels) != 1) {
        p.error = "expected {\"features\": [...]} for one record, {\"instances\": [[...], ...]} "
                  "for a batch, or {\"image\": base64} / {\"pixels\": [...]} for an image model";
        return p;
    }
    std::vector<element> records;
    const auto object = j.get_object().value_unsafe();
    if (features) {
        records.push_back(object.at_key("features").value_unsafe());
    } else if (image || pixels) {
        records.push_back(j);
    } else {
        const element all = object.at_key("instances").value_unsafe();
        if (!all.is_array() || all.get_array().value_unsafe().size() == 0) {
            p.error = "\"instances\" must be a non-empty array of records";
            return p;
        }
        const auto array = all.get_array().value_unsafe();
        if (array.size() > maxBatch) {
            p.error = "a batch of " + std::to_string(array.size()) + " records; at most " +
                      std::to_string(maxBatch) + " per request";
            return p;
        }
        p.batch = true;
        for (const element r : array)
            records.push_back(r);
    }
    p.rows.reserve(records.size() * static_cast<std::size_t>(info.inputs));
    std::vector<double> values;
    values.reserve(static_cast<std::size_t>(info.inputs));
    for (std::size_t i = 0; i < records.size(); ++i) {
        std::string logJson;
        const std::string where = p.batch ? "instances[" + std::to_string(i) + "]"
                                  : features ? "features" : "request";
        p.error = readRecord(records[i], info, where, p.rows, values, forLog ? &logJson : nullptr);
        if (!p.error.empty())
            return p;
        if (forLog)
            p.featuresJson.push_back(std::move(logJson));
    }
    p.count = records.size();
    return p;
}

}  // namespace

ParsedRecords parseRecords(const std::string& body, const BundleInfo& info, std::size_t maxBatch, bool forLog)
{
    thread_local simdjson::dom::parser reused;
    std::unique_ptr<simdjson::dom::parser> own;
    simdjson::dom::parser* parser = &reused;
    if (body.size() > kReusedParserBytes) {
        own = std::make_unique<simdjson::dom::parser>();
        parser = own.get();
    }
    element doc;
    if (const auto error = parser->parse(body.data(), body.size()).get(doc)) {
        ParsedRecords p;
        p.error = std::string("the body is not valid JSON (") + simdjson::error_message(error) + ")";
        return p;
    }
    return parseDocument(doc, info, maxBatch, forLog);
}

}  // namespace flightdeck::serve::detail
