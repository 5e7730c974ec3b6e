#include "training/RecipeForm.h"

#include "common/StatusLine.h"
#include "training/ScientificSpinBox.h"

#include "flightdeck/store/MetricKeys.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace flightdeck::ui {

namespace train = flightdeck::train;

namespace {
// Combo indexes follow the enums' order.
enum LossIndex { LossAuto, LossCrossEntropy, LossMse, LossL1, LossHuber };
enum TaskIndex { TaskAuto, TaskClassification, TaskRegression };

QDoubleSpinBox* decimalSpin(QWidget* parent, double min, double max, int decimals, double value)
{
    auto* spin = new QDoubleSpinBox(parent);
    spin->setRange(min, max);
    spin->setDecimals(decimals);
    spin->setValue(value);
    return spin;
}

// Rates and decays span decades: "3e-4" is typed as easily as "0.0003", and 0 shows as "0".
ScientificSpinBox* scientificSpin(QWidget* parent, double max, double step)
{
    auto* spin = new ScientificSpinBox(parent);
    spin->setRange(0.0, max);
    spin->setSingleStep(step);   // the first step up from 0; the 1-2-5 steps after it
    spin->setValue(0.0);
    return spin;
}

QSpinBox* intSpin(QWidget* parent, int min, int max, int value)
{
    auto* spin = new QSpinBox(parent);
    spin->setRange(min, max);
    spin->setValue(value);
    return spin;
}

// Two fields in one form row (momentum + Nesterov, crop padding + flip).
QWidget* pair(QWidget* parent, QWidget* a, QWidget* b)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(a, 1);
    layout->addWidget(b);
    return row;
}
}  // namespace

