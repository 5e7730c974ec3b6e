#include "mainwindow/MainWindow.h"
#include "common/StatusLine.h"
#include "mainwindow/ShortcutsDialog.h"
#include "mainwindow/UserGuideDialog.h"

#include "common/RunStatusText.h"

#include "architecture/ArchitectureDocument.h"
#include "architecture/ArchitecturePanel.h"
#include "common/ProjectSession.h"
#include "common/Settings.h"
#include "common/TaskRunner.h"
#include "common/TrainingController.h"
#include "data/DataPanel.h"
#include "data/DatasetActions.h"
#include "evaluation/EvaluationPanel.h"
#include "experiments/ExperimentsPanel.h"
#include "export/ExportPanel.h"
#include "mainwindow/MainActions.h"
#include "mainwindow/NewProjectDialog.h"
#include "mainwindow/PreferencesDialog.h"
#include "mainwindow/QuitGuard.h"
#include "mainwindow/TaskStatusWidget.h"
#include "labeling/LabelingPanel.h"
#include "export/LocalServer.h"
#include "monitoring/LoopActions.h"
#include "monitoring/MonitoringPanel.h"
#include "training/RuntimeText.h"
#include "training/TrainingPanel.h"

#include "flightdeck/common/BuildInfo.h"
#include "flightdeck/store/Project.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QApplication>
#include <QScreen>
#include <QDockWidget>
#include <QUndoGroup>
#include <QUndoStack>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>

namespace flightdeck::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      session_(new ProjectSession(this)),
      tasks_(new TaskRunner(session_, this)),
      training_(new TrainingController(session_, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    session_->setObjectName(QStringLiteral("projectSession"));
    tasks_->setObjectName(QStringLiteral("taskRunner"));
    training_->setObjectName(QStringLiteral("trainingController"));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks
                   | QMainWindow::AllowTabbedDocks);

    createPanels();
    undoGroup_ = new QUndoGroup(this);
    undoGroup_->setObjectName(QStringLiteral("undoGroup"));
    undoGroup_->addStack(architecturePanel_->document()->undoStack());
    undoGroup_->addStack(architecturePanel_->graphUndoStack());
    undoGroup_->addStack(labelingPanel_->undoStack());
    undoGroup_->addStack(dataPanel_->datasetActions()->undoStack());
    undoGroup_->setActiveStack(architecturePanel_->undoStack());
    actions_ = new MainActions(this, undoGroup_,
                               {dockData_, dockLabeling_, dockArchitecture_, dockTraining_,
                                dockExperiments_, dockEvaluation_, dockExport_, dockMonitoring_});
    quitGuard_ = new QuitGuard(this, training_, tasks_, architecturePanel_);
    createStatusBar();
    // A laptop's 1366x768 must hold the whole window: never open larger than the screen.
    QSize size(1600, 1000);
    if (const QScreen* screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableSize());
    resize(size);
    arrangeDocks();
    connectSignals();
    retranslateUi();
    updateActions();
    restoreLayout();
}

MainWindow::~MainWindow()
{
    // Workers first (they join), then the panels, while the session is still alive.
    delete training_;
    training_ = nullptr;
    delete tasks_;
    tasks_ = nullptr;
    for (auto* dock : {dockData_, dockLabeling_, dockArchitecture_, dockTraining_, dockExperiments_,
                       dockEvaluation_, dockExport_, dockMonitoring_})
        delete dock;
}

bool MainWindow::openProject(const QString& folder, bool create)
{
    QString error;
    if (!session_->openProject(folder, create, &error)) {
        showError(create ? tr("Could not create the project") : tr("Could not open the project"),
                  tr("%1\n\n%2").arg(QDir::toNativeSeparators(folder), error));
        return false;
    }
    Settings::addRecentProject(session_->folder());
    updateTitle();
    updateActions();
    const QString where = QDir::toNativeSeparators(session_->folder());
    const QString damage = QString::fromStdString(session_->project().damage());
    if (!damage.isEmpty())
        showError(tr("The project was found damaged"),
                  tr("%1\n\nIt is open read-only: nothing will be written to it until "
                     "the command flightdeck-cli fsck finds the database whole again (for "
                     "example after restoring project.db from a backup).\n\n%2")
                      .arg(where, damage));
    else if (session_->project().readOnly())
        statusBar()->showMessage(tr("Opened project %1 read-only: it can be read, not changed")
                                     .arg(where));
    else
        statusBar()->showMessage(tr("Opened project %1").arg(where), 5000);
    if (!session_->project().readOnly())
        checkDatabaseInBackground();
    return true;
}

