#include "architecture/EditLayerCommand.h"

#include "architecture/UndoCommandIds.h"

namespace flightdeck::ui {

namespace {
bool sameLayer(const flightdeck::model::LayerSpec& a, const flightdeck::model::LayerSpec& b)
{
    return a.type == b.type && a.units == b.units && a.p == b.p;
}
}  // namespace

EditLayerCommand::EditLayerCommand(ArchitectureDocument* document, int index,
                                   ArchitectureDocument::Field field,
                                   const flightdeck::model::LayerSpec& before,
                                   const flightdeck::model::LayerSpec& after)
    : document_(document), index_(index), field_(field), before_(before), after_(after)
{
    switch (field) {
    case ArchitectureDocument::Field::Type: setText(tr("Change layer %1 type").arg(index + 1)); break;
    case ArchitectureDocument::Field::Units: setText(tr("Change layer %1 units").arg(index + 1)); break;
    case ArchitectureDocument::Field::Dropout:
        setText(tr("Change layer %1 dropout").arg(index + 1));
        break;
    }
}

void EditLayerCommand::redo()
{
    document_->setLayerRaw(index_, after_);
}

void EditLayerCommand::undo()
{
    document_->setLayerRaw(index_, before_);
}

int EditLayerCommand::id() const
{
    return EditLayerCommandId;
}

bool EditLayerCommand::mergeWith(const QUndoCommand* other)
{
    const auto* edit = static_cast<const EditLayerCommand*>(other);
    if (edit->document_ != document_ || edit->index_ != index_ || edit->field_ != field_)
        return false;
    after_ = edit->after_;
    setObsolete(sameLayer(before_, after_));
    return true;
}

}  // namespace flightdeck::ui
