#pragma once
// Merge ids of the graph document's undo commands (QUndoCommand::id()), kept apart from the
// layer table's ids (architecture/UndoCommandIds.h) so the two never merge by accident.

namespace flightdeck::ui {

enum GraphCommandId {
    GraphMoveNodesCommandId = 101,
    GraphSetFieldCommandId = 102,
    GraphRenameCommandId = 103,
};

}  // namespace flightdeck::ui
