#pragma once
// What a person does to datasets and versions in the Data panel's tree: rename a dataset (F2,
// undoable), delete a version or a whole dataset (Delete, after a question that says what goes
// with it, and refused with the reason while runs or sweeps used it), copy a version's id or
// hash. The same actions make the tree's context menu. Store reads and writes run on the
// TaskRunner; the outcome is reported through message().
#include <QObject>
#include <QString>

class QAction;
class QMenu;
class QPoint;
class QTreeWidgetItem;
class QUndoStack;
class QWidget;

namespace flightdeck::store { struct DatasetUsage; }

namespace flightdeck::ui {

class DatasetTree;
class ProjectSession;
class TaskRunner;

class DatasetActions : public QObject {
    Q_OBJECT
public:
    DatasetActions(ProjectSession* session, TaskRunner* tasks, DatasetTree* tree,
                   QWidget* dialogParent);

    QUndoStack* undoStack() const { return undoStack_; }
    // The question before deleting, or the refusal (`refused` set) when something used it.
    // `what` names it: "version v2 (#7) of “iris”" or "dataset “iris”".
    static QString deleteQuestion(const QString& what, const flightdeck::store::DatasetUsage& usage,
                                  bool* refused);
    void retranslateUi();

public Q_SLOTS:
    // Act on the tree's current item (the keys and the menu both come here).
    void renameCurrent();
    void deleteCurrent();
    // Renames through the store; on success the rename is an undo step.
    void rename(qint64 datasetId, const QString& name);

Q_SIGNALS:
    void message(const QString& text, bool error);

private:
    void showMenu(const QPoint& pos);
    void updateEnabled();
    void applyRename(qint64 datasetId, const QString& from, const QString& to, bool push);
    void askDelete(const QString& what, const flightdeck::store::DatasetUsage& usage,
                   qint64 datasetId, qint64 versionId);
    void runDelete(const QString& what, qint64 datasetId, qint64 versionId);

    ProjectSession* session_;
    TaskRunner* tasks_;
    DatasetTree* tree_;
    QWidget* dialogParent_;
    QUndoStack* undoStack_;
    QAction* rename_;
    QAction* delete_;
    QAction* copyId_;
    QAction* copyHash_;
};

}  // namespace flightdeck::ui
