#pragma once
// Runs long project work (import, split, evaluation, export, log reading) on a pool thread so
// the GUI thread never waits. Each task gets its own store::Project connection opened on the
// session's folder and a cancel flag; its result comes back by value on the GUI thread, to a
// receiver that is still alive. busyChanged drives the status bar's busy indicator,
// progressChanged its progress bar.
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

class QThreadPool;

namespace flightdeck::store {
class Project;
}

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
        Progress(TaskRunner* runner, std::shared_ptr<State> state, std::shared_ptr<std::atomic<bool>> cancel);
        TaskRunner* runner_;   // outlives the task: ~TaskRunner waits for the pool
        std::shared_ptr<State> state_;
        std::shared_ptr<std::atomic<bool>> cancel_;
    };

    using Failed = std::function<void(const QString& message)>;

    explicit TaskRunner(ProjectSession* session, QObject* parent = nullptr);
    ~TaskRunner() override;   // cancels and waits for running tasks

    // work(store::Project&, const std::atomic<bool>& cancel) runs on a worker thread and returns
    // the task's result (a small struct, or nothing); throwing flightdeck::Error /
    // std::exception reports failure. onDone(result) (onDone() for a void task) or
    // onFailed(message) run on the GUI thread, and only while `receiver` is alive: the guard
    // each caller would otherwise write is here. `title` is shown while busy (already
    // translated). When onFailed is empty the failure goes to the failed() signal (the main
    // window shows it). Neither runs when the project was switched meanwhile.
    template <class Work, class OnDone>
    void run(const QString& title, QObject* receiver, Work work, OnDone onDone, Failed onFailed = {})
    {
        start(title, receiver, true,
              [work = std::move(work)](store::Project* project, Progress& progress) mutable {
                  return work(*project, progress.cancelFlag());
              },
              std::move(onDone), std::move(onFailed));
    }
    // Same, for work(store::Project&, Progress&) that reports how far it is (progressChanged,
    // ~20 updates a second).
    template <class Work, class OnDone>
    void runWithProgress(const QString& title, QObject* receiver, Work work, OnDone onDone,
                         Failed onFailed = {})
    {
        start(title, receiver, true,
              [work = std::move(work)](store::Project* project, Progress& progress) mutable {
                  return work(*project, progress);
              },
              std::move(onDone), std::move(onFailed));
    }
    // Same, for work(const std::atomic<bool>& cancel) that needs no project (reading a log).
    template <class Work, class OnDone>
    void runDetached(const QString& title, QObject* receiver, Work work, OnDone onDone, Failed onFailed = {})
    {
        start(title, receiver, false,
              [work = std::move(work)](store::Project*, Progress& progress) mutable {
                  return work(progress.cancelFlag());
              },
              std::move(onDone), std::move(onFailed));
    }

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
    // Runs on the worker; `project` is null for a detached task.
    using Job = std::function<void(store::Project* project, Progress& progress)>;
    // Runs on the GUI thread after the job succeeded: hands the result to onDone.
    using Deliver = std::function<void()>;

    // The result is held in a slot the job fills and the delivery moves out of, so it crosses
    // threads by value without a QVariant or a registered metatype.
    template <class Invoke, class OnDone>
    void start(const QString& title, QObject* receiver, bool inProject, Invoke invoke, OnDone onDone,
               Failed onFailed)
    {
        using Result = std::invoke_result_t<Invoke&, store::Project*, Progress&>;
        if constexpr (std::is_void_v<Result>) {
            static_assert(std::is_invocable_v<OnDone&>, "the onDone of a task without a result takes nothing");
            launch(title, receiver, inProject,
                   [invoke = std::move(invoke)](store::Project* project, Progress& progress) mutable {
                       invoke(project, progress);
                   },
                   [onDone = std::move(onDone)]() mutable { onDone(); }, std::move(onFailed));
        } else {
            static_assert(std::is_invocable_v<OnDone&, Result&&>, "onDone must take the work's result");
            auto slot = std::make_shared<std::optional<Result>>();
            launch(title, receiver, inProject,
                   [slot, invoke = std::move(invoke)](store::Project* project, Progress& progress) mutable {
                       slot->emplace(invoke(project, progress));
                   },
                   [slot, onDone = std::move(onDone)]() mutable { onDone(std::move(**slot)); },
                   std::move(onFailed));
        }
    }
    void launch(const QString& title, QObject* receiver, bool inProject, Job job, Deliver deliver,
                Failed onFailed);
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
