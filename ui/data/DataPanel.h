#pragma once
// The Data dock: CSV import into versioned datasets, seeded stratified splits, a preview of
// the selected version and its class counts. Import, split and preview run on TaskRunner's
// pool thread; selecting a version or split sets the session's current ids.
#include <QWidget>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTableWidget;

namespace flightdeck::data { enum class LabelConcern; }

namespace flightdeck::ui {

class DatasetTree;
class PreviewModel;
class ProjectSession;
class SplitForm;
class SplitTable;
class TaskRunner;
struct DatasetPreview;

class DataPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kPreviewRows = 200;

    DataPanel(ProjectSession* session, TaskRunner* tasks, QWidget* parent = nullptr);

    // Imports asynchronously; the dataset name defaults to the name field, then the file name.
    void importCsv(const QString& path, const QString& datasetName = {});
    // The last message shown in the panel (errors name the file and line).
    QString messageText() const;
    // The translated import warning for a suspicious label column (empty for none).
    static QString labelConcernText(flightdeck::data::LabelConcern concern, qint64 distinct,
                                    qint64 rows);

public Q_SLOTS:
    void chooseAndImportCsv();
    void createSplit();

Q_SIGNALS:
    void importFinished(qint64 versionId);
    void importFailed(const QString& message);
    void splitCreated(qint64 splitId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void reloadAll();
    void onVersionChosen(qint64 versionId);
    void onCurrentVersionChanged(qint64 versionId);
    void loadPreview(qint64 versionId);
    void showPreview(const DatasetPreview& preview);
    void clearPreview();
    void showMessage(const QString& text, bool error);

    ProjectSession* session_;
    TaskRunner* tasks_;
    int previewTicket_ = 0;

    QPushButton* importButton_;
    QLabel* nameLabel_;
    QLineEdit* nameEdit_;
    QLabel* labelColumnLabel_;
    QLineEdit* labelColumnEdit_;
    QGroupBox* datasetsBox_;
    DatasetTree* tree_;
    QGroupBox* splitsBox_;
    SplitTable* splitTable_;
    SplitForm* splitForm_;
    QTabWidget* tabs_;
    QTableView* previewView_;
    PreviewModel* previewModel_;
    QTableWidget* classCounts_;
    QLabel* previewLabel_;
    QLabel* messageLabel_;
};

}  // namespace flightdeck::ui
