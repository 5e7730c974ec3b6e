#include "mainwindow/TaskStatusWidget.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
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
    refresh();
}

void TaskStatusWidget::setTrainingRunning(bool running)
{
    training_ = running;
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

void TaskStatusWidget::refresh()
{
    const bool visible = busy_ || training_;
    titleLabel_->setVisible(visible);
    progress_->setVisible(visible);
    cancelButton_->setVisible(visible);
    if (training_ && total_ > 0) {
        const int total = static_cast<int>(std::min<qint64>(total_, std::numeric_limits<int>::max()));
        progress_->setRange(0, total);
        progress_->setValue(static_cast<int>(std::min<qint64>(step_, total)));
        progress_->setFormat(tr("Epoch %1: %p%").arg(epoch_));
    } else if (visible) {
        progress_->setRange(0, 0);   // indeterminate
    }
    QString title = training_ ? tr("Training") : QString();
    if (busy_)
        title = title.isEmpty() ? busyTitle_ : tr("%1; %2").arg(title, busyTitle_);
    titleLabel_->setText(title);
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
