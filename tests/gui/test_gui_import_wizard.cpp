// The CSV import wizard driven through its widgets in a real MainWindow (offscreen): Import is
// off without a project and says why; a CSV with an id, a note, a bad line and blank labels is
// previewed, a role changed, summarized (classes, unlabeled rows, the skipped line) and
// imported with its unlabeled rows kept; the same content again says "already imported" and
// opens that version; a regression label is detected and can be overridden.
// FLIGHTDECK_SCREENSHOT_DIR: docs/screenshots/import-wizard-*.png, English and German.
#include "common/ProjectSession.h"
#include "common/TaskRunner.h"
#include "common/Translations.h"
#include "data/CsvColumnsPage.h"
#include "data/CsvImportWizard.h"
#include "data/CsvSummaryPage.h"
#include "data/DataPanel.h"
#include "mainwindow/MainWindow.h"

#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/Project.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace flightdeck::ui;
using flightdeck::data::DatasetTask;

class TestGuiImportWizard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void importIsOffWithoutAProject();
    void blankLabelsImportAsUnlabeledRows();
    void sameContentSaysAlreadyImported();
    void regressionIsDetectedAndCanBeOverridden();
    void cleanupTestCase();

private:
    QString writeFile(const QString& name, const QByteArray& content);
    // Opens the wizard on `path` and waits for its preview.
    CsvImportWizard* openWizard(const QString& path, const QString& name);
    // The role combo of a column, changed as a user does.
    void chooseRole(CsvImportWizard* wizard, int column, ColumnRole role);
    // Next, then waits for the summary to have read the file.
    void toSummary(CsvImportWizard* wizard);
    qint64 finish(CsvImportWizard* wizard);
    void screenshot(CsvImportWizard* wizard, const QString& name);
    flightdeck::store::DatasetVersionRecord version(qint64 id);

    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
    QString blanksCsv_;
    qint64 blanksVersion_ = 0;
};

QString TestGuiImportWizard::writeFile(const QString& name, const QByteArray& content)
{
    const QString path = dir_.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

flightdeck::store::DatasetVersionRecord TestGuiImportWizard::version(qint64 id)
{
    return flightdeck::store::DatasetRepository(window_->session()->project()).version(id);
}

CsvImportWizard* TestGuiImportWizard::openWizard(const QString& path, const QString& name)
{
    window_->dataPanel()->inspectCsv(path, name);
    CsvImportWizard* wizard = nullptr;
    [&] { QTRY_VERIFY((wizard = window_->findChild<CsvImportWizard*>(QStringLiteral("csvImportWizard")))); }();
    if (!wizard)
        return nullptr;
    [&] {
        QVERIFY(wizard->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!wizard->columnsPage()->isLoading(), 20000);
        QVERIFY(wizard->columnsPage()->isComplete());
    }();
    return wizard;
}

void TestGuiImportWizard::chooseRole(CsvImportWizard* wizard, int column, ColumnRole role)
{
    auto* combo = wizard->findChild<QComboBox*>(QStringLiteral("csvRole_%1").arg(column));
    QVERIFY(combo);
    QVERIFY(combo->isEnabled());
    // What picking the entry in the open list does (arrow keys would pass through the roles
    // in between, Label among them).
    combo->setCurrentIndex(combo->findData(int(role)));
    Q_EMIT combo->activated(combo->currentIndex());
    QCOMPARE(wizard->columnsPage()->role(column), role);
}

void TestGuiImportWizard::toSummary(CsvImportWizard* wizard)
{
    QSignalSpy inspected(wizard, &CsvImportWizard::inspected);
    QAbstractButton* next = wizard->button(QWizard::NextButton);
    QVERIFY(next->isEnabled());
    next->click();
    QCOMPARE(wizard->currentId(), int(CsvImportWizard::SummaryPageId));
    QVERIFY(!wizard->button(QWizard::FinishButton)->isEnabled());   // busy until read
    QTRY_VERIFY_WITH_TIMEOUT(inspected.count() > 0 || !wizard->summaryPage()->isLoading(), 20000);
    QVERIFY2(inspected.count() == 1, qPrintable(wizard->summaryPage()->summaryText()));
    QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
}

qint64 TestGuiImportWizard::finish(CsvImportWizard* wizard)
{
    DataPanel* data = window_->dataPanel();
    QSignalSpy imported(data, &DataPanel::importFinished);
    QSignalSpy failed(data, &DataPanel::importFailed);
    wizard->button(QWizard::FinishButton)->click();
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(imported.count() + failed.count() > 0, 30000);
        QVERIFY2(failed.isEmpty(), qPrintable(data->messageText()));
        QTRY_VERIFY(!window_->findChild<CsvImportWizard*>(QStringLiteral("csvImportWizard")));
        QTRY_VERIFY(!window_->tasks()->isBusy());
    }();
    return imported.isEmpty() ? 0 : imported.at(0).at(0).toLongLong();
}

