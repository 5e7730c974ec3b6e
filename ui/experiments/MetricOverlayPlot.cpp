#include "experiments/MetricOverlayPlot.h"

#include <cmath>

namespace flightdeck::ui {

MetricOverlayPlot::MetricOverlayPlot(QWidget* parent) : QCustomPlot(parent) {
    setObjectName(QStringLiteral("metricPlot"));
    // Small enough that the runs table keeps its rows in a 768-high window; grows with the dock.
    setMinimumSize(200, 140);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    setNoAntialiasingOnDrag(true);
    axisRect()->setRangeZoom(Qt::Horizontal | Qt::Vertical);
    legend->setVisible(true);
    legend->setBrush(QColor(255, 255, 255, 220));
    legend->setBorderPen(QPen(QColor(0xc0, 0xc0, 0xc0)));
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    legend->setFont(legendFont);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    xAxis->grid()->setSubGridVisible(false);
    yAxis->grid()->setSubGridVisible(false);

    placeholder_ = new QCPItemText(this);
    placeholder_->setPositionAlignment(Qt::AlignCenter);
    placeholder_->position->setType(QCPItemPosition::ptAxisRectRatio);
    placeholder_->position->setCoords(0.5, 0.5);
    placeholder_->setColor(QColor(0x80, 0x80, 0x80));
    placeholder_->setClipToAxisRect(false);

    connect(this, &QCustomPlot::mouseWheel, this, [this] { userMovedView_ = true; });
    connect(this, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        if (event->buttons() & Qt::LeftButton)
            userMovedView_ = true;
    });
    connect(this, &QCustomPlot::mouseDoubleClick, this, [this] {
        userMovedView_ = false;
        rescale();
        replot();
    });
    retranslateUi();
}

QColor MetricOverlayPlot::colorFor(int index) {
    // Tableau 10: distinct for the common case of up to ten overlaid runs.
    static const QRgb palette[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                   0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    return QColor(palette[index % 10]);
}

void MetricOverlayPlot::retranslateUi() {
    xAxis->setLabel(tr("Step"));
    yAxis->setLabel(metric_);
    setToolTip(tr("Drag to pan, wheel to zoom, double-click to fit"));
    replot(QCustomPlot::rpQueuedReplot);
}

void MetricOverlayPlot::setPlaceholder(const QString& text) {
    placeholder_->setText(text);
    placeholder_->setVisible(!text.isEmpty());
    replot(QCustomPlot::rpQueuedReplot);
}

void MetricOverlayPlot::setSeries(const QString& metric, const std::vector<MetricSeries>& series,
                                  bool resetView) {
    metric_ = metric;
    yAxis->setLabel(metric);
    clearGraphs();
    int index = 0;
    for (const MetricSeries& s : series) {
        QCPGraph* graph = addGraph();
        QPen pen(colorFor(index++));
        pen.setWidthF(1.6);
        graph->setPen(pen);
        graph->setName(s.label);
        graph->setData(s.steps, s.values, true);
        if (s.steps.size() <= 60)   // per-epoch metrics: mark the points
            graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4));
        graph->setAdaptiveSampling(true);
    }
    legend->setVisible(!series.empty());
    if (resetView)
        userMovedView_ = false;
    if (!userMovedView_)
        rescale();
    placeLegend();
    replot(QCustomPlot::rpQueuedReplot);
}

void MetricOverlayPlot::placeLegend() {
    // Curves that end high (accuracy) leave the bottom right free; falling ones (loss) the top.
    const QCPRange y = yAxis->range();
    double sum = 0;
    int count = 0;
    for (int i = 0; i < graphCount(); ++i) {
        const auto data = graph(i)->data();
        if (!data->isEmpty() && y.size() > 0) {
            sum += ((data->constEnd() - 1)->value - y.lower) / y.size();
            ++count;
        }
    }
    const bool endsHigh = count > 0 && sum / count > 0.5;
    axisRect()->insetLayout()->setInsetAlignment(
        0, Qt::AlignRight | (endsHigh ? Qt::AlignBottom : Qt::AlignTop));
}

void MetricOverlayPlot::rescale() {
    if (graphCount() == 0) {
        xAxis->setRange(0, 1);
        yAxis->setRange(0, 1);
        return;
    }
    rescaleAxes(true);
    // Breathing room so lines do not sit on the frame.
    const QCPRange y = yAxis->range();
    const double pad = y.size() > 0 ? y.size() * 0.06 : std::max(std::abs(y.center()) * 0.05, 0.05);
    yAxis->setRange(y.lower - pad, y.upper + pad);
    const QCPRange x = xAxis->range();
    const double xPad = x.size() > 0 ? x.size() * 0.02 : 1.0;
    xAxis->setRange(x.lower - xPad, x.upper + xPad);
}

}  // namespace flightdeck::ui
