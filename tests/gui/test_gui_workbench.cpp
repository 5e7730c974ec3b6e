// The workbench as a person meets it (issue 12), in real MainWindows under the offscreen
// platform: the window fits small screens in English and German, Ctrl+click selects several
// runs, View > Reset Layout and old saved layouts, New Project on a folder that does not exist
// yet, a learning-rate field that takes "3e-4" and says why it refuses a value, and
// Help > Keyboard Shortcuts.
// Quitting safely is test_gui_quit.
#include "architecture/ArchitectureDocument.h"
#include "architecture/ArchitecturePanel.h"
#include "architecture/graph/GraphDocument.h"
#include "architecture/graph/GraphEditor.h"
#include "common/ProjectSession.h"
#include "common/Settings.h"
#include "common/TrainingController.h"
#include "common/Translations.h"
#include "experiments/ExperimentsPanel.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/NewProjectDialog.h"
#include "mainwindow/QuitGuard.h"
#include "mainwindow/ShortcutsDialog.h"
#include "training/TrainingPanel.h"
#include "gui/WorkbenchFixture.h"

#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/store/Project.h"

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
#include <QtTest>

#include <memory>

using namespace flightdeck::ui;

using namespace flightdeck::ui::testing;

class TestGuiWorkbench : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void windowFitsSmallScreens_data();
    void windowFitsSmallScreens();
    void ctrlClickSelectsSeveralRuns();
    void learningRateTakesScientificNotation();
    void resetLayoutRestoresTheArrangement();
    void savedLayoutsRestoreSanely();
    void newProjectCreatesAMissingFolder();
    void shortcutListShowsEveryShortcutAndNoClash();

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

void TestGuiWorkbench::windowFitsSmallScreens_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("German") << QStringLiteral("de");
}

void TestGuiWorkbench::windowFitsSmallScreens()
{
    QFETCH(QString, language);
    const QString folder = dir_.filePath(QStringLiteral("fits-") + language);
    makeProject(folder);
    Translations::apply(language);
    auto window = makeWindow(QSize(1024, 700));
    QVERIFY(window);
    QVERIFY(window->openProject(folder));
    QCoreApplication::processEvents();
    for (QDockWidget* dock : window->docks())
        QVERIFY2(!dock->isHidden() && !dock->isFloating(), qPrintable(dock->objectName()));

    // Nothing adds up past a 1024x700 screen (1366x768 follows), with every dock shown.
    const QSize hint = window->minimumSizeHint();
    const QSize minimum = window->minimumSize();
    qInfo("%s: minimumSizeHint %dx%d, minimumSize %dx%d", qPrintable(language), hint.width(),
          hint.height(), minimum.width(), minimum.height());
    QVERIFY2(hint.width() <= 1024 && hint.height() <= 700,
             qPrintable(QStringLiteral("%1x%2").arg(hint.width()).arg(hint.height())));
    QVERIFY(minimum.width() <= 1024 && minimum.height() <= 700);
    QCOMPARE(window->size(), QSize(1024, 700));

    // Every dock in view lies inside the window and keeps a usable area.
    for (QDockWidget* dock : window->docks()) {
        if (dock->visibleRegion().isEmpty())
            continue;   // a tab behind another
        const QRect area(dock->mapTo(window.get(), QPoint(0, 0)), dock->size());
        QVERIFY2(window->rect().contains(area), qPrintable(dock->objectName()));
        QVERIFY2(dock->width() >= 150 && dock->height() >= 100, qPrintable(dock->objectName()));
    }
    window->quitGuard()->setAsker([](QMessageBox&) { return QMessageBox::Discard; });
    Translations::apply(QStringLiteral("en"));
}

