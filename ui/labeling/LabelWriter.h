#pragma once
// Saves label edits as they are made, on its own thread and its own project connection, in
// the order they were made, one transaction per action. The GUI thread hands an action over
// and goes on; a SIGKILL loses at most what is in flight (the last action).
#include "flightdeck/data/LabelHistory.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class QThread;

namespace flightdeck::ui {

class LabelWriter : public QObject {
    Q_OBJECT
public:
    explicit LabelWriter(const QString& projectFolder, QObject* parent = nullptr);
    ~LabelWriter() override;   // writes what is queued, then stops its thread

    void write(qint64 versionId, std::vector<flightdeck::data::LabelChange> changes);
    void addClass(qint64 versionId, const QString& name);
    int pending() const { return pending_->load(); }
    // Blocks until everything handed over is written (tests and closing only).
    void waitUntilWritten();

Q_SIGNALS:
    void failed(const QString& message);
    void written(int pending);

private:
    // Runs `work` on the writer thread, in the order handed over; failures come back as failed().
    void post(std::function<void(flightdeck::data::LabelHistory&)> work);

    QThread* thread_;
    QObject* worker_;
    std::shared_ptr<std::atomic<int>> pending_;
};

}  // namespace flightdeck::ui
