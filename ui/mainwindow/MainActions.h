#pragma once
// The main window's actions (objectNames, shortcuts, translated texts) and its menu bar. The
// actions are children of the window, so tests and saved shortcuts find them by objectName;
// MainWindow connects them to the panels.
#include <QKeySequence>
#include <QList>
#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QUndoGroup;

namespace flightdeck::ui {

class MainActions : public QObject {
    Q_OBJECT
public:
    MainActions(QMainWindow* window, QUndoGroup* undoGroup, const QList<QDockWidget*>& docks);

    void retranslateUi();
    // Enables what needs an open project / a running training.
    void update(bool projectOpen, bool trainingRunning);

    QAction* newProject;
    QAction* openProject;
    QAction* quit;
    QAction* undo;
    QAction* redo;
    QAction* importCsv;
    QAction* createSplit;
    QAction* saveArchitecture;
    QAction* openModel;
    QAction* guide;
    QAction* shortcuts;
    QAction* startTraining;
    QAction* stopTraining;
    QAction* evaluateRun;
    QAction* exportRun;
    QAction* openLog;
    QAction* resetLayout;
    QAction* preferences;
    QAction* about;

Q_SIGNALS:
    void recentProjectChosen(const QString& folder);

private:
    void updateToolTips();
    bool projectOpen_ = false;
    QAction* make(const QString& objectName, const QKeySequence& shortcut = {});
    QMenu* menu(const QString& objectName);
    void populateRecentMenu();

    QMainWindow* window_;
    QMenu* fileMenu_;
    QMenu* recentMenu_;
    QMenu* editMenu_;
    QMenu* dataMenu_;
    QMenu* modelMenu_;
    QMenu* runMenu_;
    QMenu* monitorMenu_;
    QMenu* viewMenu_;
    QMenu* settingsMenu_;
    QMenu* helpMenu_;
};

}  // namespace flightdeck::ui
