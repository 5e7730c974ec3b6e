#pragma once
// The Data panel's imports, run on the TaskRunner: CSV (directly, or as read by the import
// wizard, CsvImportWizard), image folders and IDX pairs with progress (files,
// MB/s) and Cancel. The panel shows the outcome; this class only does the work.
#include "common/TaskRunner.h"
#include "data/CsvInspection.h"
#include "data/ImportOutcome.h"

#include <QObject>

#include <optional>

namespace flightdeck::data { struct ImageImportOptions; }

namespace flightdeck::ui {

class ProjectSession;
class TaskRunner;

class DataImporter : public QObject {
    Q_OBJECT
public:
    DataImporter(ProjectSession* session, TaskRunner* tasks, QObject* parent = nullptr);

    // Parses and stores in one task; the task is detected from the label column.
    void importCsv(const QString& path, const QString& datasetName, const QString& labelColumn);
    // Stores a table the wizard read; no task = the detected one.
    void importInspected(const CsvInspection& inspection, const QString& datasetName,
                         std::optional<flightdeck::data::DatasetTask> task);
    // options.progress is replaced by the task's own (progress bar and Cancel).
    void importImages(const QString& folder, const QString& datasetName,
                      const flightdeck::data::ImageImportOptions& options);
    // A folder (every pair in it) or one file of a pair. A version with the files' own test
    // part gets a split at once (validation 10 % of the training images, seed 42).
    void importIdx(const QString& path, const QString& datasetName);

    static constexpr double kIdxValFraction = 0.1;
    static constexpr quint64 kIdxSplitSeed = 42;

Q_SIGNALS:
    void imported(const flightdeck::ui::ImportOutcome& outcome);
    void failed(const QString& message);

private:
    using Work = std::function<ImportOutcome(flightdeck::store::Project&, TaskRunner::Progress&)>;
    // Runs `work` with progress; its outcome goes to imported(), an error to failed() (a
    // cancelled import says so, and that nothing was stored).
    void start(const QString& title, const QString& source, Work work);
    bool checkOpen();

    ProjectSession* session_;
    TaskRunner* tasks_;
};

}  // namespace flightdeck::ui
