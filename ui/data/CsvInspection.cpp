#include "data/CsvInspection.h"

#include "flightdeck/data/CsvImporter.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/store/DatasetRepository.h"

#include <QFile>

#include <algorithm>
#include <filesystem>

namespace flightdeck::ui {

CsvInspection CsvInspection::inspect(const QString& path, const QString& labelColumn,
                                     const QStringList& leftOut, bool skipBadRows)
{
    flightdeck::data::CsvOptions options;
    options.labelColumn = labelColumn.trimmed().toStdString();
    for (const QString& column : leftOut)
        options.skipColumns.push_back(column.toStdString());
    flightdeck::data::CsvReport report;
    if (skipBadRows)
        options.report = &report;
    const std::filesystem::path file(QFile::encodeName(path).toStdString());
    auto table = std::make_shared<flightdeck::data::Table>(flightdeck::data::importCsv(file, options));
    CsvInspection inspection;
    inspection.path = path;
    inspection.assessment = flightdeck::data::assessLabels(*table);
    inspection.detected = flightdeck::data::detectTableTask(*table);
    inspection.classCounts.assign(table->classes.size(), 0);
    for (const std::int32_t label : table->labels) {
        if (label < 0)
            ++inspection.unlabeled;
        else
            ++inspection.classCounts[static_cast<std::size_t>(label)];
    }
    inspection.skipped = std::move(report.skipped);
    inspection.skippedCount = static_cast<qint64>(report.skippedCount);
    inspection.table = std::move(table);
    return inspection;
}

void CsvInspection::findExisting(flightdeck::store::Project& project)
{
    existingVersionId = 0;
    const auto version = flightdeck::data::DatasetCatalog(project).versionWithContent(*table);
    if (!version)
        return;
    flightdeck::store::DatasetRepository repo(project);
    // Numbered as the Data panel's tree numbers them: v1 is the dataset's oldest version.
    const auto versions = repo.versions(version->datasetId);
    existingNumber = static_cast<int>(std::count_if(versions.begin(), versions.end(),
                                                    [&](const auto& v) { return v.id <= version->id; }));
    for (const auto& dataset : repo.datasets())
        if (dataset.id == version->datasetId)
            existingDataset = QString::fromStdString(dataset.name);
    existingVersionId = version->id;
    existingTask = flightdeck::data::taskFromName(version->task);
}

}  // namespace flightdeck::ui
