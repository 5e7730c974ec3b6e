#pragma once
// The loop back from production, in the Monitoring panel: "Send to labeling" turns the log's
// records in the brushed range (or the whole log) into a fresh dataset version derived from the
// deployed model's training version (labels from the ground-truth file when one is chosen);
// "Retrain" trains the deployed run's recipe on its data plus the fresh version's labeled rows
// and shows old vs new on the old test rows and on fresh held-out rows; "Promote" exports the
// new run and moves the "production" alias to it (recorded in the registry's history). Each step
// runs on the TaskRunner; the deployed model is the registry's "production" alias, else the
// newest registered version.
#include <QString>
#include <QWidget>

#include <optional>
#include <utility>

class QLabel;
class QPushButton;

namespace flightdeck::ui {

class StatusLine;
class ProjectSession;
class TaskRunner;

class LoopActions : public QWidget {
    Q_OBJECT
public:
    LoopActions(ProjectSession* session, TaskRunner* runner, QWidget* parent = nullptr);

    void setLog(const QString& path);
    void setGroundTruth(const QString& path);
    void setRange(std::optional<std::pair<double, double>> range);

    void sendToLabeling();
    void retrain();
    void promote();

    qint64 freshVersion() const { return freshVersion_; }
    qint64 retrainedRun() const { return newRun_; }
    QString statusText() const;
    void retranslateUi();

Q_SIGNALS:
    void freshVersionReady(qint64 versionId);   // the main window opens it for labeling
    void retrained(qint64 runId);
    void promoted(qint64 registeredModelId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateButtons();
    void say(const QString& text, bool error = false);

    ProjectSession* session_;
    TaskRunner* runner_;
    QPushButton* labelButton_;
    QPushButton* retrainButton_;
    QPushButton* promoteButton_;
    StatusLine* status_;
    QString log_, truth_;
    std::optional<std::pair<double, double>> range_;
    qint64 deployedRun_ = 0, freshVersion_ = 0, newRun_ = 0;
    QString modelName_;
    bool busy_ = false;
};

}  // namespace flightdeck::ui
