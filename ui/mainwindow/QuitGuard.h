#pragma once
// Asks before work would be lost: leaving (quitting, or closing the project for another one)
// while a training run is going stops it, a background task (an import, an export, a retrain)
// is cancelled, and an unsaved architecture edit would be dropped.
// The question is a real QMessageBox (objectName, texts, buttons); an Asker replaces only its
// modal loop, so tests answer it without exec() and the application uses exec().
#include <QMessageBox>
#include <QObject>

#include <functional>

namespace flightdeck::ui {

class ArchitecturePanel;
class TaskRunner;
class TrainingController;

class QuitGuard : public QObject {
    Q_OBJECT
public:
    using Asker = std::function<QMessageBox::StandardButton(QMessageBox& box)>;
    enum class Leaving { Application, Project };

    QuitGuard(QWidget* window, TrainingController* training, TaskRunner* tasks,
              ArchitecturePanel* architecture);

    // Replaces the modal loop (nullptr restores exec()).
    void setAsker(Asker asker);
    // True when leaving may go on: nothing would be lost, or the person chose to stop the
    // training, to cancel the background work and to save or discard the edit (all already
    // done when this returns true).
    // False when they chose to stay or saving failed (the panel says why).
    bool confirm(Leaving leaving);

private:
    QMessageBox::StandardButton ask(QMessageBox& box);
    bool saveArchitectures();

    QWidget* window_;
    TrainingController* training_;
    TaskRunner* tasks_;
    ArchitecturePanel* architecture_;
    Asker asker_;
};

}  // namespace flightdeck::ui
