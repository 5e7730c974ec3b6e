#include "architecture/graph/EdgeItem.h"

#include "architecture/graph/GraphDocument.h"
#include "architecture/graph/GraphNodeText.h"
#include "architecture/graph/NodeItem.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPen>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace flightdeck::ui {

QPainterPath edgePath(QPointF from, QPointF to)
{
    // Vertical tangents at both ends, so edges leave and enter ports straight, even upwards.
    const qreal bend = std::max<qreal>(40, std::abs(to.y() - from.y()) / 2);
    QPainterPath path(from);
    path.cubicTo(from + QPointF(0, bend), to - QPointF(0, bend), to);
    return path;
}

EdgeItem::EdgeItem(const QString& fromId, const QString& toId, int port)
    : from_(fromId), to_(toId), port_(port)
{
    setFlag(ItemIsSelectable);
    setZValue(0);
}

void EdgeItem::refresh(const GraphDocument& document, const QString& targetShapeError)
{
    const auto& shapes = document.shapes();
    const auto it = shapes.nodes.find(from_.toStdString());
    const QString label = it == shapes.nodes.end() || it->second.output.empty()
                              ? QString()
                              : shapeLabel(it->second.output);
    QString problem;
    for (const auto& p : shapes.problems)
        if (p.node == to_.toStdString() && p.port == port_)
            problem = QString::fromStdString(p.message);
    // A one-input node that rejects its input shape: the shape on this edge is what did not fit.
    const auto* target = document.node(to_);
    if (problem.isEmpty() && target && flightdeck::model::inputArity(target->type).second == 1)
        problem = targetShapeError;
    if (label == label_ && problem == problem_)
        return;   // nothing to redraw
    prepareGeometryChange();
    label_ = label;
    problem_ = problem;
    setToolTip(problem_.isEmpty() ? label_ : problem_);
    update();
}

void EdgeItem::adjust(const NodeItem* from, const NodeItem* to)
{
    if (!from || !to)
        return;
    prepareGeometryChange();
    const QPainterPath path = edgePath(from->outputPortPos(), to->inputPortPos(port_));
    setPath(path);
    mid_ = path.pointAtPercent(0.5);
}

QRectF EdgeItem::labelRect() const
{
    if (label_.isEmpty())
        return {};
    const QFontMetricsF metrics(QFont{});
    const QSizeF size(metrics.horizontalAdvance(label_) * 0.9 + 8, metrics.height() * 0.9 + 2);
    return QRectF(mid_ + QPointF(6, -size.height() / 2), size);
}

QRectF EdgeItem::boundingRect() const
{
    return QGraphicsPathItem::boundingRect().united(labelRect()).adjusted(-3, -3, 3, 3);
}

QPainterPath EdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10);   // easy to click
    QPainterPath hit = stroker.createStroke(path());
    hit.addRect(labelRect());
    return hit;
}

void EdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const bool selected = option->state & QStyle::State_Selected;
    QColor color = isInvalid() ? QColor(0xd3, 0x2f, 0x2f) : QColor(0x60, 0x7d, 0x8b);
    if (selected)
        color = QColor(0x29, 0x79, 0xff);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, selected || isInvalid() ? 2.5 : 1.6));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());
    if (label_.isEmpty())
        return;
    const QRectF box = labelRect();
    painter->setPen(QPen(isInvalid() ? color : QColor(0xcf, 0xd8, 0xdc), 1));
    painter->setBrush(QColor(0xfa, 0xfa, 0xfa));
    painter->drawRoundedRect(box, 3, 3);
    QFont font = painter->font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter->setFont(font);
    painter->setPen(isInvalid() ? color : QColor(0x37, 0x47, 0x4f));
    painter->drawText(box, Qt::AlignCenter, label_);
}

}  // namespace flightdeck::ui