void MainWindow::checkDatabaseInBackground()
{
    // SQLite's quick_check reads the whole file (about 1 s per 100 MB): off the GUI thread.
    // Damage found records project.db.damaged; reopening then gives a read-only project and
    // the dialog that says why.
    const QString opened = session_->folder();
    tasks_->run(
        tr("Checking the project database"), this,
        [](flightdeck::store::Project& project, const std::atomic<bool>&) { project.verify(); }, [] {},
        [this, opened](const QString& message) {
            if (session_->folder() != opened)
                return;
            if (QFile::exists(opened + QStringLiteral("/project.db.damaged")))
                openProject(opened, false);
            else
                statusBar()->showMessage(message, 15000);
        });
}

void MainWindow::newProject()
{
    // Non-modal, so tests (and a person) can still reach the window; a folder that does not
    // exist yet is accepted and created, as `flightdeck-cli init` does.
    auto* dialog = new NewProjectDialog(this, QDir::homePath());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (session_->isOpen() && !quitGuard_->confirm(QuitGuard::Leaving::Project))
            return;
        openProject(dialog->chosenFolder(), true);
    });
    dialog->open();
}

void MainWindow::chooseAndOpenProject()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Project"), QDir::homePath());
    if (!folder.isEmpty() && (!session_->isOpen() || quitGuard_->confirm(QuitGuard::Leaving::Project)))
        openProject(folder, false);
}

void MainWindow::showPreferences()
{
    auto* dialog = new PreferencesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, trainingPanel_, &TrainingPanel::reloadSettings);
    dialog->open();
}