// The wizard over the window as a 1366x768 screen shows it.
void TestGuiImportWizard::screenshot(CsvImportWizard* wizard, const QString& name)
{
    const QString shots = qEnvironmentVariable("FLIGHTDECK_SCREENSHOT_DIR");
    if (shots.isEmpty())
        return;
    QTest::qWait(200);
    QPixmap screen = window_->grab();
    QPainter painter(&screen);
    painter.fillRect(screen.rect(), QColor(0, 0, 0, 60));
    const QPixmap dialog = wizard->grab();
    painter.drawPixmap((screen.width() - dialog.width()) / 2, (screen.height() - dialog.height()) / 2, dialog);
    painter.end();
    QVERIFY(screen.save(shots + QStringLiteral("/import-wizard-%1.png").arg(name)));
}

void TestGuiImportWizard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FlightdeckTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_gui_import_wizard"));
    QSettings().clear();
    QVERIFY(dir_.isValid());
    window_ = std::make_unique<MainWindow>();
    window_->resize(1366, 768);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
}

void TestGuiImportWizard::importIsOffWithoutAProject()
{
    auto* button = window_->findChild<QPushButton*>(QStringLiteral("importCsvButton"));
    auto* action = window_->findChild<QAction*>(QStringLiteral("actionImportCsv"));
    QVERIFY(button && action);
    QVERIFY(!window_->session()->isOpen());
    QVERIFY(!button->isEnabled());
    QVERIFY(!action->isEnabled());
    QVERIFY2(button->toolTip().contains(QStringLiteral("Open or create a project")), qPrintable(button->toolTip()));
    // Asked anyway (a script, a drop): refused with the reason, no wizard.
    QSignalSpy failed(window_->dataPanel(), &DataPanel::importFailed);
    window_->dataPanel()->inspectCsv(writeFile(QStringLiteral("early.csv"), "a,label\n1,x\n"));
    QCOMPARE(failed.count(), 1);
    QVERIFY(!window_->findChild<CsvImportWizard*>());

    QVERIFY(window_->openProject(dir_.filePath(QStringLiteral("project")), true));
    QVERIFY(button->isEnabled());
    QVERIFY(action->isEnabled());
    QVERIFY(!button->toolTip().contains(QStringLiteral("Open or create a project")));
}

