#include "labeling/SetRowsCommand.h"

namespace flightdeck::ui {

SetRowsCommand::SetRowsCommand(LabelingDocument* document, std::vector<int> rows,
                               std::vector<RowState> before, std::vector<RowState> after,
                               double secondsSpent, const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent),
      document_(document),
      rows_(std::move(rows)),
      before_(std::move(before)),
      after_(std::move(after)),
      seconds_(secondsSpent)
{
}

void SetRowsCommand::undo() { document_->applyRaw(rows_, before_, 0); }

// The time spent goes with the first doing only; a redo is not more work on the item.
void SetRowsCommand::redo()
{
    document_->applyRaw(rows_, after_, seconds_);
    seconds_ = 0;
}

ShowClassCommand::ShowClassCommand(LabelingDocument* document, int index, bool shown,
                                   QUndoCommand* parent)
    : QUndoCommand(parent), document_(document), index_(index), shown_(shown)
{
}

void ShowClassCommand::undo() { document_->setClassShownRaw(index_, !shown_); }
void ShowClassCommand::redo() { document_->setClassShownRaw(index_, shown_); }

RenameClassCommand::RenameClassCommand(LabelingDocument* document, int index, QString before,
                                       QString after)
    : QUndoCommand(LabelingDocument::tr("Rename class %1 to %2").arg(before, after)),
      document_(document),
      index_(index),
      before_(std::move(before)),
      after_(std::move(after))
{
}

void RenameClassCommand::undo() { document_->renameClassRaw(index_, before_); }
void RenameClassCommand::redo() { document_->renameClassRaw(index_, after_); }

}  // namespace flightdeck::ui
