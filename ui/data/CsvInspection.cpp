#include "data/CsvInspection.h"

#include "flightdeck/data/CsvImporter.h"

#include <QFile>

#include <filesystem>

namespace flightdeck::ui {

CsvInspection CsvInspection::inspect(const QString& path, const QString& labelColumn)
{
    flightdeck::data::CsvOptions options;
    options.labelColumn = labelColumn.trimmed().toStdString();
    const std::filesystem::path file(QFile::encodeName(path).toStdString());
    auto table = std::make_shared<flightdeck::data::Table>(flightdeck::data::importCsv(file, options));
    CsvInspection inspection;
    inspection.path = path;
    inspection.assessment = flightdeck::data::assessLabels(*table);
    inspection.detected = flightdeck::data::detectTableTask(*table);
    inspection.table = std::move(table);
    return inspection;
}

}  // namespace flightdeck::ui
