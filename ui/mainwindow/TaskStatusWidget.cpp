#include "mainwindow/TaskStatusWidget.h"

#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

#include <algorithm>
#include <limits>

namespace flightdeck::ui {

TaskStatusWidget::TaskStatusWidget(QWidget* parent)
    : QWidget(parent),
      titleLabel_(new QLabel(this)),
      progress_(new QProgressBar(this)),
      cancelButton_(new QToolButton(this))
{
    setObjectName(QStringLiteral("taskStatus"));
    titleLabel_->setObjectName(QStringLiteral("statusTaskLabel"));
    progress_->setObjectName(QStringLiteral("statusProgressBar"));
    cancelButton_->setObjectName(QStringLiteral("statusCancelButton"));
    progress_->setFixedWidth(180);
    progress_->setTextVisible(true);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(titleLabel_);
    layout->addWidget(progress_);
    layout->addWidget(cancelButton_);
    connect(cancelButton_, &QToolButton::clicked, this, &TaskStatusWidget::cancelRequested);
    retranslateUi();
}

void TaskStatusWidget::setBusy(bool busy, const QString& title)
{
    busy_ = busy;
    busyTitle_ = title;
    if (!busy) {
        // A task that ended without its final report leaves no stale bar; the next task
        // starts from its own width.
        taskTotal_ = 0;
        taskText_.clear();
        titleLabel_->setMinimumWidth(0);
    } else {
        clearStatusMessage();
    }
    refresh();
}

void TaskStatusWidget::clearStatusMessage()
{
    // A status bar message is painted over its widgets; the running task matters more than
    // "Opened project ..." from before it started.
    if (auto* bar = qobject_cast<QStatusBar*>(parentWidget()))
        bar->clearMessage();
}

void TaskStatusWidget::setTaskProgress(const QString& title, qint64 done, qint64 total,
                                       const QString& text)
{
    if (taskTotal_ <= 0 && taskText_.isEmpty() && (total > 0 || !text.isEmpty()))
        clearStatusMessage();   // a task began to report, perhaps while another kept us busy
    taskTitle_ = title;
    taskDone_ = done;
    taskTotal_ = total;
    taskText_ = text;
    refresh();
}

void TaskStatusWidget::setTrainingRunning(bool running)
{
    training_ = running;
    paused_ = false;
    if (running) {
        step_ = total_ = 0;
        epoch_ = 0;
    }
    refresh();
}

void TaskStatusWidget::setTrainingProgress(qint64 step, qint64 totalSteps, int epoch)
{
    step_ = step;
    total_ = totalSteps;
    epoch_ = epoch;
    refresh();
}

void TaskStatusWidget::setTrainingPaused(bool paused)
{
    paused_ = paused && training_;
    refresh();
}

void TaskStatusWidget::refresh()
{
    const bool taskReporting = busy_ && (taskTotal_ > 0 || !taskText_.isEmpty());
    const bool taskProgress = taskReporting && taskTotal_ > 0;
    const bool visible = busy_ || training_;
    titleLabel_->setVisible(visible);
    progress_->setVisible(visible);
    cancelButton_->setVisible(visible);
    // QProgressBar takes ints; a total past INT_MAX (bytes) is shown in thousandths.
    const auto setBar = [this](qint64 done, qint64 total) {
        const bool scaled = total > std::numeric_limits<int>::max();
        const qint64 shownTotal = scaled ? 1000 : total;
        const qint64 shownDone = scaled ? done * 1000 / total : done;
        progress_->setRange(0, static_cast<int>(shownTotal));
        progress_->setValue(static_cast<int>(std::clamp<qint64>(shownDone, 0, shownTotal)));
    };
    if (training_ && total_ > 0) {
        setBar(step_, total_);
        progress_->setFormat(tr("Epoch %1: %p%").arg(epoch_));
    } else if (taskProgress) {
        setBar(taskDone_, taskTotal_);
        progress_->setFormat(QStringLiteral("%p%"));
    } else if (visible) {
        progress_->setRange(0, 0);   // indeterminate
    }
    // While a task reports progress, its own title and text say more than the first busy title.
    QString task = busy_ ? busyTitle_ : QString();
    if (taskReporting)
        task = taskText_.isEmpty() ? taskTitle_ : tr("%1: %2").arg(taskTitle_, taskText_);
    QString title = training_ ? (paused_ ? tr("Training (paused)") : tr("Training")) : QString();
    if (!task.isEmpty())
        title = title.isEmpty() ? task : tr("%1; %2").arg(title, task);
    // The label only grows while tasks run, so the bar does not jump left and right as a
    // rate's digits change; past kMaxTitleWidth the text is elided (full text in the tooltip).
    const QFontMetrics metrics(titleLabel_->font());
    const QString shown = metrics.elidedText(title, Qt::ElideMiddle, kMaxTitleWidth);
    titleLabel_->setText(shown);
    titleLabel_->setToolTip(shown == title ? QString() : title);
    titleLabel_->setMinimumWidth(visible ? std::max(titleLabel_->minimumWidth(),
                                                    metrics.horizontalAdvance(shown) + 4)
                                         : 0);
}

void TaskStatusWidget::retranslateUi()
{
    cancelButton_->setText(tr("Cancel"));
    cancelButton_->setToolTip(tr("Cancel the running task and stop training"));
    refresh();
}

void TaskStatusWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace flightdeck::ui
