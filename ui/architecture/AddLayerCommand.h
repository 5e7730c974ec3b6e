#pragma once
#include "flightdeck/model/ArchitectureSpec.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace flightdeck::ui {

class ArchitectureDocument;

// Inserts one layer at `index`; undo removes it again.
class AddLayerCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(AddLayerCommand)
public:
    AddLayerCommand(ArchitectureDocument* document, int index,
                    const flightdeck::model::LayerSpec& layer);
    void redo() override;
    void undo() override;

private:
    ArchitectureDocument* document_;
    int index_;
    flightdeck::model::LayerSpec layer_;
};

}  // namespace flightdeck::ui
