#include "common/CurveControls.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSlider>
#include <QToolBar>

#include <cmath>

namespace flightdeck::ui {

CurveControls::CurveControls(QWidget* parent)
    : QWidget(parent),
      smoothingLabel_(new QLabel(this)),
      smoothingSlider_(new QSlider(Qt::Horizontal, this)),
      smoothingValue_(new QLabel(this)),
      logCheck_(new QCheckBox(this)),
      xCombo_(new QComboBox(this)),
      resetButton_(new QPushButton(this))
{
    setObjectName(QStringLiteral("curveControls"));
    smoothingSlider_->setObjectName(QStringLiteral("smoothingSlider"));
    logCheck_->setObjectName(QStringLiteral("logScaleCheck"));
    xCombo_->setObjectName(QStringLiteral("xAxisCombo"));
    resetButton_->setObjectName(QStringLiteral("resetViewButton"));
    smoothingSlider_->setRange(0, 99);
    smoothingSlider_->setMaximumWidth(120);
    smoothingLabel_->setBuddy(smoothingSlider_);
    smoothingValue_->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0.00")));
    for (int i = 0; i < 4; ++i)
        xCombo_->addItem(QString());
    smoothingSlider_->setMinimumWidth(60);
    // A tool bar, not a plain row: in a narrow dock what does not fit goes behind its ">>"
    // button instead of squeezing the slider to nothing.
    auto* bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("curveToolBar"));
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(smoothingLabel_);
    bar->addWidget(smoothingSlider_);
    bar->addWidget(smoothingValue_);
    bar->addWidget(logCheck_);
    bar->addWidget(xCombo_);
    auto* spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addWidget(resetButton_);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(bar);

    connect(smoothingSlider_, &QSlider::valueChanged, this, [this](int value) {
        smoothingValue_->setText(QLocale().toString(value / 100.0, 'f', 2));
        Q_EMIT smoothingChanged(value / 100.0);
    });
    connect(logCheck_, &QCheckBox::toggled, this, &CurveControls::logScaleChanged);
    connect(xCombo_, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int index) { Q_EMIT xAxisChanged(static_cast<XAxis>(index)); });
    connect(resetButton_, &QPushButton::clicked, this, &CurveControls::resetClicked);
    retranslateUi();
}

QString CurveControls::axisName(XAxis axis)
{
    switch (axis) {
    case XAxis::Step: return tr("Step");
    case XAxis::Epoch: return tr("Epoch");
    case XAxis::RelativeTime: return tr("Time since start");
    case XAxis::WallTime: return tr("Wall time");
    }
    return {};
}

void CurveControls::setSmoothing(double weight)
{
    const QSignalBlocker block(smoothingSlider_);
    smoothingSlider_->setValue(static_cast<int>(std::lround(weight * 100)));
    smoothingValue_->setText(QLocale().toString(weight, 'f', 2));
}

void CurveControls::setLogScale(bool on)
{
    const QSignalBlocker block(logCheck_);
    logCheck_->setChecked(on);
}

void CurveControls::setXAxis(XAxis axis)
{
    const QSignalBlocker block(xCombo_);
    xCombo_->setCurrentIndex(static_cast<int>(axis));
}

void CurveControls::retranslateUi()
{
    smoothingLabel_->setText(tr("S&moothing:"));
    smoothingSlider_->setToolTip(tr("Exponential moving average as in TensorBoard; the raw curve "
                                    "stays faint behind it"));
    smoothingValue_->setText(QLocale().toString(smoothingSlider_->value() / 100.0, 'f', 2));
    logCheck_->setText(tr("&Log scale"));
    for (int i = 0; i < 4; ++i)
        xCombo_->setItemText(i, axisName(static_cast<XAxis>(i)));
    xCombo_->setToolTip(tr("What the x axis counts"));
    resetButton_->setText(tr("Reset view"));
    resetButton_->setToolTip(tr("Wheel to zoom, drag to pan; this fits every curve again"));
}

void CurveControls::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace flightdeck::ui
