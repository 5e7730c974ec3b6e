#include "monitoring/VersionReference.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/MonitoredFeatures.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/Project.h"

#include <algorithm>
#include <cstdlib>

namespace flightdeck::ui {

namespace {

bool isImageTask(const std::string& task)
{
    return data::taskFromName(task) == data::DatasetTask::ImageClassification;
}

}  // namespace

QVector<VersionEntry> listVersions(store::Project& project)
{
    QVector<VersionEntry> out;
    store::DatasetRepository repo(project);
    for (const auto& dataset : repo.datasets()) {
        auto versions = repo.versions(dataset.id);
        std::sort(versions.begin(), versions.end(),
                  [](const auto& a, const auto& b) { return a.id < b.id; });
        int number = 0;
        for (const auto& v : versions)
            out.push_back({v.id, QString::fromStdString(dataset.name), ++number, isImageTask(v.task)});
    }
    return out;
}

VersionReference versionReference(store::Project& project, qint64 versionId)
{
    VersionReference ref;
    for (const VersionEntry& e : listVersions(project))
        if (e.id == versionId)
            ref.version = e;
    store::DatasetRepository repo(project);
    const store::DatasetVersionRecord record = repo.version(versionId);   // NotFound
    data::DatasetCatalog catalog(project);
    const data::Table table = catalog.load(versionId);

    // The latest split's train rows, as the CLI's project reference takes them.
    std::vector<std::uint32_t> rows;
    const auto splits = repo.splits(versionId);
    if (!splits.empty()) {
        const auto latest = std::max_element(splits.begin(), splits.end(),
                                             [](const auto& a, const auto& b) { return a.id < b.id; });
        ref.splitId = latest->id;
        rows = catalog.loadSplit(latest->id).train;
    } else {
        for (std::uint32_t r = 0; r < table.rows(); ++r)
            if (table.labels[r] >= 0)
                rows.push_back(r);
    }
    if (rows.empty())
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "version",
                              "dataset version " + std::to_string(versionId) + " has no labeled rows"});

    const data::MonitoredFeatures monitored = data::monitoredFeatures(table, rows, ref.version.images);
    monitor::ProfileLabels labels;
    if (data::taskFromName(record.task) == data::DatasetTask::TableRegression) {
        std::vector<double> targets;   // a regression target's classes are its values as text
        for (std::uint32_t r : rows)
            targets.push_back(std::strtod(table.classes.at(std::size_t(table.labels[r])).c_str(), nullptr));
        labels = monitor::ProfileLabels::regression(table.labelName, std::move(targets));
    } else {
        std::vector<std::int32_t> index;
        for (std::uint32_t r : rows)
            index.push_back(table.labels[r]);
        labels = monitor::ProfileLabels::classification(table.labelName, table.classes, std::move(index));
    }
    ref.profile = monitor::ReferenceProfile::fromRowMajor(monitored.names, monitored.values, labels);
    ref.profile.source = "dataset version " + std::to_string(versionId) + " ("
                         + (ref.splitId ? "train split " + std::to_string(ref.splitId) : std::string("labeled rows"))
                         + ", " + record.source + ")";
    return ref;
}

}  // namespace flightdeck::ui
