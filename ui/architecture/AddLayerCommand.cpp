#include "architecture/AddLayerCommand.h"

#include "architecture/ArchitectureDocument.h"

namespace flightdeck::ui {

AddLayerCommand::AddLayerCommand(ArchitectureDocument* document, int index,
                                 const flightdeck::model::LayerSpec& layer)
    : document_(document), index_(index), layer_(layer)
{
    setText(tr("Add %1 layer").arg(QString::fromLatin1(flightdeck::model::layerTypeName(layer.type))));
}

void AddLayerCommand::redo()
{
    document_->insertLayerRaw(index_, layer_);
}

void AddLayerCommand::undo()
{
    document_->removeLayerRaw(index_);
}

}  // namespace flightdeck::ui
