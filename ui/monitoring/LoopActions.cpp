#include "monitoring/LoopActions.h"

#include "common/ProjectSession.h"
#include "common/StatusLine.h"

#include "common/NumberText.h"
#include "common/TaskRunner.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/export/BundleExporter.h"
#include "flightdeck/loop/FreshData.h"
#include "flightdeck/loop/Retrain.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include <cmath>

namespace flightdeck::ui {

namespace {

// The deployed model (ModelRegistry::deployed): {run, name}.
std::pair<store::Id, std::string> deployed(store::Project& project)
{
    const auto m = store::ModelRegistry(project).deployed();
    if (!m)
        throw Error(ErrorInfo{ErrorCode::NotFound, {}, 0, "deployed model",
                              "a registered model (export a run first)"});
    return {m->runId, m->name};
}

// What each step of the loop hands back to the panel.
struct SentToLabeling {
    store::Id run = 0;
    QString name;
    store::Id version = 0;
    qint64 records = 0, labeled = 0;
};

struct Retrained {
    store::Id run = 0;
    bool completed = false;
    qint64 added = 0;
    double oldTestOld = 0, oldTestNew = 0, freshOld = 0, freshNew = 0;
    qint64 freshRows = 0, oldRows = 0;
};

struct Promoted {
    store::Id id = 0;
    int version = 0;
};

QString percent(double v)
{
    return std::isfinite(v) ? NumberText::percent(v) : QStringLiteral("–");
}

}  // namespace

LoopActions::LoopActions(ProjectSession* session, TaskRunner* runner, QWidget* parent)
    : QWidget(parent), session_(session), runner_(runner), labelButton_(new QPushButton(this)),
      retrainButton_(new QPushButton(this)), promoteButton_(new QPushButton(this)), status_(new StatusLine(this))
{
    setObjectName(QStringLiteral("loopActions"));
    labelButton_->setObjectName(QStringLiteral("sendToLabelingButton"));
    retrainButton_->setObjectName(QStringLiteral("retrainButton"));
    promoteButton_->setObjectName(QStringLiteral("promoteButton"));
    status_->setObjectName(QStringLiteral("loopStatusLabel"));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(labelButton_);
    row->addWidget(retrainButton_);
    row->addWidget(promoteButton_);
    row->addWidget(status_, 1);
    connect(labelButton_, &QPushButton::clicked, this, &LoopActions::sendToLabeling);
    connect(retrainButton_, &QPushButton::clicked, this, &LoopActions::retrain);
    connect(promoteButton_, &QPushButton::clicked, this, &LoopActions::promote);
    const auto reset = [this] {
        busy_ = false;   // a step under way belongs to the project closed: the runner drops it
        deployedRun_ = freshVersion_ = newRun_ = 0;
        say(QString());
        updateButtons();
    };
    connect(session_, &ProjectSession::projectOpened, this, reset);
    connect(session_, &ProjectSession::projectClosed, this, reset);
    retranslateUi();
    updateButtons();
}

void LoopActions::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LoopActions::retranslateUi()
{
    labelButton_->setText(tr("Send to labeling"));
    labelButton_->setToolTip(tr("The records of the selected time range (or the whole log) become a new "
                                "dataset version, derived from the deployed model's training data, "
                                "most uncertain first; labels come from the ground-truth file if one is chosen."));
    retrainButton_->setText(tr("Retrain"));
    retrainButton_->setToolTip(tr("Train the deployed run's recipe on its data plus the labeled rows of the "
                                  "version sent to labeling, and compare old and new models."));
    promoteButton_->setText(tr("Promote"));
    promoteButton_->setToolTip(tr("Export the retrained model and move the \"production\" alias to it."));
}

void LoopActions::setLog(const QString& path)
{
    // A failure was about the last log; a result stays, since Retrain and Promote act on it.
    if (path != log_ && status_->isError() && !busy_)
        say(QString());
    log_ = path;
    updateButtons();
}

void LoopActions::setGroundTruth(const QString& path) { truth_ = path; }

void LoopActions::setRange(std::optional<std::pair<double, double>> range) { range_ = range; }

QString LoopActions::statusText() const { return status_->message(); }

void LoopActions::updateButtons()
{
    const bool open = session_->isOpen() && !busy_;
    labelButton_->setEnabled(open && !log_.isEmpty());
    retrainButton_->setEnabled(open && freshVersion_ > 0);
    promoteButton_->setEnabled(open && newRun_ > 0);
}

void LoopActions::say(const QString& text, bool error)
{
    status_->showMessage(text, error ? StatusLine::Kind::Error : StatusLine::Kind::Info);
}

void LoopActions::sendToLabeling()
{
    if (!session_->isOpen() || log_.isEmpty() || busy_)
        return;
    busy_ = true;
    updateButtons();
    loop::FreshDataOptions options;
    if (range_) {
        options.from = range_->first;
        options.to = range_->second;
    }
    options.groundTruth = truth_.toStdString();
    const std::string log = log_.toStdString();
    runner_->run(tr("Sending records to labeling"), this,
        [log, options](store::Project& project, const std::atomic<bool>&) {
            const auto [run, name] = deployed(project);
            const auto version = store::RunRepository(project).run(run).versionId;
            const auto fresh = loop::logToDatasetVersion(project, log, version, options);
            return SentToLabeling{run, QString::fromStdString(name), fresh.version.id, qint64(fresh.records),
                                  qint64(fresh.labeled)};
        },
        [this](const SentToLabeling& sent) {
            busy_ = false;
            deployedRun_ = sent.run;
            modelName_ = sent.name;
            freshVersion_ = sent.version;
            newRun_ = 0;
            say(tr("Version %1: %2 records (%3 labeled) from the log, for labeling.")
                    .arg(freshVersion_).arg(NumberText::count(sent.records))
                    .arg(NumberText::count(sent.labeled)));
            updateButtons();
            Q_EMIT freshVersionReady(freshVersion_);
        },
        [this](const QString& message) {
            busy_ = false;
            say(tr("Send to labeling failed: %1").arg(message), true);
            updateButtons();
        });
}

void LoopActions::retrain()
{
    if (!session_->isOpen() || freshVersion_ <= 0 || busy_)
        return;
    busy_ = true;
    updateButtons();
    const store::Id from = deployedRun_, add = freshVersion_;
    runner_->runWithProgress(tr("Retraining"), this,
        [from, add](store::Project& project, TaskRunner::Progress& progress) {
            loop::RetrainOptions options;
            options.callbacks.cancel = &progress.cancelFlag();
            options.callbacks.onProgress = [&progress](std::int64_t step, std::int64_t total, int) {
                progress.report(step, total);
            };
            const auto r = loop::retrain(project, from, add, options);
            Retrained out;
            out.run = r.newRun;
            out.completed = r.status == store::RunStatus::Completed;
            out.added = qint64(r.addedRows);
            out.oldTestOld = r.oldTest.oldAccuracy;
            out.oldTestNew = r.oldTest.newAccuracy;
            out.freshOld = r.freshTest.oldAccuracy;
            out.freshNew = r.freshTest.newAccuracy;
            out.freshRows = qint64(r.freshTest.rows);
            out.oldRows = qint64(r.oldTest.rows);
            return out;
        },
        [this](const Retrained& r) {
            busy_ = false;
            if (!r.completed) {
                say(tr("Retraining was cancelled."), true);
                updateButtons();
                return;
            }
            newRun_ = r.run;
            say(tr("Run %1 (+%2 labeled rows): fresh rows %3 → %4 (%5 rows), old test rows %6 → %7 (%8 rows).")
                    .arg(newRun_).arg(NumberText::count(r.added))
                    .arg(percent(r.freshOld), percent(r.freshNew))
                    .arg(NumberText::count(r.freshRows))
                    .arg(percent(r.oldTestOld), percent(r.oldTestNew))
                    .arg(NumberText::count(r.oldRows)));
            updateButtons();
            Q_EMIT retrained(newRun_);
        },
        [this](const QString& message) {
            busy_ = false;
            say(tr("Retraining failed: %1").arg(message), true);
            updateButtons();
        });
}

void LoopActions::promote()
{
    if (!session_->isOpen() || newRun_ <= 0 || busy_)
        return;
    busy_ = true;
    updateButtons();
    const store::Id run = newRun_;
    const std::string name = modelName_.isEmpty() ? std::string("model") : modelName_.toStdString();
    // The registry's history says why: the comparison the user saw.
    const std::string reason = ("retrained from run " + QString::number(deployedRun_) + " in the loop: "
                                + status_->message()).toStdString();
    runner_->run(tr("Promoting the retrained model"), this,
        [run, name, reason](store::Project& project, const std::atomic<bool>&) {
            const auto bundle = exporting::BundleExporter(project).exportRun(run, name);
            store::ModelRegistry(project).promote(name, bundle.version, "production", {}, reason);
            return Promoted{bundle.registeredModelId, bundle.version};
        },
        [this](const Promoted& p) {
            busy_ = false;
            say(tr("%1 v%2 is now \"production\".").arg(modelName_).arg(p.version));
            newRun_ = 0;
            updateButtons();
            Q_EMIT promoted(p.id);
        },
        [this](const QString& message) {
            busy_ = false;
            say(tr("Promote failed: %1").arg(message), true);
            updateButtons();
        });
}

}  // namespace flightdeck::ui
