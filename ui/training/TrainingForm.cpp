#include "training/TrainingForm.h"

#include "training/RuntimeText.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QThread>

#include <limits>

namespace flightdeck::ui {

namespace {
enum DeviceIndex { DeviceAuto, DeviceCpu, DeviceCuda };
enum Row { NameRow, EpochsRow, BatchRow, LearningRateRow, SeedRow, ThreadsRow, DeviceRow };
}  // namespace

TrainingForm::TrainingForm(QWidget* parent)
    : QWidget(parent),
      form_(new QFormLayout(this)),
      nameEdit_(new QLineEdit(this)),
      epochsSpin_(new QSpinBox(this)),
      batchSpin_(new QSpinBox(this)),
      learningRateSpin_(new QDoubleSpinBox(this)),
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
    learningRateSpin_->setDecimals(5);
    learningRateSpin_->setRange(0.00001, 10.0);
    learningRateSpin_->setSingleStep(0.0005);
    learningRateSpin_->setValue(0.001);
    seedSpin_->setRange(0, std::numeric_limits<int>::max());
    seedSpin_->setValue(42);
    // More threads than cores only slows training (the trainer refuses them).
    threadsSpin_->setRange(0, QThread::idealThreadCount());
    deviceCombo_->addItems({QString(), QString(), QString()});
    if (!RuntimeText::info().cudaAvailable) {
        if (auto* model = qobject_cast<QStandardItemModel*>(deviceCombo_->model()))
            model->item(DeviceCuda)->setEnabled(false);
    }

    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (QWidget* field : std::initializer_list<QWidget*>{nameEdit_, epochsSpin_, batchSpin_, learningRateSpin_,
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
