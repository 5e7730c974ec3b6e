#pragma once
#include "flightdeck/model/ArchitectureSpec.h"

#include <QString>
#include <QUndoCommand>

namespace flightdeck::ui {

class ArchitectureDocument;

// Swaps the whole spec (loading a saved architecture); undo restores the previous one.
// `text` is the already translated undo text.
class ReplaceSpecCommand : public QUndoCommand {
public:
    ReplaceSpecCommand(ArchitectureDocument* document, const flightdeck::model::ArchitectureSpec& before,
                       const flightdeck::model::ArchitectureSpec& after, const QString& text);
    void redo() override;
    void undo() override;

private:
    ArchitectureDocument* document_;
    flightdeck::model::ArchitectureSpec before_, after_;
};

}  // namespace flightdeck::ui
