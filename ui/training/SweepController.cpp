#include "training/SweepController.h"

#include "common/ErrorText.h"
#include "common/ProjectSession.h"

#include "flightdeck/store/Project.h"
#include "flightdeck/sweep/SweepRunner.h"

#include <QElapsedTimer>
#include <QStringList>
#include <QThread>

#include <nlohmann/json.hpp>

namespace flightdeck::ui {

SweepController::SweepController(ProjectSession* session, QObject* parent)
    : QObject(parent), session_(session)
{
    qRegisterMetaType<SweepTrialRow>();
    connect(session_, &ProjectSession::projectClosed, this, &SweepController::cancel);
}

SweepController::~SweepController()
{
    if (thread_) {
        cancel_.store(true);
        thread_->wait();
        delete thread_;
    }
}

QString SweepController::assignmentText(const std::string& json)
{
    QStringList parts;
    try {
        const auto parsed = nlohmann::ordered_json::parse(json);   // outlives items(); keeps the plan order
        for (const auto& [key, value] : parsed.items())
            if (key != "architecture")
                parts.append(QString::fromStdString(key) + QLatin1Char('=')
                             + QString::fromStdString(value.is_string() ? value.get<std::string>()
                                                                        : value.dump()));
    } catch (const nlohmann::json::exception&) {
        return QString::fromStdString(json);
    }
    return parts.join(QStringLiteral(", "));
}

void SweepController::cancel() { cancel_.store(true); }

bool SweepController::start(const sweep::SweepPlan& plan, qint64 versionId, qint64 splitId,
                            const QString& name)
{
    if (thread_ || !session_->isOpen())
        return false;
    cancel_.store(false);
    const std::string folder = session_->folder().toStdString();
    thread_ = QThread::create([this, folder, plan, versionId, splitId, name = name.toStdString()]() {
        QElapsedTimer sinceProgress;
        sinceProgress.start();
        auto post = [this](auto f) { QMetaObject::invokeMethod(this, f, Qt::QueuedConnection); };
        try {
            // The worker's own connection: the GUI keeps reading through its own.
            auto project = store::Project::open(folder);
            sweep::SweepCallbacks callbacks;
            callbacks.cancel = &cancel_;
            callbacks.onSweepStarted = [&](store::Id id, int trials) {
                post([this, id, trials] { Q_EMIT sweepStarted(id, trials); });
            };
            callbacks.onTrialStarted = [&](const sweep::Trial& t, store::Id runId) {
                const QString text = assignmentText(t.assignmentJson);
                post([this, index = t.index, runId, text] { Q_EMIT trialStarted(index, runId, text); });
            };
            callbacks.onProgress = [&](int trial, std::int64_t step, std::int64_t total, int) {
                // Throttled: a queued event per batch would flood the GUI thread.
                if (step != total && sinceProgress.elapsed() < 50)
                    return;
                sinceProgress.restart();
                post([this, trial, step, total] { Q_EMIT trialProgress(trial, step, total); });
            };
            callbacks.onTrialFinished = [&](const sweep::TrialOutcome& o) {
                SweepTrialRow row{o.trial.index, o.runId, o.trial.architectureId,
                                  assignmentText(o.trial.assignmentJson), o.status, o.score,
                                  QString::fromStdString(o.error)};
                post([this, row] { Q_EMIT trialFinished(row); });
            };
            const sweep::SweepResult r =
                sweep::SweepRunner(project).run(plan, versionId, splitId, name, callbacks);
            const int best = r.best ? static_cast<int>(*r.best) : -1;
            const QString objective = QString::fromStdString(r.objective);
            post([this, id = r.sweepId, status = r.status, best, objective] {
                onWorkerDone();
                Q_EMIT finished(id, status, best, objective);
            });
        } catch (const std::exception& e) {
            const QString message = ErrorText::fromException(e);
            post([this, message] {
                onWorkerDone();
                Q_EMIT failed(message);
            });
        } catch (...) {
            // Anything escaping a QThread::create body would terminate the application.
            post([this] {
                onWorkerDone();
                Q_EMIT failed(tr("Unknown error."));
            });
        }
    });
    thread_->setObjectName(QStringLiteral("sweep"));
    thread_->start();
    return true;
}

void SweepController::onWorkerDone()
{
    // The body has returned by the time this queued call runs, or is about to: wait() is short.
    if (thread_) {
        thread_->wait();
        delete thread_;
        thread_ = nullptr;
    }
}

}  // namespace flightdeck::ui
