#include "training/TrainingForm.h"

#include "common/StatusLine.h"
#include "training/RuntimeText.h"
#include "training/ScientificSpinBox.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QThread>
#include <QVBoxLayout>

#include <limits>

namespace flightdeck::ui {

namespace {
enum DeviceIndex { DeviceAuto, DeviceCpu, DeviceCuda };
constexpr double kMinLearningRate = 1e-8;
constexpr double kMaxLearningRate = 10.0;
enum Row { NameRow, EpochsRow, BatchRow, LearningRateRow, SeedRow, ThreadsRow, DeviceRow };
}  // namespace

TrainingForm::TrainingForm(QWidget* parent)
    : QWidget(parent),
      form_(new QFormLayout(this)),
      nameEdit_(new QLineEdit(this)),
      epochsSpin_(new QSpinBox(this)),
      batchSpin_(new QSpinBox(this)),
      learningRateSpin_(new ScientificSpinBox(this)),
      learningRateMessage_(new StatusLine(this)),
      seedSpin_(new QSpinBox(this)),
      threadsSpin_(new QSpinBox(this)),
      deviceCombo_(new QComboBox(this))
{
    setObjectName(QStringLiteral("trainingForm"));
    nameEdit_->setObjectName(QStringLiteral("runNameEdit"));
    epochsSpin_->setObjectName(QStringLiteral("epochsSpin"));
    batchSpin_->setObjectName(QStringLiteral("batchSizeSpin"));
    learningRateSpin_->setObjectName(QStringLiteral("learningRateSpin"));
    seedSpin_->setObjectName(QStringLiteral("seedSpin"));
    threadsSpin_->setObjectName(QStringLiteral("threadsSpin"));
    deviceCombo_->setObjectName(QStringLiteral("deviceCombo"));

    epochsSpin_->setRange(1, 100000);
    epochsSpin_->setValue(20);
    batchSpin_->setRange(1, 1 << 20);
    batchSpin_->setValue(32);
    // Adam learns nothing measurable below 1e-8 and diverges on every task here above 10.
    learningRateSpin_->setRange(kMinLearningRate, kMaxLearningRate);
    learningRateSpin_->setValue(0.001);
    learningRateMessage_->setObjectName(QStringLiteral("learningRateMessage"));
    learningRateMessage_->hide();
    // Live feedback while typing; after Enter or leaving the field a refused text is reverted
    // by QAbstractSpinBox, and the message then says what was refused and what was kept.
    connect(learningRateSpin_->lineEdit(), &QLineEdit::textEdited, this, [this] {
        refusedLearningRate_ = learningRateSpin_->problem().isEmpty()
                                   ? QString() : learningRateSpin_->lineEdit()->text();
        updateLearningRateMessage();
    });
    connect(learningRateSpin_, &QAbstractSpinBox::editingFinished, this, [this] {
        if (refusedLearningRate_.isEmpty())
            return;
        refusedReason_ = tr("%1 was refused: use a learning rate between %2 and %3. It stays %4.")
                             .arg(refusedLearningRate_, learningRateSpin_->format(kMinLearningRate),
                                  learningRateSpin_->format(kMaxLearningRate),
                                  learningRateSpin_->text());
        refusedLearningRate_.clear();
        updateLearningRateMessage();
    });
    connect(learningRateSpin_, &QDoubleSpinBox::valueChanged, this, [this] {
        refusedReason_.clear();   // a new value replaces the last refusal
        updateLearningRateMessage();
    });
    seedSpin_->setRange(0, std::numeric_limits<int>::max());
    seedSpin_->setValue(42);
    // More threads than cores only slows training (the trainer refuses them).
    threadsSpin_->setRange(0, QThread::idealThreadCount());
    deviceCombo_->addItems({QString(), QString(), QString()});
    // "Automatic (CUDA if available)" need not set the form's width: the combo elides it.
    deviceCombo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    deviceCombo_->setMinimumContentsLength(10);
    if (!RuntimeText::info().cudaAvailable) {
        if (auto* model = qobject_cast<QStandardItemModel*>(deviceCombo_->model()))
            model->item(DeviceCuda)->setEnabled(false);
    }

    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // The learning rate's message sits right under its field, inside the same form row.
    auto* learningRateField = new QWidget(this);
    learningRateField->setObjectName(QStringLiteral("learningRateField"));
    auto* learningRateLayout = new QVBoxLayout(learningRateField);
    learningRateLayout->setContentsMargins(0, 0, 0, 0);
    learningRateLayout->setSpacing(2);
    learningRateLayout->addWidget(learningRateSpin_);
    learningRateLayout->addWidget(learningRateMessage_);
    for (QWidget* field : std::initializer_list<QWidget*>{nameEdit_, epochsSpin_, batchSpin_, learningRateField,
                                                          seedSpin_, threadsSpin_, deviceCombo_})
        form_->addRow(new QLabel(this), field);
    retranslateUi();
}

flightdeck::train::TrainConfig TrainingForm::config() const
{
    flightdeck::train::TrainConfig config;
    config.runName = nameEdit_->text().trimmed().toStdString();
    config.epochs = epochsSpin_->value();
    config.batchSize = batchSpin_->value();
    config.learningRate = learningRateSpin_->value();
    config.seed = static_cast<std::uint64_t>(seedSpin_->value());
    config.threads = threadsSpin_->value();
    switch (deviceCombo_->currentIndex()) {
    case DeviceCpu: config.device = "cpu"; break;
    case DeviceCuda: config.device = "cuda"; break;
    default: config.device = "auto"; break;
    }
    return config;
}

void TrainingForm::setConfig(const flightdeck::train::TrainConfig& config)
{
    nameEdit_->setText(QString::fromStdString(config.runName));
    epochsSpin_->setValue(config.epochs);
    batchSpin_->setValue(config.batchSize);
    learningRateSpin_->setValue(config.learningRate);
    seedSpin_->setValue(static_cast<int>(std::min<std::uint64_t>(config.seed, std::numeric_limits<int>::max())));
    threadsSpin_->setValue(config.threads);
    deviceCombo_->setCurrentIndex(config.device == "cpu" ? DeviceCpu : config.device == "cuda" ? DeviceCuda : DeviceAuto);
}

void TrainingForm::commitInput()
{
    // Fields take typed text on Enter or leaving them; F5 may come before either.
    for (QAbstractSpinBox* box : std::initializer_list<QAbstractSpinBox*>{
             epochsSpin_, batchSpin_, learningRateSpin_, seedSpin_, threadsSpin_})
        box->interpretText();
}

QString TrainingForm::problem() const
{
    const QString problem = learningRateSpin_->problem();
    return problem.isEmpty() ? QString() : tr("Learning rate: %1").arg(problem);
}

void TrainingForm::updateLearningRateMessage()
{
    QString text = learningRateSpin_->problem();
    bool error = !text.isEmpty();
    if (!error && learningRateSpin_->lineEdit()->isModified())
        refusedReason_.clear();   // typing again replaces the last refusal
    if (!error && !refusedReason_.isEmpty()) {
        text = refusedReason_;
        error = true;
    } else if (const double typed = learningRateSpin_->parse(learningRateSpin_->lineEdit()->text())
                                         .value_or(learningRateSpin_->value());
               !error && typed >= 1.0) {
        text = tr("A learning rate of %1 is unusually large for Adam; the loss will likely diverge. "
                  "Typical values lie between 1e-4 and 1e-2.")
                   .arg(learningRateSpin_->format(typed));
    }
    learningRateMessage_->showMessage(text, error ? StatusLine::Kind::Error : StatusLine::Kind::Warning);
    learningRateMessage_->setVisible(!text.isEmpty());
    Q_EMIT inputChanged();
}

void TrainingForm::setThreads(int threads)
{
    threadsSpin_->setValue(threads);
}

void TrainingForm::retranslateUi()
{
    const auto label = [this](int row, const QString& text) {
        if (auto* item = form_->itemAt(row, QFormLayout::LabelRole))
            static_cast<QLabel*>(item->widget())->setText(text);
    };
    label(NameRow, tr("Run name:"));
    label(EpochsRow, tr("Epochs:"));
    label(BatchRow, tr("Batch size:"));
    label(LearningRateRow, tr("Learning rate:"));
    learningRateSpin_->setToolTip(tr("Adam's step size, for example 0.001 or 3e-4 (%1 to %2)")
                                      .arg(learningRateSpin_->format(kMinLearningRate),
                                           learningRateSpin_->format(kMaxLearningRate)));
    label(SeedRow, tr("Seed:"));
    label(ThreadsRow, tr("Threads:"));
    label(DeviceRow, tr("Device:"));
    nameEdit_->setPlaceholderText(tr("automatic (run-<id>)"));
    seedSpin_->setToolTip(tr("Seeds model initialization and batch order"));
    threadsSpin_->setSpecialValueText(tr("All cores"));
    deviceCombo_->setItemText(DeviceAuto, tr("Automatic (CUDA if available)"));
    deviceCombo_->setItemText(DeviceCpu, tr("CPU"));
    deviceCombo_->setItemText(DeviceCuda, tr("CUDA"));
    if (!RuntimeText::info().cudaAvailable)
        deviceCombo_->setItemData(DeviceCuda, tr("This build or machine has no CUDA"), Qt::ToolTipRole);
}

}  // namespace flightdeck::ui
