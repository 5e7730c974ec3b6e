#include "common/TrainingController.h"

#include "common/ErrorText.h"
#include "common/ProjectSession.h"

#include "flightdeck/store/Project.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QThread>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace {

// A run's OpenMP team keeps every core busy; on a small machine the GUI thread then waits for a
// core for tens of milliseconds at a time (bench_training_gui: 100 ms gaps with 0.07 ms of GUI
// work in them). Linux keeps the nice value per thread and threads inherit it, so raising it
// here lowers this worker and the team libgomp creates for it, and only while the GUI wants a
// core: with the GUI idle the run keeps its full speed.
void lowerThisThreadsPriority()
{
#ifdef __linux__
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 10);
#endif
}

}  // namespace

namespace flightdeck::ui {

void MetricsBuffer::push(const flightdeck::store::MetricRecord& point)
{
    std::lock_guard<std::mutex> lock(mutex_);
    points_.push_back(point);
}

std::vector<flightdeck::store::MetricRecord> MetricsBuffer::drain()
{
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<flightdeck::store::MetricRecord> out;
    out.swap(points_);
    return out;
}

TrainingController::TrainingController(ProjectSession* session, QObject* parent)
    : QObject(parent), session_(session)
{
    // ~25 redraws a second at most, however fast the trainer produces points.
    drainTimer_.setInterval(40);
    connect(&drainTimer_, &QTimer::timeout, this, &TrainingController::drain);
    // A run belongs to its project: closing the project stops it (it is recorded as cancelled).
    if (session_)
        connect(session_, &ProjectSession::projectClosed, this, &TrainingController::stop);
}

TrainingController::~TrainingController()
{
    stop();
    if (thread_) {
        thread_->wait();
        delete thread_;
    }
}

bool TrainingController::start(qint64 versionId, qint64 splitId, qint64 architectureId,
                               const flightdeck::train::TrainConfig& config)
{
    return launch(0, [=](flightdeck::train::Trainer& trainer,
                         const flightdeck::train::TrainCallbacks& callbacks) {
        return trainer.run(versionId, splitId, architectureId, config, callbacks);
    });
}

bool TrainingController::resume(qint64 runId)
{
    return launch(runId, [runId](flightdeck::train::Trainer& trainer,
                                 const flightdeck::train::TrainCallbacks& callbacks) {
        return trainer.resume(runId, callbacks);
    });
}

bool TrainingController::launch(qint64 knownRunId, Launch body)
{
    if (running_ || !session_ || !session_->isOpen())
        return false;
    if (thread_) {
        thread_->wait();
        delete thread_;
        thread_ = nullptr;
    }
    cancel_.store(false);
    pause_.store(false);
    buffer_.drain();
    running_ = true;
    runId_ = knownRunId;
    generation_ = session_->generation();
    const std::string folder = session_->folder().toStdString();

    thread_ = QThread::create([this, folder, knownRunId, body = std::move(body)]() {
        qint64 runId = knownRunId;   // a resumed run keeps its id even if it is refused
        auto status = flightdeck::store::RunStatus::Failed;
        QString error;
        double samplesPerSecond = 0;
        QElapsedTimer sinceProgress;
        sinceProgress.start();
        lowerThisThreadsPriority();
        try {
            // The worker's own connection: the GUI keeps reading through its own.
            auto project = flightdeck::store::Project::open(folder);
            flightdeck::train::TrainCallbacks callbacks;
            callbacks.cancel = &cancel_;
            callbacks.pause = &pause_;
            callbacks.onStarted = [&](flightdeck::store::Id id) {
                runId = id;
                QMetaObject::invokeMethod(this, [this, id]() { onWorkerStarted(id); },
                                          Qt::QueuedConnection);
            };
            callbacks.onMetric = [this](const flightdeck::store::MetricRecord& point) {
                buffer_.push(point);
            };
            callbacks.onProgress = [&](std::int64_t step, std::int64_t total, int epoch) {
                // Throttled: a queued event per batch would flood the GUI thread.
                if (step != total && sinceProgress.elapsed() < 50)
                    return;
                sinceProgress.restart();
                QMetaObject::invokeMethod(
                    this, [this, step, total, epoch]() { Q_EMIT progress(step, total, epoch); },
                    Qt::QueuedConnection);
            };
            flightdeck::train::Trainer trainer(project);
            const auto result = body(trainer, callbacks);
            runId = result.runId;
            status = result.status;
            samplesPerSecond = result.samplesPerSecond;
        } catch (const std::exception& e) {
            error = ErrorText::fromException(e);
        } catch (...) {
            // Anything escaping a QThread::create body would terminate the application.
            error = tr("Unknown error.");
        }
        QMetaObject::invokeMethod(
            this,
            [this, runId, status, samplesPerSecond, error]() {
                onWorkerDone(runId, status, samplesPerSecond, error);
            },
            Qt::QueuedConnection);
    });
    thread_->setObjectName(QStringLiteral("training"));
    drainTimer_.start();
    thread_->start();
    return true;
}

void TrainingController::stop() { cancel_.store(true); }

void TrainingController::setPaused(bool paused)
{
    if (!running_ || pause_.load() == paused)
        return;
    pause_.store(paused);
    Q_EMIT pausedChanged(paused);
}

void TrainingController::waitForFinished()
{
    while (running_)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

void TrainingController::drain()
{
    auto points = buffer_.drain();
    if (!points.empty())
        Q_EMIT metricsArrived(runId_, points);
}

void TrainingController::onWorkerStarted(qint64 runId)
{
    runId_ = runId;
    if (session_ && session_->generation() == generation_)
        session_->notifyRunsChanged();
    Q_EMIT started(runId);
}

void TrainingController::onWorkerDone(qint64 runId, flightdeck::store::RunStatus status,
                                      double samplesPerSecond, const QString& error)
{
    drainTimer_.stop();
    drain();
    running_ = false;
    if (pause_.exchange(false))
        Q_EMIT pausedChanged(false);
    const bool stale = !session_ || session_->generation() != generation_;
    if (stale)
        runId = 0;
    runId_ = runId;
    if (!stale && session_->isOpen())
        session_->notifyRunsChanged();
    if (!error.isEmpty())
        Q_EMIT failed(error);
    Q_EMIT finished(runId, status, samplesPerSecond);
}

}  // namespace flightdeck::ui
