#pragma once
#include "flightdeck/model/ArchitectureSpec.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace flightdeck::ui {

class ArchitectureDocument;

// Removes the layer at `index`; undo puts the same layer back.
class RemoveLayerCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(RemoveLayerCommand)
public:
    RemoveLayerCommand(ArchitectureDocument* document, int index);
    void redo() override;
    void undo() override;

private:
    ArchitectureDocument* document_;
    int index_;
    flightdeck::model::LayerSpec layer_;
};

}  // namespace flightdeck::ui
