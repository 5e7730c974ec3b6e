#include "architecture/graph/GraphScene.h"

#include "architecture/graph/EdgeItem.h"
#include "architecture/graph/GraphDocument.h"
#include "architecture/graph/NodeItem.h"
#include "architecture/graph/PortItem.h"

#include <QGraphicsPathItem>
#include <QGraphicsSceneDragDropEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QPen>

#include <algorithm>
#include <set>
#include <utility>

namespace flightdeck::ui {

const char* const GraphScene::kNodeTypeMime = "application/x-flightdeck-node-type";

GraphScene::GraphScene(GraphDocument* document, QObject* parent)
    : QGraphicsScene(parent), document_(document)
{
    setObjectName(QStringLiteral("graphScene"));
    setBackgroundBrush(QColor(0xf5, 0xf7, 0xf8));
    connect(document_, &GraphDocument::nodeAdded, this, &GraphScene::addNodeItem);
    connect(document_, &GraphDocument::nodeRemoved, this, &GraphScene::removeNodeItem);
    connect(document_, &GraphDocument::nodeMoved, this, [this](const QString& id, QPointF pos) {
        if (NodeItem* item = nodes_.value(id))
            item->setPos(pos);
    });
    connect(document_, &GraphDocument::nodeChanged, this, &GraphScene::refreshNode);
    connect(document_, &GraphDocument::edgeAdded, this, &GraphScene::addEdgeItem);
    connect(document_, &GraphDocument::edgeRemoved, this,
            [this](const QString&, const QString& toId, int port) { removeEdgeItem(toId, port); });
    connect(document_, &GraphDocument::graphReset, this, &GraphScene::rebuild);
    connect(document_, &GraphDocument::shapesChanged, this, &GraphScene::refreshAll);
    rebuild();
}

GraphScene::~GraphScene()
{
    // QGraphicsScene's destructor deletes the items, which emits selectionChanged to listeners
    // that may already be gone (the editor's document goes first): say nothing from here on.
    blockSignals(true);
    clear();
}

void GraphScene::rebuild()
{
    draft_ = nullptr;   // owned by the scene: clear() deletes it
    draftFrom_.clear();
    detachedTo_.clear();
    detachedPort_ = -1;
    clear();
    nodes_.clear();
    edges_.clear();
    for (const auto& node : document_->graph().nodes)
        addNodeItem(QString::fromStdString(node.id));
    for (const auto& node : document_->graph().nodes)
        for (std::size_t port = 0; port < node.inputs.size(); ++port)
            addEdgeItem(QString::fromStdString(node.inputs[port]), QString::fromStdString(node.id),
                        static_cast<int>(port));
    refreshAll();
}

void GraphScene::addNodeItem(const QString& id)
{
    if (nodes_.contains(id))
        return;
    auto* item = new NodeItem(id);
    nodes_.insert(id, item);
    addItem(item);   // before setPos, so itemChange finds the scene
    item->refresh(*document_);
    item->setPos(document_->position(id));
}

void GraphScene::removeNodeItem(const QString& id)
{
    for (auto it = edges_.begin(); it != edges_.end();) {
        if (it.key().first == id || it.value()->fromId() == id) {
            delete it.value();
            it = edges_.erase(it);
        } else {
            ++it;
        }
    }
    delete nodes_.take(id);
}

void GraphScene::addEdgeItem(const QString& fromId, const QString& toId, int port)
{
    removeEdgeItem(toId, port);
    auto* edge = new EdgeItem(fromId, toId, port);
    edges_.insert({toId, port}, edge);
    addItem(edge);
    refreshNode(toId);   // its port count may grow
    edge->refresh(*document_, shapeError(toId));
    edge->adjust(nodes_.value(fromId), nodes_.value(toId));
}

void GraphScene::removeEdgeItem(const QString& toId, int port)
{
    delete edges_.take({toId, port});
    if (nodes_.contains(toId))
        refreshNode(toId);
}

void GraphScene::refreshNode(const QString& id)
{
    NodeItem* item = nodes_.value(id);
    if (!item)
        return;
    item->refresh(*document_);
    nodeItemMoved(id);   // port positions follow the port count
}

QString GraphScene::shapeError(const QString& id) const
{
    return shapeErrors_.value(id);
}

void GraphScene::refreshAll()
{
    // Shape errors are the node errors validation did not raise: those are about the shape
    // that came in, so the edge that brought it is drawn red too.
    shapeErrors_.clear();
    for (const auto& [id, shape] : document_->shapes().nodes)
        if (!shape.error.empty() && !shape.structural)
            shapeErrors_.insert(QString::fromStdString(id), QString::fromStdString(shape.error));
    for (NodeItem* item : std::as_const(nodes_))
        item->refresh(*document_);
    // Edges move with their nodes (nodeItemMoved); a shape change only changes their text.
    for (EdgeItem* edge : std::as_const(edges_))
        edge->refresh(*document_, shapeError(edge->toId()));
}

void GraphScene::retranslate()
{
    refreshAll();
}

void GraphScene::nodeItemMoved(const QString& id)
{
    for (EdgeItem* edge : std::as_const(edges_))
        if (edge->fromId() == id || edge->toId() == id)
            edge->adjust(nodes_.value(edge->fromId()), nodes_.value(edge->toId()));
}

QStringList GraphScene::selectedNodeIds() const
{
    QStringList ids;
    for (QGraphicsItem* item : selectedItems())
        if (item->type() == NodeItem::Type)
            ids << static_cast<NodeItem*>(item)->nodeId();
    // Spec order, so copy/paste and delete do not depend on the click order.
    const QStringList order = document_->nodeIds();
    std::sort(ids.begin(), ids.end(),
              [&order](const QString& a, const QString& b) { return order.indexOf(a) < order.indexOf(b); });
    return ids;
}

void GraphScene::selectNodes(const QStringList& ids)
{
    clearSelection();
    for (const QString& id : ids)
        if (NodeItem* item = nodes_.value(id))
            item->setSelected(true);
}

void GraphScene::beginNodeDrag()
{
    ++dragId_;
}

void GraphScene::dragSelection(QPointF delta)
{
    document_->moveNodes(selectedNodeIds(), delta, dragId_);
}

void GraphScene::beginDraftEdge(PortItem* port, QPointF scenePos)
{
    if (draft_ || document_->isReadOnly())
        return;
    if (port->kind() == PortItem::Kind::Input) {
        // Edges are drawn from an output down to an input; an input port's edge can be picked up.
        EdgeItem* edge = edges_.value({port->nodeId(), port->index()});
        NodeItem* source = edge ? nodes_.value(edge->fromId()) : nullptr;
        if (!source)
            return;
        detachedTo_ = edge->toId();
        detachedPort_ = edge->port();
        draftFrom_ = edge->fromId();
        draftStart_ = source->outputPortPos();
        edge->hide();
    } else {
        draftFrom_ = port->nodeId();
        draftStart_ = port->scenePos();
    }
    draft_ = new QGraphicsPathItem;
    draft_->setPen(QPen(QColor(0x29, 0x79, 0xff), 2, Qt::DashLine));
    draft_->setZValue(3);
    addItem(draft_);
    moveDraftEdge(scenePos);
}

void GraphScene::moveDraftEdge(QPointF scenePos)
{
    if (draft_)
        draft_->setPath(edgePath(draftStart_, scenePos));
}

void GraphScene::finishDraftEdge(QPointF scenePos)
{
    if (!draft_)
        return;
    delete draft_;
    draft_ = nullptr;
    PortItem* target = inputPortAt(scenePos);
    if (!detachedTo_.isEmpty()) {
        const QString toId = std::exchange(detachedTo_, QString());
        const int port = std::exchange(detachedPort_, -1);
        // Over a port: move the end there (refused, e.g. a cycle or its own port: it stays).
        // Anywhere else: the edge goes.
        if (target)
            document_->reconnectInput(toId, port, target->nodeId(), target->index());
        else
            document_->reconnectInput(toId, port, QString(), -1);
        if (EdgeItem* edge = edges_.value({toId, port}))
            edge->show();   // still there (refused), or another edge that moved down onto it
    } else if (target) {
        document_->connectNodes(draftFrom_, target->nodeId(), target->index());
    }
    draftFrom_.clear();
}

PortItem* GraphScene::inputPortAt(QPointF scenePos) const
{
    // Generous: anywhere within 12 px of a port counts, the ports being small.
    const QRectF area(scenePos - QPointF(12, 12), QSizeF(24, 24));
    for (QGraphicsItem* item : items(area))
        if (item->type() == PortItem::Type)
            if (auto* port = static_cast<PortItem*>(item); port->kind() == PortItem::Kind::Input)
                return port;
    return nullptr;
}

void GraphScene::deleteSelection()
{
    const QStringList ids = selectedNodeIds();
    QList<EdgeItem*> edges;
    for (QGraphicsItem* item : selectedItems())
        if (item->type() == EdgeItem::Type) {
            auto* edge = static_cast<EdgeItem*>(item);
            if (!ids.contains(edge->fromId()) && !ids.contains(edge->toId()))
                edges << edge;
        }
    // Highest port first: ports compact when one is disconnected.
    std::sort(edges.begin(), edges.end(), [](EdgeItem* a, EdgeItem* b) { return a->port() > b->port(); });
    QList<QPair<QString, int>> ports;
    for (EdgeItem* edge : edges)
        ports << qMakePair(edge->toId(), edge->port());
    for (const auto& [toId, port] : ports)
        document_->disconnectInput(toId, port);
    if (!ids.isEmpty())
        document_->removeNodes(ids);
}

void GraphScene::keyPressEvent(QKeyEvent* event)
{
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) && !focusItem()) {
        deleteSelection();
        event->accept();
        return;
    }
    QGraphicsScene::keyPressEvent(event);
}

void GraphScene::dragEnterEvent(QGraphicsSceneDragDropEvent* event)
{
    event->setAccepted(!document_->isReadOnly()
                       && event->mimeData()->hasFormat(QString::fromLatin1(kNodeTypeMime)));
}

void GraphScene::dragMoveEvent(QGraphicsSceneDragDropEvent* event)
{
    dragEnterEvent(event);
}

void GraphScene::dropEvent(QGraphicsSceneDragDropEvent* event)
{
    const QByteArray name = event->mimeData()->data(QString::fromLatin1(kNodeTypeMime));
    flightdeck::model::NodeType type;
    if (!flightdeck::model::parseNodeType(name.toStdString(), &type)) {
        event->ignore();
        return;
    }
    const QPointF centre(NodeItem::kWidth / 2, NodeItem::kHeight / 2);
    const QString id = document_->addNode(type, event->scenePos() - centre);
    if (id.isEmpty()) {
        event->ignore();
        return;
    }
    selectNodes({id});
    event->acceptProposedAction();
    Q_EMIT nodeDropped(id);
}

}  // namespace flightdeck::ui
