#include "monitoring/DistributionPlot.h"

#include <QLocale>

#include <algorithm>

namespace flightdeck::ui {

DistributionPlot::DistributionPlot(QWidget* parent) : QCustomPlot(parent) {
    setMinimumSize(220, 150);
    plotLayout()->insertRow(0);
    title_ = new QCPTextElement(this, QString(), QFont(font().family(), font().pointSize(), QFont::Bold));
    plotLayout()->addElement(0, 0, title_);
    reference_ = new QCPBars(xAxis, yAxis);
    current_ = new QCPBars(xAxis, yAxis);
    reference_->setPen(Qt::NoPen);
    reference_->setBrush(QColor(0x9e, 0x9e, 0x9e, 200));
    current_->setPen(Qt::NoPen);
    current_->setBrush(QColor(0xe6, 0x6a, 0x00, 200));
    group_ = new QCPBarsGroup(this);
    group_->setSpacingType(QCPBarsGroup::stAbsolute);
    group_->setSpacing(0);
    reference_->setBarsGroup(group_);
    current_->setBarsGroup(group_);
    legend->setVisible(true);
    legend->setBrush(Qt::NoBrush);
    legend->setBorderPen(Qt::NoPen);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    placeholder_ = new QCPItemText(this);
    placeholder_->position->setType(QCPItemPosition::ptAxisRectRatio);
    placeholder_->position->setCoords(0.5, 0.5);
    placeholder_->setPositionAlignment(Qt::AlignCenter);
    placeholder_->setColor(QColor(0x80, 0x80, 0x80));
    yAxis->setRange(0, 1);
    retranslateUi();
}

void DistributionPlot::retranslateUi() {
    reference_->setName(tr("reference"));
    current_->setName(tr("current"));
    yAxis->setLabel(tr("Share"));
    replot(QCustomPlot::rpQueuedReplot);
}

void DistributionPlot::setDistribution(const FeatureDistribution* d, const QString& title,
                                       const QString& placeholder) {
    title_->setText(title);
    placeholder_->setText(placeholder);
    placeholder_->setVisible(!placeholder.isEmpty());
    reference_->data()->clear();
    current_->data()->clear();
    double top = 0;
    const QLocale locale;
    if (d && d->categorical) {
        QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
        const int shown = std::min<int>(static_cast<int>(d->categories.size()), 20);
        for (int i = 0; i < shown; ++i) {
            ticker->addTick(i, QString::fromStdString(d->categories[static_cast<std::size_t>(i)]).left(12));
            reference_->addData(i, d->reference[static_cast<std::size_t>(i)]);
            current_->addData(i, d->current[static_cast<std::size_t>(i)]);
            top = std::max({top, d->reference[static_cast<std::size_t>(i)], d->current[static_cast<std::size_t>(i)]});
        }
        xAxis->setTicker(ticker);
        xAxis->setTickLabelRotation(shown > 6 ? 45 : 0);
        reference_->setWidth(0.4);
        current_->setWidth(0.4);
        xAxis->setRange(-0.7, std::max(shown, 1) - 0.3);
    } else if (d && d->edges.size() > 1) {
        xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        xAxis->setTickLabelRotation(0);
        const double bin = d->edges[1] - d->edges[0];
        for (std::size_t i = 0; i + 1 < d->edges.size(); ++i) {
            const double centre = (d->edges[i] + d->edges[i + 1]) / 2;
            reference_->addData(centre, d->reference[i]);
            current_->addData(centre, d->current[i]);
            top = std::max({top, d->reference[i], d->current[i]});
        }
        reference_->setWidth(bin * 0.45);
        current_->setWidth(bin * 0.45);
        xAxis->setRange(d->edges.front(), d->edges.back());
    }
    // Headroom above the bars for the legend, which must not cover them.
    yAxis->setRange(0, top > 0 ? top * 1.5 : 1);
    replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace flightdeck::ui
