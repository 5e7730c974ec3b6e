#pragma once
// Runs long project work (import, split, evaluation, export, log reading) on a pool thread so
// the GUI thread never waits. Each task gets its own store::Project connection opened on the
// session's folder and a cancel flag; the result comes back on the GUI thread. busyChanged
// drives the status bar's busy indicator, progressChanged its progress bar.
#include <QObject>
#include <QStringList>
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
    // Handed to work started with runWithProgress; used on the worker thread only. report()
    // never blocks on the GUI: it stores the latest value, and at most one delivery is queued
    // at a time, so a loop may call it as often as it likes.
    class Progress {
    public:
        // total <= 0: the amount of work is not known (a busy indicator). `text` is shown
        // beside the bar, e.g. "12,000 / 70,000 images, 48 MB/s" (already translated).
        void report(qint64 done, qint64 total, const QString& text = {});
        bool isCancelled() const { return cancel_->load(); }
        const std::atomic<bool>& cancelFlag() const { return *cancel_; }

        struct State;

    private:
        friend class TaskRunner;
        Progress(TaskRunner* runner, std::shared_ptr<State> state,
                 std::shared_ptr<std::atomic<bool>> cancel);
        TaskRunner* runner_;   // outlives the task: ~TaskRunner waits for the pool
        std::shared_ptr<State> state_;
        std::shared_ptr<std::atomic<bool>> cancel_;
    };

    // Runs on a worker thread. Throwing flightdeck::Error / std::exception reports failure.
    using Work = std::function<QVariant(flightdeck::store::Project& project,
                                        const std::atomic<bool>& cancel)>;
    using ProgressWork = std::function<QVariant(flightdeck::store::Project& project,
                                                Progress& progress)>;
    using Done = std::function<void(const QVariant& result)>;
    using Failed = std::function<void(const QString& message)>;

    explicit TaskRunner(ProjectSession* session, QObject* parent = nullptr);
    ~TaskRunner() override;   // cancels and waits for running tasks

    // `title` is shown while busy (already translated). onDone/onFailed run on the GUI thread;
    // when onFailed is empty the failure goes to the failed() signal (the main window shows it).
    void run(const QString& title, Work work, Done onDone, Failed onFailed = {});
    // Same, for work that reports how far it is (progressChanged, ~20 updates a second).
    void runWithProgress(const QString& title, ProgressWork work, Done onDone,
                         Failed onFailed = {});
    // Same, for work that needs no project (e.g. reading a production log).
    void runDetached(const QString& title, std::function<QVariant(const std::atomic<bool>&)> work,
                     Done onDone, Failed onFailed = {});

    bool isBusy() const { return running_ > 0; }
    // The titles of the tasks that have run for at least `minimumMs`, oldest first (the quit
    // question names them; a lookup of a few milliseconds is not worth a question).
    QStringList runningTitles(qint64 minimumMs = 0) const;
    void cancelAll();
    // Blocks until every task has finished (tests and shutdown only; never from a slot).
    void waitForIdle();

    // Minimum time between two progressChanged signals of one task.
    static constexpr int kProgressIntervalMs = 50;

Q_SIGNALS:
    void busyChanged(bool busy, const QString& title);
    void failed(const QString& title, const QString& message);
    // A task's progress; total <= 0 means unknown. When a task that reported progress ends,
    // this is emitted once more with done = total = 0 and an empty text.
    void progressChanged(const QString& title, qint64 done, qint64 total, const QString& text);

private:
    using Job = std::function<QVariant(Progress& progress)>;
    void launch(const QString& title, Job job, Done onDone, Failed onFailed);
    void deliverProgress(const std::shared_ptr<Progress::State>& state);
    ProjectSession* session_;
    // One flag per running task: a new task must not clear a Cancel the user gave earlier.
    std::vector<std::shared_ptr<std::atomic<bool>>> cancelFlags_;
    int running_ = 0;
    struct Running {
        QString title;
        qint64 startedMs;
    };
    std::vector<Running> titles_;
    QThreadPool* pool_;
};

}  // namespace flightdeck::ui
