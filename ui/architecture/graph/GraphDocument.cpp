#include "architecture/graph/GraphDocument.h"

#include "architecture/RenameCommand.h"

#include "common/ErrorText.h"

#include "architecture/graph/GraphClipboard.h"
#include "architecture/graph/GraphLayout.h"
#include "architecture/graph/GraphNodeFields.h"
#include "architecture/graph/GraphNodeText.h"
#include "architecture/graph/GraphWiring.h"
#include "architecture/graph/commands/AddRemoveNodes.h"
#include "architecture/graph/commands/EditNode.h"
#include "architecture/graph/commands/GraphCommandIds.h"
#include "architecture/graph/commands/GraphWide.h"
#include "architecture/graph/commands/MoveNodes.h"

#include <QUndoStack>

#include <algorithm>
#include <exception>
#include <memory>

namespace flightdeck::ui {

using flightdeck::model::GraphSpec;
using flightdeck::model::NodeSpec;
using flightdeck::model::NodeType;

namespace {

std::string str(const QString& s)
{
    return s.toStdString();
}

}  // namespace

GraphDocument::GraphDocument(QObject* parent) : QObject(parent), undoStack_(new QUndoStack(this))
{
    undoStack_->setObjectName(QStringLiteral("graphUndoStack"));
    inferShapes();
}

const NodeSpec* GraphDocument::node(const QString& id) const
{
    return graph_.node(str(id));
}

QPointF GraphDocument::position(const QString& id) const
{
    const auto it = graph_.layout.find(str(id));
    return it == graph_.layout.end() ? QPointF() : QPointF(it->second.first, it->second.second);
}

QString GraphDocument::name() const
{
    return QString::fromStdString(graph_.name);
}

QStringList GraphDocument::nodeIds() const
{
    QStringList ids;
    for (const auto& node : graph_.nodes)
        ids << QString::fromStdString(node.id);
    return ids;
}

int GraphDocument::nodeIndex(const QString& id) const
{
    for (std::size_t i = 0; i < graph_.nodes.size(); ++i)
        if (graph_.nodes[i].id == str(id))
            return static_cast<int>(i);
    return -1;
}

void GraphDocument::setInputShape(const std::vector<std::int64_t>& shape, std::int64_t classes)
{
    if (shape == input_ && classes == classes_)
        return;
    input_ = shape;
    classes_ = classes;
    inferShapes();
    Q_EMIT shapesChanged();
}

QString GraphDocument::addNode(NodeType type, QPointF pos)
{
    if (readOnly_)
        return {};
    NodeSpec node = defaultNode(type);
    node.id = graph_.freshId(type);
    const QString id = QString::fromStdString(node.id);
    undoStack_->push(new GraphAddNodesCommand(
        this, {{static_cast<int>(graph_.nodes.size()), node, pos}},
        tr("Add %1").arg(QString::fromLatin1(flightdeck::model::nodeTypeLabel(type)))));
    return id;
}

void GraphDocument::removeNodes(const QStringList& ids)
{
    if (readOnly_)
        return;
    auto command = std::make_unique<GraphRemoveNodesCommand>(this, ids);
    if (!command->isEmpty())
        undoStack_->push(command.release());
}

void GraphDocument::moveNodes(const QStringList& ids, QPointF delta, int dragId)
{
    if (delta.isNull() || readOnly_)
        return;
    std::map<QString, QPointF> before, after;
    for (const QString& id : ids)
        if (node(id)) {
            before[id] = position(id);
            after[id] = position(id) + delta;
        }
    if (!before.empty())
        undoStack_->push(new GraphMoveNodesCommand(this, before, after, dragId,
                                                   tr("Move %n node(s)", nullptr, int(before.size()))));
}

void GraphDocument::setPositions(const std::map<QString, QPointF>& positions, const QString& text)
{
    if (readOnly_)
        return;
    std::map<QString, QPointF> before, after;
    for (const auto& [id, pos] : positions)
        if (node(id) && position(id) != pos) {
            before[id] = position(id);
            after[id] = pos;
        }
    if (!before.empty())
        undoStack_->push(new GraphMoveNodesCommand(this, before, after, 0, text));
}

QString GraphDocument::setField(const QString& id, const QString& field, const QString& jsonValue,
                                int burstId)
{
    const NodeSpec* current = node(id);
    if (!current)
        return tr("There is no node \"%1\".").arg(id);
    if (readOnly_)
        return tr("This graph is read-only.");
    NodeSpec after;
    QString error;
    if (!nodeWithField(*current, field, jsonValue, &after, &error))
        return error;
    if (sameFields(after, *current))
        return {};
    undoStack_->push(new GraphSetFieldCommand(this, id, field, *current, after, burstId,
                                              tr("Change %1 of %2").arg(field, id)));
    return {};
}

QString GraphDocument::fieldValue(const QString& id, const QString& field) const
{
    const NodeSpec* current = node(id);
    return current ? fieldText(*current, field) : QString();
}

bool GraphDocument::canConnect(const QString& fromId, const QString& toId, int port) const
{
    return !readOnly_ && flightdeck::ui::canConnect(graph_, str(fromId), str(toId), port);
}

bool GraphDocument::connectNodes(const QString& fromId, const QString& toId, int port)
{
    if (!canConnect(fromId, toId, port))
        return false;
    const auto& before = node(toId)->inputs;
    const auto after = inputsWith(before, str(fromId), port);
    if (after == before)
        return false;
    undoStack_->push(new GraphSetInputsCommand(this, {{toId, before, after}},
                                               tr("Connect %1 to %2").arg(fromId, toId)));
    return true;
}

void GraphDocument::disconnectInput(const QString& toId, int port)
{
    const NodeSpec* to = node(toId);
    if (readOnly_ || !to || port < 0 || port >= static_cast<int>(to->inputs.size()))
        return;
    undoStack_->push(new GraphSetInputsCommand(this, {{toId, to->inputs, inputsWithout(to->inputs, port)}},
                                               tr("Disconnect input %1 of %2").arg(port + 1).arg(toId)));
}

bool GraphDocument::reconnected(const QString& toId, int port, const QString& newToId, int newPort,
                                GraphSpec* after) const
{
    const NodeSpec* to = node(toId);
    if (readOnly_ || !to || port < 0 || port >= static_cast<int>(to->inputs.size())
        || (newToId == toId && newPort == port))
        return false;
    const std::string fromId = to->inputs[static_cast<std::size_t>(port)];
    *after = graph_;
    NodeSpec* detached = after->node(str(toId));
    detached->inputs = inputsWithout(detached->inputs, port);
    if (newToId.isEmpty())
        return true;
    if (newToId == toId && newPort > port)
        --newPort;   // the ports after the old end moved down
    if (!flightdeck::ui::canConnect(*after, fromId, str(newToId), newPort))
        return false;
    NodeSpec* target = after->node(str(newToId));
    target->inputs = inputsWith(target->inputs, fromId, newPort);
    return after->node(str(toId))->inputs != to->inputs || newToId != toId;
}

bool GraphDocument::canReconnect(const QString& toId, int port, const QString& newToId, int newPort) const
{
    GraphSpec after;
    return reconnected(toId, port, newToId, newPort, &after);
}

bool GraphDocument::reconnectInput(const QString& toId, int port, const QString& newToId, int newPort)
{
    GraphSpec after;
    if (!reconnected(toId, port, newToId, newPort, &after))
        return false;
    std::vector<GraphInputsChange> changes{{toId, node(toId)->inputs, after.node(str(toId))->inputs}};
    if (!newToId.isEmpty() && newToId != toId)
        changes.push_back({newToId, node(newToId)->inputs, after.node(str(newToId))->inputs});
    const QString fromId = QString::fromStdString(node(toId)->inputs[static_cast<std::size_t>(port)]);
    undoStack_->push(new GraphSetInputsCommand(
        this, std::move(changes),
        newToId.isEmpty() ? tr("Disconnect input %1 of %2").arg(port + 1).arg(toId)
                          : tr("Connect %1 to %2").arg(fromId, newToId)));
    return true;
}

QString GraphDocument::copy(const QStringList& ids) const
{
    return copyNodes(graph_, ids);
}

QStringList GraphDocument::paste(const QString& json, QPointF offset, QString* error)
{
    std::vector<GraphNodeEntry> entries;
    if (readOnly_ || !pasteEntries(graph_, json, offset, &entries, error))
        return {};
    QStringList ids;
    for (const auto& entry : entries)
        ids << QString::fromStdString(entry.node.id);
    if (!entries.empty())
        undoStack_->push(new GraphAddNodesCommand(this, std::move(entries),
                                                  tr("Paste %n node(s)", nullptr, int(ids.size()))));
    return ids;
}

void GraphDocument::replace(const GraphSpec& graph, const QString& text)
{
    if (readOnly_)
        return;
    undoStack_->push(new GraphReplaceCommand(this, graph_, withLayout(graph), text));
}

void GraphDocument::rename(const QString& name)
{
    if (name != this->name() && !readOnly_)
        undoStack_->push(
            new RenameCommandOf<GraphDocument, GraphRenameCommandId>(this, this->name(), name));
}

void GraphDocument::reset(const GraphSpec& graph)
{
    setGraphRaw(withLayout(graph));
    undoStack_->clear();
}

void GraphDocument::insertNodeRaw(int index, const NodeSpec& node, QPointF pos)
{
    index = std::clamp(index, 0, static_cast<int>(graph_.nodes.size()));
    graph_.nodes.insert(graph_.nodes.begin() + index, node);
    graph_.layout[node.id] = {pos.x(), pos.y()};
    const QString id = QString::fromStdString(node.id);
    Q_EMIT nodeAdded(id);
    for (std::size_t port = 0; port < node.inputs.size(); ++port)
        Q_EMIT edgeAdded(QString::fromStdString(node.inputs[port]), id, static_cast<int>(port));
    graphEdited();
}

void GraphDocument::removeNodeRaw(const QString& id)
{
    const int index = nodeIndex(id);
    if (index < 0)
        return;
    setInputsRaw(id, {});
    graph_.nodes.erase(graph_.nodes.begin() + index);
    graph_.layout.erase(str(id));
    Q_EMIT nodeRemoved(id);
    graphEdited();
}

void GraphDocument::setInputsRaw(const QString& id, const std::vector<std::string>& inputs)
{
    NodeSpec* target = graph_.node(str(id));
    if (!target || target->inputs == inputs)
        return;
    const std::vector<std::string> before = target->inputs;
    target->inputs = inputs;
    // Removals first, so a view keyed by (node, port) never holds two edges for one port.
    for (std::size_t port = 0; port < before.size(); ++port)
        if (port >= inputs.size() || inputs[port] != before[port])
            Q_EMIT edgeRemoved(QString::fromStdString(before[port]), id, static_cast<int>(port));
    for (std::size_t port = 0; port < inputs.size(); ++port)
        if (port >= before.size() || inputs[port] != before[port])
            Q_EMIT edgeAdded(QString::fromStdString(inputs[port]), id, static_cast<int>(port));
    graphEdited();
}

void GraphDocument::setNodeRaw(const QString& id, const NodeSpec& node)
{
    NodeSpec* target = graph_.node(str(id));
    if (!target)
        return;
    const auto inputs = target->inputs;
    *target = node;
    target->id = str(id);
    target->inputs = inputs;
    Q_EMIT nodeChanged(id);
    graphEdited();
}

void GraphDocument::setPositionRaw(const QString& id, QPointF pos)
{
    if (!node(id))
        return;
    graph_.layout[str(id)] = {pos.x(), pos.y()};
    Q_EMIT nodeMoved(id, pos);
    Q_EMIT changed();
}

void GraphDocument::setNameRaw(const QString& name)
{
    graph_.name = str(name);
    Q_EMIT nameChanged(name);
    Q_EMIT changed();
}

void GraphDocument::setGraphRaw(const GraphSpec& graph)
{
    const bool renamed = graph.name != graph_.name;
    graph_ = graph;
    Q_EMIT graphReset();
    if (renamed)
        Q_EMIT nameChanged(name());
    graphEdited();
}

void GraphDocument::beginBatch()
{
    ++batchDepth_;
}

void GraphDocument::endBatch()
{
    if (--batchDepth_ == 0 && batchDirty_) {
        batchDirty_ = false;
        graphEdited();
    }
}

void GraphDocument::graphEdited()
{
    if (batchDepth_ > 0) {
        batchDirty_ = true;
        return;
    }
    inferShapes();
    Q_EMIT shapesChanged();
    Q_EMIT changed();
}

void GraphDocument::inferShapes()
{
    try {
        shapes_ = flightdeck::model::inferGraph(graph_, input_, classes_);
    } catch (const std::exception& e) {
        // inferGraph reports problems rather than throwing; this is a last line of defence.
        shapes_ = {};
        shapes_.problems.push_back({std::string(), -1, ErrorText::fromException(e).toStdString()});
    }
}

}  // namespace flightdeck::ui
