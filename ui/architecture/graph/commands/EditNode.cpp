#include "architecture/graph/commands/EditNode.h"

#include "architecture/graph/GraphDocument.h"
#include "architecture/graph/commands/GraphCommandIds.h"

namespace flightdeck::ui {

GraphSetFieldCommand::GraphSetFieldCommand(GraphDocument* document, const QString& nodeId,
                                           const QString& field,
                                           const flightdeck::model::NodeSpec& before,
                                           const flightdeck::model::NodeSpec& after,
                                           int burstId, const QString& text)
    : QUndoCommand(text), document_(document), nodeId_(nodeId), field_(field), before_(before),
      after_(after), burstId_(burstId)
{
}

void GraphSetFieldCommand::redo()
{
    document_->setNodeRaw(nodeId_, after_);
}

void GraphSetFieldCommand::undo()
{
    document_->setNodeRaw(nodeId_, before_);
}

int GraphSetFieldCommand::id() const
{
    return GraphSetFieldCommandId;
}

bool GraphSetFieldCommand::mergeWith(const QUndoCommand* other)
{
    const auto* edit = static_cast<const GraphSetFieldCommand*>(other);
    if (burstId_ == 0 || edit->burstId_ != burstId_ || edit->document_ != document_
        || edit->nodeId_ != nodeId_ || edit->field_ != field_)
        return false;
    after_ = edit->after_;
    // Typing back to the starting value leaves nothing to undo.
    setObsolete(flightdeck::model::GraphSpec{2, "", {before_}, {}}.toJson(false)
                == flightdeck::model::GraphSpec{2, "", {after_}, {}}.toJson(false));
    return true;
}

GraphSetInputsCommand::GraphSetInputsCommand(GraphDocument* document,
                                             std::vector<GraphInputsChange> changes,
                                             const QString& text)
    : QUndoCommand(text), document_(document), changes_(std::move(changes))
{
}

void GraphSetInputsCommand::redo()
{
    document_->beginBatch();
    for (const auto& change : changes_)
        document_->setInputsRaw(change.nodeId, change.after);
    document_->endBatch();
}

void GraphSetInputsCommand::undo()
{
    document_->beginBatch();
    for (auto it = changes_.rbegin(); it != changes_.rend(); ++it)
        document_->setInputsRaw(it->nodeId, it->before);
    document_->endBatch();
}

}  // namespace flightdeck::ui
