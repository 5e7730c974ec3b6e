#pragma once
#include <QGraphicsItem>
#include <QString>
#include <QVector>

namespace flightdeck::ui {

class GraphDocument;
class PortItem;

// One node: type, id, key fields and parameter count; red with the reason as its tooltip when
// shape inference or validation rejects it. Draws only: a drag asks the scene to move the
// selection through the document, and the item follows GraphDocument::nodeMoved.
class NodeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };
    static constexpr qreal kWidth = 164;
    static constexpr qreal kHeight = 66;

    NodeItem(const QString& id, QGraphicsItem* parent = nullptr);
    int type() const override { return Type; }
    QString nodeId() const { return id_; }

    // Re-reads fields, ports, shapes and problems from the document.
    void refresh(const GraphDocument& document);
    bool isInvalid() const { return !problem_.isEmpty(); }
    QString problem() const { return problem_; }
    QPointF inputPortPos(int port) const;   // scene coordinates
    QPointF outputPortPos() const;
    PortItem* inputPort(int port) const;
    PortItem* outputPort() const { return output_; }
    int inputPortCount() const { return inputs_.size(); }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    void setInputPortCount(int count);

    QString id_;
    QString title_, summary_, cost_, problem_;
    QColor accent_;
    QVector<PortItem*> inputs_;
    PortItem* output_ = nullptr;
    QPointF dragLast_;
    bool dragging_ = false;
};

}  // namespace flightdeck::ui
