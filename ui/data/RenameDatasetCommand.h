#pragma once
// Renaming a dataset as an undo step. The store write runs on the TaskRunner (`apply`), so the
// command holds no project; the first redo is the rename that already succeeded before the
// command was pushed, and is not done twice.
#include <QCoreApplication>
#include <QString>
#include <QUndoCommand>

#include <functional>

namespace flightdeck::ui {

class RenameDatasetCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(RenameDatasetCommand)
public:
    using Apply = std::function<void(qint64 datasetId, const QString& name)>;

    RenameDatasetCommand(qint64 datasetId, const QString& before, const QString& after, Apply apply)
        : datasetId_(datasetId), before_(before), after_(after), apply_(std::move(apply))
    {
        setText(tr("Rename dataset \"%1\" to \"%2\"").arg(before, after));
    }
    void redo() override
    {
        if (!done_)
            done_ = true;
        else
            apply_(datasetId_, after_);
    }
    void undo() override { apply_(datasetId_, before_); }

private:
    qint64 datasetId_;
    QString before_, after_;
    Apply apply_;
    bool done_ = false;
};

}  // namespace flightdeck::ui
