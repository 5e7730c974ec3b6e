#include "flightdeck/train/RunEvaluator.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/eval/Classification.h"
#include "flightdeck/eval/Regression.h"
#include "flightdeck/model/Model.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <cstdlib>

#include <nlohmann/json.hpp>

namespace flightdeck::train {

namespace {

nlohmann::json metricJson(const eval::Metric& m)
{
    if (m.defined)
        return m.value;
    return nlohmann::json{{"undefined", m.reason}};
}

}  // namespace

RunEvaluator::RunEvaluator(store::Project& project) : project_(project) {}

EvaluationResult RunEvaluator::evaluateRegression(store::Id runId, const std::string& split,
                                                  const model::Model& model,
                                                  const data::Table& table,
                                                  const std::vector<std::uint32_t>& rows)
{
    if (model.inputs() != static_cast<std::int64_t>(table.cols()) || model.classes() != 1)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "model",
                              "a regression model for " + std::to_string(table.cols()) +
                                  " inputs and one output"});
    // The stored labels index the target's distinct values, kept as their text.
    std::vector<double> values;
    for (const auto& name : table.classes)
        values.push_back(std::strtod(name.c_str(), nullptr));
    const std::size_t cols = table.cols();
    std::vector<float> features;
    features.reserve(rows.size() * cols);
    std::vector<double> truth;
    for (auto r : rows) {
        if (r >= table.rows())
            throw Error(ErrorInfo{ErrorCode::CorruptObject, {}, 0, "split",
                                  "row " + std::to_string(r) + " out of range"});
        features.insert(features.end(), table.row(r), table.row(r) + cols);
        truth.push_back(values.at(static_cast<std::size_t>(table.labels[r])));
    }
    const auto out = model.logits(features.data(), rows.size());
    const std::vector<double> estimate(out.begin(), out.end());
    const auto m = eval::regressionMetrics(truth, estimate);
    nlohmann::json report = {{"task", "regression"},
                             {"target", table.labelName},
                             {"samples", m.samples},
                             {"mse", metricJson(m.mse)},
                             {"rmse", metricJson(m.rmse)},
                             {"mae", metricJson(m.mae)},
                             {"r2", metricJson(m.r2)},
                             {"mape", metricJson(m.mape)},
                             {"explained_variance", metricJson(m.explainedVariance)},
                             {"residual_mean", metricJson(m.residualMean)},
                             {"residual_std", metricJson(m.residualStd)}};
    EvaluationResult result;
    result.regression = true;
    if (m.rmse)
        result.rmse = m.rmse.value;
    if (m.r2)
        result.r2 = m.r2.value;
    result.reportJson = report.dump();
    store::EvaluationRecord record;
    record.runId = runId;
    record.split = split;
    record.accuracy = 0;   // not a classifier: the report holds the regression metrics
    record.reportJson = result.reportJson;
    if (!project_.readOnly())
        result.evaluationId = store::RunRepository(project_).addEvaluation(record);
    return result;
}

EvaluationResult RunEvaluator::evaluate(store::Id runId, const std::string& split)
{
    if (split != "test" && split != "val" && split != "train")
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "split",
                              "\"test\", \"val\" or \"train\", got \"" + split + "\""});

    store::RunRepository runs(project_);
    const store::RunRecord run = runs.run(runId);
    const std::string modelHash = runs.requireModel(runId);
    const model::Model model = model::Model::loadFromBytes(project_.objects().get(modelHash));

    data::DatasetCatalog catalog(project_);
    const data::Table table = catalog.load(run.versionId);
    const data::Split parts = catalog.loadSplit(run.splitId);
    const std::vector<std::uint32_t>& rows =
        split == "test" ? parts.test : split == "val" ? parts.val : parts.train;
    if (rows.empty())
        throw Error(ErrorInfo{ErrorCode::TooFewRows, {}, 0, "split",
                              "the " + split + " part of split " + std::to_string(run.splitId) +
                                  " is empty: nothing to evaluate (its metrics are undefined); "
                                  "evaluate on another part or make a split with " + split +
                                  " rows"});
    const auto params = runs.params(runId);
    const auto task = params.find("task");
    if (task != params.end() && task->second == "regression")
        return evaluateRegression(runId, split, model, table, rows);
    if (model.inputs() != static_cast<std::int64_t>(table.cols()) ||
        model.classes() != static_cast<std::int64_t>(table.classes.size()))
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "model",
                              "a model for " + std::to_string(table.cols()) + " inputs and " +
                                  std::to_string(table.classes.size()) + " classes"});

    // Gather the split's rows into one contiguous block and predict in one call.
    const std::size_t cols = table.cols();
    std::vector<float> features;
    features.reserve(rows.size() * cols);
    std::vector<std::int32_t> truth;
    truth.reserve(rows.size());
    for (auto r : rows) {
        if (r >= table.rows())
            throw Error(ErrorInfo{ErrorCode::CorruptObject, {}, 0, "split",
                                  "row " + std::to_string(r) + " out of range"});
        const float* x = table.row(r);
        features.insert(features.end(), x, x + cols);
        truth.push_back(table.labels[r]);
    }
    const auto pred = model.predict(features.data(), rows.size());
    const auto report = eval::classificationReport(truth, pred, static_cast<int>(table.classes.size()));

    EvaluationResult result;
    result.accuracy = report.accuracy;
    result.reportJson = eval::toJson(report, table.classes);
    store::EvaluationRecord record;
    record.runId = runId;
    record.split = split;
    record.accuracy = result.accuracy;
    record.reportJson = result.reportJson;
    // A read-only project (another user's, a read-only mount) can still be evaluated; the
    // result is returned but not stored (evaluationId stays 0).
    if (!project_.readOnly())
        result.evaluationId = runs.addEvaluation(record);
    return result;
}

}  // namespace flightdeck::train
