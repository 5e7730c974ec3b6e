#pragma once
#include <QCoreApplication>
#include <QString>
#include <QUndoCommand>

namespace flightdeck::ui {

class ArchitectureDocument;

// Renames the architecture; consecutive renames merge into one step.
class RenameCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(RenameCommand)
public:
    RenameCommand(ArchitectureDocument* document, const QString& before, const QString& after);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    ArchitectureDocument* document_;
    QString before_, after_;
};

}  // namespace flightdeck::ui
