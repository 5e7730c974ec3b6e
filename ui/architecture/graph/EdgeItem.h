#pragma once
#include <QGraphicsPathItem>
#include <QString>

namespace flightdeck::ui {

class GraphDocument;
class NodeItem;

// An edge from a node's output to another node's input port, with the tensor shape that flows
// along it written beside it; red with the reason as its tooltip when validation names this
// port. Selecting it and pressing Delete disconnects it (through the document).
class EdgeItem : public QGraphicsPathItem {
public:
    enum { Type = UserType + 2 };

    EdgeItem(const QString& fromId, const QString& toId, int port);
    int type() const override { return Type; }
    QString fromId() const { return from_; }
    QString toId() const { return to_; }
    int port() const { return port_; }
    QString label() const { return label_; }
    bool isInvalid() const { return !problem_.isEmpty(); }

    // Label and problem; targetShapeError: the shape error of the node this edge feeds, if any.
    void refresh(const GraphDocument& document, const QString& targetShapeError);
    void adjust(const NodeItem* from, const NodeItem* to);   // geometry

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QRectF labelRect() const;

    QString from_, to_;
    int port_;
    QString label_, problem_;
    QPointF mid_;
};

// The curve of an edge or a draft edge from an output port down to an input port.
QPainterPath edgePath(QPointF from, QPointF to);

}  // namespace flightdeck::ui
