// Help in the real main window: F1 is the user guide (docs/USER_GUIDE.md compiled into the
// binary), in German after a language switch, one dialog however often it is asked for; the
// shortcut list has its own keys and the window still has no clashing shortcut.
#include "WorkbenchFixture.h"

#include "common/Translations.h"
#include "mainwindow/ShortcutsDialog.h"
#include "mainwindow/UserGuideDialog.h"

#include <QAction>
#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTextBrowser>

using namespace flightdeck::ui;
using namespace flightdeck::ui::testing;

class TestGuiHelp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("FlightdeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_gui_help"));
        QApplication::setQuitOnLastWindowClosed(false);
        QSettings().clear();
    }

    void f1OpensTheUserGuideInTheUsersLanguage()
    {
        auto window = makeWindow();
        QVERIFY(window);
        auto* guide = window->findChild<QAction*>(QStringLiteral("actionUserGuide"));
        QVERIFY(guide);
        QCOMPARE(guide->shortcut(), QKeySequence(QKeySequence::HelpContents));
        QCOMPARE(window->findChild<QAction*>(QStringLiteral("actionShortcuts"))->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::Key_Slash));
        guide->trigger();
        UserGuideDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<UserGuideDialog*>()) && dialog->isVisible());
        auto* text = dialog->findChild<QTextBrowser*>(QStringLiteral("userGuideText"));
        QVERIFY(text);
        const QString shown = text->toPlainText();
        QVERIFY2(shown.contains(QStringLiteral("Flightdeck user guide")) && shown.contains(QStringLiteral("Import CSV")),
                 qPrintable(shown.left(200)));
        QVERIFY(!shown.contains(QStringLiteral("**")));   // rendered, not the Markdown source
        QVERIFY(dialog->height() <= window->height());
        guide->trigger();   // asked again: the same dialog, raised
        QCOMPARE(window->findChildren<UserGuideDialog*>().size(), 1);

        Translations::apply(QStringLiteral("de"));
        QCoreApplication::processEvents();
        QVERIFY2(text->toPlainText().contains(QStringLiteral("Benutzerhandbuch")), qPrintable(text->toPlainText().left(200)));
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Flightdeck-Benutzerhandbuch"));
        Translations::apply(QStringLiteral("en"));
        QCoreApplication::processEvents();
        QVERIFY(text->toPlainText().contains(QStringLiteral("Flightdeck user guide")));
        dialog->close();
        // The guide's F1 and the list's Ctrl+/ clash with nothing.
        std::size_t clashes = 0;
        for (const auto& e : collectShortcuts(window.get()))
            clashes += e.conflict ? 1 : 0;
        QCOMPARE(clashes, std::size_t(0));
    }
};

QTEST_MAIN(TestGuiHelp)
#include "test_gui_help.moc"
