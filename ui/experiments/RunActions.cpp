#include "experiments/RunActions.h"

#include "common/ErrorText.h"
#include "common/ProjectSession.h"
#include "common/TaskRunner.h"
#include "experiments/RunCsv.h"
#include "experiments/RunTableModel.h"
#include "experiments/RunsTable.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunCurationRepository.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/Trainer.h"

#include <QAction>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QPushButton>

namespace flightdeck::ui {

namespace {

// A run without a checkpoint still recorded its config as parameters (toParams: JSON values,
// strings bare), which trainConfigFromJson reads back.
train::TrainConfig recipeOf(store::Project& project, qint64 runId)
{
    try {
        return train::Trainer(project).recipe(runId);
    } catch (const Error& e) {
        if (e.code() != ErrorCode::InvalidArgument)
            throw;
    }
    QJsonObject object;
    for (const auto& [key, value] : store::RunRepository(project).params(runId)) {
        const QByteArray text = QByteArray::fromStdString(value);
        const QJsonDocument parsed = QJsonDocument::fromJson("[" + text + "]");
        object.insert(QString::fromStdString(key),
                      parsed.isArray() ? parsed.array().at(0) : QJsonValue(QString::fromUtf8(text)));
    }
    return train::trainConfigFromJson(QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString());
}

}  // namespace

RunActions::RunActions(ProjectSession* session, TaskRunner* runner, RunsTable* table,
                       std::function<QString()> currentMetric, QWidget* parent)
    : QObject(parent),
      session_(session),
      runner_(runner),
      table_(table),
      currentMetric_(std::move(currentMetric)),
      parent_(parent),
      archive_(new QAction(parent)),
      restore_(new QAction(parent)),
      delete_(new QAction(parent)),
      rerun_(new QAction(parent)),
      exportTable_(new QAction(parent)),
      exportCurve_(new QAction(parent))
{
    // What is under way belongs to the project closed: the runner drops it without a call, and
    // tags typed for that project's runs are not saved into the next one.
    connect(session_, &ProjectSession::projectClosed, this, [this] {
        busy_ = 0;
        savingCuration_ = false;
        unsavedCuration_.clear();
    });
    archive_->setObjectName(QStringLiteral("actionArchiveRuns"));
    restore_->setObjectName(QStringLiteral("actionRestoreRuns"));
    delete_->setObjectName(QStringLiteral("actionDeleteRuns"));
    rerun_->setObjectName(QStringLiteral("actionRerunWithChanges"));
    exportTable_->setObjectName(QStringLiteral("actionExportRunTable"));
    exportCurve_->setObjectName(QStringLiteral("actionExportCurve"));
    delete_->setShortcut(QKeySequence::Delete);
    delete_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(archive_, &QAction::triggered, this, [this] { setArchived(table_->selectedRunIds(), true); });
    connect(restore_, &QAction::triggered, this, [this] { setArchived(table_->selectedRunIds(), false); });
    connect(delete_, &QAction::triggered, this, [this] { confirmAndDelete(table_->selectedRunIds()); });
    connect(rerun_, &QAction::triggered, this, [this] {
        if (const QList<qint64> ids = table_->selectedRunIds(); ids.size() == 1)
            rerun(ids.front());
    });
    connect(exportTable_, &QAction::triggered, this, [this] {
        chooseFile(tr("Export the run table"), QStringLiteral("runs.csv"), [this](const QString& p) { exportTable(p); });
    });
    connect(exportCurve_, &QAction::triggered, this, [this] {
        QString name = currentMetric_();
        name.replace(QLatin1Char('/'), QLatin1Char('_'));
        chooseFile(tr("Export the curve"), name + QStringLiteral(".csv"), [this](const QString& p) { exportCurve(p); });
    });
    retranslateUi();
    updateEnabled();
}

void RunActions::retranslateUi()
{
    archive_->setText(tr("Archive"));
    archive_->setToolTip(tr("Hide the selected runs from the table (Show archived brings them back)"));
    restore_->setText(tr("Unarchive"));
    restore_->setToolTip(tr("Show the selected archived runs again"));
    delete_->setText(tr("Delete…"));
    delete_->setToolTip(tr("Delete the selected runs with their metrics and models"));
    rerun_->setText(tr("Rerun with changes"));
    rerun_->setToolTip(tr("Put the selected run's recipe into the Training form"));
    exportTable_->setText(tr("Export table…"));
    exportTable_->setToolTip(tr("Save the rows shown as CSV"));
    exportCurve_->setText(tr("Export curve…"));
    exportCurve_->setToolTip(tr("Save every point of the metric of the selected runs as CSV"));
}

void RunActions::updateEnabled()
{
    const QList<qint64> ids = table_->selectedRunIds();
    bool anyArchived = false, anyShown = false;
    for (const qint64 id : ids)
        if (const RunRow* row = table_->runModel()->rowOf(id))
            (row->archived ? anyArchived : anyShown) = true;
    archive_->setEnabled(anyShown);
    restore_->setEnabled(anyArchived);
    delete_->setEnabled(!ids.isEmpty());
    rerun_->setEnabled(ids.size() == 1);
    exportTable_->setEnabled(table_->rowCount() > 0);
    exportCurve_->setEnabled(!ids.isEmpty());
}

void RunActions::finish()
{
    --busy_;
}

void RunActions::chooseFile(const QString& title, const QString& name,
                            std::function<void(const QString&)> then)
{
    auto* dialog = new QFileDialog(parent_, title);
    dialog->setObjectName(QStringLiteral("experimentsExportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters({tr("CSV files (*.csv)"), tr("All files (*)")});
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    if (session_->isOpen())
        dialog->setDirectory(session_->folder());
    dialog->selectFile(name);
    connect(dialog, &QFileDialog::fileSelected, this, std::move(then));
    dialog->open();
}

void RunActions::setArchived(const QList<qint64>& runIds, bool archived)
{
    if (runIds.isEmpty())
        return;
    ++busy_;
    runner_->run(
        archived ? tr("Archiving runs") : tr("Unarchiving runs"), this,
        [runIds, archived](store::Project& project, const std::atomic<bool>&) {
            store::RunCurationRepository curation(project);
            for (const qint64 id : runIds)
                curation.setArchived(id, archived);
        },
        [this] {
            finish();
            Q_EMIT runsChanged();
        },
        [this](const QString& message) {
            finish();
            Q_EMIT failed(message);
            Q_EMIT runsChanged();
        });
}

void RunActions::confirmAndDelete(const QList<qint64>& runIds)
{
    if (runIds.isEmpty())
        return;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Delete runs"),
                                tr("Delete %n run(s) with their metrics, checkpoints and models? "
                                   "This cannot be undone; archiving hides runs instead.", "",
                                   static_cast<int>(runIds.size())),
                                QMessageBox::NoButton, parent_);
    box->setObjectName(QStringLiteral("deleteRunsConfirm"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    QPushButton* yes = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("deleteRunsButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, yes, runIds](QAbstractButton* clicked) {
        if (clicked == yes)
            deleteRuns(runIds);
        box->close();
    });
    box->open();
}

void RunActions::deleteRuns(const QList<qint64>& runIds)
{
    ++busy_;
    runner_->run(
        tr("Deleting runs"), this,
        [runIds](store::Project& project, const std::atomic<bool>&) {
            store::RunCurationRepository curation(project);
            for (const qint64 id : runIds)
                curation.deleteRun(id);
        },
        [this, runIds] {
            finish();
            if (runIds.contains(session_->currentRunId()))
                session_->setCurrentRun(0);
            session_->notifyRunsChanged();   // Evaluation and Export forget them too
            Q_EMIT runsChanged();
        },
        [this](const QString& message) {
            finish();
            Q_EMIT failed(message);
            Q_EMIT runsChanged();
        });
}

std::function<void()> RunActions::exportDone(const QString& path)
{
    return [this, path] {
        finish();
        Q_EMIT exported(path);
    };
}

std::function<void(const QString&)> RunActions::exportFailed()
{
    return [this](const QString& message) {
        finish();
        Q_EMIT failed(message);
    };
}

void RunActions::exportTable(const QString& path)
{
    // Built here from the rows in memory (a few ms for 1,000 runs); only the write goes out.
    const QString text = runTableCsv(*table_->model(), *table_->runModel());
    ++busy_;
    runner_->runDetached(
        tr("Exporting the run table"), this, [path, text](const std::atomic<bool>&) { writeTextFile(path, text); },
        exportDone(path), exportFailed());
}

void RunActions::exportCurve(const QString& path)
{
    std::vector<std::pair<qint64, QString>> runs;
    for (const qint64 id : table_->selectedRunIds())
        if (const RunRow* row = table_->runModel()->rowOf(id))
            runs.emplace_back(id, QString::fromStdString(row->run.name));
    const std::string key = currentMetric_().toStdString();
    ++busy_;
    runner_->run(
        tr("Exporting the curve"), this,
        [runs, key, path](store::Project& project, const std::atomic<bool>& cancel) {
            writeCurveCsv(project, runs, key, path, cancel);
        },
        exportDone(path), exportFailed());
}

void RunActions::rerun(qint64 runId)
{
    const RunRow* row = table_->runModel()->rowOf(runId);
    if (!row)
        return;
    const store::RunRecord record = row->run;
    ++busy_;
    runner_->run(
        tr("Reading the run's recipe"), this,
        [runId](store::Project& project, const std::atomic<bool>&) {
            train::TrainConfig config = recipeOf(project, runId);
            config.runName.clear();   // a new run gets its own name
            return config;
        },
        [this, runId, record](const train::TrainConfig& config) {
            finish();
            // The same data and network: the recipe is only half of what the run trained on.
            if (record.versionId > 0)
                session_->setCurrentVersion(record.versionId);
            if (record.splitId > 0)
                session_->setCurrentSplit(record.splitId);
            if (record.architectureId > 0)
                session_->setCurrentArchitecture(record.architectureId);
            Q_EMIT rerunRequested(runId, config);
        },
        [this](const QString& message) {
            finish();
            Q_EMIT failed(message);
        });
}

void RunActions::saveCuration(qint64 runId, const QStringList& tags, const QString& note)
{
    unsavedCuration_[runId] = {tags, note};
    if (savingCuration_)
        return;
    std::map<qint64, std::pair<std::vector<std::string>, std::string>> edits;
    for (const auto& [id, edit] : std::exchange(unsavedCuration_, {})) {
        std::vector<std::string> tagList;
        for (const QString& tag : edit.first)
            tagList.push_back(tag.toStdString());
        edits[id] = {tagList, edit.second.toStdString()};
    }
    savingCuration_ = true;
    ++busy_;
    const auto done = [this] {
        savingCuration_ = false;
        finish();
        if (!unsavedCuration_.empty()) {
            const auto next = *unsavedCuration_.begin();
            saveCuration(next.first, next.second.first, next.second.second);
        }
    };
    runner_->run(
        tr("Saving tags and note"), this,
        [edits](store::Project& project, const std::atomic<bool>&) {
            store::RunCurationRepository curation(project);
            for (const auto& [id, edit] : edits) {
                curation.setTags(id, edit.first);
                curation.setNote(id, edit.second);
            }
        },
        done,
        [this, done](const QString& message) {
            done();
            Q_EMIT failed(message);
            Q_EMIT runsChanged();   // the table shows what the project holds
        });
}

}  // namespace flightdeck::ui
