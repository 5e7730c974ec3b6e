// Managing datasets in the Data panel's tree (issue 12, point 11), in a real MainWindow under
// the offscreen platform: the context menu, F2 renames a dataset and Edit > Undo takes it back,
// a taken name is refused, Delete on a version that runs were trained on says so and deletes
// nothing, Delete on an unused version or dataset asks (naming its splits) and then deletes it;
// the panel's message about an earlier selection goes when the selection changes.
#include "common/ProjectSession.h"
#include "common/TaskRunner.h"
#include "data/DataPanel.h"
#include "data/DatasetActions.h"
#include "data/DatasetTree.h"
#include "gui/WorkbenchFixture.h"

#include "flightdeck/store/DatasetRepository.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

using namespace flightdeck::ui;
using namespace flightdeck::ui::testing;

class TestGuiManageDatasets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void contextMenuOffersTheActions();
    void f2RenamesAndUndoTakesItBack();
    void usedVersionIsNotDeleted();
    void unusedVersionAndDatasetAreDeleted();
    void oldMessageGoesWithTheSelection();
    void cleanupTestCase();

private:
    template <typename T> T* child(const char* name) const
    {
        return window_->findChild<T*>(QString::fromLatin1(name));
    }
    QTreeWidgetItem* datasetItem(const QString& name) const;
    // Makes `item` current with the keyboard focus in the tree, as a click does.
    void select(QTreeWidgetItem* item);
    // Delete pressed in the tree; returns the question once it is shown.
    QMessageBox* pressDelete();
    flightdeck::store::DatasetRepository repo() const
    {
        return flightdeck::store::DatasetRepository(window_->session()->project());
    }

    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
    DatasetTree* tree_ = nullptr;
    ProjectIds used_;
    qint64 unusedDataset_ = 0, unusedV1_ = 0, unusedV2_ = 0;
};

void TestGuiManageDatasets::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FlightdeckTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_gui_manage_datasets"));
    QSettings().clear();
    const QString folder = dir_.filePath(QStringLiteral("project"));
    used_ = makeProject(folder);   // dataset "t": one version, a split, three runs on it
    {
        auto project = flightdeck::store::Project::open(folder.toStdString());
        flightdeck::data::Table table;
        table.labelName = "y";
        table.featureNames = {"a"};
        table.classes = {"x", "y"};
        for (int i = 0; i < 40; ++i) {
            table.features.push_back(float(i));
            table.labels.push_back(i % 2);
        }
        flightdeck::data::DatasetCatalog catalog(project);
        unusedV1_ = catalog.addVersion("unused", table, "u1.csv").id;
        catalog.createSplit(unusedV1_, {}, 3);
        table.features[0] = 99.0f;
        const auto v2 = catalog.addVersion("unused", table, "u2.csv");
        unusedV2_ = v2.id;
        unusedDataset_ = v2.datasetId;
    }
    window_ = makeWindow();
    QVERIFY(window_);
    QVERIFY(window_->openProject(folder));
    tree_ = child<DatasetTree>("datasetTree");
    QVERIFY(tree_);
    QCOMPARE(tree_->versionCount(), 3);
}

QTreeWidgetItem* TestGuiManageDatasets::datasetItem(const QString& name) const
{
    for (int i = 0; i < tree_->topLevelItemCount(); ++i)
        if (DatasetTree::datasetName(tree_->topLevelItem(i)) == name)
            return tree_->topLevelItem(i);
    return nullptr;
}

void TestGuiManageDatasets::select(QTreeWidgetItem* item)
{
    QVERIFY(item);
    QApplication::setActiveWindow(window_.get());
    tree_->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(tree_));
    tree_->setCurrentItem(item);
    QCOMPARE(tree_->currentItem(), item);
}

QMessageBox* TestGuiManageDatasets::pressDelete()
{
    QTest::keyClick(tree_, Qt::Key_Delete);
    QMessageBox* box = nullptr;
    [&] { QTRY_VERIFY((box = child<QMessageBox>("deleteDatasetConfirm"))); }();
    return box;
}

void TestGuiManageDatasets::contextMenuOffersTheActions()
{
    QTreeWidgetItem* version = datasetItem(QStringLiteral("t"))->child(0);
    QStringList shown;
    QTimer::singleShot(0, this, [&] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction* action : menu->actions())
            if (!action->isSeparator() && action->isEnabled())
                shown << action->objectName();
        menu->close();
    });
    Q_EMIT tree_->customContextMenuRequested(tree_->visualItemRect(version).center());
    QCOMPARE(tree_->currentItem(), version);
    QCOMPARE(shown, (QStringList{QStringLiteral("actionRenameDataset"), QStringLiteral("actionDeleteDatasetItem"),
                                 QStringLiteral("actionCopyVersionId"), QStringLiteral("actionCopyVersionHash")}));
    child<QAction>("actionCopyVersionHash")->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromStdString(repo().version(used_.version).hash));
    QCOMPARE(child<QAction>("actionDeleteDatasetItem")->text(), QStringLiteral("&Delete Version…"));

    // A dataset has no id or hash to copy.
    select(datasetItem(QStringLiteral("t")));
    QVERIFY(!child<QAction>("actionCopyVersionId")->isEnabled());
    QCOMPARE(child<QAction>("actionDeleteDatasetItem")->text(), QStringLiteral("&Delete Dataset…"));
}

