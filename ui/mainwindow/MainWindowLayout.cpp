// MainWindow's dock arrangement: the first-launch layout, View > Reset Layout, and restoring a
// saved layout only when it still fits. Kept apart from MainWindow.cpp, which wires panels.
#include "mainwindow/MainWindow.h"

#include "common/Settings.h"

#include <QDockWidget>
#include <QFrame>
#include <QGuiApplication>
#include <QScreen>
#include <QScrollArea>

#include <algorithm>

namespace flightdeck::ui {

namespace {
// Bump when the set of docks changes: Qt then refuses the old state and the default
// arrangement stays (2: the Labeling dock).
constexpr int kStateVersion = 2;
}  // namespace

QList<QDockWidget*> MainWindow::docks() const
{
    return {dockData_, dockLabeling_, dockArchitecture_, dockTraining_,
            dockExperiments_, dockEvaluation_, dockExport_, dockMonitoring_};
}

QDockWidget* MainWindow::addDock(QWidget* panel, const QString& objectName)
{
    auto* dock = new QDockWidget(this);
    dock->setObjectName(objectName);
    // A panel's minimum size stays its own, but a dock no longer forces it on the window: on
    // a small screen the panel scrolls instead of pushing the window past the screen's edge.
    auto* scroll = new QScrollArea(dock);
    scroll->setObjectName(objectName + QStringLiteral("Scroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(panel);
    dock->setWidget(scroll);
    return dock;
}

void MainWindow::arrangeDocks()
{
    // Left: the data and modeling side; right: training above the run-centric panels, tabbed.
    addDockWidget(Qt::LeftDockWidgetArea, dockData_);
    splitDockWidget(dockData_, dockArchitecture_, Qt::Vertical);
    addDockWidget(Qt::RightDockWidgetArea, dockTraining_);
    splitDockWidget(dockTraining_, dockExperiments_, Qt::Vertical);
    tabifyDockWidget(dockExperiments_, dockEvaluation_);
    tabifyDockWidget(dockExperiments_, dockExport_);
    tabifyDockWidget(dockExperiments_, dockMonitoring_);
    // Labeling wants the most room: it shares the right column's upper half with Training.
    tabifyDockWidget(dockTraining_, dockLabeling_);
    dockTraining_->raise();
    dockExperiments_->raise();
    // Proportions of the window as it is (the first launch is already bounded to the screen).
    const int w = std::max(width(), 800), h = std::max(height(), 600);
    resizeDocks({dockData_, dockTraining_}, {w * 49 / 100, w * 51 / 100}, Qt::Horizontal);
    resizeDocks({dockData_, dockArchitecture_}, {h * 55 / 100, h * 45 / 100}, Qt::Vertical);
    resizeDocks({dockTraining_, dockExperiments_}, {h * 47 / 100, h * 53 / 100}, Qt::Vertical);
}

void MainWindow::resetLayout()
{
    // addDockWidget does not take a dock out of the tab group or split it sits in: remove every
    // dock first, then place them all again as on first launch.
    for (QDockWidget* dock : docks()) {
        dock->setFloating(false);
        removeDockWidget(dock);
    }
    arrangeDocks();
    for (QDockWidget* dock : docks())
        dock->show();
    dockTraining_->raise();
    dockExperiments_->raise();
}

void MainWindow::saveLayout()
{
    Settings::mainWindowGeometry().set(saveGeometry());
    Settings::mainWindowState().set(saveState(kStateVersion));
}

void MainWindow::restoreLayout()
{
    restoreGeometry(Settings::mainWindowGeometry().get());
    // Qt refuses a state saved under another version; the default arrangement then stays.
    if (!restoreState(Settings::mainWindowState().get(), kStateVersion))
        return;
    // A state that lost a dock (missing from it, so neither docked nor floating), hides every
    // dock, or leaves one floating off every screen is no layout to come back to.
    bool anyShown = false, lost = false;
    for (QDockWidget* dock : docks()) {
        anyShown = anyShown || !dock->isHidden();
        if (dock->isFloating()) {
            lost = lost || QGuiApplication::screenAt(dock->geometry().center()) == nullptr;
        } else if (dockWidgetArea(dock) == Qt::NoDockWidgetArea) {
            lost = true;
        }
    }
    if (!anyShown || lost)
        resetLayout();
}

}  // namespace flightdeck::ui
