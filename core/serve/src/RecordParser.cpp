// simdjson's DOM: the body of a 784-feature request parses in a few microseconds, where a
// general-purpose JSON tree took most of a request's CPU time besides the forward pass.
#include "RecordParser.h"

#include "PixelShape.h"

#include "flightdeck/common/Error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string_view>
#include <unordered_set>

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

// A key from the body for a message: quoted, and cut at 64 bytes (on a character boundary:
// the message goes back as JSON, which must stay UTF-8).
std::string quoted(std::string_view key)
{
    constexpr std::size_t kLongest = 64;
    std::string s = "\"";
    if (key.size() <= kLongest) {
        s += key;
    } else {
        std::size_t cut = kLongest;
        while (cut > 0 && (static_cast<unsigned char>(key[cut]) & 0xC0) == 0x80)
            --cut;
        s += key.substr(0, cut);
        s += "...";
    }
    return s + "\"";
}

// The first key `object` holds twice, or "" (simdjson keeps them all, and at_key() would take
// the first where most JSON readers, Python's among them, take the last: refused, not guessed).
std::string duplicateKey(const element& e)
{
    if (!e.is_object())
        return {};
    const auto object = e.get_object().value_unsafe();
    const std::size_t n = object.size();
    if (n < 2)
        return {};
    std::vector<std::string_view> keys;
    keys.reserve(n);
    for (const auto field : object)
        keys.push_back(field.key);
    if (n <= 16) {
        for (std::size_t i = 1; i < n; ++i)
            for (std::size_t j = 0; j < i; ++j)
                if (keys[i] == keys[j])
                    return quoted(keys[i]);
        return {};
    }
    std::unordered_set<std::string_view> seen(n * 2);
    for (const auto key : keys)
        if (!seen.insert(key).second)
            return quoted(key);
    return {};
}

bool has(const element& object, std::string_view key)
{
    return object.is_object() && !object.get_object().value_unsafe().at_key(key).error();
}

// `key` of the record at `where` ("" for the body itself): "image", "instances[2].image".
std::string member(const std::string& where, const char* key)
{
    return where.empty() ? std::string(key) : where + "." + key;
}

// {"image": base64} or {"pixels": [C][H][W] 0..255 values} for a model trained on images. The
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
                return member(where, "image") + " must be the image file's bytes in base64";
            row = data::encodedImageToInput(bytes, info.image);
        } else {
            std::vector<double> pixels;
            const std::string why = readPixels(object.at_key("pixels").value_unsafe(), info.image,
                                               member(where, "pixels"), pixels);
            if (!why.empty())
                return why;
            row = data::pixelsToInput(pixels, info.image);
        }
    } catch (const Error& e) {
        return member(where, e.info().field.empty() ? "image" : e.info().field.c_str()) + ": " + e.info().detail;
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
    if (const std::string key = duplicateKey(r); !key.empty())
        return (where.empty() ? std::string("the body") : where) + " has duplicate key " + key;
    if (has(r, "image") || has(r, "pixels")) {
        if (info.image.empty())
            return (where.empty() ? std::string("the request") : where) + " is an image; this model takes "
                   + std::to_string(width) + " feature values";
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

// simdjson's DOM refuses an integer literal beyond 64 bits (NUMBER_ERROR), though it is valid
// JSON and, to a model, just a large number (18446744073709551616 is a finite float32): long
// integer literals outside strings get a ".0" so the body parses again with them as doubles.
// Only after that error, so an everyday body is never copied. A literal beyond a double's range
// (1e999, a 400-digit integer) is the same error and cannot be read as anything: the first one
// goes to `outOfRange`.
bool widenLongIntegers(const std::string& body, std::string* out, std::string* outOfRange)
{
    const auto digit = [&](std::size_t i) { return i < body.size() && body[i] >= '0' && body[i] <= '9'; };
    out->clear();
    out->reserve(body.size() + 64);
    bool changed = false, inString = false;
    for (std::size_t i = 0; i < body.size();) {
        const char c = body[i];
        if (inString || c == '"') {
            out->push_back(c);
            ++i;
            if (inString && c == '\\' && i < body.size())
                out->push_back(body[i++]);
            else if (c == '"')
                inString = !inString;
            continue;
        }
        if (c != '-' && !digit(i)) {
            out->push_back(c);
            ++i;
            continue;
        }
        // A whole number token: -?digits(.digits)?([eE][+-]?digits)?
        std::size_t j = i + (c == '-');
        const std::size_t first = j;
        while (digit(j))
            ++j;
        const std::size_t integerDigits = j - first;
        bool integer = true;
        if (j < body.size() && body[j] == '.') {
            integer = false;
            for (++j; digit(j); ++j) {
            }
        }
        if (j < body.size() && (body[j] == 'e' || body[j] == 'E')) {
            integer = false;
            ++j;
            if (j < body.size() && (body[j] == '+' || body[j] == '-'))
                ++j;
            while (digit(j))
                ++j;
        }
        j = std::max(j, i + 1);
        out->append(body, i, j - i);
        if (outOfRange->empty() && std::isinf(std::strtod(body.substr(i, j - i).c_str(), nullptr)))
            *outOfRange = body.substr(i, j - i);
        if (integer && integerDigits >= 19) {
            out->append(".0");
            changed = true;
        }
        i = j;
    }
    return changed;
}

// A literal quoted back in an error: a 400-digit one as its start and its length.
std::string numberLiteral(const std::string& literal)
{
    if (literal.size() <= 32)
        return literal;
    const auto digits = std::count_if(literal.begin(), literal.end(), [](char c) { return c >= '0' && c <= '9'; });
    return literal.substr(0, 16) + "... (" + std::to_string(digits) + " digits)";
}

ParsedRecords parseDocument(const element& j, const BundleInfo& info, std::size_t maxBatch, bool forLog)
{
    ParsedRecords p;
    if (const std::string key = duplicateKey(j); !key.empty()) {
        p.error = "duplicate key " + key + " in the body (a JSON object names each key once)";
        return p;
    }
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
        const std::string where = p.batch ? "instances[" + std::to_string(i) + "]" : features ? "features" : "";
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
    auto error = parser->parse(body.data(), body.size()).get(doc);
    std::string widened, outOfRange;
    if (error == simdjson::NUMBER_ERROR && widenLongIntegers(body, &widened, &outOfRange) && outOfRange.empty())
        error = parser->parse(widened.data(), widened.size()).get(doc);
    // Refused wherever it is, also under a key the server ignores: where it is is known only
    // once the body parses, and RFC 8259 (section 9) lets a reader limit numbers' range.
    if (!outOfRange.empty()) {
        ParsedRecords p;
        p.error = "a number is out of range: " + numberLiteral(outOfRange)
                  + " is beyond a double (magnitude at most 1.8e308)";
        return p;
    }
    if (error) {
        ParsedRecords p;
        p.error = std::string("the body is not valid JSON (") + simdjson::error_message(error) + ")";
        return p;
    }
    return parseDocument(doc, info, maxBatch, forLog);
}

}  // namespace flightdeck::serve::detail