void TestGuiManageDatasets::f2RenamesAndUndoTakesItBack()
{
    select(datasetItem(QStringLiteral("unused"))->child(1));   // a version's F2 renames its dataset
    QTest::keyClick(tree_, Qt::Key_F2);
    QInputDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = child<QInputDialog>("renameDatasetDialog")));
    QCOMPARE(dialog->textValue(), QStringLiteral("unused"));
    dialog->setTextValue(QStringLiteral("spare"));
    dialog->accept();
    QTRY_VERIFY(datasetItem(QStringLiteral("spare")));
    QCOMPARE(repo().dataset(unusedDataset_).name, std::string("spare"));
    auto* message = child<QLabel>("dataMessageLabel");
    QCOMPARE(message->text(), QStringLiteral("Renamed the dataset to “spare”."));

    // A name another dataset has: refused before the store is asked.
    window_->dataPanel()->datasetActions()->rename(unusedDataset_, QStringLiteral("t"));
    QCOMPARE(message->text(), QStringLiteral("A dataset named “t” exists already."));
    QCOMPARE(repo().dataset(unusedDataset_).name, std::string("spare"));

    // Edit > Undo in the Data panel takes the rename back.
    tree_->setFocus();
    QAction* undo = child<QAction>("actionUndo");
    QTRY_VERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), QStringLiteral("Undo Rename dataset \"unused\" to \"spare\""));
    undo->trigger();
    QTRY_VERIFY(datasetItem(QStringLiteral("unused")));
    QTRY_COMPARE(repo().dataset(unusedDataset_).name, std::string("unused"));
    QTRY_VERIFY(!window_->tasks()->isBusy());
}

void TestGuiManageDatasets::usedVersionIsNotDeleted()
{
    select(datasetItem(QStringLiteral("t"))->child(0));
    QMessageBox* box = pressDelete();
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("cannot be deleted")), qPrintable(box->text()));
    QVERIFY2(box->text().contains(QStringLiteral("3 run(s) were trained on it")), qPrintable(box->text()));
    QVERIFY(!box->findChild<QAbstractButton*>(QStringLiteral("deleteDatasetButton")));
    box->button(QMessageBox::Ok)->click();
    QTRY_VERIFY(!child<QMessageBox>("deleteDatasetConfirm"));
    QCOMPARE(repo().version(used_.version).id, used_.version);

    // The whole dataset: refused alike.
    select(datasetItem(QStringLiteral("t")));
    box = pressDelete();
    QVERIFY(box);
    QVERIFY2(box->text().startsWith(QStringLiteral("dataset “t” cannot be deleted")), qPrintable(box->text()));
    box->button(QMessageBox::Ok)->click();
    QTRY_VERIFY(!child<QMessageBox>("deleteDatasetConfirm"));
    QCOMPARE(repo().versions(repo().version(used_.version).datasetId).size(), std::size_t(1));
}

void TestGuiManageDatasets::unusedVersionAndDatasetAreDeleted()
{
    ProjectSession* session = window_->session();
    QTreeWidgetItem* v1 = datasetItem(QStringLiteral("unused"))->child(0);
    QCOMPARE(DatasetTree::versionId(v1), unusedV1_);
    select(v1);
    QTRY_COMPARE(session->currentVersionId(), unusedV1_);
    QMessageBox* box = pressDelete();
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("1 split(s) go with it")), qPrintable(box->text()));
    // Cancel is the default: Enter keeps the version.
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    box->findChild<QAbstractButton*>(QStringLiteral("deleteDatasetButton"))->click();
    QTRY_VERIFY(datasetItem(QStringLiteral("unused"))
                && datasetItem(QStringLiteral("unused"))->childCount() == 1);
    QTRY_COMPARE(child<QLabel>("dataMessageLabel")->text(),
                 QStringLiteral("Deleted version v1 (#%1) of “unused”.").arg(unusedV1_));
    QCOMPARE(session->currentVersionId(), qint64(0));
    QCOMPARE(repo().versions(unusedDataset_).size(), std::size_t(1));

    select(datasetItem(QStringLiteral("unused")));
    box = pressDelete();
    QVERIFY(box);
    QVERIFY2(box->text().startsWith(QStringLiteral("Delete dataset “unused”?")), qPrintable(box->text()));
    box->findChild<QAbstractButton*>(QStringLiteral("deleteDatasetButton"))->click();
    QTRY_VERIFY(!datasetItem(QStringLiteral("unused")));
    QCOMPARE(repo().datasets().size(), std::size_t(1));
    QTRY_VERIFY(!window_->tasks()->isBusy());
}

void TestGuiManageDatasets::oldMessageGoesWithTheSelection()
{
    const QString bad = dir_.filePath(QStringLiteral("bad.csv"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("f1,label\n1,a\noops,b\n");
    file.close();
    QSignalSpy failed(window_->dataPanel(), &DataPanel::importFailed);
    window_->dataPanel()->importCsv(bad);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    auto* message = child<QLabel>("dataMessageLabel");
    QVERIFY(!message->isHidden());
    QVERIFY(message->text().contains(QStringLiteral("bad.csv")));

    select(datasetItem(QStringLiteral("t"))->child(0));
    QTRY_COMPARE(window_->session()->currentVersionId(), used_.version);
    QVERIFY(message->isHidden());
    QCOMPARE(window_->dataPanel()->messageText(), QString());
    QTRY_VERIFY(!window_->tasks()->isBusy());
}

void TestGuiManageDatasets::cleanupTestCase()
{
    if (window_)
        window_->tasks()->waitForIdle();
    window_.reset();
}

QTEST_MAIN(TestGuiManageDatasets)
#include "test_gui_manage_datasets.moc"
