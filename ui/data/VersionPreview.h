#pragma once
// The selected dataset version's first rows, read off the GUI thread: the Data panel's preview
// table, its class counts and the line above them that says what is shown. A read that a newer
// one overtook is not shown.
#include <QObject>

class QLabel;
class QTableView;

namespace flightdeck::ui {

class ClassCountsTable;
class PreviewModel;
class ProjectSession;
class TaskRunner;
struct DatasetPreview;

class VersionPreview : public QObject {
    Q_OBJECT
public:
    static constexpr int kRows = 200;

    VersionPreview(ProjectSession* session, TaskRunner* tasks, QLabel* label, QTableView* table,
                   ClassCountsTable* counts, QObject* parent = nullptr);

    // Nothing shown while versionId <= 0 or no project is open.
    void load(qint64 versionId);
    void clear();
    // After a language switch: the numbers in the user's new locale, or the hint again.
    void retranslateUi();

Q_SIGNALS:
    void failed(const QString& message);

private:
    void show(const DatasetPreview& preview);

    ProjectSession* session_;
    TaskRunner* tasks_;
    QLabel* label_;
    QTableView* table_;
    ClassCountsTable* counts_;
    PreviewModel* model_;
    int ticket_ = 0;
};

}  // namespace flightdeck::ui
