#include "flightdeck/train/RunEvaluator.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/eval/Classification.h"
#include "flightdeck/model/Model.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

namespace flightdeck::train {

RunEvaluator::RunEvaluator(store::Project& project) : project_(project) {}

EvaluationResult RunEvaluator::evaluate(store::Id runId, const std::string& split)
{
    if (split != "test" && split != "val" && split != "train")
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "split",
                              "\"test\", \"val\" or \"train\", got \"" + split + "\""});

    store::RunRepository runs(project_);
    const store::RunRecord run = runs.run(runId);
    std::string modelHash;
    for (const auto& a : runs.artifacts(runId))
        if (a.kind == "model")
            modelHash = a.objectHash;   // the latest one wins
    if (modelHash.empty())
        throw Error(ErrorInfo{ErrorCode::NotFound, {}, 0, "model artifact",
                              "run " + std::to_string(runId)});
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
