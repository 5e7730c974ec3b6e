#pragma once
// Export & Registry: exports the session's current run as a self-contained bundle (core's
// BundleExporter, on a pool thread) registered as a new version of a model name; lists the
// registry; shows the selected bundle's manifest and verification; moves aliases
// ("staging", "production", ...) between versions.
#include "flightdeck/store/Records.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace flightdeck::ui {

class BundleInspector;
class ProjectSession;
class TaskRunner;

class ExportPanel : public QWidget {
    Q_OBJECT
public:
    ExportPanel(ProjectSession* session, TaskRunner* runner, QWidget* parent = nullptr);
    ~ExportPanel() override;

    // Exports the current run under the model name in the line edit (default "model") to the
    // chosen destination (empty = <project>/exports/<name>-v<version>).
    void exportCurrentRun();
    // Re-reads the registry, keeping the selected row.
    void reloadRegistry();
    // Moves `alias` to the selected registry row ("" clears it).
    void setAliasOfSelected(const QString& alias);
    bool isExporting() const { return exporting_; }
    // Registry row id of the selected export, 0 if none.
    qint64 selectedModelId() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateRunState();
    void onRegistrySelectionChanged();
    void chooseDestination();
    void showMessage(const QString& text, bool error);
    QString absoluteBundlePath(const std::string& path) const;

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
    QLabel* messageLabel_ = nullptr;

    QGroupBox* registryGroup_ = nullptr;
    QTableWidget* registry_ = nullptr;
    QLabel* aliasCaption_ = nullptr;
    QComboBox* aliasCombo_ = nullptr;
    QPushButton* setAliasButton_ = nullptr;

    QGroupBox* bundleGroup_ = nullptr;
    BundleInspector* inspector_ = nullptr;

    std::vector<flightdeck::store::RegisteredModelRecord> models_;
    bool exporting_ = false;
    qint64 selectAfterReload_ = 0;
};

}  // namespace flightdeck::ui