void TestGuiWorkbench::ctrlClickSelectsSeveralRuns()
{
    const QString folder = dir_.filePath(QStringLiteral("runs"));
    const ProjectIds ids = makeProject(folder);
    auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(window->openProject(folder));
    window->findChild<QDockWidget*>(QStringLiteral("dockExperiments"))->raise();
    auto* table = window->findChild<QTableView*>(QStringLiteral("runsTable"));
    QTRY_COMPARE(table->model()->rowCount(), 3);
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
    // Real locales write the exponent sign "E" (CLDR); the field keeps the lower-case form.
    for (const QLocale::Language language : {QLocale::English, QLocale::German}) {
        spin->setLocale(QLocale(language, QLocale::AnyTerritory));
        spin->setValue(3e-4);
        QCOMPARE(spin->text(), QStringLiteral("3e-4"));
        type(QStringLiteral("2e-5"));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(spin->value(), 2e-5);
    }
    spin->setLocale(QLocale::c());
    spin->setValue(3e-4);
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

void TestGuiWorkbench::resetLayoutRestoresTheArrangement()
{
    auto window = makeWindow();
    QVERIFY(window);
    const auto dock = [&](const char* name) {
        return window->findChild<QDockWidget*>(QString::fromLatin1(name));
    };
    // What one stray drag does (issue 12): Experiments tabbed into Data; plus one closed, one floating.
    window->tabifyDockWidget(dock("dockData"), dock("dockExperiments"));
    dock("dockMonitoring")->close();
    dock("dockExport")->setFloating(true);
    QVERIFY(window->tabifiedDockWidgets(dock("dockData")).contains(dock("dockExperiments")));

    window->findChild<QAction*>(QStringLiteral("actionResetLayout"))->trigger();
    QCoreApplication::processEvents();
    for (QDockWidget* d : window->docks()) {
        QVERIFY2(!d->isHidden() && !d->isFloating(), qPrintable(d->objectName()));
    }
    QCOMPARE(window->dockWidgetArea(dock("dockData")), Qt::LeftDockWidgetArea);
    QCOMPARE(window->dockWidgetArea(dock("dockArchitecture")), Qt::LeftDockWidgetArea);
    QCOMPARE(window->dockWidgetArea(dock("dockTraining")), Qt::RightDockWidgetArea);
    QCOMPARE(window->dockWidgetArea(dock("dockExperiments")), Qt::RightDockWidgetArea);
    QVERIFY(window->tabifiedDockWidgets(dock("dockData")).isEmpty());
    const auto tabs = window->tabifiedDockWidgets(dock("dockExperiments"));
    QVERIFY(tabs.contains(dock("dockEvaluation")) && tabs.contains(dock("dockExport"))
            && tabs.contains(dock("dockMonitoring")));
    QCOMPARE(window->tabifiedDockWidgets(dock("dockTraining")), QList<QDockWidget*>{dock("dockLabeling")});
    QVERIFY(!dock("dockTraining")->visibleRegion().isEmpty());
    QVERIFY(!dock("dockExperiments")->visibleRegion().isEmpty());
}

void TestGuiWorkbench::savedLayoutsRestoreSanely()
{
    // A layout saved by an older version (another set of docks) is refused: default layout.
    {
        auto window = makeWindow();
        QVERIFY(window);
        auto* data = window->findChild<QDockWidget*>(QStringLiteral("dockData"));
        window->tabifyDockWidget(data, window->findChild<QDockWidget*>(QStringLiteral("dockExperiments")));
        Settings::mainWindowState().set(window->saveState(1));
    }
    {
        auto window = makeWindow();
        QVERIFY(window);
        auto* data = window->findChild<QDockWidget*>(QStringLiteral("dockData"));
        QVERIFY(window->tabifiedDockWidgets(data).isEmpty());
        for (QDockWidget* d : window->docks())
            QVERIFY2(!d->isHidden(), qPrintable(d->objectName()));
    }
    // A layout of this version with every dock closed would open an empty window: reset.
    {
        auto window = makeWindow();
        QVERIFY(window);
        for (QDockWidget* d : window->docks())
            d->close();
        window->close();   // saves the layout
        QVERIFY(!Settings::mainWindowState().get().isEmpty());
    }
    {
        auto window = makeWindow();
        QVERIFY(window);
        for (QDockWidget* d : window->docks())
            QVERIFY2(!d->isHidden(), qPrintable(d->objectName()));
    }
    // A layout that lacks a dock (saved before it existed) places it again.
    {
        auto window = makeWindow();
        QVERIFY(window);
        window->removeDockWidget(window->findChild<QDockWidget*>(QStringLiteral("dockLabeling")));
        window->close();
    }
    {
        auto window = makeWindow();
        QVERIFY(window);
        auto* labeling = window->findChild<QDockWidget*>(QStringLiteral("dockLabeling"));
        QVERIFY(!labeling->isHidden());
        QVERIFY(labeling->isFloating() || window->dockWidgetArea(labeling) != Qt::NoDockWidgetArea);
    }
}

void TestGuiWorkbench::newProjectCreatesAMissingFolder()
{
    auto window = makeWindow();
    QVERIFY(window);
    window->findChild<QAction*>(QStringLiteral("actionNewProject"))->trigger();
    NewProjectDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<NewProjectDialog*>()) && dialog->isVisible());
    dialog->setDirectory(dir_.path());
    const QString folder = dir_.filePath(QStringLiteral("brand/new project"));
    QVERIFY(!QFileInfo::exists(folder));
    auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
    QVERIFY(name);
    name->setText(folder);
    QTest::keyClick(name, Qt::Key_Return);
    QTRY_VERIFY(window->session()->isOpen());
    QCOMPARE(QFileInfo(window->session()->folder()).canonicalFilePath(), QFileInfo(folder).canonicalFilePath());
    QVERIFY(QFileInfo(folder + QStringLiteral("/project.db")).isFile());

    // An existing folder still works the way it always did.
    const QString existing = dir_.filePath(QStringLiteral("existing"));
    QVERIFY(QDir().mkpath(existing));
    window->findChild<QAction*>(QStringLiteral("actionNewProject"))->trigger();
    QTRY_VERIFY((dialog = window->findChild<NewProjectDialog*>()) && dialog->isVisible());
    dialog->setDirectory(existing);
    dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"))->clear();
    dialog->accept();
    QTRY_COMPARE(QFileInfo(window->session()->folder()).canonicalFilePath(),
                 QFileInfo(existing).canonicalFilePath());
}

