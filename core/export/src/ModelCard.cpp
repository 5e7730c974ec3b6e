#include "ModelCard.h"

#include "CardDocument.h"
#include "CardEvaluation.h"
#include "CardSections.h"

#include "flightdeck/common/BuildInfo.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"

#include <map>

namespace flightdeck::exporting {

namespace {

using namespace card;
using nlohmann::json;

constexpr std::size_t kClassRowsShown = 500;

std::string interval(const std::optional<Interval>& i)
{
    return i ? "[" + fixed(i->lower) + ", " + fixed(i->upper) + "]" : "—";
}

// The evaluation the card reports: the newest on held-out test rows, else the newest.
const store::EvaluationRecord* chosenEvaluation(const CardInput& in)
{
    for (const auto& e : in.evaluations)
        if (e.split == "test")
            return &e;
    return in.evaluations.empty() ? nullptr : &in.evaluations.front();
}

std::string metricLabel(const std::string& key)
{
    static const std::map<std::string, std::string> labels = {
        {"accuracy", "Accuracy"}, {"f1_macro", "Macro F1"}, {"roc_auc", "ROC AUC"},
        {"log_loss", "Log loss"}, {"rmse", "RMSE"}, {"mae", "MAE"}, {"r2", "R²"},
        {"mape", "MAPE"}, {"explained_variance", "Explained variance"}};
    const auto it = labels.find(key);
    return it == labels.end() ? key : it->second;
}

void evaluationSection(Document& doc, const EvaluationView* ev)
{
    doc.heading("Evaluation");
    if (!ev) {
        doc.paragraph({text("No evaluation was run before export: there are no held-out "
                            "metrics and no intervals.")});
        return;
    }
    doc.paragraph({text("Latest evaluation on the "), bold(ev->split),
                   text(" split (" + isoTimeUtc(ev->createdAt) + "), " + count(ev->samples) +
                        " samples. Intervals are 95 %.")});
    std::vector<std::vector<Inline>> rows;
    for (const auto& m : ev->metrics)
        rows.push_back({{text(metricLabel(m.name))},
                        {text(m.value ? fixed(m.value.value) : "undefined (" + m.value.reason + ")")},
                        {number(interval(m.interval))},
                        {text(m.method)}});
    if (!rows.empty())
        doc.table({"Metric", "Value", "95 % interval", "Method"}, std::move(rows));
    std::vector<Inline> notes;
    for (const auto& s : ev->methods)
        notes.push_back({text(s)});
    for (const auto& s : ev->warnings)
        notes.push_back({bold("Note:"), text(" " + s)});
    if (!notes.empty())
        doc.bullets(std::move(notes));

    if (ev->regression || ev->classes.empty())
        return;
    doc.heading("Per-class results", 3);
    std::vector<std::vector<Inline>> perClass;
    for (std::size_t i = 0; i < ev->classes.size() && i < kClassRowsShown; ++i) {
        const auto& c = ev->classes[i];
        perClass.push_back({{text(c.name)}, {text(fixed(c.precision))},
                            {number(interval(c.precisionInterval))}, {text(fixed(c.recall))},
                            {number(interval(c.recallInterval))}, {text(fixed(c.f1))},
                            {text(count(c.support))}});
    }
    doc.table({"Class", "Precision", "Precision 95 %", "Recall", "Recall 95 %", "F1", "Support"},
              std::move(perClass));
    if (ev->classes.size() > kClassRowsShown)
        doc.paragraph({text(count(ev->classes.size() - kClassRowsShown) +
                            " more classes are in the evaluation report.")});
}

Document buildCard(const CardInput& in)
{
    const json schema = parsedSchema(in);
    const bool regression = isRegression(in);
    const store::EvaluationRecord* record = chosenEvaluation(in);
    std::optional<EvaluationView> ev;
    if (record)
        ev = readEvaluation(*record, regression, in.predictions);
    const EvaluationView* evp = ev ? &*ev : nullptr;

    Document doc;
    doc.title = in.modelName + " v" + std::to_string(in.version);
    doc.paragraph({text(std::string(regression ? "A regression model" : "A classifier") +
                        " exported by Flightdeck " + appVersion() + " (commit " + gitCommit() +
                        ") on " + isoTimeUtc(in.exportedAt > 0 ? in.exportedAt : unixTimeNow()) +
                        ".")});
    intendedUse(doc, in, schema, evp);
    dataSection(doc, in, schema);
    recipeSection(doc, in);

    doc.heading("Architecture");
    if (in.haveArch) {
        std::string spec = in.arch.specJson;
        try {
            spec = parseJson(in.arch.specJson, "architecture").dump(2);
        } catch (const Error&) {
        }
        doc.paragraph({text("Spec " + in.arch.name + ", hash "), code(in.arch.specHash),
                       text(regression ? " (one output unit is appended):"
                                       : " (a final Linear to the classes is appended):")});
        doc.codeBlock(spec, "json");
    } else {
        doc.paragraph({text("Not recorded.")});
    }

    doc.heading("Run");
    std::vector<std::pair<std::string, Inline>> run = {
        {"Run", {text(count(in.run.id) + " (" + in.run.name + ")")}},
        {"Status", {text(store::runStatusName(in.run.status))}},
        {"Started", {text(isoTimeUtc(in.run.startedAt))}},
    };
    if (in.run.endedAt)
        run.push_back({"Ended", {text(isoTimeUtc(*in.run.endedAt))}});
    run.push_back({"Device", {text(in.run.device)}});
    run.push_back({"BLAS", {text(in.run.blas)}});
    run.push_back({"libtorch", {text(in.run.torchVersion)}});
    run.push_back({"Trained by", {text("Flightdeck " + in.run.appVersion + " (commit " +
                                       in.run.gitCommit + ")")}});
    doc.facts(std::move(run));

    doc.heading("Metrics at the end of training");
    if (in.finalMetrics.empty()) {
        doc.paragraph({text("None recorded.")});
    } else {
        std::vector<std::vector<Inline>> rows;
        for (const auto& m : in.finalMetrics)
            rows.push_back({{code(m.key)}, {text(fixed(m.value))}, {text(count(m.step))},
                            {text(std::to_string(m.epoch))}});
        doc.table({"Metric", "Value", "Step", "Epoch"}, std::move(rows));
    }
    evaluationSection(doc, evp);

    doc.heading("Using the bundle");
    const std::string outputs =
        regression ? "[N, 1] in the target's units"
                   : "logits [N, " + count(in.classes.size()) +
                         "]; labels.json maps the arg max to a class name";
    doc.paragraph({code("model.pt"), text(" is TorchScript: "), code("torch.jit.load(\"model.pt\")"),
                   text(" in Python or "), code("torch::jit::load"),
                   text(" in C++. Input: float32 [N, " + count(featureCount(in)) +
                        "] of raw feature values in the order of preprocessing.json; the "
                        "standardization (mean and std of the training split) is inside the "
                        "model. Output: " + outputs + ".")});
    if (in.hasOnnx)
        doc.paragraph({code("model.onnx"), text(" (ONNX opset " + std::to_string(in.onnxOpset) +
                                                ") is the same model: input "),
                       code("features"), text(" float32 [batch, " + count(featureCount(in)) +
                                              "], output "),
                       code("logits"), text(", batch dimension dynamic.")});
    doc.paragraph({code("manifest.json"), text(" lists the SHA-256 and size of every file (model.pt: "),
                   code(in.modelSha), text(").")});
    return doc;
}

}  // namespace

std::string modelCardMarkdown(const CardInput& in)
{
    return renderMarkdown(buildCard(in)) + "\n";
}

std::string modelCardHtml(const CardInput& in)
{
    return renderHtml(buildCard(in));
}

}  // namespace flightdeck::exporting
