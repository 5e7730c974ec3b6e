#include "flightdeck/loop/Retrain.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/LabelHistory.h"
#include "flightdeck/model/Model.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/RunEvaluator.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include <nlohmann/json.hpp>

namespace flightdeck::loop {

namespace {

[[noreturn]] void refuse(const std::string& field, const std::string& detail)
{
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, field, detail});
}

model::Model runModel(store::Project& project, store::Id runId)
{
    const std::string hash = store::RunRepository(project).modelObjectHash(runId);
    if (hash.empty())
        refuse("run", "a run with a model; run " + std::to_string(runId) + " has none");
    return model::Model::loadFromBytes(project.objects().get(hash));
}

double accuracy(const model::Model& m, const data::Table& t, const std::vector<std::uint32_t>& rows)
{
    if (rows.empty())
        return std::numeric_limits<double>::quiet_NaN();
    std::vector<float> x;
    x.reserve(rows.size() * t.cols());
    for (auto r : rows)
        x.insert(x.end(), t.row(r), t.row(r) + t.cols());
    const auto predicted = m.predict(x.data(), rows.size());
    std::size_t right = 0;
    for (std::size_t i = 0; i < rows.size(); ++i)
        right += predicted[i] == t.labels[rows[i]];
    return double(right) / double(rows.size());
}

nlohmann::json scoreJson(const Score& s)
{
    auto num = [](double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); };
    return {{"rows", s.rows}, {"old_accuracy", num(s.oldAccuracy)}, {"new_accuracy", num(s.newAccuracy)}};
}

}  // namespace

RetrainResult retrain(store::Project& project, store::Id fromRun, store::Id addVersion,
                      const RetrainOptions& options)
{
    store::RunRepository runs(project);
    store::DatasetRepository datasets(project);
    data::DatasetCatalog catalog(project);
    const store::RunRecord previous = runs.run(fromRun);
    const auto params = runs.params(fromRun);
    if (params.count("task") && params.at("task") == "regression")
        refuse("run", "a classification run (run " + std::to_string(fromRun) + " is a regression)");
    if (catalog.task(previous.versionId) != data::DatasetTask::TableClassification)
        refuse("run", "a run on a table classification version");

    if (addVersion == previous.versionId)
        refuse("version", "a version other than run " + std::to_string(fromRun)
                              + "'s own training data (version " + std::to_string(addVersion)
                              + "): its rows are in the run already, its test rows among them");
    const data::Table old = catalog.load(previous.versionId);
    const data::Split oldSplit = catalog.loadSplit(previous.splitId);
    data::Table fresh = catalog.load(addVersion);
    if (fresh.featureNames != old.featureNames)
        refuse("version", "version " + std::to_string(addVersion) + " with the features of run "
                              + std::to_string(fromRun) + "'s data, in the same order");
    // The labels as labeled so far (committed or not).
    const data::WorkingLabels working = data::LabelHistory(project).working(addVersion);

    RetrainResult result;
    result.previousRun = fromRun;
    data::Table combined = old;
    std::vector<std::int32_t> freshLabels;
    // The old val and test rows by their feature bytes (a copy of one compares equal).
    const auto rowKey = [](const data::Table& t, std::size_t r) {
        return std::string(reinterpret_cast<const char*>(t.row(r)), t.cols() * sizeof(float));
    };
    std::unordered_set<std::string> heldOut;
    for (const auto* part : {&oldSplit.val, &oldSplit.test})
        for (const auto r : *part)
            heldOut.insert(rowKey(old, r));
    for (std::size_t r = 0; r < fresh.rows(); ++r) {
        const std::int32_t w = working.labels.at(r);
        if (w < 0) {
            ++result.unlabeledRows;
            continue;
        }
        if (heldOut.count(rowKey(fresh, r))) {
            ++result.heldOutCopies;
            continue;
        }
        const std::string& name = working.classes.at(std::size_t(w));
        const auto c = std::find(old.classes.begin(), old.classes.end(), name);
        if (c == old.classes.end())
            refuse("labels", "classes of run " + std::to_string(fromRun) + "'s model; row "
                                 + std::to_string(r + 1) + " is labeled \"" + name
                                 + "\" (a new class needs a new run, not a retrain)");
        combined.features.insert(combined.features.end(), fresh.row(r), fresh.row(r) + fresh.cols());
        combined.labels.push_back(std::int32_t(c - old.classes.begin()));
        freshLabels.push_back(combined.labels.back());
    }
    result.addedRows = std::int64_t(freshLabels.size());
    if (freshLabels.empty())
        refuse("version", "labeled rows in version " + std::to_string(addVersion) + " that are "
                              "new (" + std::to_string(result.unlabeledRows) + " unlabeled, "
                              + std::to_string(result.heldOutCopies)
                              + " copies of the old val or test rows)");

    std::string datasetName;
    const auto parent = datasets.version(previous.versionId);
    for (const auto& d : datasets.datasets())
        if (d.id == parent.datasetId)
            datasetName = d.name;
    const auto version = catalog.addVersion(
        datasetName, combined, parent.source, data::DatasetTask::TableClassification,
        data::VersionLineage{previous.versionId, "run " + std::to_string(fromRun) + "'s data + "
                                                     + std::to_string(result.addedRows)
                                                     + " labeled rows of version " + std::to_string(addVersion)});
    result.combinedVersion = version.id;

    // The old rows keep their parts; the fresh rows are split as the old split was.
    const auto splitRecord = datasets.split(previous.splitId);
    const data::SplitFractions fractions{splitRecord.trainFraction, splitRecord.valFraction,
                                         splitRecord.testFraction};
    data::Split split = oldSplit;
    const data::Split freshParts = data::stratifiedSplit(freshLabels, int(old.classes.size()), fractions, options.seed);
    const auto offset = std::uint32_t(old.rows());
    std::vector<std::uint32_t> freshTest;
    for (auto [from, to] : {std::pair{&freshParts.train, &split.train}, std::pair{&freshParts.val, &split.val},
                            std::pair{&freshParts.test, &split.test}})
        for (auto r : *from)
            to->push_back(offset + r);
    for (auto r : freshParts.test)
        freshTest.push_back(offset + r);
    result.split = catalog.addSplit(version.id, split, "retrain", options.seed, fractions).id;

    train::Trainer trainer(project);
    train::TrainConfig config = trainer.recipe(fromRun);
    if (options.epochs)
        config.epochs = *options.epochs;
    const auto run = trainer.run(version.id, result.split, previous.architectureId, config, options.callbacks);
    result.newRun = run.runId;
    result.status = run.status;
    if (run.status != store::RunStatus::Completed)
        return result;
    train::RunEvaluator(project).evaluate(run.runId, "test");

    const model::Model before = runModel(project, fromRun);
    const model::Model after = runModel(project, run.runId);
    result.oldTest = {std::int64_t(oldSplit.test.size()), accuracy(before, combined, oldSplit.test),
                      accuracy(after, combined, oldSplit.test)};
    result.freshTest = {std::int64_t(freshTest.size()), accuracy(before, combined, freshTest),
                        accuracy(after, combined, freshTest)};
    const nlohmann::json comparison = {{"previous_run", fromRun}, {"fresh_version", addVersion},
                                       {"old_test", scoreJson(result.oldTest)},
                                       {"fresh_test", scoreJson(result.freshTest)}};
    result.comparisonJson = comparison.dump();
    runs.setParams(run.runId, {{"retrained_from", std::to_string(fromRun)},
                               {"fresh_version", std::to_string(addVersion)},
                               {"comparison", result.comparisonJson}});
    return result;
}

}  // namespace flightdeck::loop
