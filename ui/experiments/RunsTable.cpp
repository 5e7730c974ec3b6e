#include "experiments/RunsTable.h"

#include "experiments/RunFilterProxy.h"
#include "experiments/RunTableModel.h"

#include <QHeaderView>
#include <QItemSelectionModel>

#include <algorithm>

namespace flightdeck::ui {

RunsTable::RunsTable(QWidget* parent)
    : QTableView(parent), model_(new RunTableModel(this)), proxy_(new RunFilterProxy(this))
{
    setObjectName(QStringLiteral("runsTable"));
    proxy_->setSourceModel(model_);
    setModel(proxy_);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    setAlternatingRowColors(true);
    setSortingEnabled(true);
    setWordWrap(false);
    verticalHeader()->setVisible(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // Sizing columns to their contents looks at this many rows, not at all 1,000.
    horizontalHeader()->setResizeContentsPrecision(200);
    sortByColumn(0, Qt::DescendingOrder);   // newest first

    // A change of columns resets the model; the selection is put back by run id.
    connect(model_, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        beforeReset_ = selectedRunIds();
        const QModelIndex current = currentIndex();
        currentBeforeReset_ = current.isValid() ? runIdAt(current.row()) : 0;
    });
    connect(model_, &QAbstractItemModel::modelReset, this, [this] {
        restoreSelection(beforeReset_, currentBeforeReset_);
    });
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!filling_)
            Q_EMIT selectedRunsChanged();
    });
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (filling_ || !current.isValid())
                    return;
                // A click moves the current index before Qt applies its selection command
                // (Ctrl toggles, Shift extends). The session answers with selectRun(); it must
                // not clear and reselect now, or Ctrl+click toggles the reselected row off.
                activating_ = true;
                Q_EMIT currentRunActivated(runIdAt(current.row()));
                activating_ = false;
            });
}

void RunsTable::retranslateUi()
{
    model_->retranslate();
    // Another language's texts have other widths ("completed" / "abgeschlossen").
    if (columnsSized_)
        sizeColumns();
}

void RunsTable::sizeColumns()
{
    resizeColumnsToContents();
    const int cap = fontMetrics().horizontalAdvance(QLatin1Char('x')) * 28;
    for (int c = 0; c < model_->columnCount(); ++c)
        setColumnWidth(c, std::min(columnWidth(c), cap));
    columnsSized_ = true;
}

const std::vector<RunRow>& RunsTable::rows() const { return model_->rows(); }

int RunsTable::rowCount() const { return proxy_->rowCount(); }

qint64 RunsTable::runIdAt(int viewRow) const
{
    return proxy_->index(viewRow, 0).data(RunTableModel::RunIdRole).toLongLong();
}

int RunsTable::viewRowOf(qint64 runId) const
{
    const int source = model_->sourceRowOf(runId);
    if (source < 0)
        return -1;
    const QModelIndex index = proxy_->mapFromSource(model_->index(source, 0));
    return index.isValid() ? index.row() : -1;
}

QList<qint64> RunsTable::selectedRunIds() const
{
    QList<int> viewRows;
    for (const QModelIndex& index : selectionModel()->selectedRows(0))
        viewRows.append(index.row());
    std::sort(viewRows.begin(), viewRows.end());
    QList<qint64> ids;
    for (int row : viewRows)
        ids.append(runIdAt(row));
    return ids;
}

QList<qint64> RunsTable::shownRunIds() const
{
    QList<qint64> ids;
    for (int row = 0; row < proxy_->rowCount(); ++row)
        ids.append(runIdAt(row));
    return ids;
}

void RunsTable::setRows(std::vector<RunRow> rows)
{
    const QList<qint64> before = selectedRunIds();
    filling_ = true;
    model_->setRows(std::move(rows));
    if (!columnsSized_ && model_->rowCount() > 0)   // once, so a user's widths survive reloads
        sizeColumns();
    filling_ = false;
    if (selectedRunIds() != before)
        Q_EMIT selectedRunsChanged();
}

void RunsTable::restoreSelection(const QList<qint64>& ids, qint64 currentId)
{
    const bool wasFilling = std::exchange(filling_, true);
    QItemSelection selection;
    for (const qint64 id : ids) {
        const int row = viewRowOf(id);
        if (row >= 0)
            selection.select(proxy_->index(row, 0), proxy_->index(row, proxy_->columnCount() - 1));
    }
    const int currentRow = viewRowOf(currentId);
    if (currentRow >= 0)
        selectionModel()->setCurrentIndex(proxy_->index(currentRow, 0), QItemSelectionModel::NoUpdate);
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    filling_ = wasFilling;
}

void RunsTable::selectRuns(const QList<qint64>& runIds)
{
    const QList<qint64> before = selectedRunIds();
    restoreSelection(runIds, runIds.isEmpty() ? 0 : runIds.front());
    if (selectedRunIds() != before)
        Q_EMIT selectedRunsChanged();
}

void RunsTable::selectRun(qint64 runId)
{
    if (activating_ || selectedRunIds().contains(runId))
        return;
    const int row = viewRowOf(runId);
    if (row < 0)
        return;
    filling_ = true;   // the session already knows: don't echo currentRunActivated
    selectionModel()->setCurrentIndex(proxy_->index(row, 0),
                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    filling_ = false;
    scrollTo(proxy_->index(row, 0));
    Q_EMIT selectedRunsChanged();
}

}  // namespace flightdeck::ui
