// flightdeck: opens the workbench on a project folder (argument), else on the most recent one.
#include "common/Settings.h"
#include "common/Translations.h"
#include "mainwindow/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Flightdeck"));
    QApplication::setApplicationName(QStringLiteral("Flightdeck"));
    QApplication::setApplicationVersion(QStringLiteral(FLIGHTDECK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.flightdeck.Flightdeck"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/flightdeck.svg")));
    flightdeck::ui::Translations::apply(flightdeck::ui::Settings::language().get());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Flightdeck machine-learning workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "Project folder to open."));
    QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a screenshot of the window to <file> and quit."),
        QStringLiteral("file"));
    QCommandLineOption run(QStringLiteral("select-run"),
                           QApplication::translate("main", "Select run <id> after opening."),
                           QStringLiteral("id"));
    parser.addOption(screenshot);
    parser.addOption(run);
    parser.process(app);

    flightdeck::ui::MainWindow window;
    const QStringList args = parser.positionalArguments();
    const QStringList recent = flightdeck::ui::Settings::recentProjects().get();
    if (!args.isEmpty())
        window.openProject(args.first(), true);
    else if (!recent.isEmpty())
        window.openProject(recent.first(), false);
    if (parser.isSet(run))
        window.session()->setCurrentRun(parser.value(run).toLongLong());
    window.show();

    if (parser.isSet(screenshot)) {
        const QString path = parser.value(screenshot);
        QTimer::singleShot(2500, &window, [&window, path]() {
            window.grab().save(path);
            QApplication::quit();
        });
    }
    return app.exec();
}
