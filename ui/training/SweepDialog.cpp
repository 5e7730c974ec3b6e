#include "training/SweepDialog.h"

#include "common/ErrorText.h"
#include "common/ProjectSession.h"
#include "common/RunStatusText.h"
#include "common/StatusLine.h"
#include "training/SweepResultsTree.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/store/MetricKeys.h"
#include "flightdeck/store/RunRepository.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <utility>

namespace flightdeck::ui {

namespace {

QString number(double v) { return QString::number(v, 'g', 6); }

}  // namespace

SweepDialog::SweepDialog(ProjectSession* session, const train::TrainConfig& base, bool regression,
                         QWidget* parent)
    : QDialog(parent),
      session_(session),
      base_(base),
      controller_(new SweepController(session, this)),
      nameEdit_(new QLineEdit(this)),
      kindCombo_(new QComboBox(this)),
      trialsSpin_(new QSpinBox(this)),
      seedSpin_(new QSpinBox(this)),
      architectureList_(new QListWidget(this)),
      learningRateEdit_(new QLineEdit(this)),
      batchEdit_(new QLineEdit(this)),
      sgdCheck_(new QCheckBox(QStringLiteral("SGD"), this)),
      adamCheck_(new QCheckBox(QStringLiteral("Adam"), this)),
      adamwCheck_(new QCheckBox(QStringLiteral("AdamW"), this)),
      epochsEdit_(new QLineEdit(this)),
      weightDecayEdit_(new QLineEdit(this)),
      objectiveCombo_(new QComboBox(this)),
      summaryLabel_(new StatusLine(this)),
      progress_(new QProgressBar(this)),
      statusLabel_(new QLabel(this)),
      results_(new SweepResultsTree(this)),
      startButton_(new QPushButton(this)),
      cancelButton_(new QPushButton(this)),
      closeButton_(new QPushButton(this))
{
    setObjectName(QStringLiteral("sweepDialog"));
    // Tests and layouts find the widgets by name.
    const std::pair<QWidget*, const char*> names[] = {
        {nameEdit_, "sweepNameEdit"}, {kindCombo_, "sweepKindCombo"}, {trialsSpin_, "sweepTrialsSpin"},
        {seedSpin_, "sweepSeedSpin"}, {architectureList_, "sweepArchitectureList"},
        {learningRateEdit_, "sweepLearningRateEdit"}, {batchEdit_, "sweepBatchSizeEdit"},
        {sgdCheck_, "sweepSgdCheck"}, {adamCheck_, "sweepAdamCheck"}, {adamwCheck_, "sweepAdamWCheck"},
        {epochsEdit_, "sweepEpochsEdit"}, {weightDecayEdit_, "sweepWeightDecayEdit"},
        {objectiveCombo_, "sweepObjectiveCombo"}, {summaryLabel_, "sweepSummaryLabel"},
        {progress_, "sweepProgressBar"}, {statusLabel_, "sweepStatusLabel"},
        {startButton_, "sweepStartButton"}, {cancelButton_, "sweepCancelButton"},
        {closeButton_, "sweepCloseButton"}
    };
    for (const auto& [widget, name] : names)
        widget->setObjectName(QString::fromLatin1(name));

    kindCombo_->addItem(QString(), QVariant::fromValue(static_cast<int>(store::SweepKind::Grid)));
    kindCombo_->addItem(QString(), QVariant::fromValue(static_cast<int>(store::SweepKind::Random)));
    trialsSpin_->setRange(1, sweep::kMaxTrials);
    trialsSpin_->setValue(8);
    seedSpin_->setRange(0, 1 << 30);
    seedSpin_->setValue(static_cast<int>(base.seed % (1u << 30)));
    for (const auto& a : store::ArchitectureRepository(session_->project()).all()) {
        auto* item = new QListWidgetItem(QStringLiteral("#%1 %2").arg(a.id).arg(QString::fromStdString(a.name)),
                                         architectureList_);
        item->setData(Qt::UserRole, static_cast<qlonglong>(a.id));
        item->setCheckState(a.id == session_->currentArchitectureId() ? Qt::Checked : Qt::Unchecked);
    }
    architectureList_->setMaximumHeight(90);
    learningRateEdit_->setText(number(base.learningRate) + QStringLiteral(", ") + number(base.learningRate * 3));
    sgdCheck_->setChecked(base.optimizer == train::OptimizerKind::Sgd);
    adamCheck_->setChecked(base.optimizer == train::OptimizerKind::Adam);
    adamwCheck_->setChecked(base.optimizer == train::OptimizerKind::AdamW);
    for (std::string_view key : {metric::ValAccuracy, metric::ValLoss, metric::ValRmse, metric::ValMae, metric::ValR2})
        objectiveCombo_->addItem(QString::fromUtf8(key.data(), static_cast<int>(key.size())));
    objectiveCombo_->setCurrentIndex(regression ? 2 : 0);
    statusLabel_->setWordWrap(true);
    progress_->setRange(0, 1);
    progress_->setValue(0);

    auto* form = new QFormLayout;
    auto addRow = [&](QWidget* field) {
        auto* label = new QLabel(this);
        label->setBuddy(field);
        labels_.append(label);
        form->addRow(label, field);
    };
    auto row = [this](std::initializer_list<QWidget*> widgets) {
        auto* box = new QWidget(this);
        auto* layout = new QHBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        for (QWidget* w : widgets)
            layout->addWidget(w);
        return box;
    };
    QWidget* searchBox = row({kindCombo_, trialsSpin_, seedSpin_});
    QWidget* optimizerBox = row({sgdCheck_, adamCheck_, adamwCheck_});
    addRow(nameEdit_);
    addRow(searchBox);
    addRow(architectureList_);
    addRow(learningRateEdit_);
    addRow(batchEdit_);
    addRow(optimizerBox);
    addRow(epochsEdit_);
    addRow(weightDecayEdit_);
    addRow(objectiveCombo_);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(summaryLabel_, 1);
    buttons->addWidget(startButton_);
    buttons->addWidget(cancelButton_);
    buttons->addWidget(closeButton_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(progress_);
    layout->addWidget(statusLabel_);
    layout->addWidget(results_, 1);
    resize(720, 620);

    for (QLineEdit* edit : {nameEdit_, learningRateEdit_, batchEdit_, epochsEdit_, weightDecayEdit_})
        connect(edit, &QLineEdit::textChanged, this, &SweepDialog::updateSummary);
    for (QCheckBox* box : {sgdCheck_, adamCheck_, adamwCheck_})
        connect(box, &QCheckBox::toggled, this, &SweepDialog::updateSummary);
    connect(kindCombo_, &QComboBox::currentIndexChanged, this, &SweepDialog::updateSummary);
    connect(trialsSpin_, &QSpinBox::valueChanged, this, &SweepDialog::updateSummary);
    connect(objectiveCombo_, &QComboBox::currentIndexChanged, this, &SweepDialog::updateSummary);
    connect(architectureList_, &QListWidget::itemChanged, this, &SweepDialog::updateSummary);
    connect(startButton_, &QPushButton::clicked, this, &SweepDialog::startSweep);
    connect(cancelButton_, &QPushButton::clicked, this, &SweepDialog::requestCancel);
    connect(closeButton_, &QPushButton::clicked, this, &QDialog::close);
    connect(controller_, &SweepController::sweepStarted, this, [this](qint64 id, int trials) {
        trials_ = trials;
        progress_->setRange(0, trials * 100);
        say([=] { return tr("Sweep %1: %n run(s) to train.", "", trials).arg(id); });
    });
    connect(controller_, &SweepController::trialStarted, this, &SweepDialog::onTrialStarted);
    connect(controller_, &SweepController::trialProgress, this, &SweepDialog::onTrialProgress);
    connect(controller_, &SweepController::trialFinished, this, &SweepDialog::onTrialFinished);
    connect(controller_, &SweepController::finished, this, &SweepDialog::onFinished);
    connect(controller_, &SweepController::failed, this, &SweepDialog::onFailed);
    setRunning(false);
    retranslateUi();
}

sweep::SweepPlan SweepDialog::plan() const
{
    sweep::SweepPlan p;
    p.base = base_;
    p.kind = static_cast<store::SweepKind>(kindCombo_->currentData().toInt());
    p.trials = p.kind == store::SweepKind::Random ? trialsSpin_->value() : 0;
    p.seed = static_cast<std::uint64_t>(seedSpin_->value());
    for (int i = 0; i < architectureList_->count(); ++i)
        if (architectureList_->item(i)->checkState() == Qt::Checked)
            p.architectures.push_back(architectureList_->item(i)->data(Qt::UserRole).toLongLong());
    const std::string rates = learningRateEdit_->text().trimmed().toStdString();
    if (rates.find("..") != std::string::npos)
        p.learningRateRange = sweep::parseLogRange(rates, "learning_rate");
    else if (!rates.empty())
        p.learningRates = sweep::parseNumberList(rates, "learning_rate");
    if (const QString t = batchEdit_->text().trimmed(); !t.isEmpty())
        p.batchSizes = sweep::parseIntList(t.toStdString(), "batch_size");
    if (sgdCheck_->isChecked())
        p.optimizers.push_back(train::OptimizerKind::Sgd);
    if (adamCheck_->isChecked())
        p.optimizers.push_back(train::OptimizerKind::Adam);
    if (adamwCheck_->isChecked())
        p.optimizers.push_back(train::OptimizerKind::AdamW);
    if (const QString t = epochsEdit_->text().trimmed(); !t.isEmpty())
        p.epochs = sweep::parseIntList(t.toStdString(), "epochs");
    if (const QString t = weightDecayEdit_->text().trimmed(); !t.isEmpty())
        p.weightDecays = sweep::parseNumberList(t.toStdString(), "weight_decay");
    p.objective = objectiveCombo_->currentText().toStdString();
    return p;
}

QString SweepDialog::problem() const
{
    try {
        sweep::validate(plan());
    } catch (const Error& e) {
        return ErrorText::message(e.info());
    }
    return {};
}

int SweepDialog::trialRowCount() const { return results_->topLevelItemCount(); }

void SweepDialog::updateSummary()
{
    QString text = problem();
    const bool valid = text.isEmpty();
    if (valid) {
        const sweep::SweepPlan p = plan();
        const int n = sweep::trialCount(p);
        text = p.kind == store::SweepKind::Grid ? tr("%n run(s): every combination, one after another.", "", n)
                                                : tr("%n run(s) drawn at random (seed %1), one after another.", "", n)
                                                      .arg(p.seed);
    }
    summaryLabel_->showMessage(text, valid ? StatusLine::Kind::Info : StatusLine::Kind::Error);
    startButton_->setEnabled(valid && !controller_->isRunning());
    const bool random = kindCombo_->currentData().toInt() == static_cast<int>(store::SweepKind::Random);
    trialsSpin_->setEnabled(random);
    seedSpin_->setEnabled(random);
}

void SweepDialog::setRunning(bool running)
{
    for (QWidget* w : std::initializer_list<QWidget*>{nameEdit_, kindCombo_, architectureList_, learningRateEdit_,
                                                      batchEdit_, sgdCheck_, adamCheck_, adamwCheck_, epochsEdit_,
                                                      weightDecayEdit_, objectiveCombo_})
        w->setEnabled(!running);
    cancelButton_->setEnabled(running);
    updateSummary();
}

void SweepDialog::startSweep()
{
    if (controller_->isRunning() || !problem().isEmpty())
        return;
    results_->clear();
    bestRow_ = -1;
    done_ = 0;
    trials_ = sweep::trialCount(plan());
    progress_->setRange(0, trials_ * 100);
    progress_->setValue(0);
    if (!controller_->start(plan(), session_->currentVersionId(), session_->currentSplitId(),
                            nameEdit_->text().trimmed())) {
        say([=] { return tr("The sweep could not start: no project is open."); });
        return;
    }
    say([=] { return tr("Starting…"); });
    setRunning(true);
}

void SweepDialog::onTrialStarted(int trial, qint64 runId, const QString& assignment)
{
    currentTrial_ = trial;
    say([=] { return tr("Run %1 of %2 (#%3): %4").arg(trial + 1).arg(trials_).arg(runId).arg(assignment); });
}

void SweepDialog::onTrialProgress(int trial, qint64 step, qint64 totalSteps)
{
    if (totalSteps > 0)
        progress_->setValue(trial * 100 + static_cast<int>(step * 100 / totalSteps));
}

void SweepDialog::onTrialFinished(const SweepTrialRow& row)
{
    results_->addTrial(row);
    progress_->setValue(++done_ * 100);
    if (row.runId > 0)
        session_->notifyRunsChanged();   // Experiments shows the run with its sweep at once
}

void SweepDialog::onFinished(qint64 sweepId, store::RunStatus status, int best, const QString& objective)
{
    setRunning(false);
    progress_->setValue(progress_->maximum());
    bestRow_ = best;
    if (results_->markBest(best)) {
        const QString run = results_->runText(best), score = results_->scoreText(best);
        say([=] { return tr("Sweep %1 %2: the best is run %3 (%4 %5).")
                                  .arg(sweepId)
                                  .arg(RunStatusText::text(status).toLower(), run, objective, score); });
        session_->setCurrentRun(results_->runOf(best));
    } else {
        say([=] { return tr("Sweep %1 %2: no run finished with a %3.")
                                  .arg(sweepId)
                                  .arg(RunStatusText::text(status).toLower(), objective); });
    }
    session_->notifyRunsChanged();
    if (closeWhenDone_)
        close();
}

void SweepDialog::onFailed(const QString& message)
{
    setRunning(false);
    say([=] { return tr("The sweep failed: %1").arg(message); });
    session_->notifyRunsChanged();
    if (closeWhenDone_)
        close();
}

bool SweepDialog::cancelBeforeClosing()
{
    if (!controller_->isRunning())
        return false;
    closeWhenDone_ = true;   // once the run in progress has stopped
    requestCancel();
    return true;
}

void SweepDialog::requestCancel()
{
    controller_->cancel();
    cancelButton_->setEnabled(false);
    say([=] { return tr("Cancelling after the current batch…"); });
}

void SweepDialog::reject()   // Escape
{
    if (!cancelBeforeClosing())
        QDialog::reject();
}

void SweepDialog::closeEvent(QCloseEvent* event)
{
    if (cancelBeforeClosing())
        return event->ignore();
    QDialog::closeEvent(event);
}

void SweepDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SweepDialog::retranslateUi()
{
    setWindowTitle(tr("Hyperparameter Sweep"));
    const QStringList texts = {tr("&Name:"), tr("&Search:"), tr("&Architectures:"), tr("&Learning rates:"),
                               tr("&Batch sizes:"), tr("Optimizers:"), tr("&Epochs:"), tr("&Weight decays:"),
                               tr("Ranked &by:")};
    for (int i = 0; i < labels_.size() && i < texts.size(); ++i)
        labels_[i]->setText(texts[i]);
    nameEdit_->setPlaceholderText(tr("sweep-<id>"));
    kindCombo_->setItemText(0, tr("Grid: every combination"));
    kindCombo_->setItemText(1, tr("Random search"));
    trialsSpin_->setSuffix(tr(" runs"));
    seedSpin_->setPrefix(tr("seed "));
    learningRateEdit_->setPlaceholderText(tr("e.g. 1e-3, 3e-3, or 1e-4..1e-1 for random search"));
    learningRateEdit_->setToolTip(tr("A comma list; random search also takes a range LOW..HIGH, drawn log-uniformly"));
    batchEdit_->setPlaceholderText(tr("the recipe's %1; e.g. 32, 64").arg(base_.batchSize));
    epochsEdit_->setPlaceholderText(tr("the recipe's %1; e.g. 10, 20").arg(base_.epochs));
    weightDecayEdit_->setPlaceholderText(tr("the recipe's; e.g. 0, 1e-4"));
    objectiveCombo_->setToolTip(tr("The validation metric of the model each run keeps (its last epoch, or the best "
                                   "one with early stopping)"));
    architectureList_->setToolTip(tr("Check the saved architectures to try"));
    startButton_->setText(tr("Start Sweep"));
    startButton_->setToolTip(tr("Train the runs one after another with the Training form's recipe"));
    cancelButton_->setText(tr("Cancel Sweep"));
    cancelButton_->setToolTip(tr("Stop the run in progress (recorded as cancelled) and start no other"));
    closeButton_->setText(tr("Close"));
    results_->retranslateUi();
    if (status_)
        statusLabel_->setText(status_());
    updateSummary();
}

// The status line as a function of the language, so a language switch re-renders it.
void SweepDialog::say(std::function<QString()> text)
{
    status_ = std::move(text);
    statusLabel_->setText(status_());
}

}  // namespace flightdeck::ui
