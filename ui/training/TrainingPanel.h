#pragma once
// The Training dock: the budget (TrainingForm) and the recipe (RecipeForm) in two tabs,
// Start/Pause/Stop and Resume run (RunControls), progress, the runtime (with a warning on the
// reference BLAS) and the live loss/accuracy (or RMSE) plot. During a run the plot is fed by
// TrainingController::metricsArrived; otherwise it shows the session's current run from the
// stored metrics, which a resumed run continues.
#include "training/StoredRun.h"

#include "flightdeck/store/Records.h"
#include "flightdeck/train/TrainConfig.h"

#include <QPointer>
#include <QWidget>

#include <optional>
#include <vector>

class QProgressBar;

namespace flightdeck::ui {

class StatusLine;
class CompactTabWidget;
class LivePlot;
class ProjectSession;
class RecipeForm;
class RunControls;
class RuntimeLines;
class SweepDialog;
class TrainingController;
class TrainingForm;

class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    TrainingPanel(ProjectSession* session, TrainingController* controller, QWidget* parent = nullptr);

    // Empty when a run can start; else what is missing (translated).
    QString missingRequirement() const;
    LivePlot* plot() const { return plot_; }
    qint64 shownRunId() const { return shownRunId_; }
    // Re-reads the defaults that come from the preferences (training threads).
    void reloadSettings();

public Q_SLOTS:
    void startTraining();
    void stopTraining();
    // Pauses the live run, or continues it when paused.
    void togglePause();
    // Continues the session's current run when it is resumable (cancelled, interrupted, failed).
    void resumeRun();
    // Fills the budget and recipe with a run's config to be changed and started as a new run
    // (Experiments' "Rerun with changes"); nothing starts until the user does.
    void loadRecipe(qint64 fromRunId, const flightdeck::train::TrainConfig& config);
    // Sweep…: the sweep dialog over the form's recipe (the open one is raised).
    void openSweep();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateReadiness();
    void updateDataset();   // tells the recipe whether the version holds images or a regression
    void onPausedChanged(bool paused);
    void onStarted(qint64 runId);
    void onProgress(qint64 step, qint64 totalSteps, int epoch);
    void onMetrics(qint64 runId, const std::vector<flightdeck::store::MetricRecord>& points);
    void onFinished(qint64 runId, store::RunStatus status, double samplesPerSecond);
    void onFailed(const QString& message);
    void showStoredRun(qint64 runId);
    std::optional<StoredRun> loadStoredCurve(qint64 runId, bool upToResumeStep);
    void updatePlotTitle();
    void setStatus(const QString& text, bool error);

    ProjectSession* session_;
    TrainingController* controller_;
    CompactTabWidget* tabs_;
    TrainingForm* form_;
    RecipeForm* recipe_;
    RunControls* controls_;
    StatusLine* readinessLabel_;
    QProgressBar* progress_;
    StatusLine* statusLabel_;
    RuntimeLines* runtime_;
    LivePlot* plot_;

    qint64 shownRunId_ = 0;
    std::optional<store::RunStatus> shownRunStatus_;   // none while live
    QString failureMessage_;   // why the last run failed (TrainingController::failed)
    int epochs_ = 0;
    bool stopping_ = false;
    qint64 resumingRunId_ = 0;   // the run a Resume run started, until it ends
    QPointer<SweepDialog> sweepDialog_;
};

}  // namespace flightdeck::ui
