#pragma once
// The Export panel's model registry: every registered version (name, version, run, alias, its
// run's status and scores to choose by, bundle, created), the selected version's lineage (data version -> run -> model version ->
// bundle), the alias history of its model name (who, when, why), and Promote, Roll back and
// Clear alias. Each move is asked for in an AliasDialog and then done directly on the registry:
// it is registry state, logged in alias_events, not a document edit, so no undo stack.
// A reload is two queries (every version with its lineage, every alias event: RegistryIndex,
// which also answers what a move would change), the runs' scores are read on the TaskRunner
// after it; selecting a row reads nothing from the store.
#include "export/AliasDialog.h"
#include "export/RegistryIndex.h"

#include "flightdeck/store/ModelRegistry.h"

#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace flightdeck::ui {

class AliasHistoryView;
class ProjectSession;
class TaskRunner;

class RegistryView : public QWidget {
    Q_OBJECT
public:
    RegistryView(ProjectSession* session, TaskRunner* tasks, QWidget* parent = nullptr);

    // Re-reads the registry, keeping the selected row (or selecting `selectAfterReload`).
    void reload();
    void selectAfterReload(qint64 id) { selectAfterReload_ = id; }
    // Registry row id of the selected version, 0 if none.
    qint64 selectedModelId() const;
    // The selected version's bundle folder, absolute ("" if none).
    QString selectedBundlePath() const;
    QString lineageText() const;
    // The Status and Score cells of a version ("" while its scores are being read).
    QString statusText(qint64 modelId) const;
    QString scoreText(qint64 modelId) const;
    bool isReadingScores() const { return readingScores_; }

    // Open the dialog that asks for the alias and the reason, for the selected version (its
    // model name for Roll back and Clear). Non-modal; the move happens when it is accepted.
    AliasDialog* promoteSelected();
    AliasDialog* rollbackSelected();
    AliasDialog* clearSelected();

    void retranslateUi();

Q_SIGNALS:
    // The selected version changed (or was reloaded); bundlePath is "" without a selection.
    void selectionChanged(const QString& bundlePath);
    // What a move did, or why it failed (translated).
    void message(const QString& text, bool error);

private:
    const flightdeck::store::ModelLineage* selected() const;
    AliasDialog* openDialog(AliasDialog::Mode mode);
    void apply(AliasDialog::Mode mode, const std::string& name, int version, const QString& alias,
               const QString& reason);
    void onSelectionChanged();
    void readScores();
    int rowOf(qint64 modelId) const;
    void fillHistory();
    void updateButtons();
    QString absolutePath(const std::string& bundlePath) const;

    ProjectSession* session_;
    QTableWidget* table_ = nullptr;
    QLabel* lineageLabel_ = nullptr;
    QPushButton* promoteButton_ = nullptr;
    QPushButton* rollbackButton_ = nullptr;
    QPushButton* clearButton_ = nullptr;
    AliasHistoryView* history_ = nullptr;

    RegistryIndex index_;
    qint64 selectAfterReload_ = 0;
    TaskRunner* tasks_;
    int scoresTicket_ = 0;
    bool readingScores_ = false;
};

}  // namespace flightdeck::ui
