#pragma once
// Edits of one node: its fields, and its inputs (connect/disconnect are edits of the target's
// ordered input list, which is how the spec stores edges).
#include "flightdeck/model/GraphSpec.h"

#include <QString>
#include <QUndoCommand>

#include <string>
#include <vector>

namespace flightdeck::ui {

class GraphDocument;

// Replaces a node's fields (inputs untouched). Edits with the same non-zero burst id on the
// same node and field merge: typing 1, 12, 128 is one step.
class GraphSetFieldCommand : public QUndoCommand {
public:
    GraphSetFieldCommand(GraphDocument* document, const QString& nodeId, const QString& field,
                         const flightdeck::model::NodeSpec& before,
                         const flightdeck::model::NodeSpec& after, int burstId,
                         const QString& text);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    GraphDocument* document_;
    QString nodeId_, field_;
    flightdeck::model::NodeSpec before_, after_;
    int burstId_;
};

struct GraphInputsChange {
    QString nodeId;
    std::vector<std::string> before, after;
};

// Sets nodes' input lists: a connect or a disconnect changes one node's, moving an edge's end
// from one node to another changes two, in one step.
class GraphSetInputsCommand : public QUndoCommand {
public:
    GraphSetInputsCommand(GraphDocument* document, std::vector<GraphInputsChange> changes,
                          const QString& text);
    void redo() override;
    void undo() override;

private:
    GraphDocument* document_;
    std::vector<GraphInputsChange> changes_;
};

}  // namespace flightdeck::ui
