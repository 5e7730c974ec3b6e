#pragma once
// The shell: owns the session, the task runner and the training controller, puts one dock per
// panel around them, and wires menus, shortcuts and the status bar to the panels' own public
// operations. No business logic lives here.
// The accessors' types are complete here, so callers (main.cpp, tests) can use them directly.
#include "common/ProjectSession.h"
#include "common/TaskRunner.h"
#include "common/TrainingController.h"

#include <QMainWindow>

class QDockWidget;
class QUndoGroup;
class QLabel;

namespace flightdeck::ui {

class ArchitecturePanel;
class DataPanel;
class EvaluationPanel;
class ExperimentsPanel;
class ExportPanel;
class MainActions;
class QuitGuard;
class MonitoringPanel;
class LabelingPanel;
class TaskStatusWidget;
class TrainingPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens (or with create=true creates) a project folder; on failure shows why and returns
    // false, keeping the previous project.
    bool openProject(const QString& folder, bool create = false);

    ProjectSession* session() const { return session_; }
    TaskRunner* tasks() const { return tasks_; }
    TrainingController* training() const { return training_; }

    DataPanel* dataPanel() const { return dataPanel_; }
    ArchitecturePanel* architecturePanel() const { return architecturePanel_; }
    TrainingPanel* trainingPanel() const { return trainingPanel_; }
    ExperimentsPanel* experimentsPanel() const { return experimentsPanel_; }
    EvaluationPanel* evaluationPanel() const { return evaluationPanel_; }
    ExportPanel* exportPanel() const { return exportPanel_; }
    MonitoringPanel* monitoringPanel() const { return monitoringPanel_; }
    LabelingPanel* labelingPanel() const { return labelingPanel_; }
    // Asks before quitting or leaving the project loses work (tests replace its modal loop).
    QuitGuard* quitGuard() const { return quitGuard_; }
    QList<QDockWidget*> docks() const;

public Q_SLOTS:
    void newProject();
    void chooseAndOpenProject();
    void showPreferences();
    void showAbout();
    // View > Reset Layout: every dock back, docked where arrangeDocks puts it on first launch.
    void resetLayout();
    // Non-modal warning (status bar + message box opened with open(), never exec()).
    void showError(const QString& title, const QString& message);

private:
    // Runs SQLite's quick_check on a worker; damage found reopens the project read-only.
    void checkDatabaseInBackground();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void createPanels();
    void createStatusBar();
    void arrangeDocks();
    // The saved geometry and dock state, if they still fit this version's docks.
    void restoreLayout();
    void saveLayout();
    void connectSignals();
    void retranslateUi();
    void updateTitle();
    void updateActions();
    QDockWidget* addDock(QWidget* panel, const QString& objectName);

    ProjectSession* session_;
    TaskRunner* tasks_;
    TrainingController* training_;

    DataPanel* dataPanel_ = nullptr;
    ArchitecturePanel* architecturePanel_ = nullptr;
    TrainingPanel* trainingPanel_ = nullptr;
    ExperimentsPanel* experimentsPanel_ = nullptr;
    EvaluationPanel* evaluationPanel_ = nullptr;
    ExportPanel* exportPanel_ = nullptr;
    MonitoringPanel* monitoringPanel_ = nullptr;
    LabelingPanel* labelingPanel_ = nullptr;
    QUndoGroup* undoGroup_ = nullptr;

    QDockWidget* dockData_ = nullptr;
    QDockWidget* dockArchitecture_ = nullptr;
    QDockWidget* dockTraining_ = nullptr;
    QDockWidget* dockExperiments_ = nullptr;
    QDockWidget* dockEvaluation_ = nullptr;
    QDockWidget* dockExport_ = nullptr;
    QDockWidget* dockMonitoring_ = nullptr;
    QDockWidget* dockLabeling_ = nullptr;

    MainActions* actions_ = nullptr;
    QuitGuard* quitGuard_ = nullptr;
    TaskStatusWidget* taskStatus_ = nullptr;
    QLabel* runtimeLabel_ = nullptr;
};

}  // namespace flightdeck::ui
