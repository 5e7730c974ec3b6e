#include "training/SweepResultsTree.h"

#include "common/RunStatusText.h"
#include "training/SweepController.h"

#include <QHeaderView>
#include <QLocale>

namespace flightdeck::ui {

SweepResultsTree::SweepResultsTree(QWidget* parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("sweepResultsTree"));
    setColumnCount(ColCount);
    setRootIsDecorated(false);
    header()->setSectionResizeMode(ColParameters, QHeaderView::Stretch);
    retranslateUi();
}

void SweepResultsTree::addTrial(const SweepTrialRow& row)
{
    auto* item = new QTreeWidgetItem(this);
    item->setText(ColTrial, QString::number(row.trial + 1));
    item->setText(ColRun, row.runId > 0 ? QStringLiteral("#%1").arg(row.runId) : QStringLiteral("–"));
    item->setData(ColRun, Qt::UserRole, row.runId);
    item->setText(ColArchitecture, QStringLiteral("#%1").arg(row.architectureId));
    item->setText(ColParameters, row.assignment);
    item->setText(ColStatus, RunStatusText::text(row.status));
    item->setData(ColStatus, Qt::UserRole, static_cast<int>(row.status));   // retranslated from it
    item->setToolTip(ColStatus, row.error);
    item->setText(ColScore, row.score ? QLocale().toString(*row.score, 'f', 4) : QStringLiteral("–"));
    item->setTextAlignment(ColScore, Qt::AlignRight | Qt::AlignVCenter);
}

bool SweepResultsTree::markBest(int row)
{
    QTreeWidgetItem* item = topLevelItem(row);
    if (!item)
        return false;
    QFont bold = item->font(0);
    bold.setBold(true);
    for (int c = 0; c < ColCount; ++c)
        item->setFont(c, bold);
    item->setText(ColTrial, QStringLiteral("★ ") + item->text(ColTrial));
    return true;
}

qint64 SweepResultsTree::runOf(int row) const
{
    const QTreeWidgetItem* item = topLevelItem(row);
    return item ? item->data(ColRun, Qt::UserRole).toLongLong() : 0;
}

QString SweepResultsTree::runText(int row) const
{
    const QTreeWidgetItem* item = topLevelItem(row);
    return item ? item->text(ColRun) : QString();
}

QString SweepResultsTree::scoreText(int row) const
{
    const QTreeWidgetItem* item = topLevelItem(row);
    return item ? item->text(ColScore) : QString();
}

void SweepResultsTree::retranslateUi()
{
    setHeaderLabels({tr("Trial"), tr("Run"), tr("Architecture"), tr("Parameters"), tr("Status"), tr("Score")});
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = topLevelItem(i);
        item->setText(ColStatus, RunStatusText::text(static_cast<store::RunStatus>(item->data(ColStatus, Qt::UserRole).toInt())));
    }
}

}  // namespace flightdeck::ui
