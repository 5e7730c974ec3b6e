#include "architecture/MoveLayerCommand.h"

#include "architecture/ArchitectureDocument.h"

namespace flightdeck::ui {

MoveLayerCommand::MoveLayerCommand(ArchitectureDocument* document, int from, int to)
    : document_(document), from_(from), to_(to)
{
    setText(to < from ? tr("Move layer %1 up").arg(from + 1) : tr("Move layer %1 down").arg(from + 1));
}

void MoveLayerCommand::redo()
{
    document_->moveLayerRaw(from_, to_);
}

void MoveLayerCommand::undo()
{
    document_->moveLayerRaw(to_, from_);
}

}  // namespace flightdeck::ui
