#include "training/TrainingPanel.h"

#include "common/ErrorText.h"
#include "common/MetricSeriesStore.h"
#include "common/ProjectSession.h"
#include "common/RunStatusText.h"
#include "common/Settings.h"
#include "common/StatusLine.h"
#include "common/TrainingController.h"
#include "training/CompactTabWidget.h"
#include "training/LivePlot.h"
#include "training/RecipeForm.h"
#include "training/RunControls.h"
#include "training/RuntimeLines.h"
#include "training/SweepDialog.h"
#include "training/TrainingForm.h"
#include "training/TrainingPrerequisites.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLocale>
#include <QProgressBar>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>
#include <limits>

namespace flightdeck::ui {

TrainingPanel::TrainingPanel(ProjectSession* session, TrainingController* controller, QWidget* parent)
    : QWidget(parent),
      session_(session),
      controller_(controller),
      tabs_(new CompactTabWidget(this)),
      form_(new TrainingForm(this)),
      recipe_(new RecipeForm(this)),
      controls_(new RunControls(this)),
      readinessLabel_(new StatusLine(this)),
      progress_(new QProgressBar(this)),
      statusLabel_(new StatusLine(this)),
      runtime_(new RuntimeLines(this)),
      plot_(new LivePlot(MetricSeriesStore::forSession(session), this))
{
    setObjectName(QStringLiteral("trainingPanel"));
    tabs_->setObjectName(QStringLiteral("trainingTabs"));
    readinessLabel_->setObjectName(QStringLiteral("trainingReadinessLabel"));
    progress_->setObjectName(QStringLiteral("trainingProgressBar"));
    statusLabel_->setObjectName(QStringLiteral("trainingStatusLabel"));
    progress_->setRange(0, 1);
    progress_->setValue(0);
    tabs_->addTab(form_, QString());
    tabs_->addTab(recipe_, QString());
    tabs_->setDocumentMode(true);
    tabs_->fitCurrent();

    auto* side = new QVBoxLayout;
    side->setContentsMargins(0, 0, 0, 0);
    // The buttons and what the run is doing come first: in a short dock they stay in view.
    side->addWidget(controls_);
    side->addWidget(readinessLabel_);
    side->addWidget(progress_);
    side->addWidget(statusLabel_);
    side->addWidget(tabs_);
    side->addStretch(1);
    side->addWidget(runtime_);

    auto* sideWidget = new QWidget(this);
    sideWidget->setLayout(side);
    sideWidget->setMaximumWidth(340);

    auto* layout = new QHBoxLayout(this);
    layout->addWidget(sideWidget);
    layout->addWidget(plot_, 1);

    connect(controls_, &RunControls::startClicked, this, &TrainingPanel::startTraining);
    connect(controls_, &RunControls::pauseClicked, this, &TrainingPanel::togglePause);
    connect(controls_, &RunControls::stopClicked, this, &TrainingPanel::stopTraining);
    connect(controls_, &RunControls::resumeClicked, this, &TrainingPanel::resumeRun);
    connect(controls_, &RunControls::sweepClicked, this, &TrainingPanel::openSweep);
    connect(form_, &TrainingForm::inputChanged, this, [this] {
        recipe_->setLearningRate(form_->config().learningRate);
        updateReadiness();
    });
    connect(recipe_, &RecipeForm::inputChanged, this, &TrainingPanel::updateReadiness);
    connect(controller_, &TrainingController::pausedChanged, this, &TrainingPanel::onPausedChanged);
    connect(controller_, &TrainingController::started, this, &TrainingPanel::onStarted);
    connect(controller_, &TrainingController::progress, this, &TrainingPanel::onProgress);
    connect(controller_, &TrainingController::metricsArrived, this, &TrainingPanel::onMetrics);
    connect(plot_, &LivePlot::curvesLoaded, this, &TrainingPanel::updatePlotTitle);
    connect(controller_, &TrainingController::finished, this, &TrainingPanel::onFinished);
    connect(controller_, &TrainingController::failed, this, &TrainingPanel::onFailed);
    for (auto signal : {&ProjectSession::currentVersionChanged, &ProjectSession::currentSplitChanged,
                        &ProjectSession::currentArchitectureChanged})
        connect(session_, signal, this, &TrainingPanel::updateReadiness);
    connect(session_, &ProjectSession::currentVersionChanged, this, &TrainingPanel::updateDataset);
    connect(session_, &ProjectSession::projectOpened, this, [this] {
        showStoredRun(session_->currentRunId());
        updateDataset();
        updateReadiness();
    });
    connect(session_, &ProjectSession::projectClosed, this, [this] {
        showStoredRun(0);
        updateReadiness();
    });
    connect(session_, &ProjectSession::currentRunChanged, this, &TrainingPanel::showStoredRun);

    reloadSettings();
    retranslateUi();
}

QString TrainingPanel::missingRequirement() const
{
    return TrainingPrerequisites::missing(*session_, *form_, *recipe_);
}

void TrainingPanel::updateDataset()
{
    const qint64 versionId = session_->isOpen() ? session_->currentVersionId() : 0;
    const DatasetKind kind = versionId > 0 ? DatasetKind::of(session_->project(), versionId) : DatasetKind{};
    recipe_->setDataset(kind.images, kind.regression);
}

void TrainingPanel::reloadSettings()
{
    form_->setThreads(Settings::trainingThreads().get());
}

void TrainingPanel::loadRecipe(qint64 fromRunId, const flightdeck::train::TrainConfig& config)
{
    form_->setConfig(config);
    recipe_->setConfig(config);
    recipe_->setLearningRate(config.learningRate);
    tabs_->setCurrentWidget(form_);
    setStatus(tr("The recipe of run #%1 is in the form: change what you want, then start.").arg(fromRunId),
              false);
}

void TrainingPanel::startTraining()
{
    // One trainer at a time: two would only split the cores between them.
    if (controller_->isRunning() || (sweepDialog_ && sweepDialog_->controller()->isRunning())) {
        setStatus(tr("A run is already in progress."), true);
        return;
    }
    const QString missing = missingRequirement();
    if (!missing.isEmpty()) {
        setStatus(missing, true);
        return;
    }
    form_->commitInput();
    auto config = form_->config();
    recipe_->applyTo(config);
    plot_->clearData();
    plot_->setRegression(recipe_->regression());
    shownRunId_ = 0;
    shownRunStatus_.reset();
    epochs_ = config.epochs;
    failureMessage_.clear();
    if (!controller_->start(session_->currentVersionId(), session_->currentSplitId(),
                            session_->currentArchitectureId(), config)) {
        setStatus(tr("Training could not start: a run is already going or no project is open."), true);
        return;
    }
    progress_->setRange(0, 0);   // busy until the first progress report
    setStatus(tr("Starting…"), false);
    updateReadiness();
    updatePlotTitle();
}

void TrainingPanel::openSweep()
{
    if (const QString missing = missingRequirement(); !missing.isEmpty())
        return setStatus(missing, true);
    if (controller_->isRunning() && !sweepDialog_)
        return setStatus(tr("A run is already in progress."), true);
    if (!sweepDialog_) {
        form_->commitInput();
        auto config = form_->config();
        recipe_->applyTo(config);
        sweepDialog_ = new SweepDialog(session_, config, recipe_->regression(), this);
        sweepDialog_->setAttribute(Qt::WA_DeleteOnClose);
    }
    sweepDialog_->show();
    sweepDialog_->raise();
}

void TrainingPanel::stopTraining()
{
    if (!controller_->isRunning())
        return;
    controller_->stop();
    stopping_ = true;
    updateReadiness();
    setStatus(tr("Stopping after the current batch…"), false);
}

void TrainingPanel::togglePause()
{
    if (controller_->isRunning() && !stopping_)
        controller_->setPaused(!controller_->isPaused());
}

void TrainingPanel::onPausedChanged(bool paused)
{
    if (!controller_->isRunning())
        return;
    setStatus(paused ? tr("Run #%1 paused after its current batch; Continue picks it up.").arg(shownRunId_)
                     : tr("Run #%1 continues.").arg(shownRunId_),
              false);
    updateReadiness();
    updatePlotTitle();
}

void TrainingPanel::resumeRun()
{
    const qint64 runId = session_->isOpen() ? session_->currentRunId() : 0;
    if (controller_->isRunning() || runId <= 0 || runId != shownRunId_ || !shownRunStatus_
        || !store::isResumable(*shownRunStatus_))
        return;
    failureMessage_.clear();
    if (!controller_->resume(runId)) {
        setStatus(tr("Training could not start: a run is already going or no project is open."), true);
        return;
    }
    resumingRunId_ = runId;
    shownRunStatus_.reset();   // live from here; the stored curve stays drawn
    progress_->setRange(0, 0);
    setStatus(tr("Resuming run #%1 from its last checkpoint…").arg(runId), false);
    updateReadiness();
    updatePlotTitle();
}

void TrainingPanel::onStarted(qint64 runId)
{
    shownRunId_ = runId;
    shownRunStatus_.reset();
    if (runId == resumingRunId_) {
        // The trainer dropped the points recorded after the checkpoint; they are drawn again.
        loadStoredCurve(runId, true);
        setStatus(tr("Run #%1 resumed.").arg(runId), false);
    } else {
        setStatus(tr("Run #%1 started.").arg(runId), false);
    }
    updatePlotTitle();
    updateReadiness();
    session_->notifyRunsChanged();
}

void TrainingPanel::onProgress(qint64 step, qint64 totalSteps, int epoch)
{
    const int total = static_cast<int>(std::min<qint64>(totalSteps, std::numeric_limits<int>::max()));
    progress_->setRange(0, std::max(1, total));
    progress_->setValue(static_cast<int>(std::min<qint64>(step, total)));
    const QLocale locale;
    if (controller_->isPaused())
        return;   // the paused line stays until Continue
    setStatus(tr("Epoch %1 of %2, step %3 of %4")
                  .arg(epoch)
                  .arg(epochs_)
                  .arg(locale.toString(step), locale.toString(totalSteps)),
              false);
}

void TrainingPanel::onMetrics(qint64 runId, const std::vector<flightdeck::store::MetricRecord>& points)
{
    if (shownRunId_ == 0 && controller_->isRunning())
        shownRunId_ = runId;
    if (runId == shownRunId_)
        plot_->appendPoints(runId, points);
}

void TrainingPanel::onFinished(qint64 runId, store::RunStatus status, double samplesPerSecond)
{
    progress_->setRange(0, 1);
    progress_->setValue(status == store::RunStatus::Completed ? 1 : 0);
    stopping_ = false;
    resumingRunId_ = 0;
    shownRunId_ = runId;
    shownRunStatus_ = status;
    if (runId == 0 && status == store::RunStatus::Cancelled)
        setStatus(tr("Training stopped: its project was closed."), false);
    else if (status == store::RunStatus::Failed && !failureMessage_.isEmpty())
        setStatus(failureMessage_, true);   // keep the reason, not just "failed"
    else
        setStatus(tr("Run #%1 %2 (%3 samples/s).")
                      .arg(runId)
                      .arg(RunStatusText::text(status), QLocale().toString(samplesPerSecond, 'f', 0)),
                  status != store::RunStatus::Completed && status != store::RunStatus::Cancelled);
    updateReadiness();
    updatePlotTitle();
    if (session_->isOpen())
        session_->notifyRunsChanged();
    if (runId > 0 && session_->currentRunId() != runId)
        session_->setCurrentRun(runId);   // redraws from the stored metrics
    else if (runId > 0)
        showStoredRun(runId);   // the same run (resumed, or refused): its stored status and curve
    else
        showStoredRun(session_->currentRunId());   // no run was created: back to the selected one
}

void TrainingPanel::onFailed(const QString& message)
{
    progress_->setRange(0, 1);
    progress_->setValue(0);
    stopping_ = false;
    shownRunStatus_ = store::RunStatus::Failed;
    failureMessage_ = message;
    setStatus(message, true);
    updateReadiness();
    updatePlotTitle();
    session_->notifyRunsChanged();
}

void TrainingPanel::showStoredRun(qint64 runId)
{
    if (controller_->isRunning())
        return;   // the live run keeps the plot
    shownRunId_ = 0;
    shownRunStatus_.reset();
    if (runId <= 0 || !session_->isOpen()) {
        plot_->clearData();
        updatePlotTitle();
        return;
    }
    if (const auto run = loadStoredCurve(runId, false)) {
        shownRunStatus_ = run->status;
        shownRunId_ = runId;
        epochs_ = run->epochs;   // what a Resume's progress counts to
    }
    updatePlotTitle();
    updateReadiness();
}

std::optional<StoredRun> TrainingPanel::loadStoredCurve(qint64 runId, bool upToResumeStep)
{
    try {
        // The curve comes from the store, read off the GUI thread; a resumed run's points past
        // its checkpoint are re-read when the stream goes back to that step.
        (void)upToResumeStep;
        auto run = StoredRun::load(session_->project(), runId);
        plot_->showRun(runId, run.regression);
        return run;
    } catch (const std::exception& e) {
        plot_->clearData();
        setStatus(ErrorText::fromException(e), true);
        return std::nullopt;
    }
}

void TrainingPanel::updateReadiness()
{
    const bool running = controller_->isRunning();
    const QString missing = running ? QString() : missingRequirement();
    RunControls::State state;
    state.running = running;
    state.paused = controller_->isPaused();
    state.stopping = stopping_;
    state.startBlocked = missing;
    if (!running && session_->isOpen() && shownRunId_ > 0 && shownRunId_ == session_->currentRunId()
        && shownRunStatus_ && store::isResumable(*shownRunStatus_))
        state.resumableRunId = shownRunId_;
    controls_->setState(state);
    readinessLabel_->showMessage(missing, StatusLine::Kind::Warning);
    readinessLabel_->setVisible(!missing.isEmpty());
}

void TrainingPanel::updatePlotTitle()
{
    if (shownRunId_ <= 0)
        plot_->setTitleText(controller_->isRunning() ? tr("Starting…") : tr("No run selected"));
    else if (controller_->isRunning() && !shownRunStatus_)
        plot_->setTitleText(controller_->isPaused() ? tr("Run #%1 (paused)").arg(shownRunId_)
                                                    : tr("Run #%1 (live)").arg(shownRunId_));
    else
        plot_->setTitleText(tr("Run #%1 (%2)").arg(shownRunId_).arg(shownRunStatus_ ? RunStatusText::text(*shownRunStatus_) : QString())
                            + plot_->lastValidationText());
}

void TrainingPanel::setStatus(const QString& text, bool error)
{
    statusLabel_->showMessage(text, error ? StatusLine::Kind::Error : StatusLine::Kind::Info);
}

void TrainingPanel::retranslateUi()
{
    tabs_->setTabText(0, tr("Run"));
    tabs_->setTabText(1, tr("Recipe"));
    controls_->retranslateUi();
    runtime_->retranslateUi();
    form_->retranslateUi();
    recipe_->retranslateUi();
    updateReadiness();
    updatePlotTitle();
}

void TrainingPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace flightdeck::ui
