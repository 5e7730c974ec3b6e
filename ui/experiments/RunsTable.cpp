#include "experiments/RunsTable.h"

#include "common/RunStatusText.h"

#include <QDateTime>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace flightdeck::ui {

namespace {

constexpr int kRunIdRole = Qt::UserRole;
constexpr int kSortRole = Qt::UserRole + 1;

// Sorts by a key stored in kSortRole (numbers numerically, text locale-aware) so that
// durations, dates and metrics sort by value rather than by their display text.
class SortItem : public QTableWidgetItem {
public:
    using QTableWidgetItem::QTableWidgetItem;
    bool operator<(const QTableWidgetItem& other) const override {
        const QVariant a = data(kSortRole), b = other.data(kSortRole);
        if (a.typeId() == QMetaType::Double && b.typeId() == QMetaType::Double)
            return a.toDouble() < b.toDouble();
        return QString::localeAwareCompare(a.toString(), b.toString()) < 0;
    }
};

// Colour says at a glance which runs need attention.
QColor statusColour(store::RunStatus status)
{
    switch (status) {
    case store::RunStatus::Running: return QColor(0x1f, 0x77, 0xb4);
    case store::RunStatus::Completed: return QColor(0x2c, 0x8a, 0x2c);
    case store::RunStatus::Failed: return QColor(0xc6, 0x28, 0x28);
    case store::RunStatus::Interrupted: return QColor(0xb0, 0x6a, 0x00);
    case store::RunStatus::Cancelled: break;
    }
    return QColor(0x80, 0x80, 0x80);
}

SortItem* textItem(const QString& text) {
    auto* item = new SortItem(text);
    item->setData(kSortRole, text);
    return item;
}

SortItem* numberItem(const QString& text, double sortKey) {
    auto* item = new SortItem(text);
    item->setData(kSortRole, sortKey);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

double parseNumber(const QString& text) {
    bool ok = false;
    const double v = text.toDouble(&ok);
    return ok ? v : -std::numeric_limits<double>::infinity();
}

}  // namespace

RunsTable::RunsTable(QWidget* parent) : QTableWidget(parent) {
    setObjectName(QStringLiteral("runsTable"));
    setColumnCount(ColumnCount);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setSortingEnabled(true);
    setWordWrap(false);
    verticalHeader()->setVisible(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setSortIndicator(ColId, Qt::DescendingOrder);

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
    retranslateUi();
}

void RunsTable::retranslateUi() {
    setHorizontalHeaderLabels({tr("ID"), tr("Name"), tr("Status"), tr("Dataset"),
                               tr("Architecture"), tr("Epochs"), tr("Learning rate"),
                               tr("Batch"), tr("Val accuracy"), tr("Val loss"), tr("Device"),
                               tr("Started"), tr("Duration")});
    horizontalHeaderItem(ColDataset)->setToolTip(tr("Dataset version hash (prefix)"));
    horizontalHeaderItem(ColValAccuracy)->setToolTip(tr("Last recorded val/accuracy"));
    horizontalHeaderItem(ColValLoss)->setToolTip(tr("Last recorded val/loss"));
    if (!rows_.empty())
        fill();
}

QString RunsTable::paramValue(const std::map<std::string, std::string>& params,
                              std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
        const auto it = params.find(key);
        if (it != params.end())
            return QString::fromStdString(it->second);
    }
    return {};
}


QString RunsTable::durationText(double seconds) const {
    const qint64 s = static_cast<qint64>(std::llround(std::max(0.0, seconds)));
    if (s < 60) return tr("%1 s").arg(s);
    if (s < 3600) return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

qint64 RunsTable::runIdAt(int row) const {
    const QTableWidgetItem* it = item(row, ColId);
    return it ? it->data(kRunIdRole).toLongLong() : 0;
}

QList<qint64> RunsTable::selectedRunIds() const {
    QList<qint64> ids;
    const QModelIndexList selected = selectionModel()->selectedRows(ColId);
    QList<int> rowsInOrder;
    for (const QModelIndex& index : selected)
        rowsInOrder.append(index.row());
    std::sort(rowsInOrder.begin(), rowsInOrder.end());
    for (int row : rowsInOrder)
        ids.append(runIdAt(row));
    return ids;
}

void RunsTable::setRows(const std::vector<RunRow>& rows) {
    rows_ = rows;
    fill();
}

void RunsTable::fill() {
    const QList<qint64> before = selectedRunIds();
    const QModelIndex current = currentIndex();
    const qint64 currentId = current.isValid() ? runIdAt(current.row()) : 0;
    const QSet<qint64> selectedBefore(before.begin(), before.end());

    filling_ = true;
    setSortingEnabled(false);
    clearContents();
    setRowCount(static_cast<int>(rows_.size()));
    const QLocale locale;
    const double now = static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    int row = 0;
    for (const RunRow& r : rows_) {
        const auto& run = r.run;
        auto* id = numberItem(QString::number(run.id), static_cast<double>(run.id));
        id->setData(kRunIdRole, static_cast<qlonglong>(run.id));
        setItem(row, ColId, id);
        setItem(row, ColName, textItem(QString::fromStdString(run.name)));

        auto* status = textItem(RunStatusText::text(run.status));
        status->setForeground(statusColour(run.status));
        if (!run.error.empty()) status->setToolTip(QString::fromStdString(run.error));
        setItem(row, ColStatus, status);

        auto* dataset = textItem(r.datasetHash.left(10));
        dataset->setToolTip(r.datasetHash);
        setItem(row, ColDataset, dataset);
        setItem(row, ColArchitecture, textItem(r.architecture));

        const QString epochs = paramValue(r.params, {"epochs", "num_epochs"});
        const QString lr = paramValue(r.params, {"learning_rate", "lr", "learningRate"});
        const QString batch = paramValue(r.params, {"batch_size", "batchSize", "batch"});
        setItem(row, ColEpochs, numberItem(epochs, parseNumber(epochs)));
        setItem(row, ColLearningRate, numberItem(lr, parseNumber(lr)));
        setItem(row, ColBatch, numberItem(batch, parseNumber(batch)));

        const double missing = -std::numeric_limits<double>::infinity();
        setItem(row, ColValAccuracy,
                r.valAccuracy ? numberItem(locale.toString(*r.valAccuracy * 100.0, 'f', 2)
                                               + QStringLiteral(" %"), *r.valAccuracy)
                              : numberItem(QString(), missing));
        setItem(row, ColValLoss,
                r.valLoss ? numberItem(locale.toString(*r.valLoss, 'f', 4), *r.valLoss)
                          : numberItem(QString(), missing));
        setItem(row, ColDevice, textItem(QString::fromStdString(run.device)));

        const QDateTime started =
            QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(run.startedAt * 1000.0));
        auto* startedItem = numberItem(locale.toString(started, QLocale::ShortFormat),
                                       run.startedAt);
        startedItem->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        setItem(row, ColStarted, startedItem);
        const double end = run.endedAt ? *run.endedAt : (run.status == store::RunStatus::Running ? now : 0);
        if (end > 0)
            setItem(row, ColDuration,
                    numberItem(durationText(end - run.startedAt), end - run.startedAt));
        else
            setItem(row, ColDuration, numberItem(QString(), missing));
        ++row;
    }
    setSortingEnabled(true);   // re-sorts by the current indicator
    if (!columnsSized_ && rowCount() > 0) {   // once, so a user's column widths survive reloads
        resizeColumnsToContents();
        columnsSized_ = true;
    }

    QItemSelection selection;
    int currentRow = -1;
    for (int i = 0; i < rowCount(); ++i) {
        const qint64 id = runIdAt(i);
        if (selectedBefore.contains(id))
            selection.select(model()->index(i, 0), model()->index(i, ColumnCount - 1));
        if (id == currentId)
            currentRow = i;
    }
    if (currentRow >= 0)
        selectionModel()->setCurrentIndex(model()->index(currentRow, 0),
                                          QItemSelectionModel::NoUpdate);
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    filling_ = false;
    if (selectedRunIds() != before)
        Q_EMIT selectedRunsChanged();
}

void RunsTable::selectRun(qint64 runId) {
    if (activating_ || selectedRunIds().contains(runId))
        return;
    for (int i = 0; i < rowCount(); ++i) {
        if (runIdAt(i) == runId) {
            filling_ = true;   // the session already knows: don't echo currentRunActivated
            selectionModel()->setCurrentIndex(
                model()->index(i, 0),
                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            filling_ = false;
            scrollToItem(item(i, 0));
            Q_EMIT selectedRunsChanged();
            return;
        }
    }
}

}  // namespace flightdeck::ui
