#include "monitoring/MonitoringCharts.h"

#include <limits>

namespace flightdeck::ui {

namespace {

QCPGraph* makeGraph(QCustomPlot* plot, QCPAxisRect* rect, QCPLegend* legend, const QColor& color,
                    double width) {
    QCPGraph* graph = plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    QPen pen(color);
    pen.setWidthF(width);
    graph->setPen(pen);
    graph->addToLegend(legend);
    return graph;
}

// A one-line legend in its own layout row above a plot, so it never covers the data.
QCPLegend* makeLegend(QCustomPlot* plot, int row) {
    auto* legend = new QCPLegend;
    plot->plotLayout()->addElement(row, 0, legend);
    plot->plotLayout()->setRowStretchFactor(row, 0.001);
    legend->setLayer(QStringLiteral("legend"));
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setMargins(QMargins(4, 2, 4, 0));
    legend->setMaximumSize(QWIDGETSIZE_MAX, 24);
    return legend;
}

}  // namespace

MonitoringCharts::MonitoringCharts(QWidget* parent) : QCustomPlot(parent) {
    setObjectName(QStringLiteral("monitoringCharts"));
    setMinimumSize(360, 300);
    setAutoAddPlottableToLegend(false);
    plotLayout()->clear();   // two axis rects of our own instead of the default one
    latencyRect_ = new QCPAxisRect(this);
    rateRect_ = new QCPAxisRect(this);
    plotLayout()->addElement(1, 0, latencyRect_);
    plotLayout()->addElement(3, 0, rateRect_);
    auto* margins = new QCPMarginGroup(this);
    latencyRect_->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    rateRect_->setMarginGroup(QCP::msLeft | QCP::msRight, margins);

    ticker_.reset(new QCPAxisTickerDateTime);
    ticker_->setTickCount(6);
    for (QCPAxisRect* rect : {latencyRect_, rateRect_}) {
        rect->axis(QCPAxis::atBottom)->setTicker(ticker_);
        rect->setRangeDrag(Qt::Horizontal);
        rect->setRangeZoom(Qt::Horizontal);
        for (QCPAxis* axis : rect->axes())
            axis->setLayer(QStringLiteral("axes"));
        rect->axis(QCPAxis::atLeft)->grid()->setLayer(QStringLiteral("grid"));
        rect->axis(QCPAxis::atBottom)->grid()->setLayer(QStringLiteral("grid"));
    }
    connect(latencyRect_->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
            rateRect_->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::setRange));
    connect(rateRect_->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
            latencyRect_->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::setRange));
    setInteractions(QCP::iRangeZoom);
    setNoAntialiasingOnDrag(true);

    latencyLegend_ = makeLegend(this, 0);
    rateLegend_ = makeLegend(this, 2);
    plotLayout()->setRowStretchFactor(1, 3.0);
    plotLayout()->setRowStretchFactor(3, 2.0);
    plotLayout()->setRowSpacing(0);
    p50_ = makeGraph(this, latencyRect_, latencyLegend_, QColor(0x1f, 0x77, 0xb4), 1.6);
    p95_ = makeGraph(this, latencyRect_, latencyLegend_, QColor(0xff, 0x7f, 0x0e), 1.6);
    p99_ = makeGraph(this, latencyRect_, latencyLegend_, QColor(0xd6, 0x27, 0x28), 1.4);
    rate_ = makeGraph(this, rateRect_, rateLegend_, QColor(0x2c, 0xa0, 0x2c), 1.4);
    rate_->setLineStyle(QCPGraph::lsStepCenter);
    rate_->setBrush(QColor(0x2c, 0xa0, 0x2c, 50));
    errors_ = makeGraph(this, rateRect_, rateLegend_, QColor(0xd6, 0x27, 0x28), 1.4);
    errors_->setLineStyle(QCPGraph::lsStepCenter);
    errors_->setBrush(QColor(0xd6, 0x27, 0x28, 60));

    placeholder_ = new QCPItemText(this);
    placeholder_->setClipAxisRect(latencyRect_);
    placeholder_->position->setType(QCPItemPosition::ptAxisRectRatio);
    placeholder_->position->setAxisRect(latencyRect_);
    placeholder_->position->setCoords(0.5, 0.5);
    placeholder_->setPositionAlignment(Qt::AlignCenter);
    placeholder_->setColor(QColor(0x80, 0x80, 0x80));

    connect(this, &QCustomPlot::mouseDoubleClick, this, [this] {
        fitAll();
        replot();
    });
    retranslateUi();
    fitAll();
}

