#include "CardSections.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace flightdeck::exporting::card {

using nlohmann::json;

namespace {

// Below these the card says the evaluation is thin: 100 test rows give a Wilson interval of
// about +-0.1 around an accuracy of 0.5, and a class with under 10 test rows has a recall
// that moves by 0.1 with each row.
constexpr std::int64_t kSmallTestSplit = 100;
constexpr std::int64_t kSmallClassSupport = 10;

std::optional<std::int64_t> testRows(const CardInput& in)
{
    if (in.haveSplit)
        return in.split.testCount;
    const auto t = in.params.find("test_rows");
    if (t != in.params.end())
        return std::strtoll(t->second.c_str(), nullptr, 10);
    return std::nullopt;
}

}  // namespace

std::string fixed(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string count(std::int64_t n) { return std::to_string(n); }

json parsedSchema(const CardInput& in)
{
    try {
        json j = parseJson(in.dataset.schemaJson, "dataset version schema");
        return j.is_object() ? j : json::object();
    } catch (const Error&) {
        return json::object();
    }
}

bool isRegression(const CardInput& in)
{
    const auto t = in.params.find("task");
    if (t != in.params.end())
        return t->second == "regression";
    return in.dataset.task == "table_regression";
}

std::int64_t featureCount(const CardInput& in)
{
    return in.features.empty() ? in.dataset.features
                               : static_cast<std::int64_t>(in.features.size());
}

std::string listed(const std::vector<std::string>& names, std::size_t limit)
{
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < limit; ++i)
        out += (i ? ", " : "") + names[i];
    if (names.size() > limit)
        out += " and " + std::to_string(names.size() - limit) + " more";
    return out;
}

void intendedUse(Document& doc, const CardInput& in, const json& schema,
                 const EvaluationView* ev)
{
    const bool regression = isRegression(in);
    std::vector<Inline> items;
    if (regression) {
        items.push_back({text("Regression: predicts the numeric target "), bold(in.labelColumn),
                         text(" from " + count(featureCount(in)) +
                              " numeric features; the output is in the target's units.")});
        std::vector<double> values;
        for (const auto& v : in.classes) {
            char* end = nullptr;
            const double d = std::strtod(v.c_str(), &end);
            if (end != v.c_str() && *end == '\0' && std::isfinite(d))
                values.push_back(d);
        }
        if (!values.empty() && values.size() == in.classes.size()) {
            const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
            items.push_back({text("Targets in the data range from " + fixed(*lo) + " to " +
                                  fixed(*hi) + "; predictions outside it are extrapolations.")});
        }
    } else {
        std::string what = count(featureCount(in)) + " numeric features";
        if (schema.contains("image") && schema["image"].is_object()) {
            const auto& im = schema["image"];
            what = std::to_string(im.value("channels", 1)) + "x" +
                   std::to_string(im.value("height", 0)) + "x" + std::to_string(im.value("width", 0)) +
                   " images (" + count(featureCount(in)) + " pixel values in [0, 1])";
        }
        items.push_back({text("Classification: assigns one of " + count(in.classes.size()) +
                              " classes (" + listed(in.classes, kClassesListed) + ") to " +
                              what + ".")});
    }
    items.push_back({text("Trained on dataset " + in.datasetName + ", version " +
                          count(in.dataset.id) + " (hash "),
                     code(in.dataset.hash),
                     text("). It was not evaluated on data outside this distribution: "
                          "other sources, later data or other preprocessing may perform worse.")});
    const auto tests = testRows(in);
    if (tests && *tests == 0)
        items.push_back({text("There is no test split: no metric below comes from held-out "
                              "test rows.")});
    else if (tests && *tests < kSmallTestSplit)
        items.push_back({bold("Small test split:"),
                         text(" " + count(*tests) + " rows, so the metrics are uncertain; read them "
                                              "with their 95 % intervals.")});
    if (!ev)
        items.push_back({text("No evaluation was run before export: only the training-time "
                              "validation values below describe the model.")});
    else if (ev->split != "test")
        items.push_back({text("The evaluation below is on the " + ev->split +
                              " split, not on held-out test rows; it overstates performance.")});
    if (ev) {
        std::vector<std::string> thin;
        for (const auto& c : ev->classes)
            if (c.support < kSmallClassSupport)
                thin.push_back(c.name + " (" + count(c.support) + ")");
        if (!thin.empty())
            items.push_back({text("Classes with fewer than " + count(kSmallClassSupport) +
                                  " evaluation rows, whose per-class figures are unreliable: " +
                                  listed(thin, kClassesListed) + ".")});
    }
    doc.heading("Intended use and limitations");
    doc.bullets(std::move(items));
}