RecipeForm::RecipeForm(QWidget* parent)
    : QWidget(parent),
      form_(new QFormLayout(this)),
      optimizerCombo_(new QComboBox(this)),
      momentumSpin_(decimalSpin(this, 0.0, 0.999, 3, 0.9)),
      nesterovCheck_(new QCheckBox(this)),
      weightDecaySpin_(scientificSpin(this, 1.0, 1e-4)),
      scheduleCombo_(new QComboBox(this)),
      warmupSpin_(intSpin(this, 0, 10000000, 0)),
      stepEpochsSpin_(intSpin(this, 1, 100000, 10)),
      gammaSpin_(decimalSpin(this, 0.001, 1.0, 3, 0.1)),
      minLearningRateSpin_(scientificSpin(this, 10.0, 1e-6)),
      plateauPatienceSpin_(intSpin(this, 0, 100000, 10)),
      clipSpin_(decimalSpin(this, 0.0, 1e6, 2, 0.0)),
      patienceSpin_(intSpin(this, 0, 100000, 0)),
      monitorCombo_(new QComboBox(this)),
      balancedCheck_(new QCheckBox(this)),
      cropSpin_(intSpin(this, 0, 64, 0)),
      flipCheck_(new QCheckBox(this)),
      taskCombo_(new QComboBox(this)),
      lossCombo_(new QComboBox(this)),
      huberDeltaSpin_(decimalSpin(this, 0.001, 1e6, 3, 1.0)),
      messageLabel_(new StatusLine(this))
{
    setObjectName(QStringLiteral("recipeForm"));
    optimizerCombo_->setObjectName(QStringLiteral("optimizerCombo"));
    momentumSpin_->setObjectName(QStringLiteral("momentumSpin"));
    nesterovCheck_->setObjectName(QStringLiteral("nesterovCheck"));
    weightDecaySpin_->setObjectName(QStringLiteral("weightDecaySpin"));
    scheduleCombo_->setObjectName(QStringLiteral("scheduleCombo"));
    warmupSpin_->setObjectName(QStringLiteral("warmupSpin"));
    stepEpochsSpin_->setObjectName(QStringLiteral("stepEpochsSpin"));
    gammaSpin_->setObjectName(QStringLiteral("gammaSpin"));
    minLearningRateSpin_->setObjectName(QStringLiteral("minLearningRateSpin"));
    plateauPatienceSpin_->setObjectName(QStringLiteral("plateauPatienceSpin"));
    clipSpin_->setObjectName(QStringLiteral("clipGradNormSpin"));
    patienceSpin_->setObjectName(QStringLiteral("earlyStopPatienceSpin"));
    monitorCombo_->setObjectName(QStringLiteral("monitorCombo"));
    balancedCheck_->setObjectName(QStringLiteral("balancedClassWeightsCheck"));
    cropSpin_->setObjectName(QStringLiteral("cropPaddingSpin"));
    flipCheck_->setObjectName(QStringLiteral("flipCheck"));
    taskCombo_->setObjectName(QStringLiteral("taskCombo"));
    lossCombo_->setObjectName(QStringLiteral("lossCombo"));
    huberDeltaSpin_->setObjectName(QStringLiteral("huberDeltaSpin"));
    messageLabel_->setObjectName(QStringLiteral("recipeMessage"));
    messageLabel_->hide();

    optimizerCombo_->addItems({QString(), QString(), QString()});   // OptimizerKind's order
    optimizerCombo_->setCurrentIndex(static_cast<int>(train::OptimizerKind::Adam));
    scheduleCombo_->addItems({QString(), QString(), QString(), QString(), QString()});
    taskCombo_->addItems({QString(), QString(), QString()});
    lossCombo_->addItems({QString(), QString(), QString(), QString(), QString()});
    for (QComboBox* combo : {optimizerCombo_, scheduleCombo_, monitorCombo_, taskCombo_, lossCombo_}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(8);
    }

    form_->setContentsMargins(0, 0, 0, 0);
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form_->setRowWrapPolicy(QFormLayout::WrapLongRows);
    for (QWidget* field : std::initializer_list<QWidget*>{
             optimizerCombo_, pair(this, momentumSpin_, nesterovCheck_), weightDecaySpin_,
             scheduleCombo_, warmupSpin_, stepEpochsSpin_, gammaSpin_, minLearningRateSpin_,
             plateauPatienceSpin_, clipSpin_, patienceSpin_, monitorCombo_, balancedCheck_,
             pair(this, cropSpin_, flipCheck_), taskCombo_, lossCombo_, huberDeltaSpin_})
        form_->addRow(new QLabel(this), field);
    form_->addRow(messageLabel_);

    connect(optimizerCombo_, &QComboBox::currentIndexChanged, this, [this] {
        // Until the user sets it, the decay shown is what torch uses for this optimizer.
        if (!weightDecayTouched_) {
            const QSignalBlocker blocker(weightDecaySpin_);
            weightDecaySpin_->setValue(optimizerCombo_->currentIndex()
                                               == static_cast<int>(train::OptimizerKind::AdamW)
                                           ? 0.01 : 0.0);
        }
        changed();
    });
    connect(weightDecaySpin_, &QDoubleSpinBox::valueChanged, this, [this] {
        weightDecayTouched_ = true;
        changed();
    });
    connect(scheduleCombo_, &QComboBox::currentIndexChanged, this, &RecipeForm::changed);
    connect(taskCombo_, &QComboBox::currentIndexChanged, this, [this] {
        fillMonitorCombo();
        changed();
    });
    connect(lossCombo_, &QComboBox::currentIndexChanged, this, &RecipeForm::changed);
    connect(nesterovCheck_, &QCheckBox::toggled, this, &RecipeForm::changed);
    for (QDoubleSpinBox* spin : {momentumSpin_, static_cast<QDoubleSpinBox*>(minLearningRateSpin_)})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &RecipeForm::changed);
    // What is being typed in the scientific fields is judged as it is typed (like the learning rate).
    for (ScientificSpinBox* spin : {weightDecaySpin_, minLearningRateSpin_})
        connect(spin->lineEdit(), &QLineEdit::textEdited, this, &RecipeForm::changed);
    retranslateUi();
}

void RecipeForm::changed()
{
    updateRows();
    const QString text = problem();
    messageLabel_->showMessage(text, StatusLine::Kind::Error);
    messageLabel_->setVisible(!text.isEmpty());
    Q_EMIT inputChanged();
}

