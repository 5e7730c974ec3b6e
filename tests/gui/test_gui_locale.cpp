// German in use (issue 12, point 10), in a real MainWindow at 1366x768 under the offscreen
// platform: after switching the language, the Data panel writes three thousand seventy-five as
// "3.075", a class's share as "33,3 %" and a preview cell as "1,25", the registry's scores are
// German sentences with German numbers, and deleting a version asks in German. The core's errors
// come through ErrorText in German (test_error_text holds every code to it).
// FLIGHTDECK_SCREENSHOT_DIR: docs/screenshots/data-delete-de.png and export-registry-de.png.
#include "common/NumberText.h"
#include "common/ProjectSession.h"
#include "common/TaskRunner.h"
#include "common/Translations.h"
#include "data/DataPanel.h"
#include "data/DatasetTree.h"
#include "export/ExportPanel.h"
#include "export/RegistryView.h"
#include "gui/WorkbenchFixture.h"

#include "common/ExportedModels.h"
#include "flightdeck/store/ModelRegistry.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPainter>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidgetItemIterator>
#include <QtTest>

using namespace flightdeck::ui;
using namespace flightdeck::ui::testing;
namespace store = flightdeck::store;

class TestGuiLocale : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void dataPanelWritesGermanNumbers();
    void deleteAsksInGerman();
    void registryScoresInGerman();
    void datesInGerman();
    void cleanupTestCase();

private:
    template <typename T> T* child(const char* name) const
    {
        return window_->findChild<T*>(QString::fromLatin1(name));
    }
    // The window, dimmed under `dialog` when one is given, as a 1366x768 screen shows them.
    void screenshot(const QString& name, QWidget* dialog = nullptr);

    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
    qint64 bigVersion_ = 0, modelId_ = 0;
};

void TestGuiLocale::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FlightdeckTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_gui_locale"));
    QSettings().clear();
    const QString folder = dir_.filePath(QStringLiteral("project"));
    {
        auto project = store::Project::create(folder.toStdString());
        flightdeck::testing::exportVersions(project, "wine", 1, "wine");
        store::RunRepository runs(project);
        store::EvaluationRecord evaluation;
        evaluation.runId = runs.runs().front().id;
        evaluation.split = "test";
        evaluation.accuracy = 0.9312;
        evaluation.reportJson = R"({"accuracy":0.9312})";
        runs.addEvaluation(evaluation);
        modelId_ = store::ModelRegistry(project).models().front().id;
        flightdeck::data::Table table;
        table.labelName = "kind";
        table.featureNames = {"a", "b"};
        table.classes = {"rot", "weiß", "rosé"};
        for (int i = 0; i < 3075; ++i) {
            table.features.push_back(float(i % 97) * 0.25f);
            table.features.push_back(float(i % 13));
            table.labels.push_back(i % 3);
        }
        bigVersion_ = flightdeck::data::DatasetCatalog(project).addVersion("big", table, "big.csv").id;
    }
    window_ = makeWindow();
    QVERIFY(window_);
    QVERIFY(window_->openProject(folder));
    Translations::apply(QStringLiteral("de"));
}

void TestGuiLocale::screenshot(const QString& name, QWidget* dialog)
{
    const QString shots = qEnvironmentVariable("FLIGHTDECK_SCREENSHOT_DIR");
    if (shots.isEmpty())
        return;
    QTest::qWait(200);
    QPixmap screen = window_->grab();
    if (dialog) {
        QPainter painter(&screen);
        painter.fillRect(screen.rect(), QColor(0, 0, 0, 60));
        const QPixmap box = dialog->grab();
        painter.drawPixmap((screen.width() - box.width()) / 2, (screen.height() - box.height()) / 2, box);
    }
    QVERIFY(screen.save(shots + QStringLiteral("/%1.png").arg(name)));
}

