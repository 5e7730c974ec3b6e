#include "architecture/graph/commands/GraphWide.h"

#include "architecture/graph/GraphDocument.h"

namespace flightdeck::ui {

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
