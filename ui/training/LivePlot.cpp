#include "training/LivePlot.h"

#include "common/CurvePlot.h"
#include "common/MetricSeriesStore.h"
#include "common/QCustomPlotCompat.h"

#include "flightdeck/store/MetricKeys.h"

#include <QEvent>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace flightdeck::ui {

LivePlot::LivePlot(MetricSeriesStore* store, QWidget* parent)
    : QWidget(parent), store_(store), curves_(new CurvePlot(store, this))
{
    setObjectName(QStringLiteral("livePlot"));
    curves_->plot()->setObjectName(QStringLiteral("trainingPlot"));
    // Small enough to sit beside the form in a 1024-wide window; it grows with the dock.
    setMinimumSize(220, 160);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(curves_);
    curves_->setTitle(QStringLiteral(" "));

    // The legend sits in a row under the axes, so it never hides the curves.
    QCustomPlot* plot = curves_->plot();
    plot->legend->setVisible(true);
    plot->legend->setFont(QFont(font().family(), std::max(7, font().pointSize() - 1)));
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot->legend->setBorderPen(Qt::NoPen);
    auto* legendRow = new QCPLayoutGrid;
    plot->plotLayout()->addElement(2, 0, legendRow);
    legendRow->setMargins(QMargins(5, 0, 5, 5));
    legendRow->addElement(0, 0, plot->legend);
    plot->plotLayout()->setRowStretchFactor(2, 0.001);
    connect(store_, &MetricSeriesStore::seriesLoaded, this, [this](qint64 runId) {
        if (runId == runId_)
            Q_EMIT curvesLoaded();
    });
    retranslateUi();
}

QCustomPlot* LivePlot::plot() const { return curves_->plot(); }

std::string LivePlot::valMetricKey() const
{
    return std::string(regression_ ? metric::ValRmse : metric::ValAccuracy);
}

void LivePlot::updateCurves(bool resetView)
{
    if (runId_ <= 0) {
        curves_->setCurves({}, true);
        return;
    }
    curves_->setCurves({{runId_, std::string(metric::TrainLoss), tr("train loss"), QColor(31, 119, 180), false},
                        {runId_, std::string(metric::ValLoss), tr("val loss (per epoch)"), QColor(255, 127, 14), false},
                        {runId_, valMetricKey(), regression_ ? tr("val RMSE") : tr("val accuracy"),
                         QColor(44, 160, 44), true}},
                       resetView);
    fitLegend();
}

void LivePlot::clearData()
{
    runId_ = 0;
    updateCurves(true);
}

void LivePlot::showRun(qint64 runId, bool regression)
{
    if (liveRunId_ > 0) {   // the live run has ended; the store keeps what it streamed
        store_->stopLive(liveRunId_);
        liveRunId_ = 0;
    }
    runId_ = runId;
    regression_ = regression;
    curves_->setAxisLabels(tr("Loss"), regression_ ? tr("RMSE") : tr("Accuracy"));
    updateCurves(true);
}

void LivePlot::setRegression(bool regression)
{
    if (regression == regression_)
        return;
    regression_ = regression;
    retranslateUi();
    updateCurves(false);
}

void LivePlot::appendPoints(qint64 runId, const std::vector<flightdeck::store::MetricRecord>& points)
{
    if (!store_->isLive(runId)) {
        store_->startLive(runId);
        liveRunId_ = runId;
    }
    if (runId != runId_) {
        runId_ = runId;
        updateCurves(true);
    }
    if (!regression_ && std::any_of(points.begin(), points.end(),
                                    [](const auto& p) { return p.key == metric::ValRmse; }))
        setRegression(true);
    store_->append(runId, points);
}

std::optional<double> LivePlot::lastValue(std::string_view key) const
{
    const auto buckets = store_->query({runId_, std::string(key), curves_->xAxisKind()},
                                       -std::numeric_limits<double>::max(),
                                       std::numeric_limits<double>::max(), 1);
    if (runId_ <= 0 || buckets.empty())
        return std::nullopt;
    return buckets.back().last;
}

QString LivePlot::lastValidationText() const
{
    const QLocale locale;
    if (regression_) {
        if (const auto rmse = lastValue(metric::ValRmse))
            return tr(", val RMSE %1").arg(locale.toString(*rmse, 'g', 4));
    } else if (const auto accuracy = lastValue(metric::ValAccuracy)) {
        return tr(", val accuracy %1 %").arg(locale.toString(*accuracy * 100.0, 'f', 1));
    }
    return {};
}

void LivePlot::setTitleText(const QString& text) { curves_->setTitle(text); }

int LivePlot::pointCount() const
{
    int n = 0;
    for (const CurveSpec& c : curves_->curves())
        if (const auto* s = store_->series(curves_->keyOf(c)))
            n += static_cast<int>(s->size());
    return n;
}

int LivePlot::pointCount(const QString& key) const
{
    if (runId_ <= 0)
        return 0;
    const auto* s = store_->series({runId_, key.toStdString(), curves_->xAxisKind()});
    return s ? static_cast<int>(s->size()) : 0;
}

void LivePlot::retranslateUi()
{
    curves_->setAxisLabels(tr("Loss"), regression_ ? tr("RMSE") : tr("Accuracy"));
    if (runId_ > 0)
        updateCurves(false);
    fitLegend();
}

void LivePlot::fitLegend()
{
    auto* legend = curves_->plot()->legend;
    legend->setWrap(0);
    legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    if (legend->minimumOuterSizeHint().width() > width() - 10) {
        legend->setWrap(2);
        legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    }
    curves_->plot()->replot(QCustomPlot::rpQueuedReplot);
}

void LivePlot::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitLegend();
}

void LivePlot::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace flightdeck::ui
