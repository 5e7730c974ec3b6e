#include "common/TaskRunner.h"

#include "common/ErrorText.h"
#include "common/ProjectSession.h"

#include "flightdeck/store/Project.h"

#include <QPointer>
#include <QThreadPool>

#include <algorithm>

namespace flightdeck::ui {

namespace {

// Carries the outcome of a pool job back to the GUI thread.
struct Outcome {
    QVariant value;
    QString error;
    bool ok = false;
};

}  // namespace

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

void TaskRunner::run(const QString& title, Work work, Done onDone, Failed onFailed)
{
    if (!session_ || !session_->isOpen()) {
        const QString message = tr("Open or create a project first.");
        if (onFailed)
            onFailed(message);
        else
            Q_EMIT failed(title, message);
        return;
    }
    const std::string folder = session_->folder().toStdString();
    launch(title,
           [folder, work = std::move(work)](const std::atomic<bool>& cancel) {
               // Each task has its own connection: SQLite connections are not shared across
               // threads here, and WAL lets it write while the GUI reads.
               auto project = flightdeck::store::Project::open(folder);
               return work(project, cancel);
           },
           std::move(onDone), std::move(onFailed));
}

void TaskRunner::runDetached(const QString& title,
                             std::function<QVariant(const std::atomic<bool>&)> work, Done onDone,
                             Failed onFailed)
{
    launch(title, std::move(work), std::move(onDone), std::move(onFailed));
}

void TaskRunner::launch(const QString& title,
                        std::function<QVariant(const std::atomic<bool>&)> job, Done onDone,
                        Failed onFailed)
{
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    cancelFlags_.push_back(cancel);
    ++running_;
    if (running_ == 1)
        Q_EMIT busyChanged(true, title);
    // A project switched while the task ran must not receive the old project's result.
    const quint64 generation = session_ ? session_->generation() : 0;
    QPointer<TaskRunner> self(this);
    pool_->start([self, cancel, generation, title, job = std::move(job), onDone = std::move(onDone),
                  onFailed = std::move(onFailed)]() mutable {
        auto outcome = std::make_shared<Outcome>();
        try {
            outcome->value = job(*cancel);
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
            [self, cancel, generation, title, outcome, onDone = std::move(onDone),
             onFailed = std::move(onFailed)]() {
                if (!self)
                    return;
                --self->running_;
                auto& flags = self->cancelFlags_;
                flags.erase(std::remove(flags.begin(), flags.end(), cancel), flags.end());
                const bool stale = self->session_ && self->session_->generation() != generation;
                if (stale) {
                    // Dropped: its ids belong to a project that is no longer open.
                } else if (outcome->ok) {
                    if (onDone)
                        onDone(outcome->value);
                } else if (onFailed) {
                    onFailed(outcome->error);
                } else {
                    Q_EMIT self->failed(title, outcome->error);
                }
                if (self->running_ == 0)
                    Q_EMIT self->busyChanged(false, QString());
            },
            Qt::QueuedConnection);
    });
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