void MainWindow::showAbout()
{
    auto* box = new QMessageBox(QMessageBox::Information, tr("About Flightdeck"),
                                tr("<b>Flightdeck %1</b><br>A desktop workbench for the whole "
                                   "machine-learning lifecycle.<br>Build %2<br>%3")
                                    .arg(QString::fromLatin1(flightdeck::appVersion()),
                                         QString::fromLatin1(flightdeck::gitCommit()),
                                         RuntimeText::summary().toHtmlEscaped()),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showError(const QString& title, const QString& message)
{
    statusBar()->showMessage(message, 15000);
    auto* box = new QMessageBox(QMessageBox::Warning, title.isEmpty() ? tr("Flightdeck") : title,
                                message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::createPanels()
{
    dataPanel_ = new DataPanel(session_, tasks_);
    architecturePanel_ = new ArchitecturePanel(session_);
    trainingPanel_ = new TrainingPanel(session_, training_);
    experimentsPanel_ = new ExperimentsPanel(session_, nullptr);
    evaluationPanel_ = new EvaluationPanel(session_, tasks_, nullptr);
    exportPanel_ = new ExportPanel(session_, tasks_, nullptr);
    monitoringPanel_ = new MonitoringPanel(session_, tasks_, nullptr);
    labelingPanel_ = new LabelingPanel(session_, tasks_, nullptr);

    dockData_ = addDock(dataPanel_, QStringLiteral("dockData"));
    dockArchitecture_ = addDock(architecturePanel_, QStringLiteral("dockArchitecture"));
    dockTraining_ = addDock(trainingPanel_, QStringLiteral("dockTraining"));
    dockExperiments_ = addDock(experimentsPanel_, QStringLiteral("dockExperiments"));
    dockEvaluation_ = addDock(evaluationPanel_, QStringLiteral("dockEvaluation"));
    dockExport_ = addDock(exportPanel_, QStringLiteral("dockExport"));
    dockMonitoring_ = addDock(monitoringPanel_, QStringLiteral("dockMonitoring"));
    dockLabeling_ = addDock(labelingPanel_, QStringLiteral("dockLabeling"));
}

void MainWindow::createStatusBar()
{
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    taskStatus_ = new TaskStatusWidget(this);
    runtimeLabel_ = new QLabel(this);
    runtimeLabel_->setObjectName(QStringLiteral("statusRuntimeLabel"));
    // Permanent: a transient message ("Cancelling…") must not paint over the task's progress.
    statusBar()->addPermanentWidget(taskStatus_);
    statusBar()->addPermanentWidget(runtimeLabel_);
    taskStatus_->setBusy(false, QString());
}

void MainWindow::connectSignals()
{
    // Edit > Undo acts on the panel being worked in.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) {
        if (!now)
            return;
        if (labelingPanel_->isAncestorOf(now))
            undoGroup_->setActiveStack(labelingPanel_->undoStack());
        else if (architecturePanel_->isAncestorOf(now))
            undoGroup_->setActiveStack(architecturePanel_->undoStack());
        else if (dataPanel_->isAncestorOf(now))
            undoGroup_->setActiveStack(dataPanel_->datasetActions()->undoStack());
    });
    connect(actions_->newProject, &QAction::triggered, this, &MainWindow::newProject);
    connect(actions_->openProject, &QAction::triggered, this, &MainWindow::chooseAndOpenProject);
    connect(actions_, &MainActions::recentProjectChosen, this, [this](const QString& folder) {
        if (!session_->isOpen() || quitGuard_->confirm(QuitGuard::Leaving::Project))
            openProject(folder, false);
    });
    connect(actions_->resetLayout, &QAction::triggered, this, &MainWindow::resetLayout);
    connect(actions_->quit, &QAction::triggered, this, &QWidget::close);
    connect(actions_->importCsv, &QAction::triggered, dataPanel_, &DataPanel::chooseAndImportCsv);
    connect(actions_->createSplit, &QAction::triggered, dataPanel_, &DataPanel::createSplit);
    connect(actions_->saveArchitecture, &QAction::triggered, architecturePanel_,
            &ArchitecturePanel::saveArchitecture);
    connect(actions_->openModel, &QAction::triggered, architecturePanel_, [this] {
        dockArchitecture_->show();
        architecturePanel_->openModel();
    });
    connect(actions_->startTraining, &QAction::triggered, trainingPanel_, [this] {
        trainingPanel_->startTraining();
        updateActions();
    });
    connect(actions_->stopTraining, &QAction::triggered, trainingPanel_, &TrainingPanel::stopTraining);
    connect(actions_->evaluateRun, &QAction::triggered, evaluationPanel_, [this] {
        dockEvaluation_->raise();
        evaluationPanel_->evaluateCurrentRun();
    });
    connect(actions_->exportRun, &QAction::triggered, exportPanel_, [this] {
        dockExport_->raise();
        exportPanel_->exportCurrentRun();
    });
    connect(actions_->openLog, &QAction::triggered, monitoringPanel_, [this] {
        dockMonitoring_->raise();
        monitoringPanel_->chooseAndOpenLog();
    });
    // "Serve locally": Monitoring follows the local server's prediction log.
    connect(exportPanel_->localServer(), &LocalServer::servingStarted, monitoringPanel_,
            [this](const QString&, const QString& log) {
                monitoringPanel_->setFollowing(true);
                monitoringPanel_->openLog(log);
            });
    // "Rerun with changes": a run's recipe from Experiments into the Training form.
    connect(experimentsPanel_, &ExperimentsPanel::rerunRequested, trainingPanel_,
            [this](qint64 runId, const flightdeck::train::TrainConfig& config) {
                dockTraining_->show();
                dockTraining_->raise();
                trainingPanel_->loadRecipe(runId, config);
            });
    // The loop: records sent from Monitoring open in Labeling, most uncertain first.
    connect(monitoringPanel_->loopActions(), &LoopActions::freshVersionReady, labelingPanel_,
            [this](qint64 versionId) {
                dockLabeling_->raise();
                labelingPanel_->loadVersion(versionId);
            });
    connect(actions_->preferences, &QAction::triggered, this, &MainWindow::showPreferences);
    connect(actions_->about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(actions_->guide, &QAction::triggered, this, [this] { UserGuideDialog::showFor(this); });
    connect(actions_->shortcuts, &QAction::triggered, this, [this] {
        auto* dialog = new ShortcutsDialog(this, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });

    connect(tasks_, &TaskRunner::busyChanged, taskStatus_, &TaskStatusWidget::setBusy);
    connect(tasks_, &TaskRunner::progressChanged, taskStatus_, &TaskStatusWidget::setTaskProgress);
    connect(tasks_, &TaskRunner::failed, this, &MainWindow::showError);
    connect(training_, &TrainingController::started, this, [this] {
        taskStatus_->setTrainingRunning(true);
        updateActions();
    });
    connect(training_, &TrainingController::progress, taskStatus_, &TaskStatusWidget::setTrainingProgress);
    connect(training_, &TrainingController::pausedChanged, taskStatus_, &TaskStatusWidget::setTrainingPaused);
    connect(training_, &TrainingController::finished, this, [this](qint64 runId, flightdeck::store::RunStatus status) {
        taskStatus_->setTrainingRunning(false);
        updateActions();
        if (runId > 0)
            statusBar()->showMessage(tr("Run #%1 finished: %2").arg(runId).arg(RunStatusText::text(status)), 8000);
    });
    connect(training_, &TrainingController::failed, this,
            [this](const QString& message) { showError(tr("Training failed"), message); });
    connect(taskStatus_, &TaskStatusWidget::cancelRequested, this, [this] {
        tasks_->cancelAll();
        training_->stop();
        statusBar()->showMessage(tr("Cancelling…"), 3000);
    });
    connect(session_, &ProjectSession::projectOpened, this, [this] {
        updateTitle();
        updateActions();
    });
    connect(session_, &ProjectSession::projectClosed, this, [this] {
        updateTitle();
        updateActions();
    });
}

void MainWindow::updateTitle()
{
    if (session_->isOpen())
        setWindowTitle(tr("%1 — Flightdeck").arg(QDir::toNativeSeparators(session_->folder())));
    else
        setWindowTitle(tr("Flightdeck"));
}

void MainWindow::updateActions()
{
    actions_->update(session_->isOpen(), training_->isRunning());
}

void MainWindow::retranslateUi()
{
    updateTitle();
    dockData_->setWindowTitle(tr("Data and Labeling"));
    dockArchitecture_->setWindowTitle(tr("Architecture"));
    dockTraining_->setWindowTitle(tr("Training"));
    dockExperiments_->setWindowTitle(tr("Experiments"));
    dockEvaluation_->setWindowTitle(tr("Evaluation"));
    dockExport_->setWindowTitle(tr("Export and Registry"));
    dockMonitoring_->setWindowTitle(tr("Monitoring"));
    dockLabeling_->setWindowTitle(tr("Labeling"));

    actions_->retranslateUi();

    QString runtime = RuntimeText::summary();
    if (RuntimeText::info().blasIsReference)
        runtime = tr("%1 · reference BLAS (slow)").arg(runtime);
    runtimeLabel_->setText(runtime);
    runtimeLabel_->setToolTip(RuntimeText::info().blasIsReference
                                  ? RuntimeText::details() + QLatin1Char('\n') + RuntimeText::blasWarning()
                                  : RuntimeText::details());
    runtimeLabel_->setStyleSheet(StatusLine::styleSheetOf(RuntimeText::info().blasIsReference ? StatusLine::Kind::Warning
                                                                                            : StatusLine::Kind::Info));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Ctrl+Q and the window's close button both land here: ask before losing work.
    if (!quitGuard_->confirm(QuitGuard::Leaving::Application)) {
        event->ignore();
        return;
    }
    saveLayout();
    if (training_->isRunning())
        training_->stop();   // the controller's destructor joins the thread
    tasks_->cancelAll();
    event->accept();
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

}  // namespace flightdeck::ui
