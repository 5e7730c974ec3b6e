#include "evaluation/MetricCard.h"

#include <QLabel>
#include <QVBoxLayout>

namespace flightdeck::ui {

MetricCard::MetricCard(const QString& valueObjectName, QWidget* parent) : QFrame(parent) {
    setFrameShape(QFrame::StyledPanel);
    setObjectName(valueObjectName + QStringLiteral("Card"));
    caption_ = new QLabel(this);
    caption_->setStyleSheet(QStringLiteral("color: #6b6b6b;"));
    value_ = new QLabel(QStringLiteral("\u2014"), this);
    value_->setObjectName(valueObjectName);
    QFont big = value_->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    value_->setFont(big);
    value_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 14, 6);
    layout->setSpacing(2);
    layout->addWidget(caption_);
    layout->addWidget(value_);
}

void MetricCard::setCaption(const QString& caption) { caption_->setText(caption); }

void MetricCard::setValue(const QString& value, const QString& toolTip) {
    value_->setText(value);
    value_->setToolTip(toolTip);
}

void MetricCard::setValueColor(const QColor& color) {
    QPalette p = value_->palette();
    p.setColor(QPalette::WindowText, color.isValid() ? color : palette().color(QPalette::WindowText));
    value_->setPalette(p);
}

}  // namespace flightdeck::ui