void TestGuiLocale::dataPanelWritesGermanNumbers()
{
    window_->session()->setCurrentVersion(bigVersion_);
    auto* tree = child<DatasetTree>("datasetTree");
    // The language change reaches the panels through posted events; the tree is rebuilt then.
    QTRY_COMPARE(tree->currentItem() ? tree->currentItem()->text(2) : QString(), QStringLiteral("3.075"));
    QCOMPARE(DatasetTree::versionId(tree->currentItem()), bigVersion_);
    auto* counts = child<QTableWidget>("classCountsTable");
    QTRY_COMPARE_WITH_TIMEOUT(counts->rowCount(), 3, 20000);
    QCOMPARE(counts->item(0, 1)->text(), QStringLiteral("1.025"));
    QCOMPARE(counts->item(0, 2)->text(), QStringLiteral("33,3 %"));
    QCOMPARE(child<QDoubleSpinBox>("splitTrainSpin")->text(), QStringLiteral("0,70"));
    const QString label = child<QLabel>("previewLabel")->text();
    QVERIFY2(label.contains(QStringLiteral("von 3.075 Zeilen, 3 Klassen")), qPrintable(label));
    // The preview's cells: feature a of row 6 is 5 * 0.25, written with a decimal comma.
    const QAbstractItemModel* preview = child<QTableView>("previewTable")->model();
    QTRY_VERIFY(preview->rowCount() > 5);
    QCOMPARE(preview->index(5, 0).data().toString(), QStringLiteral("1,25"));
    QCOMPARE(preview->index(5, 1).data().toString(), QStringLiteral("5"));
    QCOMPARE(preview->index(5, 2).data().toString(), QStringLiteral("rosé"));
    QTRY_VERIFY(!window_->tasks()->isBusy());
}

void TestGuiLocale::deleteAsksInGerman()
{
    auto* tree = child<DatasetTree>("datasetTree");
    QApplication::setActiveWindow(window_.get());
    tree->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(tree));
    window_->session()->setCurrentVersion(bigVersion_);
    QTest::keyClick(tree, Qt::Key_Delete);
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = child<QMessageBox>("deleteDatasetConfirm")));
    QVERIFY2(box->text().startsWith(QStringLiteral("Version v1 (#%1) von „big“ löschen?").arg(bigVersion_)),
             qPrintable(box->text()));
    QVERIFY2(box->text().contains(QStringLiteral("Kein Lauf hat damit trainiert.")), qPrintable(box->text()));
    screenshot(QStringLiteral("data-delete-de"), box);
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!child<QMessageBox>("deleteDatasetConfirm"));
    QCOMPARE(tree->versionCount(), 2);
}

void TestGuiLocale::registryScoresInGerman()
{
    child<QDockWidget>("dockExport")->show();
    child<QDockWidget>("dockExport")->raise();
    RegistryView* registry = window_->exportPanel()->registryView();
    QTRY_VERIFY(!registry->isReadingScores());
    QCOMPARE(registry->statusText(modelId_), QStringLiteral("abgeschlossen"));
    const QString score = registry->scoreText(modelId_);
    QVERIFY2(score.startsWith(QStringLiteral("Test: Genauigkeit 93,1 %, Val.-Genauigkeit ")), qPrintable(score));
    QVERIFY2(score.endsWith(QStringLiteral(" %")), qPrintable(score));
    const QString warning = ExportPanel::exportWarning(7, store::RunStatus::Cancelled, false);
    QVERIFY2(warning.startsWith(QStringLiteral("Lauf #7 wurde abgebrochen")), qPrintable(warning));
    QVERIFY2(warning.endsWith(QStringLiteral("Trotzdem exportieren?")), qPrintable(warning));
    screenshot(QStringLiteral("export-registry-de"));
}

void TestGuiLocale::datesInGerman()
{
    // 2026-03-05 12:00:07 UTC: noon, so the local date is the 5th in every time zone a test
    // machine has.
    const double t = 1772712007.0;
    QVERIFY2(NumberText::dateTime(t).startsWith(QStringLiteral("05.03.26 ")), qPrintable(NumberText::dateTime(t)));
    // A log's times are UTC, day before month, the month's German short name.
    QCOMPARE(NumberText::logTime(t), QStringLiteral("5. M\u00e4rz 12:00"));
    QCOMPARE(NumberText::logTime(t, NumberText::Precision::Seconds), QStringLiteral("5. M\u00e4rz 12:00:07"));
    // The Data panel's tree writes a version's date the German way.
    auto* tree = child<DatasetTree>("datasetTree");
    QVERIFY(tree);
    const QRegularExpression german(QStringLiteral("^\\d\\d\\.\\d\\d\\.\\d\\d \\d\\d:\\d\\d$"));
    QStringList dates;
    for (QTreeWidgetItemIterator it(tree); *it; ++it)
        for (int c = 0; c < tree->columnCount(); ++c)
            if (german.match((*it)->text(c)).hasMatch())
                dates << (*it)->text(c);
    QVERIFY2(!dates.isEmpty(), "no German date in the dataset tree");

    Translations::apply(QStringLiteral("en"));
    QCOMPARE(NumberText::logTime(t), QStringLiteral("Mar 5 12:00"));
    Translations::apply(QStringLiteral("de"));
}

void TestGuiLocale::cleanupTestCase()
{
    Translations::apply(QStringLiteral("en"));
    if (window_)
        window_->tasks()->waitForIdle();
    window_.reset();
}

QTEST_MAIN(TestGuiLocale)
#include "test_gui_locale.moc"
