#include "flightdeck/eval/Classification.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace flightdeck::eval {

namespace {

using nlohmann::json;

void checkLabels(const std::vector<std::int32_t>& labels, const char* which, int numClasses)
{
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] < 0 || labels[i] >= numClasses) {
            throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, which,
                                  "index " + std::to_string(i) + ": label "
                                      + std::to_string(labels[i]) + " outside [0, "
                                      + std::to_string(numClasses) + ")"});
        }
    }
}

// sklearn's zero_division=0: a ratio whose denominator is zero is 0, never NaN, so that
// averages stay finite and a class nobody predicted pulls the macro average down.
double safeRatio(double num, double den) { return den == 0 ? 0.0 : num / den; }

[[noreturn]] void badJson(const std::string& field, const std::string& detail)
{
    throw Error(ErrorInfo{ErrorCode::BadValue, {}, 0, field, detail});
}

// Typed lookups that name the JSON path on failure, so a hand-edited or truncated report file
// tells the user which field is wrong instead of an opaque nlohmann type_error.
const json& member(const json& obj, const std::string& key, const std::string& path)
{
    if (!obj.is_object())
        badJson(path, "expected an object");
    auto it = obj.find(key);
    if (it == obj.end())
        badJson(path.empty() ? key : path + "." + key, "missing");
    return *it;
}

double number(const json& v, const std::string& path)
{
    if (!v.is_number())
        badJson(path, "expected a number");
    return v.get<double>();
}

std::int64_t integer(const json& v, const std::string& path)
{
    if (!v.is_number_integer())
        badJson(path, "expected an integer");
    return v.get<std::int64_t>();
}

const json& array(const json& v, const std::string& path, std::size_t expectedSize)
{
    if (!v.is_array())
        badJson(path, "expected an array");
    if (v.size() != expectedSize)
        badJson(path, "expected " + std::to_string(expectedSize) + " entries, got "
                          + std::to_string(v.size()));
    return v;
}

}  // namespace

ClassificationReport classificationReport(const std::vector<std::int32_t>& truth,
                                          const std::vector<std::int32_t>& pred, int numClasses)
{
    if (numClasses <= 0)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "numClasses",
                              "must be at least 1, got " + std::to_string(numClasses)});
    if (truth.size() != pred.size())
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "pred",
                              std::to_string(truth.size()) + " true labels but "
                                  + std::to_string(pred.size()) + " predictions"});
    checkLabels(truth, "truth", numClasses);
    checkLabels(pred, "pred", numClasses);

    const auto k = static_cast<std::size_t>(numClasses);
    ClassificationReport r;
    r.numClasses = numClasses;
    r.samples = static_cast<std::int64_t>(truth.size());

    // Per-class counts in one pass, O(samples + K) whatever K is.
    std::int64_t correct = 0;
    std::vector<std::int64_t> predicted(k, 0), hits(k, 0);
    r.support.assign(k, 0);
    for (std::size_t i = 0; i < truth.size(); ++i) {
        const auto t = static_cast<std::size_t>(truth[i]);
        const auto p = static_cast<std::size_t>(pred[i]);
        ++r.support[t];
        ++predicted[p];
        if (t == p) {
            ++hits[t];
            ++correct;
        }
    }
    // The non-zero cells: sort the (t, p) pairs and count runs.
    std::vector<std::uint64_t> pairs(truth.size());
    for (std::size_t i = 0; i < truth.size(); ++i)
        pairs[i] = (std::uint64_t(std::uint32_t(truth[i])) << 32) | std::uint32_t(pred[i]);
    std::sort(pairs.begin(), pairs.end());
    for (std::size_t i = 0; i < pairs.size();) {
        std::size_t j = i;
        while (j < pairs.size() && pairs[j] == pairs[i])
            ++j;
        r.cells.push_back({static_cast<std::int32_t>(pairs[i] >> 32),
                           static_cast<std::int32_t>(pairs[i] & 0xffffffffu),
                           static_cast<std::int64_t>(j - i)});
        i = j;
    }
    if (numClasses <= kDenseConfusionMaxClasses) {
        r.confusion.assign(k, std::vector<std::int64_t>(k, 0));
        for (const auto& c : r.cells)
            r.confusion[static_cast<std::size_t>(c.t)][static_cast<std::size_t>(c.p)] = c.count;
    }
    r.accuracy = safeRatio(static_cast<double>(correct), static_cast<double>(r.samples));

    r.precision.assign(k, 0);
    r.recall.assign(k, 0);
    r.f1.assign(k, 0);
    double weightedSum = 0;
    for (std::size_t c = 0; c < k; ++c) {
        const auto tp = static_cast<double>(hits[c]);
        r.precision[c] = safeRatio(tp, static_cast<double>(predicted[c]));
        r.recall[c] = safeRatio(tp, static_cast<double>(r.support[c]));
        // Same formula as sklearn 1.2 (2PR / (P + R), 0 when P + R = 0), so the parity test
        // agrees to the last bits rather than merely to rounding.
        r.f1[c] = safeRatio(2 * r.precision[c] * r.recall[c], r.precision[c] + r.recall[c]);
        r.macroPrecision += r.precision[c];
        r.macroRecall += r.recall[c];
        r.macroF1 += r.f1[c];
        weightedSum += r.f1[c] * static_cast<double>(r.support[c]);
    }
    // Macro averages run over every declared class, including ones absent from the data
    // (sklearn with labels=range(numClasses)).
    r.macroPrecision /= static_cast<double>(k);
    r.macroRecall /= static_cast<double>(k);
    r.macroF1 /= static_cast<double>(k);
    r.weightedF1 = safeRatio(weightedSum, static_cast<double>(r.samples));
    return r;
}

