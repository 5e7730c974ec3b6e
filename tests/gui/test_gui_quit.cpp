// Leaving never loses work without a question (issue 12), in real MainWindows under the
// offscreen platform: quitting during a training run, with an unsaved architecture edit in
// either tab, or while background work (an import, an export, a retrain) has run for more than
// a second asks first, and each answer does what it says.
#include "architecture/ArchitectureDocument.h"
#include "architecture/ArchitecturePanel.h"
#include "architecture/graph/GraphDocument.h"
#include "architecture/graph/GraphEditor.h"
#include "common/ProjectSession.h"
#include "common/TaskRunner.h"
#include "common/TrainingController.h"
#include "gui/WorkbenchFixture.h"
#include "training/TrainingPanel.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

#include <atomic>

using namespace flightdeck::ui;
using namespace flightdeck::ui::testing;

class TestGuiQuit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void quitDuringTrainingAsksFirst();
    void quitWithUnsavedArchitectureAsks();
    void quitDuringBackgroundWorkAsksFirst();

private:
    QTemporaryDir dir_;
};

void TestGuiQuit::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FlightdeckTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_gui_quit"));
    // Closing a test's window must not end the application's event loop.
    QApplication::setQuitOnLastWindowClosed(false);
    QVERIFY(dir_.isValid());
}

void TestGuiQuit::init()
{
    QSettings().clear();   // every test starts from a first launch
}

void TestGuiQuit::quitDuringTrainingAsksFirst()
{
    const QString folder = dir_.filePath(QStringLiteral("train"));
    makeProject(folder);
    auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(window->openProject(folder));
    QTRY_VERIFY(window->trainingPanel()->missingRequirement().isEmpty());
    window->findChild<QSpinBox*>(QStringLiteral("epochsSpin"))->setValue(100000);
    window->findChild<QAction*>(QStringLiteral("actionStartTraining"))->trigger();
    QVERIFY(window->training()->isRunning());

    // The real question, through its modal loop: Ctrl+Q, and "Keep Training" is clicked.
    QString asked;
    QTimer::singleShot(0, this, [&asked] {
        for (QWidget* widget : QApplication::topLevelWidgets())
            if (auto* box = qobject_cast<QMessageBox*>(widget); box && box->isVisible()) {
                asked = box->objectName() + QLatin1Char('|') + box->text();
                box->findChild<QAbstractButton*>(QStringLiteral("stayButton"))->click();
            }
    });
    window->findChild<QAction*>(QStringLiteral("actionQuit"))->trigger();
    QVERIFY2(asked.startsWith(QStringLiteral("stopTrainingQuestion|")), qPrintable(asked));
    QVERIFY(window->isVisible());
    QVERIFY(window->training()->isRunning());

    // Answered without a modal loop: stay again, then stop and quit.
    Answers answers;
    window->quitGuard()->setAsker(answers.asker());
    answers.replies = {QMessageBox::Cancel};
    QVERIFY(!window->close());
    QVERIFY(window->training()->isRunning());
    answers.replies = {QMessageBox::Yes};
    QVERIFY(window->close());
    QCOMPARE(answers.asked, QStringList({QStringLiteral("stopTrainingQuestion"),
                                         QStringLiteral("stopTrainingQuestion")}));
    QTRY_VERIFY_WITH_TIMEOUT(!window->training()->isRunning(), 60000);
    const qint64 runId = window->session()->currentRunId();
    QVERIFY(runId > 0);
    flightdeck::store::RunRepository runs(window->session()->project());
    QCOMPARE(runs.run(runId).status, flightdeck::store::RunStatus::Cancelled);
}