void TestGuiImportWizard::blankLabelsImportAsUnlabeledRows()
{
    // An id and a note of text, two numeric features, a numeric column to leave out, a label
    // blank on three rows, and line 6 with text where a number belongs.
    QByteArray csv = "sample_id,x1,note,x2,batch,class\n";
    const char* rows[] = {"s1,1.0,ok,2.0,7,cat",   "s2,1.5,,2.5,7,dog",  "s3,0.5,hm,1.0,8,",
                          "s4,2.0,ok,0.5,8,cat",   "s5,oops,ok,1.0,9,dog", "s6,2.5,late,3.0,9,",
                          "s7,3.0,ok,1.5,9,dog",   "s8,3.5,ok,2.0,9, ",   "s9,4.0,ok,2.5,9,cat"};
    for (const char* row : rows)
        csv += QByteArray(row) + '\n';
    blanksCsv_ = writeFile(QStringLiteral("blanks.csv"), csv);
    CsvImportWizard* wizard = openWizard(blanksCsv_, QStringLiteral("blanks"));
    QVERIFY(wizard);
    CsvColumnsPage* columns = wizard->columnsPage();

    // Detected kinds and the roles proposed for them.
    QCOMPARE(columns->columnCount(), 6);
    QCOMPARE(columns->previewRowCount(), 9);
    QCOMPARE(columns->kind(0), flightdeck::data::ColumnKind::Text);
    QCOMPARE(columns->kind(1), flightdeck::data::ColumnKind::Text);   // "oops" on line 6
    QCOMPARE(columns->kind(3), flightdeck::data::ColumnKind::Number);
    QCOMPARE(columns->role(0), ColumnRole::Id);
    QCOMPARE(columns->role(1), ColumnRole::Ignore);
    QCOMPARE(columns->role(2), ColumnRole::Ignore);
    QCOMPARE(columns->role(3), ColumnRole::Feature);
    QCOMPARE(columns->role(4), ColumnRole::Feature);
    QCOMPARE(columns->role(5), ColumnRole::Label);
    auto* preview = wizard->findChild<QTableWidget*>(QStringLiteral("csvPreviewTable"));
    QCOMPARE(preview->item(4, 1)->text(), QStringLiteral("oops"));
    QCOMPARE(preview->verticalHeaderItem(4)->text(), QStringLiteral("6"));   // the file's line

    // x1 is a feature whatever one bad cell says; batch is left out.
    chooseRole(wizard, 1, ColumnRole::Feature);
    chooseRole(wizard, 4, ColumnRole::Ignore);
    const QString warning = wizard->findChild<QLabel*>(QStringLiteral("csvColumnsWarning"))->text();
    QVERIFY2(warning.contains(QStringLiteral("x1")), qPrintable(warning));
    QCOMPARE(columns->leftOutColumns(), (QStringList{QStringLiteral("sample_id"), QStringLiteral("note"),
                                                      QStringLiteral("batch")}));
    QVERIFY(preview->horizontalHeaderItem(4)->text().contains(QStringLiteral("Ignore")));
    // Only one label: choosing another one takes it from the class column.
    chooseRole(wizard, 3, ColumnRole::Label);
    QCOMPARE(columns->role(5), ColumnRole::Ignore);
    chooseRole(wizard, 5, ColumnRole::Label);
    QCOMPARE(columns->role(3), ColumnRole::Feature);
    screenshot(wizard, QStringLiteral("columns"));

    toSummary(wizard);
    CsvSummaryPage* summary = wizard->summaryPage();
    const QString text = summary->summaryText();
    QVERIFY2(text.contains(QStringLiteral("8 rows, 2 features, label \"class\" with 2 distinct values")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Rows without a label: 3")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Lines skipped: 1.")), qPrintable(text));
    QVERIFY2(summary->skippedText().startsWith(QStringLiteral("Line 6: Field \"x1\"")), qPrintable(summary->skippedText()));
    QVERIFY(summary->skippedText().contains(QStringLiteral("oops")));
    auto* classes = wizard->findChild<QTableWidget*>(QStringLiteral("csvClassCounts"));
    QCOMPARE(classes->rowCount(), 3);
    QCOMPARE(classes->item(0, 0)->text(), QStringLiteral("cat"));
    QCOMPARE(classes->item(0, 1)->text(), QStringLiteral("3"));
    QCOMPARE(classes->item(1, 1)->text(), QStringLiteral("2"));
    QCOMPARE(classes->item(2, 0)->text(), QStringLiteral("(unlabeled)"));
    QCOMPARE(classes->item(2, 1)->text(), QStringLiteral("3"));
    QVERIFY(summary->existingText().isEmpty() || !wizard->findChild<QLabel*>(QStringLiteral("csvImportExisting"))->isVisible());
    QVERIFY(summary->explanation().contains(QStringLiteral("class labels")));
    screenshot(wizard, QStringLiteral("summary"));
    if (!qEnvironmentVariable("FLIGHTDECK_SCREENSHOT_DIR").isEmpty()) {
        Translations::apply(QStringLiteral("de"));
        QTRY_VERIFY(summary->summaryText().contains(QStringLiteral("Zeilen")));
        screenshot(wizard, QStringLiteral("summary-de"));
        wizard->back();
        screenshot(wizard, QStringLiteral("columns-de"));
        Translations::apply(QStringLiteral("en"));
        toSummary(wizard);
    }

    blanksVersion_ = finish(wizard);
    QVERIFY(blanksVersion_ > 0);
    const auto record = version(blanksVersion_);
    QCOMPARE(record.rows, std::int64_t(8));
    QCOMPARE(record.features, std::int64_t(2));
    QVERIFY(record.schemaJson.find("\"unlabeled\":3") != std::string::npos);
    const auto table = flightdeck::data::DatasetCatalog(window_->session()->project()).load(blanksVersion_);
    QCOMPARE(table.featureNames, (std::vector<std::string>{"x1", "x2"}));
    QCOMPARE(std::count(table.labels.begin(), table.labels.end(), -1), std::ptrdiff_t(3));
    QCOMPARE(table.labels.at(2), -1);   // s3
    const QString message = window_->dataPanel()->messageText();
    QVERIFY2(message.contains(QStringLiteral("Rows without a label: 3")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Lines skipped: 1.")), qPrintable(message));
    QCOMPARE(window_->session()->currentVersionId(), blanksVersion_);
}

void TestGuiImportWizard::sameContentSaysAlreadyImported()
{
    QVERIFY(blanksVersion_ > 0);
    window_->session()->setCurrentVersion(0);
    // Another name and the same roles: the same content, so the same version.
    CsvImportWizard* wizard = openWizard(blanksCsv_, QStringLiteral("again"));
    QVERIFY(wizard);
    chooseRole(wizard, 1, ColumnRole::Feature);
    chooseRole(wizard, 4, ColumnRole::Ignore);
    toSummary(wizard);
    const QString existing = wizard->summaryPage()->existingText();
    QVERIFY2(existing.contains(QStringLiteral("Already imported as version 1 of dataset \"blanks\" (#%1")
                                   .arg(blanksVersion_)),
             qPrintable(existing));
    auto* open = wizard->findChild<QPushButton*>(QStringLiteral("csvImportOpenExisting"));
    QVERIFY(open->isVisible());
    screenshot(wizard, QStringLiteral("already-imported"));
    open->click();
    QTRY_VERIFY(!window_->findChild<CsvImportWizard*>(QStringLiteral("csvImportWizard")));
    QCOMPARE(window_->session()->currentVersionId(), blanksVersion_);

    // Other roles are other content: no notice.
    wizard = openWizard(blanksCsv_, QStringLiteral("again"));
    QVERIFY(wizard);
    chooseRole(wizard, 1, ColumnRole::Feature);
    toSummary(wizard);
    QVERIFY(!wizard->findChild<QPushButton*>(QStringLiteral("csvImportOpenExisting"))->isVisible());
    wizard->reject();
    QTRY_VERIFY(!window_->findChild<CsvImportWizard*>(QStringLiteral("csvImportWizard")));
    QTRY_VERIFY(!window_->tasks()->isBusy());
}

void TestGuiImportWizard::regressionIsDetectedAndCanBeOverridden()
{
    // 60 distinct fractional values in 120 rows (all distinct would read as an id column).
    QByteArray csv = "x1,x2,target\n";
    for (int i = 0; i < 120; ++i)
        csv += QByteArray::number(i % 7) + ',' + QByteArray::number(i * 0.5) + ','
               + QByteArray::number(10.0 + (i % 60) * 1.37, 'f', 2) + '\n';
    const QString path = writeFile(QStringLiteral("diabetes-like.csv"), csv);
    DataPanel* data = window_->dataPanel();
    QSignalSpy inspected(data, &DataPanel::csvInspected);

    CsvImportWizard* wizard = openWizard(path, QStringLiteral("reg"));
    QVERIFY(wizard);
    QCOMPARE(wizard->columnsPage()->role(2), ColumnRole::Label);
    toSummary(wizard);
    QCOMPARE(inspected.at(0).at(0).toString(), QStringLiteral("table_regression"));
    QVERIFY2(wizard->summaryPage()->explanation().contains(QStringLiteral("60 distinct numbers in 120 rows")),
             qPrintable(wizard->summaryPage()->explanation()));
    QCOMPARE(wizard->datasetName(), QStringLiteral("reg"));
    const qint64 regId = finish(wizard);
    QCOMPARE(version(regId).task, std::string("table_regression"));
    QVERIFY2(data->messageText().contains(QStringLiteral("regression (detected)")), qPrintable(data->messageText()));

    // Overridden: the same file as classes, under another name (same name = same version).
    wizard = openWizard(path, QStringLiteral("cls"));
    QVERIFY(wizard);
    toSummary(wizard);
    auto* task = wizard->findChild<QComboBox*>(QStringLiteral("csvImportTaskCombo"));
    task->setCurrentIndex(1);   // Classification
    QCOMPARE(wizard->chosenTask(), std::optional<DatasetTask>(DatasetTask::TableClassification));
    QVERIFY2(wizard->summaryPage()->explanation().contains(QStringLiteral("60 classes")),
             qPrintable(wizard->summaryPage()->explanation()));
    const qint64 clsId = finish(wizard);
    QVERIFY(clsId != regId);
    QCOMPARE(version(clsId).task, std::string("table_classification"));
    QVERIFY2(data->messageText().contains(QStringLiteral("classification (chosen)")), qPrintable(data->messageText()));

    // The direct import (no wizard) detects the task as well.
    QSignalSpy imported(data, &DataPanel::importFinished);
    data->importCsv(path, QStringLiteral("direct"));
    QTRY_VERIFY_WITH_TIMEOUT(imported.count() > 0, 30000);
    QCOMPARE(version(imported.at(0).at(0).toLongLong()).task, std::string("table_regression"));
    QTRY_VERIFY(!window_->tasks()->isBusy());
}

void TestGuiImportWizard::cleanupTestCase()
{
    if (window_)
        window_->tasks()->waitForIdle();
    window_.reset();
}

QTEST_MAIN(TestGuiImportWizard)
#include "test_gui_import_wizard.moc"