std::string toJson(const ClassificationReport& report, const std::vector<std::string>& classNames)
{
    const auto k = static_cast<std::size_t>(report.numClasses);
    if (!classNames.empty() && classNames.size() != k)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "classNames",
                              std::to_string(classNames.size()) + " names for "
                                  + std::to_string(k) + " classes"});
    // Without names the class index stands in, so the JSON is always self-describing.
    auto nameOf = [&](std::size_t c) {
        return classNames.empty() ? std::to_string(c) : classNames[c];
    };

    json out;
    out["accuracy"] = report.accuracy;
    out["samples"] = report.samples;
    json classes = json::array();
    json perClass = json::array();
    for (std::size_t c = 0; c < k; ++c) {
        classes.push_back(nameOf(c));
        perClass.push_back({{"class", nameOf(c)},
                            {"precision", report.precision.at(c)},
                            {"recall", report.recall.at(c)},
                            {"f1", report.f1.at(c)},
                            {"support", report.support.at(c)}});
    }
    out["classes"] = std::move(classes);
    if (!report.confusion.empty()) {
        out["confusion"] = report.confusion;
    } else {
        json cells = json::array();
        for (const auto& c : report.cells)
            cells.push_back({c.t, c.p, c.count});
        out["confusion_cells"] = std::move(cells);
    }
    out["per_class"] = std::move(perClass);
    out["macro"] = {{"precision", report.macroPrecision},
                    {"recall", report.macroRecall},
                    {"f1", report.macroF1}};
    out["weighted_f1"] = report.weightedF1;
    // Indented: reports are stored as run artifacts that people open and diff. nlohmann prints
    // doubles in shortest round-trip form, so reportFromJson gives back the exact values.
    return out.dump(2);
}

ClassificationReport reportFromJson(const std::string& text, std::vector<std::string>* classNames)
{
    const json doc = parseJson(text);

    ClassificationReport r;
    const json& classes = member(doc, "classes", {});
    if (!classes.is_array() || classes.empty())
        badJson("classes", "expected a non-empty array");
    const std::size_t k = classes.size();
    r.numClasses = static_cast<int>(k);
    r.accuracy = number(member(doc, "accuracy", {}), "accuracy");
    r.samples = integer(member(doc, "samples", {}), "samples");

    if (doc.is_object() && doc.contains("confusion_cells")) {
        const json& cells = member(doc, "confusion_cells", {});
        if (!cells.is_array())
            badJson("confusion_cells", "expected an array");
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const std::string path = "confusion_cells[" + std::to_string(i) + "]";
            const json& cell = array(cells[i], path, 3);
            const auto t = integer(cell[0], path + "[0]"), p = integer(cell[1], path + "[1]");
            if (t < 0 || p < 0 || t >= r.numClasses || p >= r.numClasses)
                badJson(path, "class index outside [0, " + std::to_string(k) + ")");
            r.cells.push_back({static_cast<std::int32_t>(t), static_cast<std::int32_t>(p),
                               integer(cell[2], path + "[2]")});
        }
        if (r.numClasses <= kDenseConfusionMaxClasses) {
            r.confusion.assign(k, std::vector<std::int64_t>(k, 0));
            for (const auto& c : r.cells)
                r.confusion[static_cast<std::size_t>(c.t)][static_cast<std::size_t>(c.p)] = c.count;
        }
    } else {
        const json& confusion = array(member(doc, "confusion", {}), "confusion", k);
        r.confusion.assign(k, std::vector<std::int64_t>(k, 0));
        for (std::size_t t = 0; t < k; ++t) {
            const std::string rowPath = "confusion[" + std::to_string(t) + "]";
            const json& row = array(confusion[t], rowPath, k);
            for (std::size_t p = 0; p < k; ++p) {
                r.confusion[t][p] = integer(row[p], rowPath + "[" + std::to_string(p) + "]");
                if (r.confusion[t][p] != 0)
                    r.cells.push_back({static_cast<std::int32_t>(t), static_cast<std::int32_t>(p),
                                       r.confusion[t][p]});
            }
        }
    }

    const json& perClass = array(member(doc, "per_class", {}), "per_class", k);
    std::vector<std::string> names;
    for (std::size_t c = 0; c < k; ++c) {
        const std::string path = "per_class[" + std::to_string(c) + "]";
        const json& entry = perClass[c];
        r.precision.push_back(number(member(entry, "precision", path), path + ".precision"));
        r.recall.push_back(number(member(entry, "recall", path), path + ".recall"));
        r.f1.push_back(number(member(entry, "f1", path), path + ".f1"));
        r.support.push_back(integer(member(entry, "support", path), path + ".support"));
        const json& name = classes[c];
        if (!name.is_string())
            badJson("classes[" + std::to_string(c) + "]", "expected a string");
        names.push_back(name.get<std::string>());
    }

    const json& macro = member(doc, "macro", {});
    r.macroPrecision = number(member(macro, "precision", "macro"), "macro.precision");
    r.macroRecall = number(member(macro, "recall", "macro"), "macro.recall");
    r.macroF1 = number(member(macro, "f1", "macro"), "macro.f1");
    r.weightedF1 = number(member(doc, "weighted_f1", {}), "weighted_f1");
    if (classNames)
        *classNames = std::move(names);
    return r;
}

}  // namespace flightdeck::eval
