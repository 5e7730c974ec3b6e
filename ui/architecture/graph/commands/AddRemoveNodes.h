#pragma once
// Adding and removing nodes are each other's inverse, so both commands share one snapshot:
// the nodes with their place in the spec, their inputs and positions (QtNodes snapshots
// nodes the same way, Tiled pairs add/remove in one file).
#include "flightdeck/model/GraphSpec.h"

#include <QCoreApplication>
#include <QPointF>
#include <QStringList>
#include <QUndoCommand>

#include <string>
#include <vector>

namespace flightdeck::ui {

class GraphDocument;

struct GraphNodeEntry {
    int index = 0;                        // place in GraphSpec::nodes
    flightdeck::model::NodeSpec node;     // inputs included
    QPointF pos;
};

// Inserts nodes (edges among them and into them included); paste and "add node".
class GraphAddNodesCommand : public QUndoCommand {
public:
    GraphAddNodesCommand(GraphDocument* document, std::vector<GraphNodeEntry> entries,
                         const QString& text);
    void redo() override;
    void undo() override;

private:
    GraphDocument* document_;
    std::vector<GraphNodeEntry> entries_;   // ascending index
};

// Removes nodes and every edge that touches them (other nodes' inputs lose those entries).
class GraphRemoveNodesCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(GraphRemoveNodesCommand)
public:
    GraphRemoveNodesCommand(GraphDocument* document, const QStringList& ids);
    bool isEmpty() const { return entries_.empty(); }
    void redo() override;
    void undo() override;

private:
    struct Dependent {
        QString id;
        std::vector<std::string> before, after;
    };
    GraphDocument* document_;
    std::vector<GraphNodeEntry> entries_;   // ascending index
    std::vector<Dependent> dependents_;
};

}  // namespace flightdeck::ui
