#include "experiments/RunFilterProxy.h"

#include "experiments/RunTableModel.h"

namespace flightdeck::ui {

RunFilterProxy::RunFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(RunTableModel::SortRole);
    setDynamicSortFilter(true);
    collator_.setNumericMode(true);   // run-2 before run-10
    collator_.setCaseSensitivity(Qt::CaseInsensitive);
}

bool RunFilterProxy::setPattern(const QString& pattern)
{
    QRegularExpression expression(pattern, QRegularExpression::CaseInsensitiveOption
                                               | QRegularExpression::MultilineOption);
    if (!expression.isValid())
        return false;
    expression.optimize();
    pattern_ = std::move(expression);
    invalidateRowsFilter();
    return true;
}

void RunFilterProxy::setShowArchived(bool show)
{
    if (show == showArchived_)
        return;
    showArchived_ = show;
    invalidateRowsFilter();
}

bool RunFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!showArchived_ && index.data(RunTableModel::ArchivedRole).toBool())
        return false;
    if (pattern_.pattern().isEmpty())
        return true;
    return pattern_.match(index.data(RunTableModel::FilterTextRole).toString()).hasMatch();
}

bool RunFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const QVariant a = left.data(RunTableModel::SortRole), b = right.data(RunTableModel::SortRole);
    if (!a.isValid() || !b.isValid())
        return !a.isValid() && b.isValid();
    const bool an = a.typeId() == QMetaType::Double, bn = b.typeId() == QMetaType::Double;
    if (an && bn)
        return a.toDouble() < b.toDouble();
    if (an != bn)
        return an;   // numbers before text in a column that mixes them
    return collator_.compare(a.toString(), b.toString()) < 0;
}

}  // namespace flightdeck::ui
