#pragma once
// Evaluates a finished run on one split of its dataset: loads the run's model artifact,
// predicts, computes the classification report (core/eval) and stores it as an evaluation.
// Lives in train (not eval) because it needs the model; core/eval stays torch-free.
#include "flightdeck/store/Records.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace flightdeck::store { class Project; }
namespace flightdeck::model { class Model; }
namespace flightdeck::data { struct Table; }

namespace flightdeck::train {

struct EvaluationResult {
    store::Id evaluationId = 0;     // 0 when the project is read-only: computed, not stored
    double accuracy = 0;
    std::string reportJson;         // flightdeck::eval::toJson of the report, with class names
                                    // (a regression run: {"task": "regression", "rmse", ...})
    bool regression = false;
    std::optional<double> rmse, r2;  // regression runs
};

class RunEvaluator {
public:
    explicit RunEvaluator(store::Project& project);
    // split: "test" (default), "val" or "train".
    EvaluationResult evaluate(store::Id runId, const std::string& split = "test");

private:
    EvaluationResult evaluateRegression(store::Id runId, const std::string& split,
                                        const model::Model& model, const data::Table& table,
                                        const std::vector<std::uint32_t>& rows);
    store::Project& project_;
};

}  // namespace flightdeck::train
