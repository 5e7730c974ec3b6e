#include "mainwindow/QuitGuard.h"

#include "architecture/ArchitectureDocument.h"
#include "architecture/ArchitecturePanel.h"
#include "common/TaskRunner.h"
#include "common/TrainingController.h"

#include <QPushButton>
#include <QUndoStack>

namespace flightdeck::ui {

namespace {
// Background work younger than this (a listing, a lookup) is not worth a question.
constexpr qint64 kAskAfterMs = 1000;
}  // namespace

QuitGuard::QuitGuard(QWidget* window, TrainingController* training, TaskRunner* tasks,
                     ArchitecturePanel* architecture)
    : QObject(window), window_(window), training_(training), tasks_(tasks), architecture_(architecture)
{
    setObjectName(QStringLiteral("quitGuard"));
}

void QuitGuard::setAsker(Asker asker)
{
    asker_ = std::move(asker);
}

QMessageBox::StandardButton QuitGuard::ask(QMessageBox& box)
{
    if (asker_)
        return asker_(box);
    return static_cast<QMessageBox::StandardButton>(box.exec());
}

bool QuitGuard::saveArchitectures()
{
    // Each of the panel's tabs (layer table, graph editor) saves its own document, the one in
    // front: bring each edited one to the front in turn, then the person's tab back.
    const bool graphInFront = architecture_->graphTabShown();
    if (!architecture_->document()->undoStack()->isClean()) {
        architecture_->showGraphTab(false);
        architecture_->saveArchitecture();
    }
    if (!architecture_->graphUndoStack()->isClean()) {
        architecture_->showGraphTab(true);
        architecture_->saveArchitecture();
    }
    if (!architecture_->hasUnsavedChanges()) {
        architecture_->showGraphTab(graphInFront);
        return true;
    }
    // Show the tab whose save failed, with its message.
    architecture_->showGraphTab(!architecture_->graphUndoStack()->isClean());
    return false;
}

bool QuitGuard::confirm(Leaving leaving)
{
    const bool quitting = leaving == Leaving::Application;
    // Every question first, then the actions: "Stay" on the second question must not find the
    // training already stopped by the answer to the first.
    const bool stopTraining = training_->isRunning();
    if (stopTraining) {
        QMessageBox box(QMessageBox::Warning, tr("Training is running"),
                        quitting ? tr("A training run is in progress. Stop it and quit?")
                                 : tr("A training run is in progress. Stop it and close the project?"),
                        QMessageBox::Yes | QMessageBox::Cancel, window_);
        box.setObjectName(QStringLiteral("stopTrainingQuestion"));
        box.setInformativeText(tr("The run stops after the current batch and is recorded as cancelled, "
                                  "with its metrics and its model so far."));
        box.button(QMessageBox::Yes)->setText(quitting ? tr("Stop Training and Quit")
                                                       : tr("Stop Training and Close"));
        box.button(QMessageBox::Yes)->setObjectName(QStringLiteral("stopTrainingButton"));
        box.button(QMessageBox::Cancel)->setText(tr("Keep Training"));
        box.button(QMessageBox::Cancel)->setObjectName(QStringLiteral("stayButton"));
        box.setDefaultButton(QMessageBox::Cancel);
        if (ask(box) != QMessageBox::Yes)
            return false;
    }

    const QStringList background = tasks_ ? tasks_->runningTitles(kAskAfterMs) : QStringList();
    if (!background.isEmpty()) {
        QMessageBox box(QMessageBox::Warning, tr("Work is running in the background"),
                        quitting ? tr("\u201c%1\u201d is still running. Cancel it and quit?").arg(background.first())
                                 : tr("\u201c%1\u201d is still running. Cancel it and close the project?")
                                       .arg(background.first()),
                        QMessageBox::Yes | QMessageBox::Cancel, window_);
        box.setObjectName(QStringLiteral("cancelTasksQuestion"));
        box.setInformativeText(
            (background.size() > 1 ? tr("%n more task(s) too.", nullptr, int(background.size() - 1)) + QLatin1Char(' ')
                                   : QString())
            + tr("What is already saved in the project stays; the unfinished work is discarded."));
        box.button(QMessageBox::Yes)->setText(quitting ? tr("Cancel and Quit") : tr("Cancel and Close"));
        box.button(QMessageBox::Yes)->setObjectName(QStringLiteral("cancelTasksButton"));
        box.button(QMessageBox::Cancel)->setText(tr("Keep Working"));
        box.button(QMessageBox::Cancel)->setObjectName(QStringLiteral("stayButton"));
        box.setDefaultButton(QMessageBox::Cancel);
        if (ask(box) != QMessageBox::Yes)
            return false;
    }

    if (architecture_->hasUnsavedChanges()) {
        // The layer table's name; the graph editor's document has its own, so no name then.
        const QString name = architecture_->graphUndoStack()->isClean() ? architecture_->document()->name()
                                                                         : QString();
        QMessageBox box(QMessageBox::Question, tr("Unsaved architecture"),
                        name.isEmpty() ? tr("The architecture has unsaved changes.")
                                       : tr("The architecture \u201c%1\u201d has unsaved changes.").arg(name),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, window_);
        box.setObjectName(QStringLiteral("unsavedArchitectureQuestion"));
        box.setInformativeText(quitting ? tr("Save them to the project before quitting?")
                                        : tr("Save them to the project before closing it?"));
        box.button(QMessageBox::Save)->setObjectName(QStringLiteral("saveButton"));
        box.button(QMessageBox::Discard)->setObjectName(QStringLiteral("discardButton"));
        box.button(QMessageBox::Cancel)->setObjectName(QStringLiteral("stayButton"));
        box.setDefaultButton(QMessageBox::Save);
        switch (ask(box)) {
        case QMessageBox::Save:
            if (!saveArchitectures())
                return false;   // not saved (no name, invalid, no project): the panel says why
            break;
        case QMessageBox::Discard:
            break;
        default:
            return false;
        }
    }

    if (stopTraining)
        training_->stop();   // its destructor (or the project switch) joins the thread
    if (!background.isEmpty())
        tasks_->cancelAll();
    return true;
}

}  // namespace flightdeck::ui
