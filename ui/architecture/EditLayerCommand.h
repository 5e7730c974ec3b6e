#pragma once
#include "architecture/ArchitectureDocument.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace flightdeck::ui {

// Changes one field of one layer. Consecutive edits of the same field of the same layer merge
// into one step (typing 1, 12, 128 into a units box is one undo).
class EditLayerCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(EditLayerCommand)
public:
    EditLayerCommand(ArchitectureDocument* document, int index, ArchitectureDocument::Field field,
                     const flightdeck::model::LayerSpec& before,
                     const flightdeck::model::LayerSpec& after);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    ArchitectureDocument* document_;
    int index_;
    ArchitectureDocument::Field field_;
    flightdeck::model::LayerSpec before_, after_;
};

}  // namespace flightdeck::ui