void TestGuiQuit::quitWithUnsavedArchitectureAsks()
{
    const QString folder = dir_.filePath(QStringLiteral("arch"));
    makeProject(folder);
    auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(window->openProject(folder));
    ArchitecturePanel* panel = window->architecturePanel();
    QVERIFY(!panel->hasUnsavedChanges());
    Answers answers;
    window->quitGuard()->setAsker(answers.asker());
    QVERIFY(window->close());   // nothing to lose: no question
    QVERIFY(answers.asked.isEmpty());
    window->show();

    flightdeck::model::LayerSpec layer;
    layer.type = flightdeck::model::LayerType::Linear;
    layer.units = 12;
    panel->document()->addLayer(0, layer);
    QVERIFY(panel->hasUnsavedChanges());
    answers.replies = {QMessageBox::Cancel};
    QVERIFY(!window->close());
    QCOMPARE(answers.asked, QStringList{QStringLiteral("unsavedArchitectureQuestion")});

    // Save: stored in the project, then the window closes.
    const auto before = flightdeck::store::ArchitectureRepository(window->session()->project()).all().size();
    answers.replies = {QMessageBox::Save};
    QVERIFY(window->close());
    QVERIFY(!panel->hasUnsavedChanges());
    QCOMPARE(flightdeck::store::ArchitectureRepository(window->session()->project()).all().size(), before + 1);

    // Discard: closes and stores nothing.
    window->show();
    panel->document()->addLayer(0, layer);
    answers.replies = {QMessageBox::Discard};
    QVERIFY(window->close());
    QCOMPARE(flightdeck::store::ArchitectureRepository(window->session()->project()).all().size(), before + 1);

    // Edits in both tabs (layer table and graph editor): Save stores each, the tab in front stays.
    window->show();
    panel->graphEditor()->document()->rename(QStringLiteral("quit graph"));
    QVERIFY(!panel->graphTabShown());
    answers.replies = {QMessageBox::Save};
    QVERIFY(window->close());
    QVERIFY(!panel->hasUnsavedChanges());
    QVERIFY(!panel->graphTabShown());
    // (The layer stack's second edit adds a row; the graph's may match a stored one by hash.)
    QVERIFY(flightdeck::store::ArchitectureRepository(window->session()->project()).all().size() >= before + 2);
    window->quitGuard()->setAsker([](QMessageBox&) { return QMessageBox::Discard; });
}

// An import, an export or a retrain on the TaskRunner is not dropped without a word: quitting
// asks, "Keep Working" keeps it, "Cancel and Quit" cancels it. A lookup younger than a second
// does not ask.
void TestGuiQuit::quitDuringBackgroundWorkAsksFirst()
{
    const QString folder = dir_.filePath(QStringLiteral("background"));
    makeProject(folder);
    auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(window->openProject(folder));
    window->tasks()->waitForIdle();
    std::atomic<bool> sawCancel{false};
    bool finished = false;
    window->tasks()->run(
        QStringLiteral("Importing a big folder"), window.get(),
        [&](flightdeck::store::Project&, const std::atomic<bool>& cancel) {
            while (!cancel.load())
                QThread::msleep(5);
            sawCancel = true;
        },
        [&] { finished = true; });
    QTest::qWait(1200);
    Answers answers;
    window->quitGuard()->setAsker(answers.asker());
    answers.replies = {QMessageBox::Cancel};
    QVERIFY(!window->close());
    QVERIFY(window->tasks()->isBusy());
    QVERIFY(!sawCancel);
    answers.replies = {QMessageBox::Yes};
    QVERIFY(window->close());
    QCOMPARE(answers.asked, QStringList({QStringLiteral("cancelTasksQuestion"), QStringLiteral("cancelTasksQuestion")}));
    QTRY_VERIFY(sawCancel.load());
    QTRY_VERIFY(!window->tasks()->isBusy());

    // Young work asks nothing.
    auto again = makeWindow();
    QVERIFY(again->openProject(folder));
    again->tasks()->waitForIdle();
    std::atomic<bool> release{false};
    again->tasks()->run(
        QStringLiteral("Listing"), again.get(),
        [&](flightdeck::store::Project&, const std::atomic<bool>& cancel) {
            while (!release.load() && !cancel.load())
                QThread::msleep(5);
        },
        [] {});
    Answers none;
    again->quitGuard()->setAsker(none.asker());
    QVERIFY(again->close());
    QVERIFY(none.asked.isEmpty());
    release = true;
    again->tasks()->waitForIdle();
}

QTEST_MAIN(TestGuiQuit)
#include "test_gui_quit.moc"
