#pragma once
// Experiments (compare): every run of the project in a table (RunsTable: sort by any column,
// regex filter, tags and notes edited in place, archived runs hidden unless shown); the
// selected runs' chosen metric overlaid in one plot, beside a parallel-coordinates plot, a
// scatter of any two columns and the parameters that differ (RunComparisonTabs); RunActions
// archives, deletes, exports CSV and sends a run's recipe to the Training form.
// Selecting a row makes it the session's current run (Evaluation and Export follow it).
//
// The GUI thread reads nothing from the project here: the rows, the metric keys and the curves
// (MetricSeriesStore) are read on the store's TaskRunner. The panel learns of new runs from the
// session's runsChanged and of a run trained in this process from the training stream; for runs
// another process writes, a change check (two indexed aggregates, on the runner) every two
// seconds tells whether anything changed before anything is read again.
#include "experiments/RunRowsLoader.h"
#include "experiments/RunsTable.h"

#include "flightdeck/train/TrainConfig.h"

#include <QTimer>
#include <QWidget>

#include <map>
#include <vector>

class QCheckBox;
class QSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;

namespace flightdeck::ui {

class StatusLine;
class MetricOverlayGroup;
class MetricOverlayPlot;
class RunActions;
class ParallelCoordinatesPlot;
class RunComparisonTabs;
class RunScatterPlot;
class MetricSeriesStore;
class ProjectSession;
class TaskRunner;

class ExperimentsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ExperimentsPanel(ProjectSession* session, QWidget* parent = nullptr);
    ~ExperimentsPanel() override;

    // Reloads the run list from the project on the runner (finished runs are cached).
    void refresh();
    QList<qint64> selectedRunIds() const;
    // Selects these runs in the table (the overlay follows).
    void selectRuns(const QList<qint64>& runIds);
    QString currentMetric() const;
    void setCurrentMetric(const QString& key);
    // Filters the table by a regular expression (as typed in the filter field); false when
    // the expression is not valid (the filter then stays as it was).
    bool setFilter(const QString& pattern);
    MetricOverlayPlot* overlay() const;
    RunsTable* table() const { return table_; }
    RunComparisonTabs* comparison() const { return comparison_; }
    ParallelCoordinatesPlot* parallelCoordinates() const;
    RunScatterPlot* scatter() const;
    // A refresh, key or change-check read is in flight (tests wait on it).
    bool isBusy() const;
    RunActions* actions() const { return actions_; }
    static constexpr int kChangeCheckMs = 2000;

Q_SIGNALS:
    void rowsLoaded();
    // "Rerun with changes": the run's recipe for the Training form (the session's dataset
    // version, split and architecture are already the run's).
    void rerunRequested(qint64 runId, const flightdeck::train::TrainConfig& config);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void clearAll();
    void applyRows(const RunRows& loaded);
    void checkForChanges();
    void updateSummary();
    void onSelectionChanged();
    void updateOverlay();
    void updateComparison();
    void showError(const QString& message);
    QString runLabel(qint64 runId) const;

    ProjectSession* session_;
    RunsTable* table_ = nullptr;

    QLineEdit* filterEdit_ = nullptr;
    QCheckBox* showArchived_ = nullptr;
    QLabel* atStepLabel_ = nullptr;
    QSpinBox* atStepBox_ = nullptr;   // metrics at one step too (0: off)
    QTimer atStepTimer_;
    RunActions* actions_ = nullptr;
    QLabel* filterLabel_ = nullptr;
    QLabel* summaryLabel_ = nullptr;
    StatusLine* errorLabel_ = nullptr;
    QPushButton* refreshButton_ = nullptr;
    MetricOverlayGroup* plotGroup_ = nullptr;
    RunComparisonTabs* comparison_ = nullptr;
    MetricSeriesStore* store_;
    TaskRunner* runner_;
    QTimer changeTimer_;
    ChangeSignature lastSignature_;
    bool haveSignature_ = false;
    bool refreshing_ = false, refreshAgain_ = false, checking_ = false;
    int pendingReads_ = 0;
    // Finished runs never change, so their rows are read once per project.
    std::map<qint64, RunRow> cache_;
};

}  // namespace flightdeck::ui
