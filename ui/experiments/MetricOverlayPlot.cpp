#include "experiments/MetricOverlayPlot.h"

#include "common/QCustomPlotCompat.h"

#include <QEvent>

#include <cmath>

namespace flightdeck::ui {

MetricOverlayPlot::MetricOverlayPlot(MetricSeriesStore* store, QWidget* parent)
    : CurvePlot(store, parent)
{
    setObjectName(QStringLiteral("metricPlot"));
    // Small enough that the runs table keeps its rows in a 768-high window; grows with the dock.
    setMinimumSize(200, 140);
    QCustomPlot* p = plot();
    p->legend->setVisible(true);
    p->legend->setBrush(QColor(255, 255, 255, 220));
    p->legend->setBorderPen(QPen(QColor(0xc0, 0xc0, 0xc0)));
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    p->legend->setFont(legendFont);
    p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    connect(this, &CurvePlot::redrawn, this, [this] {
        updatePlaceholder();
        placeLegend();
    });
    updatePlaceholder();
}

void MetricOverlayPlot::setRuns(const QString& metric,
                                const std::vector<std::pair<qint64, QString>>& runs, bool resetView)
{
    metric_ = metric;
    std::vector<CurveSpec> curves;
    int index = 0;
    for (const auto& [runId, label] : runs)
        curves.push_back({runId, metric.toStdString(), label, colorFor(index++), false});
    setAxisLabels(metric, QString());
    plot()->legend->setVisible(!curves.empty());
    setCurves(curves, resetView);
}

bool MetricOverlayPlot::isLoaded() const
{
    for (const CurveSpec& c : curves())
        if (!store()->isHeld(keyOf(c)))
            return false;
    return true;
}

qint64 MetricOverlayPlot::pointCount() const
{
    qint64 n = 0;
    for (const CurveSpec& c : curves())
        if (const auto* s = store()->series(keyOf(c)))
            n += static_cast<qint64>(s->size());
    return n;
}

void MetricOverlayPlot::updatePlaceholder()
{
    if (curves().empty())
        placeholderText_ = tr("Select one or more runs to plot their metrics");
    else if (isLoaded() && pointCount() == 0)
        placeholderText_ = tr("The selected runs have no \u201c%1\u201d points").arg(metric_);
    else
        placeholderText_.clear();
    setPlaceholder(placeholderText_);
}

void MetricOverlayPlot::placeLegend()
{
    // Curves that end high (accuracy) leave the bottom right free; falling ones (loss) the top.
    const QCPRange y = plot()->yAxis->range();
    double sum = 0;
    int count = 0;
    for (int i = 0; i < static_cast<int>(curves().size()); ++i) {
        const auto& line = drawnLine(i);
        if (!line.isEmpty() && y.size() > 0 && std::isfinite(line.back())) {
            sum += (line.back() - y.lower) / y.size();
            ++count;
        }
    }
    const bool endsHigh = count > 0 && sum / count > 0.5;
    plot()->axisRect()->insetLayout()->setInsetAlignment(
        0, Qt::AlignRight | (endsHigh ? Qt::AlignBottom : Qt::AlignTop));
}

void MetricOverlayPlot::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updatePlaceholder();
    CurvePlot::changeEvent(event);
}

}  // namespace flightdeck::ui
