#include "data/SplitTable.h"

#include "common/ErrorText.h"

#include "common/NumberText.h"
#include "common/ProjectSession.h"

#include "flightdeck/store/DatasetRepository.h"

#include <QHeaderView>
#include <QLocale>
#include <QSignalBlocker>

#include <algorithm>
#include <exception>

namespace flightdeck::ui {

namespace {
enum Column { IdColumn, SeedColumn, FractionsColumn, TrainColumn, ValColumn, TestColumn, ColumnCount };
}

SplitTable::SplitTable(ProjectSession* session, QWidget* parent)
    : QTableWidget(0, ColumnCount, parent), session_(session)
{
    setObjectName(QStringLiteral("splitTable"));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    verticalHeader()->setVisible(false);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    connect(this, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row < 0 || !item(row, IdColumn))
            return;
        Q_EMIT splitChosen(item(row, IdColumn)->data(Qt::UserRole).toLongLong());
    });
    retranslateUi();
}

QString SplitTable::reload(qint64 versionId)
{
    const QSignalBlocker block(this);
    setRowCount(0);
    if (!session_->isOpen() || versionId <= 0)
        return {};
    try {
        flightdeck::store::DatasetRepository repo(session_->project());
        const auto splits = repo.splits(versionId);
        setRowCount(static_cast<int>(splits.size()));
        const QLocale locale;
        int row = 0;
        for (const auto& split : splits) {
            auto* id = new QTableWidgetItem(tr("#%1").arg(split.id));
            id->setData(Qt::UserRole, static_cast<qlonglong>(split.id));
            setItem(row, IdColumn, id);
            setItem(row, SeedColumn, new QTableWidgetItem(QString::number(split.seed)));
            setItem(row, FractionsColumn,
                    new QTableWidgetItem(QStringLiteral("%1 / %2 / %3")
                                             .arg(NumberText::decimal(split.trainFraction, 2),
                                                  NumberText::decimal(split.valFraction, 2),
                                                  NumberText::decimal(split.testFraction, 2))));
            setItem(row, TrainColumn, new QTableWidgetItem(locale.toString(split.trainCount)));
            setItem(row, ValColumn, new QTableWidgetItem(locale.toString(split.valCount)));
            setItem(row, TestColumn, new QTableWidgetItem(locale.toString(split.testCount)));
            for (int c = TrainColumn; c <= TestColumn; ++c)
                item(row, c)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            ++row;
        }
    } catch (const std::exception& e) {
        return ErrorText::fromException(e);
    }
    selectSplit(session_->currentSplitId());
    return {};
}

void SplitTable::selectSplit(qint64 splitId)
{
    const QSignalBlocker block(this);
    for (int row = 0; row < rowCount(); ++row) {
        if (item(row, IdColumn)->data(Qt::UserRole).toLongLong() == splitId) {
            setCurrentCell(row, IdColumn);
            selectRow(row);
            return;
        }
    }
    clearSelection();
    setCurrentCell(-1, -1);
}

qint64 SplitTable::newestSplitId() const
{
    qint64 newest = 0;
    for (int row = 0; row < rowCount(); ++row)
        newest = std::max<qint64>(newest, item(row, IdColumn)->data(Qt::UserRole).toLongLong());
    return newest;
}

bool SplitTable::contains(qint64 splitId) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (item(row, IdColumn)->data(Qt::UserRole).toLongLong() == splitId)
            return true;
    }
    return false;
}

void SplitTable::retranslateUi()
{
    setHorizontalHeaderLabels({tr("Split"), tr("Seed"), tr("Train / val / test"), tr("Train rows"),
                               tr("Val rows"), tr("Test rows")});
}

}  // namespace flightdeck::ui
