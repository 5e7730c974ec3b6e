#include "architecture/graph/GraphTableModel.h"

#include "architecture/graph/GraphDocument.h"
#include "architecture/graph/GraphNodeFields.h"
#include "architecture/graph/GraphNodeText.h"
#include "common/StatusLine.h"

#include <QColor>
#include <QLocale>

#include <functional>
#include <map>
#include <queue>
#include <vector>

namespace flightdeck::ui {

using flightdeck::model::NodeType;

GraphTableModel::GraphTableModel(GraphDocument* document, QObject* parent)
    : QAbstractTableModel(parent), document_(document)
{
    setObjectName(QStringLiteral("graphTableModel"));
    connect(document_, &GraphDocument::nodeAdded, this, &GraphTableModel::nodeAdded);
    connect(document_, &GraphDocument::nodeRemoved, this, &GraphTableModel::nodeRemoved);
    connect(document_, &GraphDocument::nodeChanged, this, &GraphTableModel::rowChanged);
    connect(document_, &GraphDocument::edgeAdded, this,
            [this](const QString&, const QString& toId, int) { edgesChanged(toId); });
    connect(document_, &GraphDocument::edgeRemoved, this,
            [this](const QString&, const QString& toId, int) { edgesChanged(toId); });
    connect(document_, &GraphDocument::graphReset, this, &GraphTableModel::reset);
    connect(document_, &GraphDocument::shapesChanged, this, [this] {
        // Every shape may change with one edit: one signal for the whole table, not a reset.
        if (!rows_.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(rows_.size()) - 1, ColumnCount - 1));
    });
    rows_ = order();
}

QStringList GraphTableModel::order() const
{
    // Kahn's algorithm taking the ready node that comes first in the spec: an edit that does
    // not change the edges never moves a row. Nodes on a cycle (validation reports it) follow
    // in spec order.
    const auto& nodes = document_->graph().nodes;
    std::map<std::string, int> indexOf;
    for (int i = 0; i < int(nodes.size()); ++i)
        indexOf[nodes[std::size_t(i)].id] = i;
    std::vector<int> waiting(nodes.size(), 0);
    std::vector<std::vector<int>> consumers(nodes.size());
    for (int i = 0; i < int(nodes.size()); ++i)
        for (const auto& input : nodes[std::size_t(i)].inputs)
            if (const auto it = indexOf.find(input); it != indexOf.end()) {
                ++waiting[std::size_t(i)];
                consumers[std::size_t(it->second)].push_back(i);
            }
    std::priority_queue<int, std::vector<int>, std::greater<int>> ready;
    for (int i = 0; i < int(nodes.size()); ++i)
        if (waiting[std::size_t(i)] == 0)
            ready.push(i);
    QStringList ids;
    std::vector<bool> placed(nodes.size(), false);
    while (!ready.empty()) {
        const int i = ready.top();
        ready.pop();
        placed[std::size_t(i)] = true;
        ids << QString::fromStdString(nodes[std::size_t(i)].id);
        for (int c : consumers[std::size_t(i)])
            if (--waiting[std::size_t(c)] == 0)
                ready.push(c);
    }
    for (int i = 0; i < int(nodes.size()); ++i)
        if (!placed[std::size_t(i)])
            ids << QString::fromStdString(nodes[std::size_t(i)].id);
    return ids;
}

void GraphTableModel::nodeAdded(const QString& id)
{
    if (rows_.contains(id))
        return;
    const QStringList after = order();
    QStringList others = after;
    others.removeOne(id);
    if (others == rows_) {
        const int row = int(after.indexOf(id));
        beginInsertRows({}, row, row);
        rows_ = after;
        endInsertRows();
        return;
    }
    beginInsertRows({}, int(rows_.size()), int(rows_.size()));
    rows_ << id;
    endInsertRows();
    reorder();
}

void GraphTableModel::nodeRemoved(const QString& id)
{
    const int row = int(rows_.indexOf(id));
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    rows_.removeAt(row);
    endRemoveRows();
    reorder();
}

void GraphTableModel::edgesChanged(const QString& toId)
{
    reorder();
    rowChanged(toId);   // its Inputs cell
}

