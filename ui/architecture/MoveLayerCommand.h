#pragma once
#include <QCoreApplication>
#include <QUndoCommand>

namespace flightdeck::ui {

class ArchitectureDocument;

// Moves one layer from `from` to `to` (indexes after the move); undo moves it back.
class MoveLayerCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(MoveLayerCommand)
public:
    MoveLayerCommand(ArchitectureDocument* document, int from, int to);
    void redo() override;
    void undo() override;

private:
    ArchitectureDocument* document_;
    int from_, to_;
};

}  // namespace flightdeck::ui