void MonitoringCharts::retranslateUi() {
    latencyRect_->axis(QCPAxis::atLeft)->setLabel(tr("Latency (ms)"));
    rateRect_->axis(QCPAxis::atLeft)->setLabel(tr("Requests / s"));
    rateRect_->axis(QCPAxis::atBottom)->setLabel(tr("Time"));
    p50_->setName(tr("p50"));
    p95_->setName(tr("p95"));
    p99_->setName(tr("p99"));
    rate_->setName(tr("requests/s"));
    errors_->setName(tr("errors/s"));
    setToolTip(tr("Drag to select a time range, wheel to zoom, double-click for the whole log"));
    replot(QCustomPlot::rpQueuedReplot);
}

void MonitoringCharts::setPlaceholder(const QString& text) {
    placeholder_->setText(text);
    placeholder_->setVisible(!text.isEmpty());
    replot(QCustomPlot::rpQueuedReplot);
}

void MonitoringCharts::setWindows(const std::vector<flightdeck::monitor::WindowStats>& windows,
                                  double width) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QVector<double> keys, p50, p95, p99, rate, errors;
    keys.reserve(static_cast<int>(windows.size()));
    for (const auto& w : windows) {
        keys.append(w.start + w.width / 2.0);
        const bool any = w.requests > 0;
        p50.append(any ? w.latencyP50 : nan);
        p95.append(any ? w.latencyP95 : nan);
        p99.append(any ? w.latencyP99 : nan);
        rate.append(w.requestsPerSecond);
        errors.append(w.width > 0 ? double(w.errors) / w.width : 0.0);
    }
    p50_->setData(keys, p50, true);
    p95_->setData(keys, p95, true);
    p99_->setData(keys, p99, true);
    rate_->setData(keys, rate, true);
    errors_->setData(keys, errors, true);
    const double span = windows.empty() ? 0 : windows.back().start - windows.front().start + width;
    ticker_->setDateTimeFormat(span <= 2 * 86400.0 ? QStringLiteral("HH:mm")
                               : span <= 60 * 86400.0 ? QStringLiteral("MMM d\nHH:mm")
                                                      : QStringLiteral("yyyy-MM-dd"));
    fitAll();
    replot(QCustomPlot::rpQueuedReplot);
}

void MonitoringCharts::fitAll() {
    if (p50_->dataCount() == 0) {
        const double now = static_cast<double>(QDateTime::currentSecsSinceEpoch());
        latencyRect_->axis(QCPAxis::atBottom)->setRange(now - 3600, now);
        latencyRect_->axis(QCPAxis::atLeft)->setRange(0, 100);
        rateRect_->axis(QCPAxis::atLeft)->setRange(0, 1);
        return;
    }
    bool found = false;
    const QCPRange keys = p50_->getKeyRange(found);
    const double pad = std::max(keys.size() * 0.01, 1.0);
    latencyRect_->axis(QCPAxis::atBottom)->setRange(keys.lower - pad, keys.upper + pad);
    double top = 0;
    for (QCPGraph* g : {p50_, p95_, p99_}) {
        const QCPRange r = g->getValueRange(found);
        if (found)
            top = std::max(top, r.upper);
    }
    latencyRect_->axis(QCPAxis::atLeft)->setRange(0, top > 0 ? top * 1.1 : 1.0);
    const QCPRange r = rate_->getValueRange(found);
    rateRect_->axis(QCPAxis::atLeft)->setRange(0, found && r.upper > 0 ? r.upper * 1.15 : 1.0);
}

}  // namespace flightdeck::ui
