// The workbench as a person meets it (issue 12), in real MainWindows under the offscreen
// platform: Ctrl+click selects several runs in Experiments, and a learning-rate field that
// takes "3e-4" and says why it refuses a value.
#include "common/ProjectSession.h"
#include "experiments/ExperimentsPanel.h"
#include "mainwindow/MainWindow.h"
#include "training/TrainingPanel.h"

#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDoubleSpinBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

using namespace flightdeck::ui;

namespace {

// A project with a 3-class table, a split, a saved architecture and two finished runs that
// differ in learning rate and batch size.
struct ProjectIds {
    qint64 version = 0, split = 0, architecture = 0;
    QList<qint64> runs;
};

ProjectIds makeProject(const QString& folder)
{
    namespace store = flightdeck::store;
    ProjectIds ids;
    auto project = store::Project::create(folder.toStdString());
    flightdeck::data::Table table;
    table.labelName = "y";
    table.featureNames = {"a", "b"};
    table.classes = {"x", "y", "z"};
    for (int i = 0; i < 300; ++i) {
        table.features.push_back(static_cast<float>(i % 3) * 4.0f + static_cast<float>(i % 7) * 0.1f);
        table.features.push_back(static_cast<float>(i % 5) * 0.2f);
        table.labels.push_back(i % 3);
    }
    flightdeck::data::DatasetCatalog catalog(project);
    ids.version = catalog.addVersion("t", table, "t.csv").id;
    ids.split = catalog.createSplit(ids.version, {}, 7).id;
    auto spec = flightdeck::model::defaultMlp();
    spec.name = "mlp";
    ids.architecture = store::ArchitectureRepository(project).save(spec.name, spec.toJson(), spec.hash());
    store::RunRepository runs(project);
    const char* rates[] = {"0.001", "0.01", "0.0003"};
    for (int i = 0; i < 3; ++i) {
        store::RunRecord run;
        run.name = "run" + std::to_string(i);
        run.versionId = ids.version;
        run.splitId = ids.split;
        run.architectureId = ids.architecture;
        run.status = "running";
        run.device = "cpu";
        run.startedAt = 1700000000.0 + i;
        const qint64 id = runs.createRun(run);
        runs.setParams(id, {{"learning_rate", rates[i]}, {"batch_size", i == 2 ? "64" : "32"},
                            {"epochs", "3"}});
        runs.finishRun(id, "completed");
        ids.runs.append(id);
    }
    return ids;
}

std::unique_ptr<MainWindow> makeWindow(const QSize& size = QSize(1366, 768))
{
    auto window = std::make_unique<MainWindow>();
    window->resize(size);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

}  // namespace

class TestGuiWorkbench : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void ctrlClickSelectsSeveralRuns();
    void learningRateTakesScientificNotation();

private:
    QTemporaryDir dir_;
};

void TestGuiWorkbench::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FlightdeckTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_gui_workbench"));
    // Closing a test's window must not end the application's event loop.
    QApplication::setQuitOnLastWindowClosed(false);
    QVERIFY(dir_.isValid());
}

void TestGuiWorkbench::init()
{
    QSettings().clear();   // every test starts from a first launch
}

