#include "training/TrainingPanel.h"

#include "common/RunStatusText.h"

#include "common/ErrorText.h"
#include "common/ProjectSession.h"
#include "common/Settings.h"
#include "common/TrainingController.h"
#include "training/LivePlot.h"
#include "training/RuntimeText.h"
#include "training/TrainingForm.h"

#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/RunRepository.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>
#include <limits>

namespace flightdeck::ui {


TrainingPanel::TrainingPanel(ProjectSession* session, TrainingController* controller, QWidget* parent)
    : QWidget(parent),
      session_(session),
      controller_(controller),
      form_(new TrainingForm(this)),
      startButton_(new QPushButton(this)),
      stopButton_(new QPushButton(this)),
      readinessLabel_(new QLabel(this)),
      progress_(new QProgressBar(this)),
      statusLabel_(new QLabel(this)),
      runtimeLabel_(new QLabel(this)),
      warningLabel_(new QLabel(this)),
      plot_(new LivePlot(this))
{
    setObjectName(QStringLiteral("trainingPanel"));
    startButton_->setObjectName(QStringLiteral("startTrainingButton"));
    stopButton_->setObjectName(QStringLiteral("stopTrainingButton"));
    readinessLabel_->setObjectName(QStringLiteral("trainingReadinessLabel"));
    progress_->setObjectName(QStringLiteral("trainingProgressBar"));
    statusLabel_->setObjectName(QStringLiteral("trainingStatusLabel"));
    runtimeLabel_->setObjectName(QStringLiteral("runtimeLabel"));
    warningLabel_->setObjectName(QStringLiteral("blasWarningLabel"));
    for (auto* label : {readinessLabel_, statusLabel_, runtimeLabel_, warningLabel_})
        label->setWordWrap(true);
    readinessLabel_->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    warningLabel_->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    runtimeLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    progress_->setRange(0, 1);
    progress_->setValue(0);
    stopButton_->setEnabled(false);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(startButton_);
    buttons->addWidget(stopButton_);

    auto* side = new QVBoxLayout;
    side->addWidget(form_);
    side->addLayout(buttons);
    side->addWidget(readinessLabel_);
    side->addWidget(progress_);
    side->addWidget(statusLabel_);
    side->addStretch(1);
    side->addWidget(runtimeLabel_);
    side->addWidget(warningLabel_);

    auto* sideWidget = new QWidget(this);
    sideWidget->setLayout(side);
    sideWidget->setMaximumWidth(340);

    auto* layout = new QHBoxLayout(this);
    layout->addWidget(sideWidget);
    layout->addWidget(plot_, 1);

    connect(startButton_, &QPushButton::clicked, this, &TrainingPanel::startTraining);
    connect(form_, &TrainingForm::inputChanged, this, &TrainingPanel::updateReadiness);
    connect(stopButton_, &QPushButton::clicked, this, &TrainingPanel::stopTraining);
    connect(controller_, &TrainingController::started, this, &TrainingPanel::onStarted);
    connect(controller_, &TrainingController::progress, this, &TrainingPanel::onProgress);
    connect(controller_, &TrainingController::metricsArrived, this, &TrainingPanel::onMetrics);
    connect(controller_, &TrainingController::finished, this, &TrainingPanel::onFinished);
    connect(controller_, &TrainingController::failed, this, &TrainingPanel::onFailed);
    for (auto signal : {&ProjectSession::currentVersionChanged, &ProjectSession::currentSplitChanged,
                        &ProjectSession::currentArchitectureChanged})
        connect(session_, signal, this, &TrainingPanel::updateReadiness);
    connect(session_, &ProjectSession::projectOpened, this, [this] {
        showStoredRun(session_->currentRunId());
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
    if (!session_->isOpen())
        return tr("No project: open or create one first.");
    if (session_->currentVersionId() <= 0)
        return tr("No dataset version: import or select one in the Data panel.");
    if (session_->currentSplitId() <= 0)
        return tr("No split: create one for the selected version in the Data panel.");
    try {
        flightdeck::store::DatasetRepository repo(session_->project());
        if (repo.split(session_->currentSplitId()).versionId != session_->currentVersionId())
            return tr("The selected split belongs to another dataset version: select or create a split "
                      "of this version.");
    } catch (const std::exception& e) {
        return ErrorText::fromException(e);
    }
    if (session_->currentArchitectureId() <= 0)
        return tr("No architecture: save one in the Architecture panel.");
    return form_->problem();
}

void TrainingPanel::reloadSettings()
{
    form_->setThreads(Settings::trainingThreads().get());
}

void TrainingPanel::startTraining()
{
    if (controller_->isRunning()) {
        setStatus(tr("A run is already in progress."), true);
        return;
    }
    const QString missing = missingRequirement();
    if (!missing.isEmpty()) {
        setStatus(missing, true);
        return;
    }
    form_->commitInput();
    const auto config = form_->config();
    plot_->clearData();
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

void TrainingPanel::stopTraining()
{
    if (!controller_->isRunning())
        return;
    controller_->stop();
    stopButton_->setEnabled(false);
    setStatus(tr("Stopping after the current batch…"), false);
}

void TrainingPanel::onStarted(qint64 runId)
{
    shownRunId_ = runId;
    shownRunStatus_.reset();
    setStatus(tr("Run #%1 started.").arg(runId), false);
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
        plot_->appendPoints(points);
}

void TrainingPanel::onFinished(qint64 runId, store::RunStatus status, double samplesPerSecond)
{
    progress_->setRange(0, 1);
    progress_->setValue(status == store::RunStatus::Completed ? 1 : 0);
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
    if (runId > 0)
        session_->setCurrentRun(runId);   // redraws from the stored metrics when it changes
    else
        showStoredRun(session_->currentRunId());   // no run was created: back to the selected one
}

void TrainingPanel::onFailed(const QString& message)
{
    progress_->setRange(0, 1);
    progress_->setValue(0);
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
    try {
        flightdeck::store::RunRepository repo(session_->project());
        const auto run = repo.run(runId);
        plot_->setPoints(repo.metrics(runId));
        shownRunId_ = runId;
        shownRunStatus_ = run.status;
    } catch (const std::exception& e) {
        plot_->clearData();
        setStatus(ErrorText::fromException(e), true);
    }
    updatePlotTitle();
}

void TrainingPanel::updateReadiness()
{
    const bool running = controller_->isRunning();
    const QString missing = running ? QString() : missingRequirement();
    startButton_->setEnabled(!running && missing.isEmpty());
    startButton_->setToolTip(missing.isEmpty() ? tr("Train with the current dataset version, split and "
                                                    "architecture (F5)")
                                               : missing);
    stopButton_->setEnabled(running);
    readinessLabel_->setText(missing);
    readinessLabel_->setVisible(!missing.isEmpty());
}

void TrainingPanel::updatePlotTitle()
{
    if (shownRunId_ <= 0)
        plot_->setTitleText(controller_->isRunning() ? tr("Starting…") : tr("No run selected"));
    else if (controller_->isRunning() && !shownRunStatus_)
        plot_->setTitleText(tr("Run #%1 (live)").arg(shownRunId_));
    else
        plot_->setTitleText(tr("Run #%1 (%2)").arg(shownRunId_).arg(shownRunStatus_ ? RunStatusText::text(*shownRunStatus_) : QString()));
}

void TrainingPanel::setStatus(const QString& text, bool error)
{
    statusLabel_->setText(text);
    statusLabel_->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void TrainingPanel::retranslateUi()
{
    startButton_->setText(tr("Start Training"));
    stopButton_->setText(tr("Stop"));
    stopButton_->setToolTip(tr("Stop after the current batch; the run keeps its metrics (Shift+F5)"));
    runtimeLabel_->setText(tr("Runtime: %1").arg(RuntimeText::summary()));
    runtimeLabel_->setToolTip(RuntimeText::details());
    warningLabel_->setText(RuntimeText::blasWarning());
    warningLabel_->setVisible(!warningLabel_->text().isEmpty());
    form_->retranslateUi();
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
