#include "flightdeck/loop/FreshData.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/monitor/LogReader.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/Project.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

namespace flightdeck::loop {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void refuse(const std::string& field, const std::string& detail)
{
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, field, detail});
}

struct Picked {
    double confidence = 0;
    std::vector<double> features;
    std::string requestId;
};

std::string list(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "\"" : ", \"") + n + "\"";
    return out;
}

}  // namespace

FreshData logToDatasetVersion(store::Project& project, const fs::path& log,
                              store::Id trainingVersion, const FreshDataOptions& options)
{
    store::DatasetRepository datasets(project);
    const auto parent = datasets.version(trainingVersion);
    if (data::DatasetCatalog(project).task(trainingVersion) != data::DatasetTask::TableClassification)
        refuse("version", "a table classification version: the log's features become its rows "
                          "(version " + std::to_string(trainingVersion) + " is " + parent.task + ")");
    const auto schema = nlohmann::json::parse(parent.schemaJson, nullptr, false);
    if (!schema.is_object() || !schema.contains("features") || !schema.contains("classes"))
        refuse("version", "a version with a table schema");
    const auto features = schema["features"].get<std::vector<std::string>>();
    const auto classes = schema["classes"].get<std::vector<std::string>>();

    FreshData result;
    std::vector<Picked> picked;
    std::string mismatch;
    auto problem = [&](std::string text) {
        if (result.problems.size() < 20)
            result.problems.push_back(std::move(text));
    };
    monitor::LogReadOptions read;
    monitor::ReadStats stats;
    std::shared_ptr<const std::vector<std::string>> mappedNames;   // the key set `mapping` is for
    std::vector<std::size_t> mapping;                              // training feature -> log index
    const auto onRecord = [&](const monitor::PredictionRecord& r) {
        if (!mismatch.empty())
            return;
        if (r.error) {
            ++result.failed;
            return;
        }
        if (r.timestamp < options.from || r.timestamp >= options.to
            || (std::isfinite(r.confidence) && !(r.confidence < options.belowConfidence))) {
            ++result.outside;
            return;
        }
        std::vector<double> values = r.features;
        if (r.featureNames && *r.featureNames != features) {
            // Named features (a JSON object): matched by name, whatever their order. The match
            // is made once per key set (the reader shares one names vector between records):
            // searching 784 names for each of 784 features cost 3 ms a record.
            if (!mappedNames || (mappedNames != r.featureNames && *mappedNames != *r.featureNames)) {
                std::unordered_map<std::string_view, std::size_t> at;
                for (std::size_t i = 0; i < r.featureNames->size(); ++i)
                    at.emplace((*r.featureNames)[i], i);
                std::vector<std::string> missing, extra;
                mapping.assign(features.size(), 0);
                for (std::size_t f = 0; f < features.size(); ++f) {
                    const auto it = at.find(features[f]);
                    if (it == at.end())
                        missing.push_back(features[f]);
                    else
                        mapping[f] = it->second;
                }
                const std::unordered_set<std::string_view> known(features.begin(), features.end());
                for (const auto& f : *r.featureNames)
                    if (!known.count(f))
                        extra.push_back(f);
                if (!missing.empty() || !extra.empty()) {
                    mismatch = "the log's features do not match the training version's"
                               + (missing.empty() ? std::string() : "; missing: " + list(missing))
                               + (extra.empty() ? std::string() : "; not in the training data: " + list(extra));
                    return;
                }
            }
            mappedNames = r.featureNames;
            values.assign(features.size(), 0.0);
            for (std::size_t f = 0; f < features.size(); ++f)
                values[f] = r.features.at(mapping[f]);
        }
        if (values.size() != features.size()) {
            mismatch = "records with " + std::to_string(values.size()) + " feature values; the "
                       "training version has " + std::to_string(features.size()) + " (" + list(features) + ")";
            return;
        }
        picked.push_back({std::isfinite(r.confidence) ? r.confidence : 2.0, std::move(values), r.requestId});
    };
    std::error_code ec;
    if (fs::is_directory(log, ec))
        monitor::readLogFolder(log, read, onRecord, stats);
    else
        monitor::readLog(log, read, onRecord, stats);
    if (!mismatch.empty())
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, log.string(), 0, "features", mismatch});
    result.skipped = stats.skipped;
    for (const auto& p : stats.problems)
        problem("line " + std::to_string(p.line) + ": " + p.problem);
    if (picked.empty())
        refuse("records", "at least one record in the window and under the confidence bound ("
                              + std::to_string(result.outside) + " outside, "
                              + std::to_string(result.failed) + " failed requests, "
                              + std::to_string(stats.skipped) + " lines skipped)");

    // Most uncertain first; records without a confidence last, in log order.
    std::stable_sort(picked.begin(), picked.end(),
                     [](const Picked& a, const Picked& b) { return a.confidence < b.confidence; });
    if (options.maxRecords > 0 && picked.size() > options.maxRecords)
        picked.resize(options.maxRecords);

    std::map<std::string, std::string> truth;
    if (!options.groundTruth.empty()) {
        monitor::ReadStats gtStats;
        monitor::readGroundTruth(options.groundTruth, {}, [&](const std::string& id, const std::string& label) {
            truth[id] = label;
        }, gtStats);
    }

    data::Table table;
    table.featureNames = features;
    table.labelName = schema.value("label", std::string("label"));
    table.classes = classes;
    for (const auto& p : picked) {
        for (double v : p.features)
            table.features.push_back(static_cast<float>(v));
        std::int32_t label = -1;
        const auto it = p.requestId.empty() ? truth.end() : truth.find(p.requestId);
        if (it != truth.end()) {
            const auto c = std::find(classes.begin(), classes.end(), it->second);
            if (c == classes.end())
                problem("request " + p.requestId + ": ground truth \"" + it->second
                        + "\" is not a class of the training version; left unlabeled");
            else
                label = static_cast<std::int32_t>(c - classes.begin());
        }
        result.labeled += label >= 0;
        table.labels.push_back(label);
    }
    result.records = static_cast<std::int64_t>(picked.size());

    std::string datasetName;
    for (const auto& d : datasets.datasets())
        if (d.id == parent.datasetId)
            datasetName = d.name;
    char note[160];
    std::snprintf(note, sizeof note, "%lld records from the production log (%lld labeled by ground truth)",
                  static_cast<long long>(result.records), static_cast<long long>(result.labeled));
    result.version = data::DatasetCatalog(project).addVersion(
        datasetName, table, log.string(), data::DatasetTask::TableClassification,
        data::VersionLineage{trainingVersion, note});
    return result;
}

}  // namespace flightdeck::loop
