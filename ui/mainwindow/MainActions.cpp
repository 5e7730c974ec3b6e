#include "mainwindow/MainActions.h"

#include "common/Settings.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QUndoGroup>

namespace flightdeck::ui {

MainActions::MainActions(QMainWindow* window, QUndoGroup* undoGroup, const QList<QDockWidget*>& docks)
    : QObject(window), window_(window)
{
    setObjectName(QStringLiteral("mainActions"));
    newProject = make(QStringLiteral("actionNewProject"), QKeySequence(Qt::CTRL | Qt::Key_N));
    openProject = make(QStringLiteral("actionOpenProject"), QKeySequence(Qt::CTRL | Qt::Key_O));
    quit = make(QStringLiteral("actionQuit"), QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    // The group follows the panel being worked in (architecture or labeling) and keeps these
    // texts in step with its next command ("Undo Add linear layer", "Undo Label 1 item(s) cat").
    undo = undoGroup->createUndoAction(window);
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcuts(QKeySequence::Undo);
    redo = undoGroup->createRedoAction(window);
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcuts(QKeySequence::Redo);
    importCsv = make(QStringLiteral("actionImportCsv"), QKeySequence(Qt::CTRL | Qt::Key_I));
    createSplit = make(QStringLiteral("actionCreateSplit"));
    saveArchitecture = make(QStringLiteral("actionSaveArchitecture"), QKeySequence(Qt::CTRL | Qt::Key_S));
    openModel = make(QStringLiteral("actionOpenModel"));
    startTraining = make(QStringLiteral("actionStartTraining"), QKeySequence(Qt::Key_F5));
    stopTraining = make(QStringLiteral("actionStopTraining"), QKeySequence(Qt::SHIFT | Qt::Key_F5));
    evaluateRun = make(QStringLiteral("actionEvaluateRun"));
    exportRun = make(QStringLiteral("actionExportRun"));
    openLog = make(QStringLiteral("actionOpenLog"));
    resetLayout = make(QStringLiteral("actionResetLayout"));
    preferences = make(QStringLiteral("actionPreferences"), QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    guide = make(QStringLiteral("actionUserGuide"), QKeySequence::HelpContents);
    shortcuts = make(QStringLiteral("actionShortcuts"), QKeySequence(Qt::CTRL | Qt::Key_Slash));
    about = make(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);

    fileMenu_ = menu(QStringLiteral("menuFile"));
    fileMenu_->addAction(newProject);
    fileMenu_->addAction(openProject);
    recentMenu_ = fileMenu_->addMenu(QString());
    recentMenu_->setObjectName(QStringLiteral("menuRecentProjects"));
    connect(recentMenu_, &QMenu::aboutToShow, this, &MainActions::populateRecentMenu);
    fileMenu_->addSeparator();
    fileMenu_->addAction(quit);
    editMenu_ = menu(QStringLiteral("menuEdit"));
    editMenu_->addAction(undo);
    editMenu_->addAction(redo);
    dataMenu_ = menu(QStringLiteral("menuData"));
    dataMenu_->setToolTipsVisible(true);
    dataMenu_->addAction(importCsv);
    dataMenu_->addAction(createSplit);
    modelMenu_ = menu(QStringLiteral("menuModel"));
    modelMenu_->addAction(saveArchitecture);
    modelMenu_->addAction(openModel);
    runMenu_ = menu(QStringLiteral("menuRun"));
    runMenu_->addAction(startTraining);
    runMenu_->addAction(stopTraining);
    runMenu_->addSeparator();
    runMenu_->addAction(evaluateRun);
    runMenu_->addAction(exportRun);
    monitorMenu_ = menu(QStringLiteral("menuMonitor"));
    monitorMenu_->addAction(openLog);
    viewMenu_ = menu(QStringLiteral("menuView"));
    for (QDockWidget* dock : docks) {
        QAction* toggle = dock->toggleViewAction();
        toggle->setObjectName(QStringLiteral("actionView") + dock->objectName().mid(4));
        viewMenu_->addAction(toggle);
    }
    viewMenu_->addSeparator();
    viewMenu_->addAction(resetLayout);
    settingsMenu_ = menu(QStringLiteral("menuSettings"));
    settingsMenu_->addAction(preferences);
    helpMenu_ = menu(QStringLiteral("menuHelp"));
    helpMenu_->addAction(guide);
    helpMenu_->addAction(shortcuts);
    helpMenu_->addAction(about);
    retranslateUi();
}

QAction* MainActions::make(const QString& objectName, const QKeySequence& shortcut)
{
    auto* action = new QAction(window_);
    action->setObjectName(objectName);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    return action;
}

QMenu* MainActions::menu(const QString& objectName)
{
    QMenu* menu = window_->menuBar()->addMenu(QString());
    menu->setObjectName(objectName);
    return menu;
}

void MainActions::update(bool projectOpen, bool trainingRunning)
{
    for (QAction* action : {importCsv, createSplit, saveArchitecture, evaluateRun, exportRun})
        action->setEnabled(projectOpen);
    projectOpen_ = projectOpen;
    updateToolTips();
    startTraining->setEnabled(projectOpen && !trainingRunning);
    stopTraining->setEnabled(trainingRunning);
}

void MainActions::updateToolTips()
{
    // A disabled menu entry still shows its tooltip (the Data menu shows them): the place that
    // says why it is off.
    importCsv->setToolTip(projectOpen_ ? tr("Import a CSV or TSV file through the import wizard")
                                       : tr("Open or create a project first"));
}

void MainActions::populateRecentMenu()
{
    recentMenu_->clear();
    const QStringList recent = Settings::recentProjects().get();
    for (const QString& folder : recent) {
        QAction* action = recentMenu_->addAction(QDir::toNativeSeparators(folder));
        connect(action, &QAction::triggered, this, [this, folder] { Q_EMIT recentProjectChosen(folder); });
    }
    if (recent.isEmpty()) {
        recentMenu_->addAction(tr("No recent projects"))->setEnabled(false);
        return;
    }
    recentMenu_->addSeparator();
    QAction* clear = recentMenu_->addAction(tr("Clear Recent Projects"));
    clear->setObjectName(QStringLiteral("actionClearRecentProjects"));
    connect(clear, &QAction::triggered, this, [] { Settings::recentProjects().set({}); });
}

void MainActions::retranslateUi()
{
    fileMenu_->setTitle(tr("&File"));
    recentMenu_->setTitle(tr("Open &Recent"));
    editMenu_->setTitle(tr("&Edit"));
    dataMenu_->setTitle(tr("&Data"));
    modelMenu_->setTitle(tr("&Model"));
    runMenu_->setTitle(tr("&Run"));
    monitorMenu_->setTitle(tr("M&onitor"));
    viewMenu_->setTitle(tr("&View"));
    settingsMenu_->setTitle(tr("&Settings"));
    helpMenu_->setTitle(tr("&Help"));

    newProject->setText(tr("&New Project…"));
    openProject->setText(tr("&Open Project…"));
    quit->setText(tr("&Quit"));
    undo->setToolTip(tr("Undo the last edit in the panel you work in (architecture, labeling, data)"));
    redo->setToolTip(tr("Redo the last undone edit"));
    importCsv->setText(tr("&Import CSV…"));
    updateToolTips();
    createSplit->setText(tr("Create &Split"));
    createSplit->setToolTip(tr("Split the selected dataset version with the Data panel's seed and fractions"));
    saveArchitecture->setText(tr("&Save Architecture"));
    openModel->setText(tr("&Open Model…"));
    openModel->setToolTip(tr("View a TorchScript model file read-only, and edit it as a new architecture"));
    startTraining->setText(tr("&Start Training"));
    stopTraining->setText(tr("S&top Training"));
    evaluateRun->setText(tr("&Evaluate Run"));
    exportRun->setText(tr("E&xport Run"));
    openLog->setText(tr("Open &Log…"));
    resetLayout->setText(tr("&Reset Layout"));
    resetLayout->setToolTip(tr("Show every panel again, docked where it was on first launch"));
    preferences->setText(tr("&Preferences…"));
    guide->setText(tr("&User Guide"));
    shortcuts->setText(tr("&Keyboard Shortcuts"));
    about->setText(tr("&About Flightdeck"));
}

}  // namespace flightdeck::ui