void TestGuiWorkbench::ctrlClickSelectsSeveralRuns()
{
    const QString folder = dir_.filePath(QStringLiteral("runs"));
    const ProjectIds ids = makeProject(folder);
    auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(window->openProject(folder));
    window->findChild<QDockWidget*>(QStringLiteral("dockExperiments"))->raise();
    auto* table = window->findChild<QTableWidget*>(QStringLiteral("runsTable"));
    QTRY_COMPARE(table->rowCount(), 3);
    QCoreApplication::processEvents();

    const auto clickRow = [table](int row, Qt::KeyboardModifiers modifiers) {
        const QRect cell = table->visualRect(table->model()->index(row, 1));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, modifiers, cell.center());
    };
    // Newest first: row 0 is the third run (0.0003, batch 64), rows 1 and 2 differ only in
    // the learning rate.
    clickRow(1, Qt::NoModifier);
    QCOMPARE(window->experimentsPanel()->selectedRunIds().size(), 1);
    clickRow(2, Qt::ControlModifier);
    const QList<qint64> selected = window->experimentsPanel()->selectedRunIds();
    QCOMPARE(selected.size(), 2);
    // The session follows the last clicked run; the parameter diff compares both.
    QVERIFY(selected.contains(window->session()->currentRunId()));
    auto* diff = window->findChild<QTableWidget*>(QStringLiteral("paramsDiffTable"));
    QVERIFY(diff);
    QCOMPARE(diff->columnCount(), 2);
    QCOMPARE(diff->rowCount(), 1);   // learning_rate differs, batch_size and epochs do not
    QVERIFY(window->findChild<QLabel*>(QStringLiteral("paramsDiffHint"))->text().contains(QStringLiteral("1")));

    clickRow(0, Qt::ControlModifier);
    QCOMPARE(window->experimentsPanel()->selectedRunIds().size(), 3);
    QCOMPARE(diff->columnCount(), 3);
    QCOMPARE(diff->rowCount(), 2);   // and batch_size
    // Ctrl+click on a selected run takes it out again.
    clickRow(2, Qt::ControlModifier);
    QCOMPARE(window->experimentsPanel()->selectedRunIds().size(), 2);
    // A plain click still selects only that run, and makes it current.
    clickRow(2, Qt::NoModifier);
    QCOMPARE(window->experimentsPanel()->selectedRunIds().size(), 1);
    QVERIFY(ids.runs.contains(window->session()->currentRunId()));
    QCOMPARE(window->experimentsPanel()->selectedRunIds().first(), window->session()->currentRunId());
}

void TestGuiWorkbench::learningRateTakesScientificNotation()
{
    auto window = makeWindow();
    QVERIFY(window);
    window->findChild<QDockWidget*>(QStringLiteral("dockTraining"))->raise();
    auto* spin = window->findChild<QDoubleSpinBox*>(QStringLiteral("learningRateSpin"));
    auto* message = window->findChild<QLabel*>(QStringLiteral("learningRateMessage"));
    QVERIFY(spin && message);
    QVERIFY(message->isHidden());
    auto* edit = spin->findChild<QLineEdit*>();
    const auto type = [&](const QString& text) {
        spin->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, text);
    };

    type(QStringLiteral("3e-4"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(spin->value(), 3e-4);
    QCOMPARE(spin->text(), QStringLiteral("3e-4"));
    QVERIFY(message->isHidden());
    type(QStringLiteral("0.002"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(spin->value(), 0.002);

    // Too large: said while typing, refused on Enter with the value kept, and said again.
    type(QStringLiteral("50"));
    QVERIFY(!message->isHidden());
    QVERIFY2(message->text().contains(QStringLiteral("10")), qPrintable(message->text()));
    QVERIFY(!window->trainingPanel()->missingRequirement().isEmpty());
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(spin->value(), 0.002);
    QVERIFY(!message->isHidden());
    QVERIFY2(message->text().contains(QStringLiteral("50")) && message->text().contains(QStringLiteral("0.002")),
             qPrintable(message->text()));
    qInfo("refused: %s", qPrintable(message->text()));

    // Too small, and not a number at all.
    type(QStringLiteral("1e-9"));
    QVERIFY2(message->text().contains(QStringLiteral("1e-8")), qPrintable(message->text()));
    type(QStringLiteral("-1"));
    QVERIFY(!message->isHidden());
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(spin->value(), 0.002);

    // Large but allowed: taken, with a warning.
    type(QStringLiteral("3"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(spin->value(), 3.0);
    QVERIFY(!message->isHidden());
    QVERIFY2(message->text().contains(QStringLiteral("diverge")), qPrintable(message->text()));

    // The arrows walk 1-2-5 per decade.
    spin->setValue(1e-4);
    QVERIFY(message->isHidden());
    spin->stepBy(1);
    QCOMPARE(spin->value(), 2e-4);
    spin->stepBy(2);
    QCOMPARE(spin->value(), 1e-3);
    spin->stepBy(-1);
    QCOMPARE(spin->value(), 5e-4);
}

QTEST_MAIN(TestGuiWorkbench)
#include "test_gui_workbench.moc"
