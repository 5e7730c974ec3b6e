#pragma once
// The labels being edited: one version's working labels, the class list and the QUndoStack
// (the document owns undo, so no edit bypasses it). Every change, undo and redo included, is
// handed to the LabelWriter as it happens: there is no Save.
#include "flightdeck/store/Records.h"
#include "labeling/LabelingData.h"

#include <QColor>
#include <QObject>
#include <QStringList>

#include <memory>
#include <vector>

class QUndoStack;

namespace flightdeck::ui {

class LabelWriter;

struct RowState {
    qint32 label = -1;   // class index; -1 = none
    bool verified = false;
    flightdeck::store::LabelSource source = flightdeck::store::LabelSource::Import;
    bool operator==(const RowState& o) const
    {
        return label == o.label && verified == o.verified && source == o.source;
    }
};

class LabelingDocument : public QObject {
    Q_OBJECT
public:
    explicit LabelingDocument(QObject* parent = nullptr);
    ~LabelingDocument() override;

    // Takes over loaded data; labels go to `writer` (owned by the document from now on).
    void load(std::shared_ptr<const LabelingData> data, std::unique_ptr<LabelWriter> writer);
    void clear();
    bool isLoaded() const { return data_ != nullptr; }
    const LabelingData* data() const { return data_.get(); }
    std::shared_ptr<const LabelingData> sharedData() const { return data_; }
    qint64 versionId() const { return data_ ? data_->versionId : 0; }
    LabelWriter* writer() const { return writer_.get(); }
    QUndoStack* undoStack() const { return undoStack_; }

    int count() const { return static_cast<int>(rows_.size()); }
    const RowState& row(int r) const { return rows_[static_cast<std::size_t>(r)]; }
    QString name(int r) const;
    float secondsSpent(int r) const { return seconds_[static_cast<std::size_t>(r)]; }

    // Every class index ever known this session; visibleClasses() are the ones the class bar
    // lists: with labels, or added by a person (a class emptied by rename/merge/delete hides).
    const QStringList& classes() const { return classes_; }
    QList<int> visibleClasses() const;
    int classIndex(const QString& name) const { return classes_.indexOf(name); }
    QColor classColor(int index) const;
    qint64 classCount(int index) const { return counts_[static_cast<std::size_t>(index)]; }
    qint64 labeledCount() const { return labeled_; }
    qint64 verifiedCount() const { return verifiedCount_; }

    // Undoable actions; each is one undo step however many rows it touches. Rows that would
    // not change are left out; an action that changes nothing pushes nothing.
    void setLabel(const QList<int>& rows, int classIndex, double secondsSpent = 0);
    void setVerified(const QList<int>& rows, bool verified);
    void acceptPreLabels(const QList<int>& rows);
    // A model's labels for unlabeled items: source Model until a person accepts them.
    void preLabel(const QList<int>& rows, const QList<int>& classes);
    // A name that cannot be a class (over 255 bytes of UTF-8: core's rule for every import,
    // so the server's answers and log lines stay readable) is refused: -1 / no change.
    int addClass(const QString& name);            // returns the index (existing or new)
    void renameClass(int index, const QString& name);
    // Why `name` cannot be a class, in the user's language; empty when it can.
    static QString classNameProblem(const QString& name);
    void mergeClass(int from, int into);
    void deleteClass(int index);                  // its rows lose their label

    // For the undo commands only: not undoable, saves and emits.
    void applyRaw(const std::vector<int>& rows, const std::vector<RowState>& states,
                  double secondsSpent);
    void setClassShownRaw(int index, bool shown);
    // Renames in place (same colour, place and key); every row of the class is re-saved
    // under the new name.
    void renameClassRaw(int index, const QString& name);

Q_SIGNALS:
    void loaded();
    void rowsChanged(const std::vector<int>& rows);
    void classesChanged();
    void saveFailed(const QString& message);

private:
    void changeRows(const QList<int>& rows, const QString& text, double secondsSpent,
                    const std::function<RowState(const RowState&)>& change);
    int ensureClassRaw(const QString& name);

    std::shared_ptr<const LabelingData> data_;
    std::unique_ptr<LabelWriter> writer_;
    QUndoStack* undoStack_;
    std::vector<RowState> rows_;
    std::vector<float> seconds_;
    QStringList classes_;
    std::vector<qint64> counts_;
    std::vector<bool> shown_;   // added by a person (kept even when empty)
    qint64 labeled_ = 0, verifiedCount_ = 0;
};

}  // namespace flightdeck::ui
