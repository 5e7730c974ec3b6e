#pragma once
// The graph being edited: owns the flightdeck::model::GraphSpec and the QUndoStack (the
// document owns undo; the scene and the inspector only call the edit API below). Every edit
// pushes one command; commands change the graph through the *Raw mutators, which emit the
// fine-grained signals the scene and the layer table follow. Shapes are re-inferred after each
// change of what is hashed (moves and renames leave them alone), so a redraw always sees
// current shapes. A read-only document (the model viewer's) refuses every edit; reset() still
// loads it.
#include "flightdeck/model/GraphShapes.h"
#include "flightdeck/model/GraphSpec.h"

#include <QObject>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <vector>

class QUndoStack;

namespace flightdeck::ui {

class GraphDocument : public QObject {
    Q_OBJECT
public:
    explicit GraphDocument(QObject* parent = nullptr);

    const flightdeck::model::GraphSpec& graph() const { return graph_; }
    const flightdeck::model::GraphShapes& shapes() const { return shapes_; }
    const flightdeck::model::NodeSpec* node(const QString& id) const;
    QPointF position(const QString& id) const;
    QString name() const;
    QStringList nodeIds() const;
    QUndoStack* undoStack() const { return undoStack_; }
    void setReadOnly(bool readOnly) { readOnly_ = readOnly; }
    bool isReadOnly() const { return readOnly_; }

    // What the graph is checked against: the current dataset's [F] or [C, H, W] and classes.
    void setInputShape(const std::vector<std::int64_t>& shape, std::int64_t classes);
    const std::vector<std::int64_t>& inputShape() const { return input_; }
    std::int64_t classes() const { return classes_; }

    // Undoable edits. Unknown ids and no-op edits push nothing.
    QString addNode(flightdeck::model::NodeType type, QPointF pos);   // returns the new id
    void removeNodes(const QStringList& ids);                         // with their edges
    // Calls with the same non-zero dragId merge into one undo step (one drag = one step).
    void moveNodes(const QStringList& ids, QPointF delta, int dragId = 0);
    void setPositions(const std::map<QString, QPointF>& positions, const QString& text);
    // Sets a field by its JSON name ("out_channels") from a JSON value ("32", "[1, 28, 28]",
    // "\"mse\"", "true"). The node is re-read through GraphSpec::fromJson, so the limits are
    // core's; returns the translated reason when refused (nothing changes then). Calls with the
    // same non-zero burstId on the same node and field merge (one typing burst = one step).
    QString setField(const QString& id, const QString& field, const QString& jsonValue,
                     int burstId = 0);
    QString fieldValue(const QString& id, const QString& field) const;   // JSON text
    // Connects fromId's output to toId's input `port`; a port past the last connected one
    // appends. Returns false (pushes nothing) for a cycle, a self loop, an Input target or a
    // port the node does not have.
    bool connectNodes(const QString& fromId, const QString& toId, int port);
    bool canConnect(const QString& fromId, const QString& toId, int port) const;
    void disconnectInput(const QString& toId, int port);
    // Moves the input end of the edge on toId's `port` to newToId's `newPort`, as one step
    // (the ports after `port` on toId move down first). An empty newToId disconnects it.
    // Returns false (pushes nothing) when the edge does not exist, when it would land where it
    // is, or when canConnect would refuse the new end once the old one is gone.
    bool reconnectInput(const QString& toId, int port, const QString& newToId, int newPort);
    bool canReconnect(const QString& toId, int port, const QString& newToId, int newPort) const;
    // Pastes the nodes of a graph JSON under fresh ids, moved by `offset`; inputs to nodes
    // outside the pasted set are dropped. Returns the new ids; *error gets the reason if the
    // text is not a graph.
    QStringList paste(const QString& json, QPointF offset, QString* error = nullptr);
    QString copy(const QStringList& ids) const;   // JSON of these nodes and their inner edges
    void replace(const flightdeck::model::GraphSpec& graph, const QString& text);
    void rename(const QString& name);
    // Replaces the graph and clears the undo history (a fresh editor).
    void reset(const flightdeck::model::GraphSpec& graph);

    // Raw mutators for the undo commands only: not undoable, emit the change signals.
    void insertNodeRaw(int index, const flightdeck::model::NodeSpec& node, QPointF pos);
    void removeNodeRaw(const QString& id);   // the node's inputs must be empty
    int nodeIndex(const QString& id) const;
    void setInputsRaw(const QString& id, const std::vector<std::string>& inputs);
    void setNodeRaw(const QString& id, const flightdeck::model::NodeSpec& node);   // fields
    void setPositionRaw(const QString& id, QPointF pos);
    void setNameRaw(const QString& name);
    void setGraphRaw(const flightdeck::model::GraphSpec& graph);
    // Several raw changes as one: shapes are inferred once when the outermost batch ends.
    void beginBatch();
    void endBatch();

Q_SIGNALS:
    void nodeAdded(const QString& id);
    void nodeRemoved(const QString& id);
    void nodeMoved(const QString& id, QPointF pos);
    void nodeChanged(const QString& id);
    void edgeAdded(const QString& fromId, const QString& toId, int port);
    void edgeRemoved(const QString& fromId, const QString& toId, int port);
    void nameChanged(const QString& name);
    void graphReset();      // everything replaced: rebuild views
    void shapesChanged();   // shapes() re-inferred
    void changed();         // after any change at all (positions included)

private:
    void graphEdited();   // re-infer (or defer to the batch's end) and notify
    void inferShapes();
    // toId's and newToId's inputs once the edge has moved; false when it cannot move there.
    bool reconnected(const QString& toId, int port, const QString& newToId, int newPort,
                     flightdeck::model::GraphSpec* after) const;

    flightdeck::model::GraphSpec graph_;
    flightdeck::model::GraphShapes shapes_;
    std::vector<std::int64_t> input_{1, 28, 28};
    std::int64_t classes_ = 10;
    QUndoStack* undoStack_;
    int batchDepth_ = 0;
    bool batchDirty_ = false;
    bool readOnly_ = false;
};

}  // namespace flightdeck::ui
