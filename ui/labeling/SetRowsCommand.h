#pragma once
// One labeling action on any number of rows: the states before and after, so undo and redo
// are exact whatever happened in between on other rows.
#include "labeling/LabelingDocument.h"

#include <QUndoCommand>

#include <vector>

namespace flightdeck::ui {

class SetRowsCommand : public QUndoCommand {
public:
    SetRowsCommand(LabelingDocument* document, std::vector<int> rows, std::vector<RowState> before,
                   std::vector<RowState> after, double secondsSpent, const QString& text,
                   QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    LabelingDocument* document_;
    std::vector<int> rows_;
    std::vector<RowState> before_, after_;
    double seconds_;
};

// Lists a class in the class bar, or stops listing it (an emptied class after rename, merge
// or delete). A class once added is kept by the store; undo only hides it again.
class ShowClassCommand : public QUndoCommand {
public:
    ShowClassCommand(LabelingDocument* document, int index, bool shown,
                     QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    LabelingDocument* document_;
    int index_;
    bool shown_;
};

// Renames a class where it stands; undo renames it back (both re-save its rows).
class RenameClassCommand : public QUndoCommand {
public:
    RenameClassCommand(LabelingDocument* document, int index, QString before, QString after);
    void undo() override;
    void redo() override;

private:
    LabelingDocument* document_;
    int index_;
    QString before_, after_;
};

}  // namespace flightdeck::ui
