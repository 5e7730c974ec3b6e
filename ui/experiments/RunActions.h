#pragma once
// What the Experiments panel does to its selected runs: archive and restore (archived runs are
// hidden unless "Show archived" is on), delete after a confirmation (the run's rows and the
// objects only it used, through RunCurationRepository), export the table or the selected runs'
// curve as CSV, and "Rerun with changes": the run's recipe (Trainer::recipe from its last
// checkpoint, else its recorded parameters) goes to the Training form through rerunRequested.
// Every read and write runs on the store's TaskRunner.
#include "flightdeck/train/TrainConfig.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <functional>
#include <map>
#include <utility>

class QAction;
class QWidget;

namespace flightdeck::ui {

class ProjectSession;
class RunsTable;
class TaskRunner;

class RunActions : public QObject {
    Q_OBJECT
public:
    RunActions(ProjectSession* session, TaskRunner* runner, RunsTable* table,
               std::function<QString()> currentMetric, QWidget* parent);

    QAction* archiveAction() const { return archive_; }
    QAction* restoreAction() const { return restore_; }
    QAction* deleteAction() const { return delete_; }
    QAction* rerunAction() const { return rerun_; }
    QAction* exportTableAction() const { return exportTable_; }
    QAction* exportCurveAction() const { return exportCurve_; }

    void setArchived(const QList<qint64>& runIds, bool archived);
    // Asks first (a window-modal message box named "deleteRunsConfirm"), then deletes.
    void confirmAndDelete(const QList<qint64>& runIds);
    void deleteRuns(const QList<qint64>& runIds);
    void exportTable(const QString& path);
    // The current metric of the selected runs, every stored point.
    void exportCurve(const QString& path);
    void rerun(qint64 runId);
    // Writes a run's tags and note as edited in the table: one write at a time, of the newest
    // edits (two in flight could commit out of order).
    void saveCuration(qint64 runId, const QStringList& tags, const QString& note);
    bool isBusy() const { return busy_ > 0; }
    void updateEnabled();
    void retranslateUi();

Q_SIGNALS:
    void rerunRequested(qint64 runId, const flightdeck::train::TrainConfig& config);
    // A run was archived, restored or deleted: the panel reloads.
    void runsChanged();
    void exported(const QString& path);
    void failed(const QString& message);

private:
    void chooseFile(const QString& title, const QString& name, std::function<void(const QString&)> then);
    void finish();
    // A file export's outcome, the same for the run table and a curve.
    std::function<void()> exportDone(const QString& path);
    std::function<void(const QString&)> exportFailed();

    ProjectSession* session_;
    TaskRunner* runner_;
    RunsTable* table_;
    std::function<QString()> currentMetric_;
    QWidget* parent_;
    QAction* archive_;
    QAction* restore_;
    QAction* delete_;
    QAction* rerun_;
    QAction* exportTable_;
    QAction* exportCurve_;
    int busy_ = 0;
    std::map<qint64, std::pair<QStringList, QString>> unsavedCuration_;
    bool savingCuration_ = false;
};

}  // namespace flightdeck::ui
