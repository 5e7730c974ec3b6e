#include "labeling/LabelWriter.h"

#include "common/ErrorText.h"
#include "flightdeck/store/Project.h"

#include <QFile>
#include <QThread>

#include <filesystem>

namespace flightdeck::ui {

namespace {

// Lives on the writer thread; opens its connection on first use there (a connection belongs
// to the thread that uses it).
class WriterWorker : public QObject {
public:
    explicit WriterWorker(const QString& folder) : folder_(folder) {}

    flightdeck::store::Project& project()
    {
        if (!project_)
            project_ = std::make_unique<flightdeck::store::Project>(flightdeck::store::Project::open(
                std::filesystem::path(QFile::encodeName(folder_).toStdString())));
        return *project_;
    }

private:
    QString folder_;
    std::unique_ptr<flightdeck::store::Project> project_;
};

}  // namespace

LabelWriter::LabelWriter(const QString& projectFolder, QObject* parent)
    : QObject(parent), thread_(new QThread), pending_(std::make_shared<std::atomic<int>>(0))
{
    thread_->setObjectName(QStringLiteral("LabelWriter"));
    worker_ = new WriterWorker(projectFolder);
    worker_->moveToThread(thread_);
    connect(thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_->start();
}

LabelWriter::~LabelWriter()
{
    // quit() stops the loop without delivering what is still queued, so drain first.
    waitUntilWritten();
    thread_->quit();
    thread_->wait();
    delete thread_;
}

void LabelWriter::write(qint64 versionId, std::vector<flightdeck::data::LabelChange> changes)
{
    if (changes.empty())
        return;
    post([versionId, changes = std::move(changes)](flightdeck::data::LabelHistory& history) {
        history.record(versionId, changes);
    });
}

void LabelWriter::addClass(qint64 versionId, const QString& name)
{
    post([versionId, name = name.toStdString()](flightdeck::data::LabelHistory& history) {
        history.addClass(versionId, name);
    });
}

void LabelWriter::post(std::function<void(flightdeck::data::LabelHistory&)> work)
{
    ++*pending_;
    auto* worker = static_cast<WriterWorker*>(worker_);
    QMetaObject::invokeMethod(
        worker_,
        [this, worker, work = std::move(work), pending = pending_]() {
            QString error;
            try {
                flightdeck::data::LabelHistory history(worker->project());
                work(history);
            } catch (const std::exception& e) {
                error = ErrorText::fromException(e);
            }
            const int left = --*pending;
            // Queued to the GUI thread: `this` lives there and outlives the worker thread.
            QMetaObject::invokeMethod(
                this,
                [this, error, left] {
                    if (!error.isEmpty())
                        Q_EMIT failed(error);
                    Q_EMIT written(left);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void LabelWriter::waitUntilWritten()
{
    while (pending_->load() > 0)
        QThread::msleep(1);
}

}  // namespace flightdeck::ui
