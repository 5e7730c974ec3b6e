#include "common/TaskRunner.h"

#include "common/ErrorText.h"
#include "common/ProjectSession.h"

#include "flightdeck/store/Project.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMutex>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace flightdeck::ui {

namespace {

// Carries the outcome of a pool job back to the GUI thread (the value itself waits in the
// task's own slot, see TaskRunner::start).
struct Outcome {
    QString error;
    bool ok = false;
};

}  // namespace

struct TaskRunner::Progress::State {
    QString title;
    QMutex mutex;   // guards the values and `queued`; held only to copy them
    qint64 done = 0, total = 0;
    QString text;
    bool queued = false;   // a delivery is on its way to the GUI thread
    // GUI thread only.
    QElapsedTimer sinceSignal;
    bool finished = false;
};

TaskRunner::Progress::Progress(TaskRunner* runner, std::shared_ptr<State> state,
                               std::shared_ptr<std::atomic<bool>> cancel)
    : runner_(runner), state_(std::move(state)), cancel_(std::move(cancel))
{
}

void TaskRunner::Progress::report(qint64 done, qint64 total, const QString& text)
{
    bool post = false;
    {
        QMutexLocker lock(&state_->mutex);
        state_->done = done;
        state_->total = total;
        state_->text = text;
        post = !std::exchange(state_->queued, true);
    }
    // One delivery in flight at a time: a loop reporting every file costs the GUI nothing,
    // and the delivery reads the newest value, not the one that posted it.
    if (post)
        QMetaObject::invokeMethod(
            runner_, [runner = runner_, state = state_] { runner->deliverProgress(state); },
            Qt::QueuedConnection);
}

void TaskRunner::deliverProgress(const std::shared_ptr<Progress::State>& state)
{
    if (state->finished)
        return;
    if (state->sinceSignal.isValid() && state->sinceSignal.elapsed() < kProgressIntervalMs) {
        // Deferred rather than dropped, so the last value of a stage is always shown.
        QTimer::singleShot(kProgressIntervalMs - state->sinceSignal.elapsed(), this,
                           [this, state] { deliverProgress(state); });
        return;
    }
    qint64 done = 0, total = 0;
    QString text;
    {
        QMutexLocker lock(&state->mutex);
        done = state->done;
        total = state->total;
        text = state->text;
        state->queued = false;
    }
    state->sinceSignal.start();
    Q_EMIT progressChanged(state->title, done, total, text);
}

TaskRunner::TaskRunner(ProjectSession* session, QObject* parent)
    : QObject(parent), session_(session), pool_(new QThreadPool(this))
{
    // Two workers: one long task (import) must not starve a quick one (reading a log).
    pool_->setMaxThreadCount(2);
}

TaskRunner::~TaskRunner()
{
    cancelAll();
    pool_->waitForDone();
}

void TaskRunner::launch(const QString& title, QObject* receiver, bool inProject, Job job, Deliver deliver,
                        Failed onFailed)
{
    Q_ASSERT(receiver);   // without one no result could ever be delivered
    std::string folder;
    if (inProject) {
        if (!session_ || !session_->isOpen()) {
            const QString message = tr("Open or create a project first.");
            if (onFailed)
                onFailed(message);
            else
                Q_EMIT failed(title, message);
            return;
        }
        folder = session_->folder().toStdString();
    }
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    auto state = std::make_shared<Progress::State>();
    state->title = title;
    cancelFlags_.push_back(cancel);
    ++running_;
    titles_.push_back({title, QDateTime::currentMSecsSinceEpoch()});
    if (running_ == 1)
        Q_EMIT busyChanged(true, title);
    // A project switched while the task ran must not receive the old project's result.
    const quint64 generation = session_ ? session_->generation() : 0;
    // The one guard for every caller: a panel or dialog closed while its task ran gets no call.
    const QPointer<QObject> alive(receiver);
    QPointer<TaskRunner> self(this);
    TaskRunner* runner = this;   // alive while the job runs: the destructor waits for the pool
    pool_->start([self, runner, cancel, state, generation, title, inProject, folder, alive, job = std::move(job),
                  deliver = std::move(deliver), onFailed = std::move(onFailed)]() mutable {
        auto outcome = std::make_shared<Outcome>();
        try {
            Progress progress(runner, state, cancel);
            if (!inProject) {
                job(nullptr, progress);
            } else {
                // Each task has its own connection: SQLite connections are not shared across
                // threads here, and WAL lets it write while the GUI reads.
                auto project = flightdeck::store::Project::open(folder);
                job(&project, progress);
            }
            outcome->ok = true;
        } catch (const std::exception& e) {
            outcome->error = ErrorText::fromException(e);
        } catch (...) {
            outcome->error = TaskRunner::tr("Unknown error.");
        }
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, cancel, state, generation, title, outcome, alive, deliver = std::move(deliver),
             onFailed = std::move(onFailed)]() {
                if (!self)
                    return;
                --self->running_;
                auto& titles = self->titles_;
                if (const auto it = std::find_if(titles.begin(), titles.end(),
                                                 [&](const Running& r) { return r.title == title; });
                    it != titles.end())
                    titles.erase(it);
                state->finished = true;
                bool reported = state->sinceSignal.isValid();
                {
                    QMutexLocker lock(&state->mutex);
                    reported = reported || state->queued;
                }
                if (reported)
                    Q_EMIT self->progressChanged(title, 0, 0, QString());
                auto& flags = self->cancelFlags_;
                flags.erase(std::remove(flags.begin(), flags.end(), cancel), flags.end());
                const bool stale = self->session_ && self->session_->generation() != generation;
                if (stale) {
                    // Dropped: its ids belong to a project that is no longer open.
                } else if (outcome->ok) {
                    if (alive)
                        deliver();
                } else if (onFailed) {
                    if (alive)
                        onFailed(outcome->error);
                } else {
                    // Not the receiver's: the main window shows it, whoever asked.
                    Q_EMIT self->failed(title, outcome->error);
                }
                if (self->running_ == 0)
                    Q_EMIT self->busyChanged(false, QString());
            },
            Qt::QueuedConnection);
    });
}

QStringList TaskRunner::runningTitles(qint64 minimumMs) const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QStringList out;
    for (const Running& r : titles_)
        if (now - r.startedMs >= minimumMs)
            out << r.title;
    return out;
}

void TaskRunner::cancelAll()
{
    for (const auto& flag : cancelFlags_)
        flag->store(true);
}

void TaskRunner::waitForIdle()
{
    pool_->waitForDone();
    // Deliver the queued completions so callers observe the finished state.
    while (running_ > 0)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

}  // namespace flightdeck::ui