void dataSection(Document& doc, const CardInput& in, const json& schema)
{
    const bool regression = isRegression(in);
    doc.heading("Data");
    std::vector<std::pair<std::string, Inline>> rows = {
        {"Dataset", {text(in.datasetName)}},
        {"Version", {text(count(in.dataset.id))}},
        {"Version hash", {code(in.dataset.hash)}},
        {"Task", {text(regression ? "regression" : in.dataset.task)}},
        {"Rows", {text(count(in.dataset.rows))}},
        {"Features", {text(count(featureCount(in)))}},
        {regression ? "Target column" : "Label column", {text(in.labelColumn)}},
    };
    if (!regression)
        rows.push_back({"Classes", {text(count(in.classes.size()))}});
    if (in.haveSplit) {
        rows.push_back({"Split", {text(count(in.split.id) + " (" + in.split.strategy + ", seed " +
                                       std::to_string(in.split.seed) + ", fractions " +
                                       fixed(in.split.trainFraction, 2) + "/" +
                                       fixed(in.split.valFraction, 2) + "/" +
                                       fixed(in.split.testFraction, 2) + ")")}});
        rows.push_back({"Train / val / test rows",
                        {text(count(in.split.trainCount) + " / " + count(in.split.valCount) +
                              " / " + count(in.split.testCount))}});
    }
    doc.facts(std::move(rows));

    if (regression || !schema.contains("class_counts") || !schema["class_counts"].is_object())
        return;
    const json& counts = schema["class_counts"];
    std::int64_t total = 0;
    for (const auto& [name, n] : counts.items())
        if (n.is_number_integer())
            total += n.get<std::int64_t>();
    std::vector<std::vector<Inline>> table;
    for (const auto& name : in.classes) {
        const std::int64_t n = counts.contains(name) && counts[name].is_number_integer()
                                   ? counts[name].get<std::int64_t>()
                                   : 0;
        table.push_back({{text(name)}, {text(count(n))},
                         {text(total ? fixed(100.0 * static_cast<double>(n) /
                                                 static_cast<double>(total), 1) + " %"
                                     : "—")}});
    }
    doc.paragraph({text("Rows per class in the whole version (all splits)" +
                        std::string(schema.value("unlabeled", std::int64_t{0}) > 0
                                        ? "; " + count(schema.value("unlabeled", std::int64_t{0})) +
                                              " rows are unlabeled"
                                        : "") +
                        ":")});
    doc.table({"Class", "Rows", "Share"}, std::move(table));
}

void recipeSection(Document& doc, const CardInput& in)
{
    const auto get = [&](const std::string& k) {
        const auto it = in.params.find(k);
        return it == in.params.end() ? std::string() : it->second;
    };
    const std::string optimizer = get("optimizer"), schedule = get("schedule");
    std::vector<std::string> keys = {"task", "loss", "optimizer", "learning_rate", "weight_decay"};
    if (optimizer == "sgd")
        keys.insert(keys.end(), {"momentum", "nesterov"});
    else if (optimizer == "adam" || optimizer == "adamw")
        keys.insert(keys.end(), {"beta1", "beta2", "eps"});
    keys.insert(keys.end(), {"schedule", "warmup_steps", "warmup_start_factor"});
    if (schedule == "step")
        keys.insert(keys.end(), {"step_epochs", "gamma"});
    else if (schedule == "cosine")
        keys.push_back("min_learning_rate");
    else if (schedule == "one_cycle")
        keys.insert(keys.end(), {"one_cycle_pct_start", "one_cycle_div_factor",
                                 "one_cycle_final_div_factor"});
    else if (schedule == "plateau")
        keys.insert(keys.end(), {"plateau_factor", "plateau_patience", "min_learning_rate"});
    keys.insert(keys.end(), {"epochs", "batch_size", "clip_grad_norm", "monitor",
                             "early_stop_patience", "early_stop_min_delta",
                             "stopped_early_at_epoch", "class_weights", "augment_crop_padding",
                             "augment_flip"});
    if (get("loss") == "huber")
        keys.push_back("huber_delta");
    keys.insert(keys.end(), {"seed", "device", "threads", "world_size", "parameters"});

    doc.heading("Training recipe");
    std::set<std::string> shown{"spec"};   // the spec is the Architecture section
    std::vector<std::vector<Inline>> rows;
    for (const auto& k : keys) {
        const auto it = in.params.find(k);
        if (it == in.params.end() || !shown.insert(k).second)
            continue;
        rows.push_back({{code(k)}, {text(it->second)}});
    }
    if (rows.empty())
        doc.paragraph({text("The run recorded no parameters.")});
    else
        doc.table({"Parameter", "Value"}, std::move(rows));
    std::vector<std::vector<Inline>> other;
    for (const auto& [k, v] : in.params)
        if (!shown.count(k))
            other.push_back({{code(k)}, {text(v)}});
    if (!other.empty()) {
        doc.heading("Other recorded parameters", 3);
        doc.table({"Parameter", "Value"}, std::move(other));
    }
}

}  // namespace flightdeck::exporting::card
