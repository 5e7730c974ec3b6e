#pragma once
// The project's saved architectures (newest first); a click or Enter picks one.
#include <QListWidget>

namespace flightdeck::ui {

class ProjectSession;

class SavedArchitecturesList : public QListWidget {
    Q_OBJECT
public:
    explicit SavedArchitecturesList(ProjectSession* session, QWidget* parent = nullptr);

    // Reloads from the store; returns an error message, empty on success.
    QString reload();
    void selectArchitecture(qint64 architectureId);

Q_SIGNALS:
    void architectureChosen(qint64 architectureId);

private:
    ProjectSession* session_;
};

}  // namespace flightdeck::ui