// Help > Keyboard Shortcuts lists the live actions: the window's and the panels' own (the
// labeling keys, the graph editor's), none of which may claim the same keys as another where
// both are reachable (Qt would call the shortcut ambiguous and fire neither).
void TestGuiWorkbench::shortcutListShowsEveryShortcutAndNoClash()
{
    auto window = makeWindow();
    QVERIFY(window);
    const auto entries = collectShortcuts(window.get());
    int withKeys = 0;
    for (QAction* a : window->findChildren<QAction*>())
        withKeys += a->shortcuts().isEmpty() ? 0 : 1;
    QCOMPARE(entries.size(), withKeys);
    auto has = [&](const char* objectName, const QKeySequence& keys) {
        for (const auto& e : entries)
            if (e.action->objectName() == QLatin1String(objectName))
                return e.keys.contains(keys.toString(QKeySequence::NativeText));
        return false;
    };
    QVERIFY(has("actionStartTraining", QKeySequence(Qt::Key_F5)));
    QVERIFY(has("actionQuit", QKeySequence(Qt::CTRL | Qt::Key_Q)));
    QStringList clashes;
    for (const auto& e : entries)
        if (e.conflict)
            clashes << e.text + QStringLiteral(" (") + e.keys + QStringLiteral(", ") + e.where + QStringLiteral(")");
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral("; "))));

    window->findChild<QAction*>(QStringLiteral("actionShortcuts"))->trigger();
    ShortcutsDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<ShortcutsDialog*>()) && dialog->isVisible());
    QCOMPARE(dialog->rowCount(), int(entries.size()));
    QCOMPARE(dialog->conflictCount(), 0);
    auto* filter = dialog->findChild<QLineEdit*>(QStringLiteral("shortcutsFilter"));
    QTest::keyClicks(filter, QStringLiteral("F5"));
    QVERIFY(dialog->rowCount() >= 1 && dialog->rowCount() < int(entries.size()));
    filter->clear();
    QCOMPARE(dialog->rowCount(), int(entries.size()));
    dialog->close();

    // And a clash is found when there is one.
    QWidget host;
    host.setWindowTitle(QStringLiteral("host"));
    auto* a = new QAction(QStringLiteral("&One"), &host);
    auto* b = new QAction(QStringLiteral("Two"), &host);
    auto* c = new QAction(QStringLiteral("Three"), &host);
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    b->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    c->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    const auto hostEntries = collectShortcuts(&host);
    QCOMPARE(hostEntries.size(), 3);
    for (const auto& e : hostEntries)
        QCOMPARE(e.conflict, e.action != c);
    QCOMPARE(hostEntries.front().text, QStringLiteral("One"));
}

QTEST_MAIN(TestGuiWorkbench)
#include "test_gui_workbench.moc"
