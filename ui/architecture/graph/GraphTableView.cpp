#include "architecture/graph/GraphTableView.h"

#include "architecture/graph/GraphScene.h"
#include "architecture/graph/GraphTableModel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QTimer>

#include <algorithm>

namespace flightdeck::ui {

GraphTableView::GraphTableView(GraphDocument* document, GraphScene* scene, QWidget* parent)
    : QTableView(parent), scene_(scene), model_(new GraphTableModel(document, this))
{
    setObjectName(QStringLiteral("graphTable"));
    setModel(model_);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setStretchLastSection(true);
    fitColumns();

    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this, &GraphTableView::selectionToScene);
    connect(scene_, &QGraphicsScene::selectionChanged, this, &GraphTableView::selectionFromScene);
    // Rows come and go with undo; keep the selection the canvas has.
    connect(model_, &QAbstractItemModel::modelReset, this, [this] {
        // After the document has inferred the new graph's shapes (it resets views first).
        QTimer::singleShot(0, this, &GraphTableView::fitColumns);
        selectionFromScene();
    });
    connect(model_, &QAbstractItemModel::rowsInserted, this, &GraphTableView::selectionFromScene);
}

void GraphTableView::fitColumns()
{
    // A whole new graph: each column as wide as what it shows, within reason (the problem
    // column takes the rest); between resets the user's widths stay.
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    for (int column = 0; column < GraphTableModel::ProblemColumn; ++column) {
        resizeColumnToContents(column);
        setColumnWidth(column, std::clamp(columnWidth(column), 4 * em, 14 * em));
    }
}

void GraphTableView::selectionToScene()
{
    if (syncing_)
        return;
    QStringList ids;
    for (const QModelIndex& index : selectionModel()->selectedRows())
        ids << model_->nodeId(index.row());
    syncing_ = true;
    scene_->selectNodes(ids);
    syncing_ = false;
}

void GraphTableView::selectionFromScene()
{
    if (syncing_)
        return;
    QItemSelection selection;
    for (const QString& id : scene_->selectedNodeIds()) {
        const int row = model_->rowOf(id);
        if (row >= 0)
            selection.select(model_->index(row, 0), model_->index(row, GraphTableModel::ColumnCount - 1));
    }
    syncing_ = true;
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!selection.isEmpty()) {
        selectionModel()->setCurrentIndex(selection.first().topLeft(), QItemSelectionModel::NoUpdate);
        scrollTo(selection.first().topLeft());
    }
    syncing_ = false;
}

}  // namespace flightdeck::ui
