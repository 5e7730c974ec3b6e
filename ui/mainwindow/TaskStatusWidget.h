#pragma once
// The status bar's activity area: a progress bar that shows training progress, a task's own
// progress (TaskRunner::progressChanged: the bar and a line such as "12,000 / 70,000 images,
// 48 MB/s"), or a busy (indeterminate) state while TaskRunner works; the task's title; Cancel.
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace flightdeck::ui {

class TaskStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit TaskStatusWidget(QWidget* parent = nullptr);

    void setBusy(bool busy, const QString& title);
    void setTrainingRunning(bool running);
    void setTrainingProgress(qint64 step, qint64 totalSteps, int epoch);
    void setTrainingPaused(bool paused);   // the title says so; ends with the run
    // total <= 0: an indeterminate bar with the text; no text either: the task's progress ended.
    void setTaskProgress(const QString& title, qint64 done, qint64 total, const QString& text);

Q_SIGNALS:
    void cancelRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    static constexpr int kMaxTitleWidth = 560;
    void retranslateUi();
    void refresh();
    void clearStatusMessage();

    QLabel* titleLabel_;
    QProgressBar* progress_;
    QToolButton* cancelButton_;
    bool busy_ = false, training_ = false, paused_ = false;
    QString busyTitle_;
    QString taskTitle_, taskText_;
    qint64 taskDone_ = 0, taskTotal_ = 0;
    qint64 step_ = 0, total_ = 0;
    int epoch_ = 0;
};

}  // namespace flightdeck::ui
