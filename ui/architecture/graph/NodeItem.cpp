#include "architecture/graph/NodeItem.h"

#include "architecture/graph/GraphDocument.h"
#include "architecture/graph/GraphNodeText.h"
#include "architecture/graph/GraphScene.h"
#include "architecture/graph/PortItem.h"

#include <QCoreApplication>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace flightdeck::ui {

using flightdeck::model::NodeType;

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(NodeItem)
};

// One colour per family, so a glance tells convolutions from pooling from activations.
QColor accentFor(NodeType type)
{
    switch (type) {
    case NodeType::Input:
    case NodeType::Output: return QColor(0x43, 0xa0, 0x47);
    case NodeType::Linear:
    case NodeType::Embedding: return QColor(0x1e, 0x88, 0xe5);
    case NodeType::Conv1d:
    case NodeType::Conv2d: return QColor(0x39, 0x49, 0xab);
    case NodeType::MaxPool2d:
    case NodeType::AvgPool2d:
    case NodeType::AdaptiveAvgPool2d: return QColor(0x00, 0x89, 0x7b);
    case NodeType::BatchNorm1d:
    case NodeType::BatchNorm2d:
    case NodeType::LayerNorm:
    case NodeType::Dropout: return QColor(0x8e, 0x24, 0xaa);
    case NodeType::Flatten:
    case NodeType::Reshape:
    case NodeType::Add:
    case NodeType::Concat: return QColor(0x6d, 0x4c, 0x41);
    default: return QColor(0xef, 0x6c, 0x00);   // activations
    }
}

}  // namespace

