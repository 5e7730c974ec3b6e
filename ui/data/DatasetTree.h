#pragma once
// Datasets and their versions (hash prefix, rows, features, classes, created) as a tree.
// Choosing a version item emits versionChosen; reloads and programmatic selection do not.
#include <QTreeWidget>

namespace flightdeck::ui {

class ProjectSession;

class DatasetTree : public QTreeWidget {
    Q_OBJECT
public:
    explicit DatasetTree(ProjectSession* session, QWidget* parent = nullptr);

    // Reloads from the store; returns an error message, empty on success.
    QString reload();
    void selectVersion(qint64 versionId);
    int versionCount() const;
    void retranslateUi();

Q_SIGNALS:
    void versionChosen(qint64 versionId);

private:
    ProjectSession* session_;
};

}  // namespace flightdeck::ui
