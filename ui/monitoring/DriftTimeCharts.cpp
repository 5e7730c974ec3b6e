#include "monitoring/DriftTimeCharts.h"

#include <cmath>

namespace flightdeck::ui {

namespace {

QCPItemText* makeNote(QCustomPlot* plot, QCPAxisRect* rect) {
    auto* note = new QCPItemText(plot);
    note->setClipAxisRect(rect);
    note->position->setType(QCPItemPosition::ptAxisRectRatio);
    note->position->setAxisRect(rect);
    note->position->setCoords(0.5, 0.5);
    note->setPositionAlignment(Qt::AlignCenter);
    note->setColor(QColor(0x80, 0x80, 0x80));
    return note;
}

QCPGraph* makeGraph(QCustomPlot* plot, QCPAxisRect* rect, const QColor& color, double width,
                    Qt::PenStyle style = Qt::SolidLine) {
    QCPGraph* graph = plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    QPen pen(color, width, style);
    graph->setPen(pen);
    return graph;
}

}  // namespace

DriftTimeCharts::DriftTimeCharts(QWidget* parent) : QCustomPlot(parent) {
    setObjectName(QStringLiteral("driftTimeCharts"));
    setMinimumSize(300, 180);
    setAutoAddPlottableToLegend(false);
    plotLayout()->clear();
    legend_ = new QCPLegend;
    plotLayout()->addElement(0, 0, legend_);
    plotLayout()->setRowStretchFactor(0, 0.001);
    legend_->setLayer(QStringLiteral("legend"));
    legend_->setBorderPen(Qt::NoPen);
    legend_->setBrush(Qt::NoBrush);
    legend_->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend_->setMaximumSize(QWIDGETSIZE_MAX, 24);
    shareRect_ = new QCPAxisRect(this);
    accuracyRect_ = new QCPAxisRect(this);
    plotLayout()->addElement(1, 0, shareRect_);
    plotLayout()->addElement(2, 0, accuracyRect_);
    auto* margins = new QCPMarginGroup(this);
    QSharedPointer<QCPAxisTickerDateTime> ticker(new QCPAxisTickerDateTime);
    ticker->setDateTimeFormat(QStringLiteral("HH:mm"));
    ticker->setTickCount(6);
    for (QCPAxisRect* rect : {shareRect_, accuracyRect_}) {
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        rect->axis(QCPAxis::atBottom)->setTicker(ticker);
        rect->setRangeZoom(Qt::Horizontal);
        rect->axis(QCPAxis::atLeft)->setRange(0, 1.05);
    }
    setInteractions(QCP::iRangeZoom);

    share_ = makeGraph(this, shareRect_, QColor(0xd6, 0x27, 0x28), 1.6);
    share_->setLineStyle(QCPGraph::lsStepCenter);
    share_->setBrush(QColor(0xd6, 0x27, 0x28, 40));
    threshold_ = makeGraph(this, shareRect_, QColor(0x80, 0x80, 0x80), 1, Qt::DashLine);
    high_ = makeGraph(this, accuracyRect_, QColor(0x1f, 0x77, 0xb4, 0), 0);
    low_ = makeGraph(this, accuracyRect_, QColor(0x1f, 0x77, 0xb4, 0), 0);
    high_->setBrush(QColor(0x1f, 0x77, 0xb4, 45));
    high_->setChannelFillGraph(low_);
    estimate_ = makeGraph(this, accuracyRect_, QColor(0x1f, 0x77, 0xb4), 1.6);
    realized_ = makeGraph(this, accuracyRect_, QColor(0x2c, 0xa0, 0x2c), 1.6);
    realized_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4));
    for (QCPGraph* g : {share_, estimate_, realized_})
        g->addToLegend(legend_);
    shareNote_ = makeNote(this, shareRect_);
    accuracyNote_ = makeNote(this, accuracyRect_);
    retranslateUi();
}

void DriftTimeCharts::retranslateUi() {
    shareRect_->axis(QCPAxis::atLeft)->setLabel(tr("Drift share"));
    accuracyRect_->axis(QCPAxis::atLeft)->setLabel(tr("Accuracy"));
    share_->setName(tr("drifting columns"));
    estimate_->setName(tr("estimated accuracy (95 % band)"));
    realized_->setName(tr("realized accuracy"));
    shareNote_->setText(hasReference_ ? QString() : tr("Choose a reference to see drift"));
    accuracyNote_->setText(calibrated_ || realized_->dataCount() > 0
                               ? QString()
                               : tr("No estimate: the reference carries no confidence calibration"));
    setToolTip(tr("Drag to select a time range, wheel to zoom, double-click for the whole log"));
    replot(QCustomPlot::rpQueuedReplot);
}

void DriftTimeCharts::setSnapshot(const DashboardSnapshot& s) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QVector<double> keys, share;
    const double width = s.drift.width;
    for (std::size_t i = 0; i < s.drift.starts.size(); ++i) {
        keys.append(s.drift.starts[i] + width / 2);
        share.append(std::isfinite(s.drift.share[i]) ? s.drift.share[i] : nan);
    }
    share_->setData(keys, share, true);
    if (!keys.isEmpty())
        threshold_->setData({s.drift.starts.front(), s.drift.starts.back() + width}, {0.5, 0.5}, true);
    else
        threshold_->data()->clear();
    QVector<double> ek, ev, el, eh;
    for (const auto& e : s.accuracy.estimate) {
        ek.append(e.start + e.width / 2);
        ev.append(e.expectedAccuracy);
        el.append(e.low);
        eh.append(e.high);
    }
    estimate_->setData(ek, ev, true);
    low_->setData(ek, el, true);
    high_->setData(ek, eh, true);
    QVector<double> rk, rv;
    for (std::size_t i = 0; i < s.accuracy.realized.size(); ++i) {
        rk.append(s.accuracy.realizedStarts[i] + width / 2);
        rv.append(s.accuracy.realized[i]);
    }
    realized_->setData(rk, rv, true);
    calibrated_ = s.accuracy.calibrated;
    hasReference_ = s.hasReference && s.mismatch.empty();
    retranslateUi();
}

}  // namespace flightdeck::ui
