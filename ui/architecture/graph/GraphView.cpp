#include "architecture/graph/GraphView.h"

#include "architecture/graph/GraphScene.h"

#include <QEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace flightdeck::ui {

namespace {
constexpr qreal kMinZoom = 0.1;
constexpr qreal kMaxZoom = 4.0;
constexpr qreal kGrid = 20.0;
}  // namespace

GraphView::GraphView(QGraphicsScene* scene, QWidget* parent) : QGraphicsView(scene, parent)
{
    setObjectName(QStringLiteral("graphView"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
}

qreal GraphView::zoom() const
{
    return transform().m11();
}

void GraphView::zoomBy(qreal factor)
{
    const qreal target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    scale(target / zoom(), target / zoom());
}

void GraphView::fitGraph()
{
    if (!scene())
        return;
    const QRectF bounds = scene()->itemsBoundingRect().adjusted(-40, -40, 40, 40);
    if (bounds.isEmpty())
        return;
    // The scene rect grows with the graph but never shrinks on its own; keep it to the graph
    // so the scroll bars reflect what is there.
    scene()->setSceneRect(bounds);
    fitInView(bounds, Qt::KeepAspectRatio);
    if (zoom() > 1.0)   // a small graph stays at its natural size
        zoomBy(1.0 / zoom());
    centerOn(bounds.center());
}

void GraphView::showGraph()
{
    fitGraph();
    constexpr qreal kReadable = 0.6;
    if (zoom() >= kReadable || !scene())
        return;
    zoomBy(kReadable / zoom());
    const QRectF bounds = scene()->sceneRect();
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    centerOn(bounds.center().x(), bounds.top() + visible.height() / 2);
}

void GraphView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(std::pow(1.0015, event->angleDelta().y()));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void GraphView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        spaceHeld_ = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_F && event->modifiers() == Qt::NoModifier) {
        fitGraph();
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void GraphView::keyReleaseEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        spaceHeld_ = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void GraphView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::MiddleButton || (spaceHeld_ && event->button() == Qt::LeftButton)) {
        panning_ = true;
        panLast_ = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseMoveEvent(QMouseEvent* event)
{
    if (panning_) {
        const QPoint now = event->position().toPoint();
        const QPoint delta = now - panLast_;
        panLast_ = now;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void GraphView::mouseReleaseEvent(QMouseEvent* event)
{
    if (panning_) {
        panning_ = false;
        if (spaceHeld_)
            viewport()->setCursor(Qt::OpenHandCursor);
        else
            viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void GraphView::drawBackground(QPainter* painter, const QRectF& rect)
{
    QGraphicsView::drawBackground(painter, rect);
    if (zoom() < 0.4)
        return;   // a dense dot grid only adds noise when zoomed far out
    painter->setPen(QPen(QColor(0xd5, 0xdb, 0xdf), 1.5));
    const qreal left = std::floor(rect.left() / kGrid) * kGrid;
    const qreal top = std::floor(rect.top() / kGrid) * kGrid;
    QVector<QPointF> dots;
    for (qreal x = left; x < rect.right(); x += kGrid)
        for (qreal y = top; y < rect.bottom(); y += kGrid)
            dots.append(QPointF(x, y));
    painter->drawPoints(dots.data(), dots.size());
}

void GraphView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        if (auto* graphScene = qobject_cast<GraphScene*>(scene()))
            graphScene->retranslate();
    QGraphicsView::changeEvent(event);
}

}  // namespace flightdeck::ui
