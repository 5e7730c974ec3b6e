#include "training/RunControls.h"

#include <QGridLayout>
#include <QPushButton>

namespace flightdeck::ui {

RunControls::RunControls(QWidget* parent)
    : QWidget(parent),
      startButton_(new QPushButton(this)),
      pauseButton_(new QPushButton(this)),
      stopButton_(new QPushButton(this)),
      resumeButton_(new QPushButton(this)),
      sweepButton_(new QPushButton(this))
{
    setObjectName(QStringLiteral("runControls"));
    startButton_->setObjectName(QStringLiteral("startTrainingButton"));
    pauseButton_->setObjectName(QStringLiteral("pauseTrainingButton"));
    stopButton_->setObjectName(QStringLiteral("stopTrainingButton"));
    resumeButton_->setObjectName(QStringLiteral("resumeRunButton"));
    sweepButton_->setObjectName(QStringLiteral("sweepButton"));
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(startButton_, 0, 0, 1, 2);
    layout->addWidget(resumeButton_, 0, 2, 1, 2);
    layout->addWidget(pauseButton_, 1, 0, 1, 2);
    layout->addWidget(stopButton_, 1, 2, 1, 2);
    layout->addWidget(sweepButton_, 2, 0, 1, 4);
    connect(startButton_, &QPushButton::clicked, this, &RunControls::startClicked);
    connect(pauseButton_, &QPushButton::clicked, this, &RunControls::pauseClicked);
    connect(stopButton_, &QPushButton::clicked, this, &RunControls::stopClicked);
    connect(resumeButton_, &QPushButton::clicked, this, &RunControls::resumeClicked);
    connect(sweepButton_, &QPushButton::clicked, this, &RunControls::sweepClicked);
    setState({});
}

void RunControls::setState(const State& state)
{
    state_ = state;
    startButton_->setEnabled(!state.running && state.startBlocked.isEmpty());
    pauseButton_->setEnabled(state.running && !state.stopping);
    stopButton_->setEnabled(state.running && !state.stopping);
    resumeButton_->setEnabled(!state.running && state.resumableRunId > 0);
    sweepButton_->setEnabled(state.startBlocked.isEmpty());
    retranslateUi();
}

void RunControls::retranslateUi()
{
    startButton_->setText(tr("Start Training"));
    startButton_->setToolTip(state_.startBlocked.isEmpty()
                                 ? tr("Train with the current dataset version, split and architecture (F5)")
                                 : state_.startBlocked);
    pauseButton_->setText(state_.paused ? tr("Continue") : tr("Pause"));
    pauseButton_->setToolTip(state_.paused ? tr("Continue the paused run")
                                           : tr("Hold the run after the current batch; it keeps its place"));
    stopButton_->setText(tr("Stop"));
    stopButton_->setToolTip(tr("Stop after the current batch; the run keeps its metrics (Shift+F5)"));
    sweepButton_->setText(tr("Sweep…"));
    sweepButton_->setToolTip(state_.startBlocked.isEmpty()
                                 ? tr("Train several runs over chosen learning rates, batch sizes, optimizers "
                                      "and architectures, and find the best")
                                 : state_.startBlocked);
    resumeButton_->setText(tr("Resume Run"));
    resumeButton_->setToolTip(state_.resumableRunId > 0
                                  ? tr("Continue run #%1 from its last checkpoint").arg(state_.resumableRunId)
                                  : tr("Select a stopped, interrupted or failed run to continue it"));
}

}  // namespace flightdeck::ui
