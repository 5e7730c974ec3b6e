#pragma once
// Merge ids of the architecture document's undo commands (QUndoCommand::id()), one enum so two
// commands never share an id by accident.

namespace flightdeck::ui {

enum ArchitectureCommandId {
    EditLayerCommandId = 1,
    RenameCommandId = 2,
};

}  // namespace flightdeck::ui
