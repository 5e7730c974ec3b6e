#include "architecture/graph/commands/MoveNodes.h"

#include "architecture/graph/GraphDocument.h"
#include "architecture/graph/commands/GraphCommandIds.h"

namespace flightdeck::ui {

GraphMoveNodesCommand::GraphMoveNodesCommand(GraphDocument* document,
                                             std::map<QString, QPointF> before,
                                             std::map<QString, QPointF> after, int dragId,
                                             const QString& text)
    : QUndoCommand(text), document_(document), before_(std::move(before)),
      after_(std::move(after)), dragId_(dragId)
{
}

void GraphMoveNodesCommand::redo()
{
    for (const auto& [id, pos] : after_)
        document_->setPositionRaw(id, pos);
}

void GraphMoveNodesCommand::undo()
{
    for (const auto& [id, pos] : before_)
        document_->setPositionRaw(id, pos);
}

int GraphMoveNodesCommand::id() const
{
    return GraphMoveNodesCommandId;
}

bool GraphMoveNodesCommand::mergeWith(const QUndoCommand* other)
{
    const auto* move = static_cast<const GraphMoveNodesCommand*>(other);
    if (dragId_ == 0 || move->dragId_ != dragId_ || move->document_ != document_)
        return false;
    for (const auto& [id, pos] : move->before_)
        before_.emplace(id, pos);   // keeps this command's older position when already there
    for (const auto& [id, pos] : move->after_)
        after_[id] = pos;
    setObsolete(before_ == after_);
    return true;
}

}  // namespace flightdeck::ui
