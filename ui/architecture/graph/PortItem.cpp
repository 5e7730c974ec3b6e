#include "architecture/graph/PortItem.h"

#include "architecture/graph/GraphDocument.h"
#include "architecture/graph/GraphScene.h"
#include "architecture/graph/NodeItem.h"

#include <QBrush>
#include <QCursor>
#include <QGraphicsSceneMouseEvent>
#include <QPen>

namespace flightdeck::ui {

namespace {
constexpr qreal kRadius = 6.0;
}

PortItem::PortItem(Kind kind, int index, QGraphicsItem* parent)
    : QGraphicsEllipseItem(-kRadius, -kRadius, 2 * kRadius, 2 * kRadius, parent), kind_(kind),
      index_(index)
{
    setAcceptHoverEvents(true);
    setCursor(Qt::CrossCursor);
    setZValue(2);
    setHighlighted(false);
}

QString PortItem::nodeId() const
{
    return static_cast<const NodeItem*>(parentItem())->nodeId();
}

void PortItem::setHighlighted(bool on)
{
    setPen(QPen(QColor(0x37, 0x47, 0x4f), 1.5));
    setBrush(on ? QColor(0x29, 0x79, 0xff) : QColor(Qt::white));
}

void PortItem::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    auto* graphScene = static_cast<GraphScene*>(scene());
    if (event->button() != Qt::LeftButton || !graphScene) {
        event->ignore();
        return;
    }
    graphScene->beginDraftEdge(this, event->scenePos());
    event->accept();
}

void PortItem::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (auto* graphScene = static_cast<GraphScene*>(scene()))
        graphScene->moveDraftEdge(event->scenePos());
}

void PortItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    if (auto* graphScene = static_cast<GraphScene*>(scene()))
        graphScene->finishDraftEdge(event->scenePos());
}

void PortItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event)
{
    // Nothing to pick up on a read-only canvas.
    const auto* graphScene = static_cast<GraphScene*>(scene());
    const bool readOnly = graphScene && graphScene->document()->isReadOnly();
    setCursor(readOnly ? Qt::ArrowCursor : Qt::CrossCursor);
    setHighlighted(!readOnly);
    QGraphicsEllipseItem::hoverEnterEvent(event);
}

void PortItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* event)
{
    setHighlighted(false);
    QGraphicsEllipseItem::hoverLeaveEvent(event);
}

}  // namespace flightdeck::ui
