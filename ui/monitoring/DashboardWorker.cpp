#include "monitoring/DashboardWorker.h"

#include "monitoring/DashboardEngine.h"

#include "common/ErrorText.h"

#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <exception>

namespace flightdeck::ui {

DashboardWorker::DashboardWorker(QObject* parent)
    : QObject(parent), pool_(new QThreadPool(this)), timer_(new QTimer(this)),
      engine_(std::make_shared<DashboardEngine>()), cancel_(std::make_shared<std::atomic<bool>>(false)),
      latest_(std::make_shared<std::atomic<std::uint64_t>>(0)) {
    pool_->setMaxThreadCount(1);
    timer_->setInterval(1000);
    connect(timer_, &QTimer::timeout, this, &DashboardWorker::poll);
}

DashboardWorker::~DashboardWorker() {
    cancel_->store(true);
    timer_->stop();
    pool_->waitForDone();
}

void DashboardWorker::setPollInterval(int ms) { timer_->setInterval(ms); }

void DashboardWorker::submit(std::function<bool(DashboardEngine&, const std::atomic<bool>&)> job, bool load) {
    const std::uint64_t generation = ++generation_;
    latest_->store(generation);
    if (pending_++ == 0)
        Q_EMIT busyChanged(true);
    if (load)
        loading_ = true;
    QPointer<DashboardWorker> self(this);
    auto engine = engine_;
    auto cancel = cancel_;
    auto latest = latest_;
    pool_->start([self, engine, cancel, latest, generation, job = std::move(job)] {
        std::shared_ptr<const DashboardSnapshot> snapshot;
        QString error;
        bool cancelled = false;
        try {
            // Only the newest job's snapshot is worth building: older ones would be replaced
            // before anyone saw them.
            if (job(*engine, *cancel) && latest->load() == generation && !cancel->load())
                snapshot = engine->snapshot(generation);
        } catch (const std::exception& e) {
            error = ErrorText::fromException(e);
        } catch (...) {
            cancelled = true;
        }
        // The destructor waits for this job, so `self` is alive here; the queued call is
        // dropped if the worker is gone by the time the GUI thread gets to it.
        QMetaObject::invokeMethod(self.data(), [self, snapshot, error, cancelled, generation] {
            if (!self)
                return;
            DashboardWorker& w = *self;
            const bool newest = generation == w.generation_;
            if (newest)
                w.loading_ = false;
            if (snapshot && generation >= w.logGeneration_) {
                w.snapshot_ = snapshot;
                w.error_.clear();
            } else if (!error.isEmpty() && !cancelled && generation >= w.logGeneration_)
                w.error_ = error;
            if (--w.pending_ == 0)
                Q_EMIT w.busyChanged(false);
            if (snapshot || !error.isEmpty())
                Q_EMIT w.updated();
        }, Qt::QueuedConnection);
    });
}

void DashboardWorker::openLog(const QString& path) {
    // The read in progress (of another file, or an earlier open) is abandoned.
    cancel_->store(true);
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    error_.clear();
    const bool another = path != logPath_;
    logPath_ = path;
    const std::filesystem::path file(path.toStdString());
    submit([file](DashboardEngine& engine, const std::atomic<bool>& cancel) {
        engine.setLog(file);
        engine.poll(&cancel);
        return true;
    }, true);
    // The last log's figures are not this one's, not even while it is read (a reload keeps them).
    if (another) {
        snapshot_.reset();
        logGeneration_ = generation_;
    }
}

void DashboardWorker::setReference(const QString& path) {
    const std::filesystem::path file(path.toStdString());
    submit([file](DashboardEngine& engine, const std::atomic<bool>& cancel) {
        if (file.empty())
            engine.clearReference();
        else
            engine.setReference(file, &cancel);
        return true;
    });
}

void DashboardWorker::setGroundTruth(const QString& path) {
    const std::filesystem::path file(path.toStdString());
    submit([file](DashboardEngine& engine, const std::atomic<bool>&) {
        engine.setGroundTruth(file);
        return true;
    });
}

void DashboardWorker::setRules(std::vector<flightdeck::monitor::AlertRule> rules) {
    submit([rules = std::move(rules)](DashboardEngine& engine, const std::atomic<bool>&) {
        engine.setRules(rules);
        return true;
    });
}

void DashboardWorker::setRange(std::optional<std::pair<double, double>> range) {
    submit([range](DashboardEngine& engine, const std::atomic<bool>&) {
        engine.setRange(range);
        return true;
    });
}

void DashboardWorker::setFollowing(bool on) {
    following_ = on;
    if (on)
        timer_->start();
    else
        timer_->stop();
}

void DashboardWorker::poll() {
    if (pending_ > 0 || !snapshot_ || !snapshot_->log)
        return;   // one poll at a time, and only once a log is open
    submit([](DashboardEngine& engine, const std::atomic<bool>& cancel) {
        return engine.poll(&cancel) > 0;
    });
}

}  // namespace flightdeck::ui
