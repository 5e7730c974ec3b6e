#pragma once
#include <QGraphicsEllipseItem>
#include <QString>

namespace flightdeck::ui {

// A node's input port (top edge, one per connected input plus a free one where the node takes
// more) or its output port (bottom centre). Dragging from an output port draws a draft edge;
// the scene turns the release over an input port into GraphDocument::connectNodes. Dragging
// from a connected input port picks that edge's end up (GraphScene::beginDraftEdge).
class PortItem : public QGraphicsEllipseItem {
public:
    enum class Kind { Input, Output };
    enum { Type = UserType + 3 };

    PortItem(Kind kind, int index, QGraphicsItem* parent);
    int type() const override { return Type; }
    Kind kind() const { return kind_; }
    int index() const { return index_; }
    QString nodeId() const;
    void setHighlighted(bool on);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    Kind kind_;
    int index_;
};

}  // namespace flightdeck::ui
