#pragma once
// Owns the training QThread. A worker object on that thread runs core's Trainer with its own
// project connection; metric points go into a mutex-guarded MetricsBuffer, and a ~40 ms GUI
// timer drains it and emits metricsArrived (PlotJuggler's coalescing pattern), so a fast
// trainer never floods the event loop. Stop and pause set atomic flags the trainer polls
// between batches; resume() continues a stopped run on the same thread machinery as start().
#include "flightdeck/store/Records.h"
#include "flightdeck/train/Trainer.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

class QThread;

namespace flightdeck::ui {

class ProjectSession;

class MetricsBuffer {
public:
    void push(const flightdeck::store::MetricRecord& point);
    std::vector<flightdeck::store::MetricRecord> drain();

private:
    std::mutex mutex_;
    std::vector<flightdeck::store::MetricRecord> points_;
};

class TrainingController : public QObject {
    Q_OBJECT
public:
    explicit TrainingController(ProjectSession* session, QObject* parent = nullptr);
    ~TrainingController() override;   // stops the run and joins the thread

    bool isRunning() const { return running_; }
    bool isPaused() const { return pause_.load(); }
    qint64 currentRunId() const { return runId_; }

    // Returns false (and emits nothing) if a run is already going or no project is open.
    bool start(qint64 versionId, qint64 splitId, qint64 architectureId,
               const flightdeck::train::TrainConfig& config);
    // Continues a cancelled, interrupted or failed run from its last checkpoint (the trainer
    // refuses others: failed() names why). Returns false like start().
    bool resume(qint64 runId);
    void stop();
    // While paused the run waits between batches; stop() still ends it.
    void setPaused(bool paused);
    // Blocks until the current run has ended (tests and shutdown only).
    void waitForFinished();

Q_SIGNALS:
    void started(qint64 runId);
    void progress(qint64 step, qint64 totalSteps, int epoch);
    // GUI thread, coalesced; points of the current run in arrival order. If the project was
    // closed meanwhile, finished() reports runId 0: the id belongs to the old project.
    void metricsArrived(qint64 runId, const std::vector<flightdeck::store::MetricRecord>& points);
    void finished(qint64 runId, flightdeck::store::RunStatus status, double samplesPerSecond);
    void pausedChanged(bool paused);
    void failed(const QString& message);

private:
    using Launch = std::function<flightdeck::train::RunResult(flightdeck::train::Trainer&,
                                                              const flightdeck::train::TrainCallbacks&)>;
    bool launch(qint64 knownRunId, Launch body);
    void drain();
    void onWorkerStarted(qint64 runId);
    void onWorkerDone(qint64 runId, flightdeck::store::RunStatus status, double samplesPerSecond,
                      const QString& error);

    ProjectSession* session_;
    QThread* thread_ = nullptr;
    QTimer drainTimer_;
    MetricsBuffer buffer_;
    std::atomic<bool> cancel_{false};
    std::atomic<bool> pause_{false};
    bool running_ = false;
    qint64 runId_ = 0;
    quint64 generation_ = 0;   // the session's generation when the run started
};

}  // namespace flightdeck::ui
