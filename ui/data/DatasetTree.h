#pragma once
// Datasets and their versions (hash prefix, rows, features, classes, created) as a tree.
// Choosing a version item emits versionChosen; reloads and programmatic selection do not.
// A dataset item is selectable too (rename and delete act on the current item); its id is
// datasetId(item), a version item's versionId(item).
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
    void selectDataset(qint64 datasetId);
    static qint64 datasetId(const QTreeWidgetItem* item);   // a version's: its dataset's
    static qint64 versionId(const QTreeWidgetItem* item);   // 0 for a dataset item
    static QString datasetName(const QTreeWidgetItem* item);
    static QString versionLabel(const QTreeWidgetItem* item);   // "v2 (#7)"
    static QString versionHash(const QTreeWidgetItem* item);
    void retranslateUi();

Q_SIGNALS:
    void versionChosen(qint64 versionId);

private:
    ProjectSession* session_;
};

}  // namespace flightdeck::ui
