#include "architecture/RenameCommand.h"

#include "architecture/ArchitectureDocument.h"
#include "architecture/UndoCommandIds.h"

namespace flightdeck::ui {

RenameCommand::RenameCommand(ArchitectureDocument* document, const QString& before,
                             const QString& after)
    : document_(document), before_(before), after_(after)
{
    setText(tr("Rename to \"%1\"").arg(after));
}

void RenameCommand::redo()
{
    document_->setNameRaw(after_);
}

void RenameCommand::undo()
{
    document_->setNameRaw(before_);
}

int RenameCommand::id() const
{
    return RenameCommandId;
}

bool RenameCommand::mergeWith(const QUndoCommand* other)
{
    const auto* rename = static_cast<const RenameCommand*>(other);
    if (rename->document_ != document_)
        return false;
    after_ = rename->after_;
    setText(tr("Rename to \"%1\"").arg(after_));
    setObsolete(before_ == after_);
    return true;
}

}  // namespace flightdeck::ui
