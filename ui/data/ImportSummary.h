#pragma once
// Turns an import's outcome into the Data panel's message (translated, on the GUI thread),
// and names tasks the way the panel shows them.
#include "data/ImportOutcome.h"

#include <QCoreApplication>
#include <QString>

namespace flightdeck::ui {

class ImportSummary {
    Q_DECLARE_TR_FUNCTIONS(ImportSummary)
public:
    static QString message(const ImportOutcome& outcome);
    // Up to kListedSkipped skipped files, one a line, for a tooltip (empty when none).
    static QString skippedList(const ImportOutcome& outcome);
    // Something the user should look at: skipped files, or a doubtful label column.
    static bool isWarning(const ImportOutcome& outcome);

    // The warning for a suspicious label column (empty for none).
    static QString labelConcern(flightdeck::data::LabelConcern concern, qint64 distinct, qint64 rows);
    static QString taskText(flightdeck::data::DatasetTask task);
    // "214 distinct numbers in 442 rows: a regression target", for the import dialog.
    static QString taskReason(const flightdeck::data::LabelAssessment& assessment,
                              flightdeck::data::DatasetTask detected);

    static constexpr int kNamedSkipped = 3;
    static constexpr int kListedSkipped = 20;

private:
    static QString csvMessage(const ImportOutcome& o);
    static QString imagesMessage(const ImportOutcome& o);
    static QString idxMessage(const ImportOutcome& o);
    static QString skippedSentence(const ImportOutcome& o);
};

}  // namespace flightdeck::ui
