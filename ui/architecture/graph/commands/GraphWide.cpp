#include "architecture/graph/commands/GraphWide.h"

#include "architecture/graph/GraphDocument.h"
#include "architecture/graph/commands/GraphCommandIds.h"

namespace flightdeck::ui {

GraphRenameCommand::GraphRenameCommand(GraphDocument* document, const QString& before,
                                       const QString& after)
    : document_(document), before_(before), after_(after)
{
    setText(tr("Rename to \"%1\"").arg(after));
}

void GraphRenameCommand::redo()
{
    document_->setNameRaw(after_);
}

void GraphRenameCommand::undo()
{
    document_->setNameRaw(before_);
}

int GraphRenameCommand::id() const
{
    return GraphRenameCommandId;
}

bool GraphRenameCommand::mergeWith(const QUndoCommand* other)
{
    const auto* rename = static_cast<const GraphRenameCommand*>(other);
    if (rename->document_ != document_)
        return false;
    after_ = rename->after_;
    setText(tr("Rename to \"%1\"").arg(after_));
    setObsolete(before_ == after_);
    return true;
}

GraphReplaceCommand::GraphReplaceCommand(GraphDocument* document,
                                         flightdeck::model::GraphSpec before,
                                         flightdeck::model::GraphSpec after, const QString& text)
    : QUndoCommand(text), document_(document), before_(std::move(before)),
      after_(std::move(after))
{
}

void GraphReplaceCommand::redo()
{
    document_->setGraphRaw(after_);
}

void GraphReplaceCommand::undo()
{
    document_->setGraphRaw(before_);
}

}  // namespace flightdeck::ui