bool RecipeForm::regression() const
{
    switch (taskCombo_->currentIndex()) {
    case TaskClassification: return false;
    case TaskRegression: return true;
    default: return datasetRegression_;
    }
}

void RecipeForm::setDataset(bool images, bool regression)
{
    images_ = images;
    datasetRegression_ = regression;
    fillMonitorCombo();
    changed();
}

void RecipeForm::setLearningRate(double learningRate)
{
    if (learningRate == learningRate_)
        return;
    learningRate_ = learningRate;
    changed();
}

void RecipeForm::updateRows()
{
    using train::ScheduleKind;
    const auto schedule = static_cast<ScheduleKind>(scheduleCombo_->currentIndex());
    const auto show = [this](QWidget* field, bool visible) { form_->setRowVisible(field, visible); };
    show(momentumSpin_->parentWidget(),   // the row of momentum and Nesterov
         optimizerCombo_->currentIndex() == static_cast<int>(train::OptimizerKind::Sgd));
    show(warmupSpin_, schedule != ScheduleKind::OneCycle);   // one-cycle warms up by itself
    show(stepEpochsSpin_, schedule == ScheduleKind::Step);
    show(gammaSpin_, schedule == ScheduleKind::Step);
    show(minLearningRateSpin_, schedule == ScheduleKind::Cosine || schedule == ScheduleKind::ReduceOnPlateau);
    show(plateauPatienceSpin_, schedule == ScheduleKind::ReduceOnPlateau);
    show(huberDeltaSpin_, lossCombo_->currentIndex() == LossHuber);
    // Augmentation crops and flips images; class weights need classes.
    cropSpin_->parentWidget()->setEnabled(images_);
    balancedCheck_->setEnabled(!regression());
}

void RecipeForm::fillMonitorCombo()
{
    const QString current = monitorCombo_->currentData().toString();
    const auto key = [](std::string_view k) { return QString::fromLatin1(k.data(), static_cast<int>(k.size())); };
    QList<QPair<QString, QString>> items;
    items.append({tr("Validation loss"), key(metric::ValLoss)});
    if (regression()) {
        items.append({tr("Validation RMSE"), key(metric::ValRmse)});
        items.append({tr("Validation MAE"), key(metric::ValMae)});
        items.append({tr("Validation R\u00b2"), key(metric::ValR2)});
    } else {
        items.append({tr("Validation accuracy"), key(metric::ValAccuracy)});
    }
    const QSignalBlocker blocker(monitorCombo_);
    monitorCombo_->clear();
    for (const auto& [text, data] : items)
        monitorCombo_->addItem(text, data);
    const int index = monitorCombo_->findData(current);
    monitorCombo_->setCurrentIndex(index >= 0 ? index : 0);
}

void RecipeForm::applyTo(train::TrainConfig& config) const
{
    config.optimizer = static_cast<train::OptimizerKind>(optimizerCombo_->currentIndex());
    if (config.optimizer == train::OptimizerKind::Sgd) {
        config.momentum = momentumSpin_->value();
        config.nesterov = nesterovCheck_->isChecked();
    }
    config.weightDecay = weightDecaySpin_->value();
    config.schedule = static_cast<train::ScheduleKind>(scheduleCombo_->currentIndex());
    config.warmupSteps = config.schedule == train::ScheduleKind::OneCycle ? 0 : warmupSpin_->value();
    config.stepEpochs = stepEpochsSpin_->value();
    config.gamma = gammaSpin_->value();
    config.minLearningRate = minLearningRateSpin_->value();
    config.plateauPatience = plateauPatienceSpin_->value();
    config.clipGradNorm = clipSpin_->value();
    config.earlyStopPatience = patienceSpin_->value();
    config.monitorMetric = monitorCombo_->currentData().toString().toStdString();
    config.classWeights = balancedCheck_->isChecked() && !regression() ? train::ClassWeighting::Balanced
                                                                       : train::ClassWeighting::None;
    config.augmentCropPadding = images_ ? cropSpin_->value() : 0;
    config.augmentFlip = images_ && flipCheck_->isChecked();
    config.task = static_cast<train::TaskKind>(taskCombo_->currentIndex());
    switch (lossCombo_->currentIndex()) {
    case LossCrossEntropy: config.loss = model::LossType::CrossEntropy; break;
    case LossMse: config.loss = model::LossType::MSE; break;
    case LossL1: config.loss = model::LossType::L1; break;
    case LossHuber: config.loss = model::LossType::Huber; break;
    default: config.loss.reset(); break;
    }
    config.huberDelta = huberDeltaSpin_->value();
}

