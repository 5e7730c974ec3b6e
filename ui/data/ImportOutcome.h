#pragma once
// What an import did, gathered on the worker thread and turned into translated text on the
// GUI thread (ImportSummary), so the message follows the language shown when it arrives.
#include "flightdeck/data/DatasetTask.h"
#include "flightdeck/data/ImageFolderImporter.h"
#include "flightdeck/data/LabelAssessment.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <vector>

namespace flightdeck::ui {

struct ImportOutcome {
    enum class Kind { Csv, Images, Idx };
    Kind kind = Kind::Csv;
    bool cancelled = false;  // nothing was stored
    QString source;          // the file or folder imported
    qint64 versionId = 0;
    flightdeck::data::DatasetTask task = flightdeck::data::DatasetTask::TableClassification;
    qint64 count = 0;        // rows or images
    qint64 classes = 0;
    double seconds = 0;
    quint64 bytes = 0;       // bytes read from the files

    // CSV
    qint64 features = 0;
    bool taskDetected = true;   // false: the user chose it
    // The content was already a version of this dataset, recorded with another task; a version
    // never changes, so `task` is that one's and `askedTask` what this import wanted.
    bool existingWithOtherTask = false;
    flightdeck::data::DatasetTask askedTask = flightdeck::data::DatasetTask::TableClassification;
    flightdeck::data::LabelAssessment assessment;
    QString labelName;
    qint64 unlabeled = 0;     // rows with a blank label, stored as unlabeled
    qint64 skippedRows = 0;   // lines the wizard's import left out

    // Images and IDX
    quint32 channels = 0, height = 0, width = 0;
    bool labeled = true;
    std::vector<flightdeck::data::SkippedFile> skipped;
    qint64 resized = 0;
    qint64 otherSizes = 0;   // distinct sizes besides the target's
    flightdeck::data::ResizeRule rule = flightdeck::data::ResizeRule::Stretch;
    QStringList idxPrefixes;
    qint64 splitId = 0, splitTrain = 0, splitVal = 0, splitTest = 0;
    bool idxTestOnly = false;   // only t10k pairs: stored, no split (nothing to train on)
};

}  // namespace flightdeck::ui

Q_DECLARE_METATYPE(flightdeck::ui::ImportOutcome)
