#include "data/PreviewModel.h"

#include "common/NumberText.h"

namespace flightdeck::ui {

void PreviewModel::setPreview(const DatasetPreview& preview)
{
    beginResetModel();
    preview_ = preview;
    endResetModel();
}

void PreviewModel::clear()
{
    setPreview({});
}

void PreviewModel::relocalize()
{
    if (rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::DisplayRole});
}

int PreviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(preview_.rows.size());
}

int PreviewModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(preview_.headers.size());
}

QVariant PreviewModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= preview_.rows.size())
        return {};
    const QVariantList& row = preview_.rows.at(index.row());
    if (index.column() >= row.size())
        return {};
    const bool isLabel = index.column() == preview_.headers.size() - 1;
    const QVariant& cell = row.at(index.column());
    if (role == Qt::DisplayRole)
        return cell.typeId() == QMetaType::Double ? NumberText::value(cell.toDouble()) : cell.toString();
    if (role == Qt::TextAlignmentRole && !isLabel)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant PreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return section < preview_.headers.size() ? QVariant(preview_.headers.at(section)) : QVariant();
}

}  // namespace flightdeck::ui
