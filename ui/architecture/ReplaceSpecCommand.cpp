#include "architecture/ReplaceSpecCommand.h"

#include "architecture/ArchitectureDocument.h"

namespace flightdeck::ui {

ReplaceSpecCommand::ReplaceSpecCommand(ArchitectureDocument* document,
                                       const flightdeck::model::ArchitectureSpec& before,
                                       const flightdeck::model::ArchitectureSpec& after,
                                       const QString& text)
    : QUndoCommand(text), document_(document), before_(before), after_(after)
{
}

void ReplaceSpecCommand::redo()
{
    document_->setSpecRaw(after_);
}

void ReplaceSpecCommand::undo()
{
    document_->setSpecRaw(before_);
}

}  // namespace flightdeck::ui
