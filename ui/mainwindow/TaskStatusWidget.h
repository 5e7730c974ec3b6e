#pragma once
// The status bar's activity area: a progress bar that shows training progress, or a busy
// (indeterminate) state while TaskRunner works, the task's title, and a Cancel button.
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

Q_SIGNALS:
    void cancelRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void refresh();

    QLabel* titleLabel_;
    QProgressBar* progress_;
    QToolButton* cancelButton_;
    bool busy_ = false, training_ = false;
    QString busyTitle_;
    qint64 step_ = 0, total_ = 0;
    int epoch_ = 0;
};

}  // namespace flightdeck::ui
