#include "data/DatasetActions.h"

#include "common/ProjectSession.h"
#include "common/TaskRunner.h"
#include "data/DatasetTree.h"
#include "data/RenameDatasetCommand.h"

#include "flightdeck/store/DatasetRepository.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QUndoStack>

#include <algorithm>
#include <vector>

namespace flightdeck::ui {

namespace {

// What a finished delete took, for the session's selection.
struct Deleted {
    std::vector<qint64> versionIds;
};

}  // namespace

DatasetActions::DatasetActions(ProjectSession* session, TaskRunner* tasks, DatasetTree* tree,
                               QWidget* dialogParent)
    : QObject(dialogParent),
      session_(session),
      tasks_(tasks),
      tree_(tree),
      dialogParent_(dialogParent),
      undoStack_(new QUndoStack(this)),
      rename_(new QAction(this)),
      delete_(new QAction(this)),
      copyId_(new QAction(this)),
      copyHash_(new QAction(this))
{
    setObjectName(QStringLiteral("datasetActions"));
    undoStack_->setObjectName(QStringLiteral("dataUndoStack"));
    rename_->setObjectName(QStringLiteral("actionRenameDataset"));
    delete_->setObjectName(QStringLiteral("actionDeleteDatasetItem"));
    copyId_->setObjectName(QStringLiteral("actionCopyVersionId"));
    copyHash_->setObjectName(QStringLiteral("actionCopyVersionHash"));
    rename_->setShortcut(QKeySequence(Qt::Key_F2));
    delete_->setShortcut(QKeySequence::Delete);
    // Only while the tree has the focus: Delete in Experiments deletes runs.
    for (QAction* action : {rename_, delete_}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        tree_->addAction(action);
    }
    tree_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(tree_, &QWidget::customContextMenuRequested, this, &DatasetActions::showMenu);
    // The selection model's signal, not the tree's: the tree blocks its own while it reloads and
    // while the session's version is selected for it, and the keys must follow those too.
    connect(tree_->selectionModel(), &QItemSelectionModel::currentChanged, this, &DatasetActions::updateEnabled);
    connect(rename_, &QAction::triggered, this, &DatasetActions::renameCurrent);
    connect(delete_, &QAction::triggered, this, &DatasetActions::deleteCurrent);
    connect(copyId_, &QAction::triggered, this, [this] {
        QGuiApplication::clipboard()->setText(QString::number(DatasetTree::versionId(tree_->currentItem())));
    });
    connect(copyHash_, &QAction::triggered, this, [this] {
        QGuiApplication::clipboard()->setText(DatasetTree::versionHash(tree_->currentItem()));
    });
    // Ids of another project mean nothing: its renames cannot be undone here.
    connect(session_, &ProjectSession::projectClosed, undoStack_, &QUndoStack::clear);
    retranslateUi();
}

void DatasetActions::showMenu(const QPoint& pos)
{
    if (QTreeWidgetItem* item = tree_->itemAt(pos))
        tree_->setCurrentItem(item);   // a version item: chosen, as a click would
    if (!tree_->currentItem())
        return;
    updateEnabled();
    QMenu menu(tree_);
    menu.setObjectName(QStringLiteral("datasetContextMenu"));
    menu.addAction(rename_);
    menu.addAction(delete_);
    menu.addSeparator();
    menu.addAction(copyId_);
    menu.addAction(copyHash_);
    menu.exec(tree_->viewport()->mapToGlobal(pos));
}

void DatasetActions::updateEnabled()
{
    const QTreeWidgetItem* item = tree_->currentItem();
    const bool version = DatasetTree::versionId(item) > 0;
    rename_->setEnabled(DatasetTree::datasetId(item) > 0);
    delete_->setEnabled(DatasetTree::datasetId(item) > 0);
    delete_->setText(version ? tr("&Delete Version…") : tr("&Delete Dataset…"));
    copyId_->setEnabled(version);
    copyHash_->setEnabled(version);
}

void DatasetActions::renameCurrent()
{
    const QTreeWidgetItem* item = tree_->currentItem();
    const qint64 datasetId = DatasetTree::datasetId(item);
    if (datasetId <= 0)
        return;
    auto* dialog = new QInputDialog(dialogParent_);
    dialog->setObjectName(QStringLiteral("renameDatasetDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Rename Dataset"));
    dialog->setLabelText(tr("New name of “%1”:").arg(DatasetTree::datasetName(item)));
    dialog->setTextValue(DatasetTree::datasetName(item));
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, datasetId](const QString& name) { rename(datasetId, name); });
    dialog->open();
}

void DatasetActions::rename(qint64 datasetId, const QString& name)
{
    QString from;
    QStringList others;
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* top = tree_->topLevelItem(i);
        (DatasetTree::datasetId(top) == datasetId ? from : others.emplace_back()) =
            DatasetTree::datasetName(top);
    }
    const QString to = name.trimmed();
    if (to.isEmpty())
        Q_EMIT message(tr("A dataset needs a name."), true);
    else if (others.contains(to))
        Q_EMIT message(tr("A dataset named “%1” exists already.").arg(to), true);
    else if (to != from)
        applyRename(datasetId, from, to, true);
}