void RecipeForm::setConfig(const train::TrainConfig& config)
{
    {
        const QSignalBlocker blocker(optimizerCombo_);   // its default decay must not win
        optimizerCombo_->setCurrentIndex(static_cast<int>(config.optimizer));
    }
    momentumSpin_->setValue(config.momentum);
    nesterovCheck_->setChecked(config.nesterov);
    weightDecaySpin_->setValue(train::effectiveWeightDecay(config));
    weightDecayTouched_ = config.weightDecay.has_value();
    scheduleCombo_->setCurrentIndex(static_cast<int>(config.schedule));
    warmupSpin_->setValue(config.warmupSteps);
    stepEpochsSpin_->setValue(config.stepEpochs);
    gammaSpin_->setValue(config.gamma);
    minLearningRateSpin_->setValue(config.minLearningRate);
    plateauPatienceSpin_->setValue(config.plateauPatience);
    clipSpin_->setValue(config.clipGradNorm);
    patienceSpin_->setValue(config.earlyStopPatience);
    balancedCheck_->setChecked(config.classWeights == train::ClassWeighting::Balanced);
    cropSpin_->setValue(config.augmentCropPadding);
    flipCheck_->setChecked(config.augmentFlip);
    taskCombo_->setCurrentIndex(static_cast<int>(config.task));   // refills the monitor list
    const int monitor = monitorCombo_->findData(QString::fromStdString(config.monitorMetric));
    monitorCombo_->setCurrentIndex(monitor >= 0 ? monitor : 0);
    int loss = LossAuto;
    if (config.loss) {
        switch (*config.loss) {
        case model::LossType::CrossEntropy: loss = LossCrossEntropy; break;
        case model::LossType::MSE: loss = LossMse; break;
        case model::LossType::L1: loss = LossL1; break;
        case model::LossType::Huber: loss = LossHuber; break;
        default: break;
        }
    }
    lossCombo_->setCurrentIndex(loss);
    huberDeltaSpin_->setValue(config.huberDelta);
    changed();
}

QString RecipeForm::problem() const
{
    using train::ScheduleKind;
    const auto schedule = static_cast<ScheduleKind>(scheduleCombo_->currentIndex());
    if (const QString typed = weightDecaySpin_->problem(); !typed.isEmpty())
        return tr("Weight decay: %1").arg(typed);
    if (const QString typed = minLearningRateSpin_->problem(); !typed.isEmpty()
        && form_->isRowVisible(minLearningRateSpin_))
        return tr("Minimum learning rate: %1").arg(typed);
    if (optimizerCombo_->currentIndex() == static_cast<int>(train::OptimizerKind::Sgd)
        && nesterovCheck_->isChecked() && momentumSpin_->value() <= 0)
        return tr("Nesterov: needs a momentum above 0 (with momentum 0 it is plain SGD).");
    if ((schedule == ScheduleKind::Cosine || schedule == ScheduleKind::ReduceOnPlateau)
        && minLearningRateSpin_->value() > learningRate_)
        return tr("Minimum learning rate: %1 is above the learning rate %2.")
            .arg(minLearningRateSpin_->format(minLearningRateSpin_->value()),
                 minLearningRateSpin_->format(learningRate_));
    if (taskCombo_->currentIndex() == TaskRegression && images_)
        return tr("Task: an image version is trained as classification (images carry classes).");
    const int loss = lossCombo_->currentIndex();
    if (regression() && loss == LossCrossEntropy)
        return tr("Loss: cross-entropy needs classes; use MSE, L1 or Huber for a regression target.");
    if (!regression() && (loss == LossMse || loss == LossL1 || loss == LossHuber))
        return tr("Loss: MSE, L1 and Huber are for regression; use cross-entropy for classes.");
    return {};
}

