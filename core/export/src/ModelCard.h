#pragma once
// The model card written into every bundle (model_card.md): what the model is, the data and
// split it was trained on, the recipe, the metrics and the latest evaluation.
#include "flightdeck/store/Records.h"

#include <map>
#include <string>
#include <vector>

namespace flightdeck::exporting {

struct CardInput {
    std::string modelName;
    int version = 0;
    store::RunRecord run;
    store::DatasetVersionRecord dataset;
    std::string datasetName;
    store::SplitRecord split;
    bool haveSplit = false;
    store::ArchitectureRecord arch;
    bool haveArch = false;
    std::map<std::string, std::string> params;
    std::vector<store::MetricRecord> finalMetrics;
    std::vector<store::EvaluationRecord> evaluations;
    std::vector<std::string> features;
    std::string labelColumn;
    std::vector<std::string> classes;
    std::string modelSha;
};

std::string modelCardMarkdown(const CardInput& in);

}  // namespace flightdeck::exporting
