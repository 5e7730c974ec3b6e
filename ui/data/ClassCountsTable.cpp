#include "data/ClassCountsTable.h"

#include <QHeaderView>
#include <QLocale>

namespace flightdeck::ui {

ClassCountsTable::ClassCountsTable(QWidget* parent) : QTableWidget(0, 3, parent)
{
    setObjectName(QStringLiteral("classCountsTable"));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    verticalHeader()->setVisible(false);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    retranslateUi();
}

void ClassCountsTable::setCounts(const QList<QPair<QString, qint64>>& counts, qint64 totalRows,
                                 qint64 unlabeled)
{
    const QLocale locale;
    auto rows = counts;
    if (unlabeled > 0)
        rows.append({tr("(unlabeled)"), unlabeled});
    setRowCount(static_cast<int>(rows.size()));
    int row = 0;
    for (const auto& [name, count] : rows) {
        const double share = totalRows > 0 ? 100.0 * double(count) / double(totalRows) : 0.0;
        setItem(row, 0, new QTableWidgetItem(name));
        auto* countItem = new QTableWidgetItem(locale.toString(count));
        countItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        setItem(row, 1, countItem);
        auto* shareItem = new QTableWidgetItem(tr("%1 %").arg(locale.toString(share, 'f', 1)));
        shareItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        setItem(row, 2, shareItem);
        ++row;
    }
    if (unlabeled > 0)
        item(row - 1, 0)->setFont([f = font()]() mutable { f.setItalic(true); return f; }());
}

void ClassCountsTable::clearCounts()
{
    setRowCount(0);
}

void ClassCountsTable::retranslateUi()
{
    setHorizontalHeaderLabels({tr("Class"), tr("Rows"), tr("Share")});
}

}  // namespace flightdeck::ui
