#pragma once
// Renames a document (the architecture in the layer table, the graph on the canvas);
// consecutive renames merge into one step. One template, so both editors name, merge and
// translate a rename the same way.
#include <QCoreApplication>
#include <QString>
#include <QUndoCommand>

namespace flightdeck::ui {

template <typename Document, int CommandId>
class RenameCommandOf : public QUndoCommand {
public:
    RenameCommandOf(Document* document, const QString& before, const QString& after)
        : document_(document), before_(before), after_(after)
    {
        setText(label(after));
    }
    void redo() override { document_->setNameRaw(after_); }
    void undo() override { document_->setNameRaw(before_); }
    int id() const override { return CommandId; }
    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* rename = static_cast<const RenameCommandOf*>(other);
        if (rename->document_ != document_)
            return false;
        after_ = rename->after_;
        setText(label(after_));
        setObsolete(before_ == after_);
        return true;
    }

private:
    static QString label(const QString& name)
    {
        return QCoreApplication::translate("RenameCommand", "Rename to \"%1\"").arg(name);
    }

    Document* document_;
    QString before_, after_;
};

}  // namespace flightdeck::ui
