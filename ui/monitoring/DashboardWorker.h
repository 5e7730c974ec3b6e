#pragma once
// Runs the dashboard's DashboardEngine on a thread of its own (a one-thread pool, so jobs run
// one after another in the order given) and hands each new DashboardSnapshot to the GUI thread.
// The GUI thread only queues jobs and reads the latest snapshot; it never waits on the log. In
// follow mode a timer polls the log once a second while no job is queued.
#include "monitoring/DashboardSnapshot.h"

#include "flightdeck/monitor/AlertRules.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QThreadPool;
class QTimer;

namespace flightdeck::ui {

class DashboardEngine;

class DashboardWorker : public QObject {
    Q_OBJECT
public:
    explicit DashboardWorker(QObject* parent = nullptr);
    ~DashboardWorker() override;   // cancels, then waits for the job in progress

    void openLog(const QString& path);
    void setReference(const QString& path);   // empty: no reference
    void setGroundTruth(const QString& path);
    void setRules(std::vector<flightdeck::monitor::AlertRule> rules);
    void setRange(std::optional<std::pair<double, double>> range);
    void setFollowing(bool on);
    bool isFollowing() const { return following_; }
    void setPollInterval(int ms);

    bool isBusy() const { return pending_ > 0; }
    bool isLoading() const { return loading_; }
    std::shared_ptr<const DashboardSnapshot> snapshot() const { return snapshot_; }
    QString lastError() const { return error_; }

Q_SIGNALS:
    void updated();            // a new snapshot (or error) is there
    void busyChanged(bool busy);

private:
    // `job` runs on the worker thread; when it returns true (and no later job is queued) a
    // snapshot follows.
    void submit(std::function<bool(DashboardEngine&, const std::atomic<bool>&)> job, bool load = false);
    void poll();

    QThreadPool* pool_;
    QTimer* timer_;
    std::shared_ptr<DashboardEngine> engine_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    std::shared_ptr<std::atomic<std::uint64_t>> latest_;
    std::uint64_t generation_ = 0;
    std::uint64_t logGeneration_ = 0;   // the job that opened another log: older snapshots are of the one before
    QString logPath_;
    int pending_ = 0;
    bool loading_ = false;
    bool following_ = false;
    std::shared_ptr<const DashboardSnapshot> snapshot_;
    QString error_;
};

}  // namespace flightdeck::ui
