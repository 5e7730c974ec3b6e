#include "data/SplitForm.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>

#include <algorithm>
#include <limits>

namespace flightdeck::ui {

SplitForm::SplitForm(QWidget* parent)
    : QWidget(parent),
      seedLabel_(new QLabel(this)),
      seedSpin_(new QSpinBox(this)),
      trainLabel_(new QLabel(this)),
      trainSpin_(new QDoubleSpinBox(this)),
      valLabel_(new QLabel(this)),
      valSpin_(new QDoubleSpinBox(this)),
      testLabel_(new QLabel(this)),
      createButton_(new QPushButton(this))
{
    setObjectName(QStringLiteral("splitForm"));
    seedSpin_->setObjectName(QStringLiteral("splitSeedSpin"));
    trainSpin_->setObjectName(QStringLiteral("splitTrainSpin"));
    valSpin_->setObjectName(QStringLiteral("splitValSpin"));
    testLabel_->setObjectName(QStringLiteral("splitTestLabel"));
    createButton_->setObjectName(QStringLiteral("createSplitButton"));

    seedSpin_->setRange(0, std::numeric_limits<int>::max());
    seedSpin_->setValue(42);
    for (auto* spin : {trainSpin_, valSpin_}) {
        spin->setRange(0.0, 1.0);
        spin->setDecimals(2);
        spin->setSingleStep(0.05);
    }
    trainSpin_->setValue(0.70);
    valSpin_->setValue(0.15);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(seedLabel_);
    layout->addWidget(seedSpin_);
    layout->addWidget(trainLabel_);
    layout->addWidget(trainSpin_);
    layout->addWidget(valLabel_);
    layout->addWidget(valSpin_);
    layout->addWidget(testLabel_);
    layout->addStretch(1);
    layout->addWidget(createButton_);

    connect(trainSpin_, &QDoubleSpinBox::valueChanged, this, &SplitForm::updateTestFraction);
    connect(valSpin_, &QDoubleSpinBox::valueChanged, this, &SplitForm::updateTestFraction);
    connect(createButton_, &QPushButton::clicked, this, &SplitForm::createRequested);
    retranslateUi();
}

bool SplitForm::isValid() const
{
    return trainSpin_->value() + valSpin_->value() <= 1.0 + 1e-9;
}

flightdeck::data::SplitFractions SplitForm::fractions() const
{
    flightdeck::data::SplitFractions fractions;
    fractions.train = trainSpin_->value();
    fractions.val = valSpin_->value();
    fractions.test = std::max(0.0, 1.0 - fractions.train - fractions.val);
    return fractions;
}

std::uint64_t SplitForm::seed() const
{
    return static_cast<std::uint64_t>(seedSpin_->value());
}

void SplitForm::updateTestFraction()
{
    testLabel_->setText(tr("Test: %1").arg(QLocale().toString(fractions().test, 'f', 2)));
    createButton_->setEnabled(isValid());
}

void SplitForm::retranslateUi()
{
    seedLabel_->setText(tr("Seed:"));
    seedSpin_->setToolTip(tr("The same seed and data always give the same split"));
    trainLabel_->setText(tr("Train:"));
    valLabel_->setText(tr("Val:"));
    createButton_->setText(tr("Create Split"));
    createButton_->setToolTip(tr("Create a seeded, stratified train/validation/test split"));
    // A language switch changes the default locale; spin boxes keep the one they were made with.
    for (QDoubleSpinBox* spin : {trainSpin_, valSpin_})
        spin->setLocale(QLocale());
    updateTestFraction();
}

}  // namespace flightdeck::ui
