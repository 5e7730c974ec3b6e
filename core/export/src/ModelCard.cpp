#include "ModelCard.h"

#include "flightdeck/common/BuildInfo.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/eval/Classification.h"

#include <cstdio>
#include <sstream>

#include <nlohmann/json.hpp>

namespace flightdeck::exporting {

namespace {

std::string fixed(double v, int decimals = 4)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

nlohmann::json parseOr(const std::string& text, nlohmann::json fallback)
{
    try {
        return parseJson(text);
    } catch (const Error&) {
        return fallback;
    }
}

// Markdown table cells must not contain raw pipes or newlines.
std::string cell(std::string s)
{
    std::string out;
    for (char c : s) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n')
            out += ' ';
        else
            out += c;
    }
    return out;
}


}  // namespace

std::string modelCardMarkdown(const CardInput& in)
{
    std::ostringstream md;
    md << "# " << in.modelName << " v" << in.version << "\n\n";
    md << "A classifier exported by Flightdeck " << appVersion() << " (commit " << gitCommit()
       << ") on " << isoTimeUtc(unixTimeNow()) << ".\n\n";

    md << "## Run\n\n| | |\n|---|---|\n";
    md << "| Run | " << in.run.id << " (" << cell(in.run.name) << ") |\n";
    md << "| Status | " << in.run.status << " |\n";
    md << "| Started | " << isoTimeUtc(in.run.startedAt) << " |\n";
    if (in.run.endedAt)
        md << "| Ended | " << isoTimeUtc(*in.run.endedAt) << " |\n";
    md << "| Device | " << cell(in.run.device) << " |\n";
    md << "| BLAS | " << cell(in.run.blas) << " |\n";
    md << "| libtorch | " << in.run.torchVersion << " |\n";
    md << "| Trained by | Flightdeck " << in.run.appVersion << " (commit " << in.run.gitCommit
       << ") |\n\n";

    md << "## Data\n\n| | |\n|---|---|\n";
    md << "| Dataset | " << cell(in.datasetName) << " |\n";
    md << "| Version | " << in.dataset.id << " |\n";
    md << "| Version hash | `" << in.dataset.hash << "` |\n";
    md << "| Rows | " << in.dataset.rows << " |\n";
    md << "| Features | " << in.features.size() << " |\n";
    md << "| Label column | " << cell(in.labelColumn) << " |\n";
    md << "| Classes | " << in.classes.size() << " |\n";
    if (in.haveSplit) {
        md << "| Split | " << in.split.id << " (" << in.split.strategy << ", seed "
           << in.split.seed << ", " << fixed(in.split.trainFraction, 2) << "/"
           << fixed(in.split.valFraction, 2) << "/" << fixed(in.split.testFraction, 2)
           << " = " << in.split.trainCount << "/" << in.split.valCount << "/"
           << in.split.testCount << " rows) |\n";
    }
    md << "\n";

    md << "## Architecture\n\n";
    if (in.haveArch) {
        md << "Spec `" << cell(in.arch.name) << "`, hash `" << in.arch.specHash
           << "` (a final Linear to the classes is appended):\n\n```json\n"
           << parseOr(in.arch.specJson, in.arch.specJson).dump(2) << "\n```\n\n";
    } else {
        md << "Not recorded.\n\n";
    }

    md << "## Hyperparameters\n\n| Parameter | Value |\n|---|---|\n";
    for (const auto& [k, v] : in.params)
        if (k != "spec")
            md << "| " << cell(k) << " | " << cell(v) << " |\n";
    md << "\n";

    md << "## Metrics (final values)\n\n";
    if (in.finalMetrics.empty()) {
        md << "None recorded.\n\n";
    } else {
        md << "| Metric | Value | Step | Epoch |\n|---|---|---|---|\n";
        for (const auto& m : in.finalMetrics)
            md << "| " << cell(m.key) << " | " << fixed(m.value) << " | " << m.step << " | "
               << m.epoch << " |\n";
        md << "\n";
    }

    md << "## Evaluation\n\n";
    if (in.evaluations.empty()) {
        md << "No evaluation was run before export.\n\n";
    } else {
        const auto& ev = in.evaluations.front();   // newest first
        md << "Latest evaluation on the **" << ev.split << "** split ("
           << isoTimeUtc(ev.createdAt) << "): accuracy **" << fixed(ev.accuracy) << "**";
        try {
            std::vector<std::string> names;
            const auto report = eval::reportFromJson(ev.reportJson, &names);
            md << ", macro F1 " << fixed(report.macroF1) << ", weighted F1 "
               << fixed(report.weightedF1) << " on " << report.samples << " samples.\n\n";
            md << "| Class | Precision | Recall | F1 | Support |\n|---|---|---|---|---|\n";
            for (int c = 0; c < report.numClasses; ++c) {
                const auto uc = static_cast<std::size_t>(c);
                const std::string name = uc < names.size() ? names[uc] : std::to_string(c);
                md << "| " << cell(name) << " | " << fixed(report.precision.at(uc)) << " | "
                   << fixed(report.recall.at(uc)) << " | " << fixed(report.f1.at(uc)) << " | "
                   << report.support.at(uc) << " |\n";
            }
            md << "\n";
        } catch (const std::exception&) {
            md << ".\n\n";
        }
    }

    md << "## Using the bundle\n\n";
    md << "`model.pt` is TorchScript: `torch.jit.load(\"model.pt\")` in Python or "
          "`torch::jit::load` in C++. Input: float32 tensor [N, "
       << in.features.size()
       << "] of raw feature values in the order of `preprocessing.json`; the standardization "
          "(mean/std of the training split) is inside the model. Output: logits [N, "
       << in.classes.size() << "]; `labels.json` maps the argmax to a class name.\n\n";
    md << "`manifest.json` lists the SHA-256 of every file (model.pt: `" << in.modelSha
       << "`).\n";
    return md.str();
}

}  // namespace flightdeck::exporting
