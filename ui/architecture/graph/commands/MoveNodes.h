#pragma once
#include <QPointF>
#include <QString>
#include <QUndoCommand>

#include <map>

namespace flightdeck::ui {

class GraphDocument;

// Moves nodes to new positions. Steps of one drag carry the same non-zero drag id and merge,
// so a drag is one undo step however many mouse moves it took.
class GraphMoveNodesCommand : public QUndoCommand {
public:
    GraphMoveNodesCommand(GraphDocument* document, std::map<QString, QPointF> before,
                          std::map<QString, QPointF> after, int dragId, const QString& text);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    GraphDocument* document_;
    std::map<QString, QPointF> before_, after_;
    int dragId_;
};

}  // namespace flightdeck::ui
