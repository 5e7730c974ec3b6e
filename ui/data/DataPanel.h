#pragma once
// The Data dock: CSV, image-folder and IDX import into versioned datasets (DataImporter, with
// progress in the status bar), seeded stratified splits, a preview of the selected version and
// its class counts. Import, split and preview run on TaskRunner's pool thread; selecting a
// version or split sets the session's current ids.
#include <QWidget>

class QLabel;
class QTabWidget;
class QTableView;

namespace flightdeck::data {
struct ImageImportOptions;
}

namespace flightdeck::ui {

class StatusLine;
class ClassCountsTable;
class DataImporter;
class DatasetActions;
class DatasetTree;
class ImportBar;
struct ImportOutcome;
class ProjectSession;
class SplitForm;
class SplitTable;
class TaskRunner;
class VersionPreview;

class DataPanel : public QWidget {
    Q_OBJECT
public:
    DataPanel(ProjectSession* session, TaskRunner* tasks, QWidget* parent = nullptr);

    // Imports asynchronously; the dataset name defaults to the name field, then the file name.
    // The task (classification or regression) is detected from the label column.
    void importCsv(const QString& path, const QString& datasetName = {});
    // Opens the import wizard on the file (objectName "csvImportWizard"): a preview and column
    // roles, then a summary with the detected task to confirm or override; csvInspected says
    // when the summary has read the file.
    void inspectCsv(const QString& path, const QString& datasetName = {});
    // A folder of images (one subfolder per class, or flat); the name defaults as above, then
    // to the folder's name.
    void importImages(const QString& folder, const flightdeck::data::ImageImportOptions& options,
                      const QString& datasetName = {});
    // A folder of IDX pairs or one file of a pair; with the files' own test part a split is
    // created too (splitCreated).
    void importIdx(const QString& path, const QString& datasetName = {});
    // Rename, delete and copy on the dataset tree (its context menu, F2, Delete); its undo stack
    // holds the renames.
    DatasetActions* datasetActions() const { return datasetActions_; }
    // The last message shown in the panel (errors name the file and line).
    QString messageText() const;

public Q_SLOTS:
    void chooseAndImportCsv();
    void chooseAndImportImages();
    void chooseAndImportIdx();
    void createSplit();

Q_SIGNALS:
    void importFinished(qint64 versionId);
    void importFailed(const QString& message);   // also when cancelled
    // The import wizard's summary is shown; `detectedTask` is the stored name ("table_regression").
    void csvInspected(const QString& detectedTask);
    void splitCreated(qint64 splitId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void reloadAll();
    void onVersionChosen(qint64 versionId);
    void onCurrentVersionChanged(qint64 versionId);
    void showMessage(const QString& text, bool error);
    void onImported(const ImportOutcome& outcome);
    void onImportFailed(const QString& message);
    void openImageDialog(bool folderOfImages);
    QString nameOr(const QString& datasetName) const;

    ProjectSession* session_;
    TaskRunner* tasks_;

    DataImporter* importer_;
    ImportBar* importBar_;
    QWidget* datasetsBox_;
    DatasetTree* tree_;
    QWidget* splitsPage_;
    SplitTable* splitTable_;
    SplitForm* splitForm_;
    QTabWidget* tabs_;
    QTableView* previewView_;
    ClassCountsTable* classCounts_;
    QLabel* previewLabel_;
    StatusLine* messageLabel_;
    DatasetActions* datasetActions_;
    VersionPreview* preview_;
};

}  // namespace flightdeck::ui
