#pragma once
// Edits of the graph as a whole: its name, and replacing every node (a template, a loaded
// architecture).
#include "flightdeck/model/GraphSpec.h"

#include <QCoreApplication>
#include <QString>
#include <QUndoCommand>

namespace flightdeck::ui {

class GraphDocument;

// Consecutive renames merge into one step.
class GraphRenameCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(GraphRenameCommand)
public:
    GraphRenameCommand(GraphDocument* document, const QString& before, const QString& after);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    GraphDocument* document_;
    QString before_, after_;
};

class GraphReplaceCommand : public QUndoCommand {
public:
    GraphReplaceCommand(GraphDocument* document, flightdeck::model::GraphSpec before,
                        flightdeck::model::GraphSpec after, const QString& text);
    void redo() override;
    void undo() override;

private:
    GraphDocument* document_;
    flightdeck::model::GraphSpec before_, after_;
};

}  // namespace flightdeck::ui
