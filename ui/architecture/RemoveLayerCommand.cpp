#include "architecture/RemoveLayerCommand.h"

#include "architecture/ArchitectureDocument.h"

namespace flightdeck::ui {

RemoveLayerCommand::RemoveLayerCommand(ArchitectureDocument* document, int index)
    : document_(document), index_(index), layer_(document->layer(index))
{
    setText(tr("Remove %1 layer").arg(QString::fromLatin1(flightdeck::model::layerTypeName(layer_.type))));
}

void RemoveLayerCommand::redo()
{
    layer_ = document_->removeLayerRaw(index_);
}

void RemoveLayerCommand::undo()
{
    document_->insertLayerRaw(index_, layer_);
}

}  // namespace flightdeck::ui
