#pragma once
// Export & Registry: exports the session's current run as a self-contained bundle (core's
// BundleExporter, on a pool thread) registered as a new version of a model name; the registry
// (RegistryView: versions, lineage, alias history, promote / roll back); the selected bundle's
// manifest and verification (BundleInspector, verified on a pool thread), and "Serve locally"
// (LocalServer: flightdeck-serve on it, its log handed to Monitoring).
#include <QWidget>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace flightdeck::store { enum class RunStatus; }

namespace flightdeck::ui {

class StatusLine;
class BundleInspector;
class LocalServer;
class ProjectSession;
class RegistryView;
class TaskRunner;

class ExportPanel : public QWidget {
    Q_OBJECT
public:
    ExportPanel(ProjectSession* session, TaskRunner* runner, QWidget* parent = nullptr);
    ~ExportPanel() override;

    // Exports the current run under the model name in the line edit (default "model") to the
    // chosen destination (empty = <project>/exports/<name>-v<version>). A cancelled,
    // interrupted, failed or never evaluated run is asked about first (objectName
    // "exportWarning", "Export Anyway" or Cancel).
    void exportCurrentRun();
    // The question for such a run; empty when there is nothing to warn about.
    static QString exportWarning(qint64 runId, flightdeck::store::RunStatus status, bool evaluated);
    QString messageText() const;
    // Re-reads the registry, keeping the selected row.
    void reloadRegistry();
    bool isExporting() const { return exporting_; }
    // Registry row id of the selected export, 0 if none.
    qint64 selectedModelId() const;
    RegistryView* registryView() const { return registryView_; }
    BundleInspector* bundleInspector() const { return inspector_; }
    LocalServer* localServer() const { return server_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateRunState();
    void onRegistrySelectionChanged(const QString& bundlePath);
    void chooseDestination();
    void showMessage(const QString& text, bool error);
    void startExport(qint64 runId);

    ProjectSession* session_;
    TaskRunner* runner_;

    QGroupBox* exportGroup_ = nullptr;
    QLabel* runCaption_ = nullptr;
    QLabel* runLabel_ = nullptr;
    QLabel* nameCaption_ = nullptr;
    QLineEdit* modelNameEdit_ = nullptr;
    QLabel* destinationCaption_ = nullptr;
    QLineEdit* destinationEdit_ = nullptr;
    QPushButton* chooseFolderButton_ = nullptr;
    QPushButton* exportButton_ = nullptr;
    StatusLine* messageLabel_ = nullptr;

    QGroupBox* registryGroup_ = nullptr;
    RegistryView* registryView_ = nullptr;

    QGroupBox* bundleGroup_ = nullptr;
    BundleInspector* inspector_ = nullptr;
    LocalServer* server_ = nullptr;

    bool exporting_ = false;
};

}  // namespace flightdeck::ui
