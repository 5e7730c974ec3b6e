#pragma once
// Runs a sweep (core's SweepRunner) on its own QThread with its own project connection, so the
// GUI thread never waits on it: what happens comes back as queued signals, progress at most
// ~20 times a second. Cancel is an atomic flag the trainer polls between batches: the run in
// progress is recorded as cancelled and no further trial starts. Closing the project cancels
// too; the destructor cancels and joins the thread.
#include "flightdeck/store/RunStatus.h"
#include "flightdeck/sweep/SweepPlan.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <optional>

class QThread;

namespace flightdeck::ui {

class ProjectSession;

// One finished trial as the dialog lists it.
struct SweepTrialRow {
    int trial = 0;
    qint64 runId = 0;
    qint64 architectureId = 0;
    QString assignment;   // "learning_rate=0.003, optimizer=sgd"
    store::RunStatus status = store::RunStatus::Completed;
    std::optional<double> score;
    QString error;
};

class SweepController : public QObject {
    Q_OBJECT
public:
    explicit SweepController(ProjectSession* session, QObject* parent = nullptr);
    ~SweepController() override;

    // False when a sweep is already running or no project is open. The plan is expanded on
    // the worker; a bad plan comes back as failed().
    bool start(const sweep::SweepPlan& plan, qint64 versionId, qint64 splitId, const QString& name);
    void cancel();
    bool isRunning() const { return thread_ != nullptr; }
    bool isCancelling() const { return cancel_.load(); }

    // "learning_rate=0.003, optimizer=sgd" from a trial's assignment JSON (the architecture,
    // which the dialog names, left out).
    static QString assignmentText(const std::string& json);

Q_SIGNALS:
    void sweepStarted(qint64 sweepId, int trials);
    void trialStarted(int trial, qint64 runId, const QString& assignment);
    void trialProgress(int trial, qint64 step, qint64 totalSteps);
    void trialFinished(const flightdeck::ui::SweepTrialRow& row);
    // best: index of the best trial row in the order trialFinished sent them, -1 for none.
    void finished(qint64 sweepId, flightdeck::store::RunStatus status, int best, const QString& objective);
    void failed(const QString& message);

private:
    void onWorkerDone();

    ProjectSession* session_;
    QThread* thread_ = nullptr;
    std::atomic<bool> cancel_{false};
};

}  // namespace flightdeck::ui

Q_DECLARE_METATYPE(flightdeck::ui::SweepTrialRow)
