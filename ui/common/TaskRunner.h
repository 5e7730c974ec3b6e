#pragma once
// Runs long project work (import, split, evaluation, export, log reading) on a pool thread so
// the GUI thread never waits. Each task gets its own store::Project connection opened on the
// session's folder and a cancel flag; the result comes back on the GUI thread. busyChanged
// drives the status bar's busy indicator.
#include <QObject>
#include <QString>
#include <QVariant>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class QThreadPool;

namespace flightdeck::store { class Project; }

namespace flightdeck::ui {

class ProjectSession;

class TaskRunner : public QObject {
    Q_OBJECT
public:
    // Runs on a worker thread. Throwing flightdeck::Error / std::exception reports failure.
    using Work = std::function<QVariant(flightdeck::store::Project& project,
                                        const std::atomic<bool>& cancel)>;
    using Done = std::function<void(const QVariant& result)>;
    using Failed = std::function<void(const QString& message)>;

    explicit TaskRunner(ProjectSession* session, QObject* parent = nullptr);
    ~TaskRunner() override;   // cancels and waits for running tasks

    // `title` is shown while busy (already translated). onDone/onFailed run on the GUI thread;
    // when onFailed is empty the failure goes to the failed() signal (the main window shows it).
    void run(const QString& title, Work work, Done onDone, Failed onFailed = {});
    // Same, for work that needs no project (e.g. reading a production log).
    void runDetached(const QString& title, std::function<QVariant(const std::atomic<bool>&)> work,
                     Done onDone, Failed onFailed = {});

    bool isBusy() const { return running_ > 0; }
    void cancelAll();
    // Blocks until every task has finished (tests and shutdown only; never from a slot).
    void waitForIdle();

Q_SIGNALS:
    void busyChanged(bool busy, const QString& title);
    void failed(const QString& title, const QString& message);

private:
    void launch(const QString& title, std::function<QVariant(const std::atomic<bool>&)> job,
                Done onDone, Failed onFailed);
    ProjectSession* session_;
    // One flag per running task: a new task must not clear a Cancel the user gave earlier.
    std::vector<std::shared_ptr<std::atomic<bool>>> cancelFlags_;
    int running_ = 0;
    QThreadPool* pool_;
};

}  // namespace flightdeck::ui
