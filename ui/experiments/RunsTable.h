#pragma once
// The experiments table: a view over RunTableModel through RunFilterProxy (sort by any column,
// regex filter, archived runs hidden unless shown). Tags and notes are edited in place.
// Selection survives reloads and re-sorting (rows are matched by run id).
#include "experiments/RunRow.h"

#include <QList>
#include <QString>
#include <QTableView>

#include <vector>

namespace flightdeck::ui {

class RunFilterProxy;
class RunTableModel;

class RunsTable : public QTableView {
    Q_OBJECT
public:
    explicit RunsTable(QWidget* parent = nullptr);

    // Replaces the rows, keeping the sort order, the filter, the selection and the current run.
    void setRows(std::vector<RunRow> rows);
    const std::vector<RunRow>& rows() const;
    // Rows shown (after the filter and the archived toggle).
    int rowCount() const;
    RunTableModel* runModel() const { return model_; }
    RunFilterProxy* proxy() const { return proxy_; }
    // Selected run ids, in the order the rows are shown.
    QList<qint64> selectedRunIds() const;
    // The run ids in the order the rows are shown.
    QList<qint64> shownRunIds() const;
    // Selects exactly these runs (those shown); the first becomes current.
    void selectRuns(const QList<qint64>& runIds);
    // Makes `runId` current and selected unless it is already selected or the table itself
    // is making it current (a click, whose selection Qt applies afterwards).
    void selectRun(qint64 runId);
    void retranslateUi();

Q_SIGNALS:
    void selectedRunsChanged();
    void currentRunActivated(qint64 runId);

private:
    qint64 runIdAt(int viewRow) const;
    int viewRowOf(qint64 runId) const;
    void restoreSelection(const QList<qint64>& ids, qint64 currentId);
    void sizeColumns();

    RunTableModel* model_;
    RunFilterProxy* proxy_;
    bool filling_ = false;
    bool activating_ = false;   // the table itself made a run current (a click in progress)
    bool columnsSized_ = false;
    QList<qint64> beforeReset_;
    qint64 currentBeforeReset_ = 0;
};

}  // namespace flightdeck::ui