NodeItem::NodeItem(const QString& id, QGraphicsItem* parent) : QGraphicsItem(parent), id_(id)
{
    setFlags(ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setZValue(1);
}

void NodeItem::refresh(const GraphDocument& document)
{
    const auto* node = document.node(id_);
    if (!node)
        return;
    // Every edit re-infers the whole graph; only items whose text changed are re-laid out and
    // repainted (a 200-node graph spent most of an edit here, bench_graph_editor).
    const QString title = QString::fromLatin1(flightdeck::model::nodeTypeLabel(node->type));
    const QString summary = nodeSummary(*node, document.inputShape());

    const auto& shapes = document.shapes();
    const auto it = shapes.nodes.find(node->id);
    QStringList problems;
    if (it != shapes.nodes.end() && !it->second.error.empty())
        problems << QString::fromStdString(it->second.error);
    for (const auto& problem : shapes.problems)
        if (problem.node == node->id && !problems.contains(QString::fromStdString(problem.message)))
            problems << QString::fromStdString(problem.message);
    const QString problem = problems.join(QLatin1Char('\n'));
    const std::int64_t parameters = it == shapes.nodes.end() ? 0 : it->second.parameters;
    const QString cost =
        parameters > 0 ? Tr::tr("%1 parameters").arg(compactCount(parameters)) : QString();
    const bool textChanged =
        title != title_ || summary != summary_ || problem != problem_ || cost != cost_;
    if (textChanged) {
        prepareGeometryChange();
        title_ = title;
        summary_ = summary;
        problem_ = problem;
        cost_ = cost;
        accent_ = accentFor(node->type);
    }
    if (!problem_.isEmpty()) {
        setToolTip(problem_);
    } else if (it != shapes.nodes.end()) {
        setToolTip(Tr::tr("%1 (%2)\nOutput: %3\nParameters: %4\nFLOPs per sample: %5")
                       .arg(title_, id_, shapeLabel(it->second.output))
                       .arg(parameters)
                       .arg(compactCount(it->second.flops)));
    }

    const auto [minInputs, maxInputs] = flightdeck::model::inputArity(node->type);
    int ports = static_cast<int>(node->inputs.size());
    if (!document.isReadOnly() && (maxInputs < 0 || ports < maxInputs))
        ++ports;   // a free port to connect one more (nothing connects on a read-only canvas)
    const int portCount = std::max(ports, minInputs);
    if (portCount != inputs_.size())
        setInputPortCount(portCount);
    const bool hasOutput = node->type != NodeType::Output;
    if (hasOutput && !output_) {
        output_ = new PortItem(PortItem::Kind::Output, 0, this);
        output_->setPos(kWidth / 2, kHeight);
    } else if (!hasOutput && output_) {
        delete output_;
        output_ = nullptr;
    }
    if (textChanged)
        update();
}

void NodeItem::setInputPortCount(int count)
{
    while (inputs_.size() > count)
        delete inputs_.takeLast();
    while (inputs_.size() < count)
        inputs_.append(new PortItem(PortItem::Kind::Input, inputs_.size(), this));
    for (int i = 0; i < inputs_.size(); ++i)
        inputs_[i]->setPos(kWidth * (i + 1) / (inputs_.size() + 1), 0);
}

QPointF NodeItem::inputPortPos(int port) const
{
    const int n = std::max<int>(inputs_.size(), port + 1);
    return mapToScene(QPointF(kWidth * (port + 1) / (n + 1), 0));
}

QPointF NodeItem::outputPortPos() const
{
    return mapToScene(QPointF(kWidth / 2, kHeight));
}

PortItem* NodeItem::inputPort(int port) const
{
    return port >= 0 && port < inputs_.size() ? inputs_[port] : nullptr;
}

QRectF NodeItem::boundingRect() const
{
    return QRectF(-3, -3, kWidth + 6, kHeight + 6);
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const bool selected = option->state & QStyle::State_Selected;
    const bool invalid = isInvalid();
    const QRectF body(0, 0, kWidth, kHeight);
    QPainterPath outline;
    outline.addRoundedRect(body, 6, 6);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->fillPath(outline, invalid ? QColor(0xff, 0xeb, 0xee) : QColor(Qt::white));

    QPainterPath header;
    header.addRect(QRectF(0, 0, kWidth, 22));
    painter->fillPath(outline.intersected(header), invalid ? QColor(0xd3, 0x2f, 0x2f) : accent_);

    QFont font = painter->font();
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(QRectF(8, 0, kWidth - 16, 22), Qt::AlignVCenter | Qt::AlignLeft, title_);
    const qreal idRoom = kWidth - 16 - painter->fontMetrics().horizontalAdvance(title_) - 8;
    font.setBold(false);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter->setFont(font);
    if (idRoom > 24)   // the id gives way to a long type name (the tooltip names it anyway)
        painter->drawText(QRectF(8, 0, kWidth - 16, 22), Qt::AlignVCenter | Qt::AlignRight,
                          painter->fontMetrics().elidedText(id_, Qt::ElideMiddle, int(idRoom)));

    painter->setPen(QColor(0x21, 0x21, 0x21));
    painter->setFont(font);
    painter->drawText(QRectF(8, 24, kWidth - 16, 20), Qt::AlignVCenter | Qt::AlignLeft,
                      painter->fontMetrics().elidedText(summary_, Qt::ElideRight, int(kWidth - 16)));
    painter->setPen(invalid ? QColor(0xb7, 0x1c, 0x1c) : QColor(0x75, 0x75, 0x75));
    // The first problem, cut to fit: the whole text is the tooltip.
    const QString last = invalid ? problem_.section(QLatin1Char('\n'), 0, 0) : cost_;
    painter->drawText(QRectF(8, 43, kWidth - 16, 20), Qt::AlignVCenter | Qt::AlignLeft,
                      painter->fontMetrics().elidedText(last, Qt::ElideRight, int(kWidth - 16)));

    QPen border(invalid ? QColor(0xd3, 0x2f, 0x2f) : QColor(0x90, 0xa4, 0xae), invalid ? 2 : 1);
    if (selected)
        border = QPen(QColor(0x29, 0x79, 0xff), 2.5);
    painter->setPen(border);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(outline);
}

void NodeItem::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    QGraphicsItem::mousePressEvent(event);   // selection
    if (event->button() != Qt::LeftButton)
        return;
    dragLast_ = event->scenePos();
    dragging_ = true;
    if (auto* graphScene = static_cast<GraphScene*>(scene()))
        graphScene->beginNodeDrag();
}

void NodeItem::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (!dragging_)
        return;
    const QPointF delta = event->scenePos() - dragLast_;
    dragLast_ = event->scenePos();
    if (auto* graphScene = static_cast<GraphScene*>(scene()))
        graphScene->dragSelection(delta);
}

void NodeItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    dragging_ = false;
    QGraphicsItem::mouseReleaseEvent(event);
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemPositionHasChanged)
        if (auto* graphScene = static_cast<GraphScene*>(scene()))
            graphScene->nodeItemMoved(id_);
    return QGraphicsItem::itemChange(change, value);
}

}  // namespace flightdeck::ui
