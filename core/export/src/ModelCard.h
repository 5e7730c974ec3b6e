#pragma once
// The model card written into every bundle, as model_card.md and model_card.html (the same
// content, see CardDocument.h): intended use and limitations, the data version and its counts,
// the training recipe, the architecture, the metrics with 95 % intervals and how they were
// computed (CardEvaluation.h), per-class results or regression errors, and how to use the
// bundle.
#include "flightdeck/eval/Predictions.h"
#include "flightdeck/store/Records.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace flightdeck::exporting {

struct CardInput {
    std::string modelName;
    int version = 0;
    store::RunRecord run;
    // Its schemaJson gives the class counts ("class_counts", "unlabeled") and an image
    // version's shape ("image"); its task is the fallback when params has no "task".
    store::DatasetVersionRecord dataset;
    std::string datasetName;
    store::SplitRecord split;
    bool haveSplit = false;
    store::ArchitectureRecord arch;
    bool haveArch = false;
    std::map<std::string, std::string> params;   // the run's params ("task", "optimizer", ...)
    std::vector<store::MetricRecord> finalMetrics;
    std::vector<store::EvaluationRecord> evaluations;   // newest first
    std::vector<std::string> features;
    std::string labelColumn;
    std::vector<std::string> classes;   // a regression version's distinct target values
    std::string modelSha;

    // When the card was made (Unix seconds); 0 = now. Set it once so that the .md and the
    // .html written from the same input carry the same time.
    double exportedAt = 0;
    // The bundle also carries model.onnx at this opset.
    bool hasOnnx = false;
    int onnxOpset = 17;
    // Optional per-sample predictions on the rows of the evaluation the card reports (the
    // newest test-split evaluation, else the newest). When given and the report holds no
    // intervals, the intervals are bootstrapped from them; otherwise they come from the
    // report's counts (CardEvaluation.h).
    std::optional<eval::Predictions> predictions;
};

std::string modelCardMarkdown(const CardInput& in);
std::string modelCardHtml(const CardInput& in);

}  // namespace flightdeck::exporting
