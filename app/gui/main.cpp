// flightdeck: opens the workbench on a project folder (argument), else on the most recent one.
#include "common/Settings.h"
#include "common/Translations.h"
#include "mainwindow/MainWindow.h"
#include "monitoring/MonitoringPanel.h"

#include "flightdeck/common/BuildInfo.h"
#include "flightdeck/train/Runtime.h"

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

namespace {
// Lets queued replots and layouts settle before a grab.
void settle(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
}
}  // namespace

int main(int argc, char** argv)
{
    // The icon lives in the static ui library; its resource initializer must be pulled in.
    Q_INIT_RESOURCE(flightdeck);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Flightdeck"));
    QApplication::setApplicationName(QStringLiteral("Flightdeck"));
    QApplication::setApplicationVersion(QString::fromLatin1(flightdeck::appVersion()));
    QApplication::setDesktopFileName(QStringLiteral("org.flightdeck.Flightdeck"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/flightdeck.svg")));
    flightdeck::ui::Translations::apply(flightdeck::ui::Settings::language().get());
    // libtorch starts with one intra-op thread here; the status bar should show what training
    // will really use.
    flightdeck::train::configureThreads(flightdeck::ui::Settings::trainingThreads().get());

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
    QCommandLineOption log(QStringLiteral("log"),
                           QApplication::translate("main", "Open the prediction log <file> in the monitoring dashboard."),
                           QStringLiteral("file"));
    parser.addOption(log);
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
    if (parser.isSet(log))
        window.monitoringPanel()->openLog(parser.value(log));
    window.show();

    if (parser.isSet(screenshot)) {
        const QString path = parser.value(screenshot);
        // The window as it opens, then once per dock with that dock raised (tabbed docks hide
        // each other): <file> and <file>-<dock objectName>.png.
        QTimer::singleShot(2500, &window, [&window, path]() {
            window.grab().save(path);
            const QString stem = QFileInfo(path).path() + QLatin1Char('/') +
                                 QFileInfo(path).completeBaseName();
            const auto docks = window.findChildren<QDockWidget*>();
            for (QDockWidget* dock : docks) {
                dock->raise();
                QApplication::processEvents();
                settle(300);
                window.grab().save(stem + QLatin1Char('-') + dock->objectName() +
                                   QStringLiteral(".png"));
            }
            QApplication::quit();
        });
    }
    return app.exec();
}
