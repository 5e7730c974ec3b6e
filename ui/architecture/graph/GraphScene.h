#pragma once
// Draws a GraphDocument and turns gestures into its edit calls. It holds no undo stack and
// changes nothing itself: items are created, moved and destroyed only in answer to the
// document's signals, so undo, paste and templates all redraw the same way. Over a read-only
// document it only draws (and selects).
#include <QGraphicsScene>
#include <QHash>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

class QGraphicsPathItem;

namespace flightdeck::ui {

class EdgeItem;
class GraphDocument;
class NodeItem;
class PortItem;

class GraphScene : public QGraphicsScene {
    Q_OBJECT
public:
    static const char* const kNodeTypeMime;   // palette drags carry a node type name

    explicit GraphScene(GraphDocument* document, QObject* parent = nullptr);
    ~GraphScene() override;
    GraphDocument* document() const { return document_; }

    NodeItem* nodeItem(const QString& id) const { return nodes_.value(id); }
    EdgeItem* edgeItem(const QString& toId, int port) const { return edges_.value({toId, port}); }
    int nodeItemCount() const { return nodes_.size(); }
    int edgeItemCount() const { return edges_.size(); }
    QStringList selectedNodeIds() const;
    void selectNodes(const QStringList& ids);

    // Gestures, called by the items (and by tests, which drive the same path).
    void beginNodeDrag();
    void dragSelection(QPointF delta);
    // From an output port: a new edge. From a connected input port: that edge's input end
    // comes off; released over another input port it moves there, released elsewhere the
    // edge is removed (GraphDocument::reconnectInput, one undo step either way).
    void beginDraftEdge(PortItem* port, QPointF scenePos);
    void moveDraftEdge(QPointF scenePos);
    void finishDraftEdge(QPointF scenePos);
    bool hasDraftEdge() const { return draft_ != nullptr; }
    void deleteSelection();
    void nodeItemMoved(const QString& id);   // keeps its edges attached
    void retranslate();                      // node texts after a language change

Q_SIGNALS:
    void nodeDropped(const QString& id);   // a palette drop added this node

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent* event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent* event) override;
    void dropEvent(QGraphicsSceneDragDropEvent* event) override;

private:
    void rebuild();
    void addNodeItem(const QString& id);
    void removeNodeItem(const QString& id);
    void addEdgeItem(const QString& fromId, const QString& toId, int port);
    void removeEdgeItem(const QString& toId, int port);
    void refreshAll();
    void refreshNode(const QString& id);
    QString shapeError(const QString& id) const;
    PortItem* inputPortAt(QPointF scenePos) const;

    GraphDocument* document_;
    QHash<QString, NodeItem*> nodes_;
    QMap<QPair<QString, int>, EdgeItem*> edges_;   // keyed by (target, input port)
    QHash<QString, QString> shapeErrors_;          // node id -> its shape error
    QGraphicsPathItem* draft_ = nullptr;
    QString draftFrom_;
    QPointF draftStart_;
    QString detachedTo_;      // a detached edge's target and port while its end is dragged
    int detachedPort_ = -1;
    int dragId_ = 0;
};

}  // namespace flightdeck::ui
