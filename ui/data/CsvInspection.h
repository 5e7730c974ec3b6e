#pragma once
// A CSV file parsed once and looked at before it is imported: its size, label column and the
// task detected from it. The parsed table travels with it, so importing after the user has
// confirmed (or overridden) the task does not parse the file again.
#include "flightdeck/data/DatasetTask.h"
#include "flightdeck/data/LabelAssessment.h"
#include "flightdeck/data/Table.h"

#include <QMetaType>
#include <QString>

#include <memory>

namespace flightdeck::ui {

struct CsvInspection {
    QString path;
    QString datasetName;
    std::shared_ptr<const flightdeck::data::Table> table;
    flightdeck::data::LabelAssessment assessment;
    flightdeck::data::DatasetTask detected = flightdeck::data::DatasetTask::TableClassification;

    qint64 rows() const { return table ? static_cast<qint64>(table->rows()) : 0; }
    qint64 features() const { return table ? static_cast<qint64>(table->cols()) : 0; }
    QString labelName() const { return table ? QString::fromStdString(table->labelName) : QString(); }

    // Worker thread: parses `path` (Error with file and line on failure) and assesses its labels.
    static CsvInspection inspect(const QString& path, const QString& labelColumn);
};

}  // namespace flightdeck::ui

Q_DECLARE_METATYPE(flightdeck::ui::CsvInspection)