void GraphTableModel::rowChanged(const QString& id)
{
    const int row = int(rows_.indexOf(id));
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void GraphTableModel::reorder()
{
    const QStringList after = order();
    if (after == rows_ || after.size() != rows_.size())
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QModelIndexList moved;
    for (const QModelIndex& old : before) {
        const int row = int(after.indexOf(rows_.value(old.row())));
        moved << (row < 0 ? QModelIndex() : index(row, old.column()));
    }
    rows_ = after;
    changePersistentIndexList(before, moved);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void GraphTableModel::reset()
{
    beginResetModel();
    rows_ = order();
    endResetModel();
}

QString GraphTableModel::nodeId(int row) const
{
    return rows_.value(row);
}

int GraphTableModel::rowOf(const QString& id) const
{
    return int(rows_.indexOf(id));
}

int GraphTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

int GraphTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GraphTableModel::data(const QModelIndex& index, int role) const
{
    // A view asks for many roles per cell on every repaint: answer the unused ones at once
    // and look up only what the asked cell shows.
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole
        && role != Qt::ForegroundRole && role != Qt::TextAlignmentRole && role != NodeIdRole)
        return {};
    if (!index.isValid() || index.model() != this || index.row() >= rows_.size())
        return {};
    const QString id = rows_.at(index.row());
    const auto* node = document_->node(id);
    if (!node)
        return {};
    const int column = index.column();
    if (role == NodeIdRole)
        return id;
    if (role == Qt::TextAlignmentRole)
        return column == ParametersColumn || column == FlopsColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                                                   : QVariant();
    const auto& shapes = document_->shapes();
    const auto problems = [&] {
        QStringList list;
        if (const auto it = shapes.nodes.find(node->id); it != shapes.nodes.end() && !it->second.error.empty())
            list << QString::fromStdString(it->second.error);
        for (const auto& p : shapes.problems)
            if (p.node == node->id && !list.contains(QString::fromStdString(p.message)))
                list << QString::fromStdString(p.message);
        return list;
    };
    const auto shape = [&]() -> const flightdeck::model::NodeShape* {
        const auto it = shapes.nodes.find(node->id);
        return it == shapes.nodes.end() ? nullptr : &it->second;
    };
    const QString field = column == FieldsColumn ? mainField(node->type) : QString();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NodeColumn: return id;
        case TypeColumn: return QString::fromLatin1(flightdeck::model::nodeTypeLabel(node->type));
        case InputsColumn: {
            QStringList inputs;
            for (const auto& input : node->inputs)
                inputs << QString::fromStdString(input);
            return inputs.join(QStringLiteral(", "));
        }
        case FieldsColumn: return nodeSummary(*node, document_->inputShape());
        case OutputColumn: {
            const auto* s = shape();
            return s && !s->output.empty() ? shapeLabel(s->output) : QString();
        }
        case ParametersColumn: {
            const auto* s = shape();
            return s && s->parameters > 0 ? QLocale().toString(qlonglong(s->parameters)) : QString();
        }
        case FlopsColumn: {
            const auto* s = shape();
            return s && s->flops > 0 ? compactCount(s->flops) : QString();
        }
        case ProblemColumn: return problems().value(0);
        }
        break;
    case Qt::EditRole:
        if (!field.isEmpty())
            return fieldText(*node, field);
        break;
    case Qt::ToolTipRole:
        if (column == ProblemColumn) {
            const QStringList list = problems();
            return list.isEmpty() ? QVariant() : QVariant(list.join(QLatin1Char('\n')));
        }
        if (!field.isEmpty())
            return tr("%1 = %2 (double-click to change it)").arg(field, fieldText(*node, field));
        break;
    case Qt::ForegroundRole:
        if ((column == NodeColumn || column == ProblemColumn) && !problems().isEmpty())
            return StatusLine::color(StatusLine::Kind::Error);
        break;
    default: break;
    }
    return {};
}

QVariant GraphTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == FieldsColumn)
        return tr("The node's key fields; double-click to change the first (units, channels, "
                  "kernel, p, ...). The inspector has all of them.");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NodeColumn: return tr("Node");
    case TypeColumn: return tr("Layer");
    case InputsColumn: return tr("Inputs");
    case FieldsColumn: return tr("Fields");
    case OutputColumn: return tr("Output");
    case ParametersColumn: return tr("Parameters");
    case FlopsColumn: return tr("FLOPs");
    case ProblemColumn: return tr("Problem");
    }
    return {};
}

Qt::ItemFlags GraphTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= rows_.size())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    const auto* node = document_->node(rows_.at(index.row()));
    if (index.column() == FieldsColumn && node && !document_->isReadOnly()
        && !mainField(node->type).isEmpty())
        f |= Qt::ItemIsEditable;
    return f;
}

bool GraphTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const QString id = rows_.at(index.row());
    const QString error =
        document_->setField(id, mainField(document_->node(id)->type), value.toString().trimmed());
    if (!error.isEmpty()) {
        Q_EMIT editRefused(error);
        return false;
    }
    return true;   // the document's nodeChanged emitted dataChanged
}

void GraphTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

}  // namespace flightdeck::ui
