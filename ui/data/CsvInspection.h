#pragma once
// A CSV file parsed once and looked at before it is imported: its size, label column, the task
// detected from it, the rows without a label, the lines left out and whether the content is
// already a version. The parsed table travels with it, so importing after the user has
// confirmed (or overridden) the task does not parse the file again.
#include "flightdeck/common/Error.h"
#include "flightdeck/data/DatasetTask.h"
#include "flightdeck/data/LabelAssessment.h"
#include "flightdeck/data/Table.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace flightdeck::store { class Project; }

namespace flightdeck::ui {

struct CsvInspection {
    QString path;
    QString datasetName;
    std::shared_ptr<const flightdeck::data::Table> table;
    flightdeck::data::LabelAssessment assessment;
    flightdeck::data::DatasetTask detected = flightdeck::data::DatasetTask::TableClassification;
    std::vector<qint64> classCounts;   // per table->classes
    qint64 unlabeled = 0;              // rows whose label is blank
    // Lines left out (only when inspected with skipBadRows), the first few with their reason.
    std::vector<flightdeck::ErrorInfo> skipped;
    qint64 skippedCount = 0;
    // The version whose content this already is (0: none), its dataset and its number there.
    qint64 existingVersionId = 0;
    int existingNumber = 0;
    QString existingDataset;
    flightdeck::data::DatasetTask existingTask = flightdeck::data::DatasetTask::TableClassification;

    qint64 rows() const { return table ? static_cast<qint64>(table->rows()) : 0; }
    qint64 features() const { return table ? static_cast<qint64>(table->cols()) : 0; }
    QString labelName() const { return table ? QString::fromStdString(table->labelName) : QString(); }

    // Worker thread: parses `path` (Error with file and line on failure) and assesses its labels.
    // `leftOut`: columns not stored (ignored or ids). `skipBadRows`: rows that cannot be read
    // are listed in `skipped` instead of failing.
    static CsvInspection inspect(const QString& path, const QString& labelColumn,
                                 const QStringList& leftOut = {}, bool skipBadRows = false);
    // Worker thread: fills the existing* fields from the project's versions.
    void findExisting(flightdeck::store::Project& project);
};

}  // namespace flightdeck::ui
