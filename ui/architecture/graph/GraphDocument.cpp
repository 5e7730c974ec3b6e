#include "architecture/graph/GraphDocument.h"

#include "architecture/RenameCommand.h"

#include "architecture/graph/GraphLayout.h"
#include "architecture/graph/GraphNodeText.h"
#include "architecture/graph/commands/AddRemoveNodes.h"
#include "architecture/graph/commands/EditNode.h"
#include "architecture/graph/commands/GraphCommandIds.h"
#include "architecture/graph/commands/GraphWide.h"
#include "architecture/graph/commands/MoveNodes.h"
#include "common/ErrorText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUndoStack>

#include <algorithm>
#include <exception>
#include <memory>
#include <set>

namespace flightdeck::ui {

using flightdeck::model::GraphSpec;
using flightdeck::model::NodeSpec;
using flightdeck::model::NodeType;

namespace {

std::string str(const QString& s)
{
    return s.toStdString();
}

// One node alone, as the spec writes it: the unit GraphSpec::fromJson checks fields in.
QJsonObject nodeJson(NodeSpec node)
{
    node.inputs.clear();
    const GraphSpec single{2, "node", {node}, {}};
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(single.toJson(false)));
    return doc.object().value(QStringLiteral("nodes")).toArray().at(0).toObject();
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
    auto command = std::make_unique<GraphRemoveNodesCommand>(this, ids);
    if (!command->isEmpty())
        undoStack_->push(command.release());
}

void GraphDocument::moveNodes(const QStringList& ids, QPointF delta, int dragId)
{
    if (delta.isNull())
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
    const auto parsed = QJsonDocument::fromJson(QStringLiteral("[%1]").arg(jsonValue).toUtf8());
    if (!parsed.isArray() || parsed.array().size() != 1)
        return tr("\"%1\" is not a value for %2.").arg(jsonValue, field);
    QJsonObject object = nodeJson(*current);
    object.insert(field, parsed.array().at(0));
    QJsonObject graph{{QStringLiteral("version"), 2}, {QStringLiteral("name"), QStringLiteral("node")},
                      {QStringLiteral("nodes"), QJsonArray{object}}};
    NodeSpec after;
    try {
        after = GraphSpec::fromJson(QJsonDocument(graph).toJson(QJsonDocument::Compact).toStdString())
                    .nodes.at(0);
    } catch (const std::exception& e) {
        // Core names the field by its path in the one-node document; the node is known here.
        return ErrorText::fromException(e).replace(QStringLiteral("nodes[0]."), QString());
    }
    after.inputs = current->inputs;
    if (nodeJson(after) == nodeJson(*current))
        return {};
    undoStack_->push(new GraphSetFieldCommand(this, id, field, *current, after, burstId,
                                              tr("Change %1 of %2").arg(field, id)));
    return {};
}

QString GraphDocument::fieldValue(const QString& id, const QString& field) const
{
    const NodeSpec* current = node(id);
    if (!current)
        return {};
    const QJsonValue value = nodeJson(*current).value(field);
    if (value.isUndefined())
        return {};
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

bool GraphDocument::dependsOn(const std::string& id, const std::string& ancestor) const
{
    std::vector<std::string> todo{id};
    std::set<std::string> seen;
    while (!todo.empty()) {
        const std::string current = todo.back();
        todo.pop_back();
        if (current == ancestor)
            return true;
        if (!seen.insert(current).second)
            continue;
        if (const auto* n = graph_.node(current))
            todo.insert(todo.end(), n->inputs.begin(), n->inputs.end());
    }
    return false;
}

bool GraphDocument::canConnect(const QString& fromId, const QString& toId, int port) const
{
    const NodeSpec* from = node(fromId);
    const NodeSpec* to = node(toId);
    if (!from || !to || fromId == toId || from->type == NodeType::Output || port < 0)
        return false;
    const int maxInputs = flightdeck::model::inputArity(to->type).second;
    if (port > static_cast<int>(to->inputs.size()) || (maxInputs >= 0 && port >= maxInputs))
        return false;
    return !dependsOn(from->id, to->id);   // would close a cycle
}

bool GraphDocument::connectNodes(const QString& fromId, const QString& toId, int port)
{
    if (!canConnect(fromId, toId, port))
        return false;
    std::vector<std::string> after = node(toId)->inputs;
    if (port < static_cast<int>(after.size())) {
        if (after[static_cast<std::size_t>(port)] == str(fromId))
            return false;
        after[static_cast<std::size_t>(port)] = str(fromId);
    } else {
        after.push_back(str(fromId));
    }
    undoStack_->push(new GraphSetInputsCommand(this, toId, node(toId)->inputs, after,
                                               tr("Connect %1 to %2").arg(fromId, toId)));
    return true;
}

void GraphDocument::disconnectInput(const QString& toId, int port)
{
    const NodeSpec* to = node(toId);
    if (!to || port < 0 || port >= static_cast<int>(to->inputs.size()))
        return;
    std::vector<std::string> after = to->inputs;
    after.erase(after.begin() + port);
    undoStack_->push(new GraphSetInputsCommand(this, toId, to->inputs, after,
                                               tr("Disconnect input %1 of %2").arg(port + 1).arg(toId)));
}

QString GraphDocument::copy(const QStringList& ids) const
{
    std::set<std::string> chosen;
    for (const QString& id : ids)
        chosen.insert(str(id));
    GraphSpec part;
    part.name = graph_.name;
    for (auto node : graph_.nodes) {
        if (!chosen.count(node.id))
            continue;
        std::vector<std::string> inner;
        for (const auto& input : node.inputs)
            if (chosen.count(input))
                inner.push_back(input);
        node.inputs = inner;
        if (auto it = graph_.layout.find(node.id); it != graph_.layout.end())
            part.layout[node.id] = it->second;
        part.nodes.push_back(std::move(node));
    }
    return QString::fromStdString(part.toJson(true));
}

QStringList GraphDocument::paste(const QString& json, QPointF offset, QString* error)
{
    GraphSpec part;
    try {
        part = withLayout(GraphSpec::fromJson(json.toStdString()));
    } catch (const std::exception& e) {
        if (error)
            *error = ErrorText::fromException(e);
        return {};
    }
    GraphSpec working = graph_;   // fresh ids must not collide with each other either
    std::map<std::string, std::string> renamed;
    for (const auto& node : part.nodes) {
        NodeSpec placeholder;
        placeholder.id = working.freshId(node.type);
        placeholder.type = node.type;
        renamed[node.id] = placeholder.id;
        working.nodes.push_back(placeholder);
    }
    std::vector<GraphNodeEntry> entries;
    QStringList ids;
    for (auto node : part.nodes) {
        const auto [x, y] = part.layout[node.id];
        std::vector<std::string> inputs;
        for (const auto& input : node.inputs)
            if (renamed.count(input))
                inputs.push_back(renamed[input]);
        node.inputs = inputs;
        node.id = renamed[node.id];
        ids << QString::fromStdString(node.id);
        entries.push_back({static_cast<int>(graph_.nodes.size() + entries.size()), node,
                           QPointF(x, y) + offset});
    }
    if (!entries.empty())
        undoStack_->push(new GraphAddNodesCommand(this, std::move(entries),
                                                  tr("Paste %n node(s)", nullptr, int(ids.size()))));
    return ids;
}

void GraphDocument::replace(const GraphSpec& graph, const QString& text)
{
    undoStack_->push(new GraphReplaceCommand(this, graph_, withLayout(graph), text));
}

void GraphDocument::rename(const QString& name)
{
    if (name != this->name())
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
        shapes_.problems.push_back({std::string(), -1, e.what()});
    }
}

}  // namespace flightdeck::ui