void RecipeForm::retranslateUi()
{
    const auto label = [this](int row, const QString& text) {
        if (auto* item = form_->itemAt(row, QFormLayout::LabelRole))
            static_cast<QLabel*>(item->widget())->setText(text);
    };
    int row = 0;
    for (const QString& text : {tr("Optimizer:"), tr("Momentum:"), tr("Weight decay:"), tr("Schedule:"),
                                tr("Warm-up steps:"), tr("Step every:"), tr("Gamma:"), tr("Minimum LR:"),
                                tr("Plateau patience:"), tr("Clip gradients:"), tr("Early stopping:"),
                                tr("Monitor:"), tr("Class weights:"), tr("Augment:"), tr("Task:"),
                                tr("Loss:"), tr("Huber delta:")})
        label(row++, text);
    optimizerCombo_->setItemText(0, tr("SGD"));
    optimizerCombo_->setItemText(1, tr("Adam"));
    optimizerCombo_->setItemText(2, tr("AdamW"));
    nesterovCheck_->setText(tr("Nesterov"));
    weightDecaySpin_->setToolTip(tr("L2 penalty for SGD and Adam, decoupled decay for AdamW"));
    scheduleCombo_->setItemText(0, tr("Constant"));
    scheduleCombo_->setItemText(1, tr("Step"));
    scheduleCombo_->setItemText(2, tr("Cosine"));
    scheduleCombo_->setItemText(3, tr("One-cycle"));
    scheduleCombo_->setItemText(4, tr("Reduce on plateau"));
    warmupSpin_->setToolTip(tr("Linear warm-up over this many steps before the schedule"));
    stepEpochsSpin_->setSuffix(tr(" epochs"));
    gammaSpin_->setToolTip(tr("The step schedule multiplies the learning rate by this"));
    minLearningRateSpin_->setToolTip(tr("The floor the learning rate does not go below"));
    plateauPatienceSpin_->setSuffix(tr(" epochs"));
    clipSpin_->setSpecialValueText(tr("Off"));
    clipSpin_->setToolTip(tr("Cut the gradients' total L2 norm to this value (0 = off)"));
    patienceSpin_->setSpecialValueText(tr("Off"));
    patienceSpin_->setSuffix(tr(" epochs"));
    patienceSpin_->setToolTip(tr("Stop after this many epochs without improvement of the monitored "
                                 "metric; the model is then the best epoch's (0 = off)"));
    monitorCombo_->setToolTip(tr("The validation metric early stopping, the plateau schedule and "
                                 "the best checkpoint follow"));
    fillMonitorCombo();
    balancedCheck_->setText(tr("Balanced"));
    balancedCheck_->setToolTip(tr("Weigh each class by the inverse of its share of the training data"));
    cropSpin_->setSpecialValueText(tr("No crop"));
    cropSpin_->setPrefix(tr("pad "));
    cropSpin_->setToolTip(tr("Pad by this many pixels, then crop a random image-sized window"));
    flipCheck_->setText(tr("Flip"));
    flipCheck_->setToolTip(tr("Flip training images horizontally with probability 0.5"));
    cropSpin_->parentWidget()->setToolTip(tr("Augmentation applies to image datasets only"));
    taskCombo_->setItemText(TaskAuto, tr("From the dataset"));
    taskCombo_->setItemText(TaskClassification, tr("Classification"));
    taskCombo_->setItemText(TaskRegression, tr("Regression"));
    lossCombo_->setItemText(LossAuto, tr("Automatic"));
    lossCombo_->setItemText(LossCrossEntropy, tr("Cross-entropy"));
    lossCombo_->setItemText(LossMse, tr("MSE"));
    lossCombo_->setItemText(LossL1, tr("L1"));
    lossCombo_->setItemText(LossHuber, tr("Huber"));
    changed();
}

}  // namespace flightdeck::ui
