#include "architecture/LayerTableModel.h"

#include "architecture/ArchitectureDocument.h"

#include <QLocale>

namespace flightdeck::ui {

using flightdeck::model::LayerType;

LayerTableModel::LayerTableModel(ArchitectureDocument* document, QObject* parent)
    : QAbstractTableModel(parent), document_(document)
{
    connect(document_, &ArchitectureDocument::layersAboutToChange, this,
            [this] { beginResetModel(); });
    connect(document_, &ArchitectureDocument::layersChanged, this, [this] { endResetModel(); });
    connect(document_, &ArchitectureDocument::layerEdited, this, [this](int row) {
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
}

int LayerTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : document_->layerCount();
}

int LayerTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int LayerTableModel::typeCount()
{
    return static_cast<int>(LayerType::Dropout) + 1;
}

QString LayerTableModel::typeDisplayName(int type)
{
    switch (static_cast<LayerType>(type)) {
    case LayerType::Linear: return tr("Linear");
    case LayerType::ReLU: return tr("ReLU");
    case LayerType::Tanh: return tr("Tanh");
    case LayerType::Sigmoid: return tr("Sigmoid");
    case LayerType::GELU: return tr("GELU");
    case LayerType::Dropout: return tr("Dropout");
    }
    return {};
}

QVariant LayerTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= document_->layerCount())
        return {};
    const auto& layer = document_->layer(index.row());
    const bool linear = layer.type == LayerType::Linear;
    const bool dropout = layer.type == LayerType::Dropout;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TypeColumn: return typeDisplayName(static_cast<int>(layer.type));
        case UnitsColumn: return linear ? QVariant(QLocale().toString(layer.units)) : QVariant();
        case DropoutColumn: return dropout ? QVariant(QLocale().toString(layer.p, 'f', 2)) : QVariant();
        }
        break;
    case Qt::EditRole:
        switch (index.column()) {
        case TypeColumn: return static_cast<int>(layer.type);
        case UnitsColumn: return static_cast<qlonglong>(layer.units);
        case DropoutColumn: return layer.p;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == UnitsColumn && !linear)
            return tr("Only Linear layers have units");
        if (index.column() == DropoutColumn && !dropout)
            return tr("Only Dropout layers have a drop probability");
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != TypeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant LayerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case TypeColumn: return tr("Layer");
    case UnitsColumn: return tr("Units");
    case DropoutColumn: return tr("Dropout p");
    }
    return {};
}

Qt::ItemFlags LayerTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const auto type = document_->layer(index.row()).type;
    if (index.column() == TypeColumn || (index.column() == UnitsColumn && type == LayerType::Linear)
        || (index.column() == DropoutColumn && type == LayerType::Dropout))
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool LayerTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.row() >= document_->layerCount())
        return false;
    switch (index.column()) {
    case TypeColumn: {
        const int type = value.toInt();
        if (type < 0 || type >= typeCount())
            return false;
        document_->setLayerType(index.row(), static_cast<LayerType>(type));
        return true;
    }
    case UnitsColumn: {
        const qlonglong units = value.toLongLong();
        if (units < 1)
            return false;
        document_->setLayerUnits(index.row(), units);
        return true;
    }
    case DropoutColumn: {
        const double p = value.toDouble();
        if (p < 0.0 || p >= 1.0)
            return false;
        document_->setLayerDropout(index.row(), p);
        return true;
    }
    }
    return false;
}

void LayerTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

}  // namespace flightdeck::ui
