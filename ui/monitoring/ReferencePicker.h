#pragma once
// What drift is measured against. By default the deployed model's training data: the
// reference_profile.json of the bundle the registry's "production" alias points at, else of
// the newest registered bundle (looked up on the TaskRunner when a project opens). Or any file
// the user picks: a bundle folder, a reference_profile.json, a dataset CSV or a log.
#include <QString>
#include <QWidget>

class QLabel;
class QToolButton;

namespace flightdeck::ui {

class ProjectSession;
class TaskRunner;

class ReferencePicker : public QWidget {
    Q_OBJECT
public:
    ReferencePicker(ProjectSession* session, TaskRunner* runner, QWidget* parent = nullptr);

    QString path() const { return path_; }
    bool isDeployedDefault() const { return deployed_; }
    // Uses `path` (empty: none) as chosen by the user; the deployed default stops applying.
    void choose(const QString& path);
    // Looks up the deployed model's bundle again and, found, uses its profile.
    void useDeployedModel();
    void retranslateUi();

Q_SIGNALS:
    void referenceChanged(const QString& path);

private:
    void chooseFile();
    void chooseBundle();
    void showState();

    ProjectSession* session_;
    TaskRunner* runner_;
    QLabel* caption_;
    QToolButton* button_;
    QLabel* label_;
    QString path_, description_, lookupError_;
    bool deployed_ = true;
};

}  // namespace flightdeck::ui