void DatasetActions::applyRename(qint64 datasetId, const QString& from, const QString& to, bool push)
{
    tasks_->run(
        tr("Renaming dataset"), this,
        [datasetId, to](flightdeck::store::Project& project, const std::atomic<bool>&) {
            flightdeck::store::DatasetRepository(project).renameDataset(datasetId, to.toStdString());
        },
        [this, datasetId, from, to, push] {
            if (push) {
                // The undo stack is not ours and may outlive this object.
                auto apply = [self = QPointer<DatasetActions>(this)](qint64 id, const QString& name) {
                    if (self)
                        self->applyRename(id, QString(), name, false);
                };
                undoStack_->push(new RenameDatasetCommand(datasetId, from, to, apply));
            }
            session_->notifyDatasetsChanged();
            tree_->selectDataset(datasetId);
            Q_EMIT message(tr("Renamed the dataset to “%1”.").arg(to), false);
        },
        [this](const QString& error) { Q_EMIT message(tr("Could not rename the dataset: %1").arg(error), true); });
}

void DatasetActions::deleteCurrent()
{
    const QTreeWidgetItem* item = tree_->currentItem();
    const qint64 datasetId = DatasetTree::datasetId(item);
    const qint64 versionId = DatasetTree::versionId(item);
    if (datasetId <= 0)
        return;
    const QString what = versionId > 0
        ? tr("version %1 of “%2”").arg(DatasetTree::versionLabel(item), DatasetTree::datasetName(item))
        : tr("dataset “%1”").arg(DatasetTree::datasetName(item));
    tasks_->run(
        tr("Checking what uses %1").arg(what), this,
        [datasetId, versionId](flightdeck::store::Project& project, const std::atomic<bool>&) {
            flightdeck::store::DatasetRepository repo(project);
            return versionId > 0 ? repo.versionUsage(versionId) : repo.datasetUsage(datasetId);
        },
        [this, what, datasetId, versionId](const flightdeck::store::DatasetUsage& usage) {
            askDelete(what, usage, datasetId, versionId);
        },
        [this](const QString& error) { Q_EMIT message(error, true); });
}

QString DatasetActions::deleteQuestion(const QString& what, const flightdeck::store::DatasetUsage& usage,
                                       bool* refused)
{
    *refused = !usage.deletable();
    QStringList lines;
    if (*refused) {
        lines << tr("%1 cannot be deleted.").arg(what);
        if (usage.runs > 0)
            lines << tr("%n run(s) were trained on it.", "", int(usage.runs));
        if (usage.registeredModels > 0)
            lines << tr("%n registered model version(s) come from those runs.", "", int(usage.registeredModels));
        if (usage.sweeps > 0)
            lines << tr("%n sweep(s) used it.", "", int(usage.sweeps));
        lines << tr("Runs keep the data they were trained on, for their lineage and reruns. Delete "
                    "those runs in Experiments first; a registered run stays while the registry "
                    "holds it.");
        return lines.join(QLatin1Char('\n'));
    }
    lines << tr("Delete %1?").arg(what);
    if (usage.versions > 1)
        lines << tr("Its %n version(s) go with it.", "", int(usage.versions));
    if (usage.splits > 0)
        lines << tr("%n split(s) go with it.", "", int(usage.splits));
    if (usage.labelEdits > 0)
        lines << tr("%n label edit(s) go with it.", "", int(usage.labelEdits));
    if (usage.derivedVersions > 0)
        lines << tr("%n version(s) made from it stay, without the link to it.", "", int(usage.derivedVersions));
    lines << tr("No run used it. This cannot be undone.");
    return lines.join(QLatin1Char('\n'));
}

void DatasetActions::askDelete(const QString& what, const flightdeck::store::DatasetUsage& usage,
                               qint64 datasetId, qint64 versionId)
{
    bool refused = false;
    const QString text = deleteQuestion(what, usage, &refused);
    auto* box = new QMessageBox(refused ? QMessageBox::Information : QMessageBox::Warning,
                                versionId > 0 ? tr("Delete Version") : tr("Delete Dataset"), text,
                                QMessageBox::NoButton, dialogParent_);
    box->setObjectName(QStringLiteral("deleteDatasetConfirm"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    if (refused) {
        box->addButton(QMessageBox::Ok);
        box->open();
        return;
    }
    QPushButton* yes = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("deleteDatasetButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, box, yes, what, datasetId, versionId](QAbstractButton* clicked) {
                if (clicked == yes)
                    runDelete(what, datasetId, versionId);
                box->close();
            });
    box->open();
}

void DatasetActions::runDelete(const QString& what, qint64 datasetId, qint64 versionId)
{
    tasks_->run(
        tr("Deleting %1").arg(what), this,
        [datasetId, versionId](flightdeck::store::Project& project, const std::atomic<bool>&) {
            flightdeck::store::DatasetRepository repo(project);
            Deleted deleted;
            if (versionId > 0) {
                repo.deleteVersion(versionId);
                deleted.versionIds.push_back(versionId);
            } else {
                for (const auto& v : repo.versions(datasetId))
                    deleted.versionIds.push_back(v.id);
                repo.deleteDataset(datasetId);
            }
            return deleted;
        },
        [this, what](const Deleted& deleted) {
            const auto& ids = deleted.versionIds;
            if (std::find(ids.begin(), ids.end(), session_->currentVersionId()) != ids.end()) {
                session_->setCurrentSplit(0);
                session_->setCurrentVersion(0);
            }
            session_->notifyDatasetsChanged();
            Q_EMIT message(tr("Deleted %1.").arg(what), false);
        },
        [this](const QString& error) { Q_EMIT message(tr("Could not delete: %1").arg(error), true); });
}

void DatasetActions::retranslateUi()
{
    rename_->setText(tr("&Rename Dataset…"));
    rename_->setToolTip(tr("Rename the selected dataset (undo with Edit > Undo)"));
    copyId_->setText(tr("Copy Version &Id"));
    copyHash_->setText(tr("Copy Content &Hash"));
    updateEnabled();
}

}  // namespace flightdeck::ui
