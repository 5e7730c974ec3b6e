#pragma once
// Replacing every node of the graph (a template, a loaded architecture). Renames use
// RenameCommandOf (architecture/RenameCommand.h).
#include "flightdeck/model/GraphSpec.h"

#include <QString>
#include <QUndoCommand>

namespace flightdeck::ui {

class GraphDocument;

class GraphReplaceCommand : public QUndoCommand {
public:
    GraphReplaceCommand(GraphDocument* document, flightdeck::model::GraphSpec before,
                        flightdeck::model::GraphSpec after, const QString& text);
    void redo() override;
    void undo() override;

private:
    GraphDocument* document_;
    flightdeck::model::GraphSpec before_, after_;
};

}  // namespace flightdeck::ui
