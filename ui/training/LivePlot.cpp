#include "training/LivePlot.h"

#include <QEvent>
#include <QLocale>
#include <QVBoxLayout>

#include "common/QCustomPlotCompat.h"

#include "flightdeck/store/MetricKeys.h"

#include <algorithm>

namespace flightdeck::ui {

LivePlot::LivePlot(QWidget* parent)
    : QWidget(parent),
      plot_(new QCustomPlot(this)),
      title_(new QCPTextElement(plot_, QString(), QFont(font().family(), font().pointSize() + 1, QFont::Bold))),
      trainLoss_(plot_->addGraph(plot_->xAxis, plot_->yAxis)),
      valLoss_(plot_->addGraph(plot_->xAxis, plot_->yAxis)),
      valMetric_(plot_->addGraph(plot_->xAxis, plot_->yAxis2))
{
    setObjectName(QStringLiteral("livePlot"));
    plot_->setObjectName(QStringLiteral("trainingPlot"));
    // Small enough to sit beside the form in a 1024-wide window; it grows with the dock.
    setMinimumSize(220, 160);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    plot_->plotLayout()->insertRow(0);
    plot_->plotLayout()->addElement(0, 0, title_);

    trainLoss_->setPen(QPen(QColor(31, 119, 180), 1.5));
    valLoss_->setPen(QPen(QColor(255, 127, 14), 2.0));
    valLoss_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    valMetric_->setPen(QPen(QColor(44, 160, 44), 2.0));
    valMetric_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, 7));
    trainLoss_->setAdaptiveSampling(true);
    // A long run's per-step loss is thousands of segments: drawn as one polyline (not segment
    // by segment) a replot costs a few ms instead of 40 on the GUI thread (bench_training_gui).
    plot_->setPlottingHint(QCP::phFastPolylines, true);

    plot_->yAxis2->setVisible(true);
    plot_->yAxis2->setRange(0.0, 1.05);
    plot_->yAxis->setRange(0.0, 1.0);
    plot_->xAxis->setRange(0.0, 10.0);
    // The legend sits in a row under the axes, so it never hides the curves.
    plot_->legend->setVisible(true);
    plot_->legend->setFont(QFont(font().family(), std::max(7, font().pointSize() - 1)));
    plot_->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot_->legend->setBorderPen(Qt::NoPen);
    auto* legendRow = new QCPLayoutGrid;
    plot_->plotLayout()->addElement(2, 0, legendRow);
    legendRow->setMargins(QMargins(5, 0, 5, 5));
    legendRow->addElement(0, 0, plot_->legend);
    plot_->plotLayout()->setRowStretchFactor(2, 0.001);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->axisRect()->setRangeZoom(Qt::Horizontal);
    plot_->axisRect()->setRangeDrag(Qt::Horizontal);
    retranslateUi();
}

void LivePlot::clearData()
{
    for (auto* graph : {trainLoss_, valLoss_, valMetric_})
        graph->data()->clear();
    plot_->xAxis->setRange(0.0, 10.0);
    plot_->yAxis->setRange(0.0, 1.0);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

QCPGraph* LivePlot::graphFor(const std::string& key) const
{
    if (key == metric::TrainLoss)
        return trainLoss_;
    if (key == metric::ValLoss)
        return valLoss_;
    if (key == (regression_ ? metric::ValRmse : metric::ValAccuracy))
        return valMetric_;
    return nullptr;
}

void LivePlot::setRegression(bool regression)
{
    if (regression == regression_)
        return;
    regression_ = regression;
    valMetric_->data()->clear();   // its points belong to the other metric
    retranslateUi();
    rescaleAndReplot();
}

std::optional<double> LivePlot::lastValue(std::string_view key) const
{
    const auto* graph = graphFor(std::string(key));
    if (!graph || graph->data()->isEmpty())
        return std::nullopt;
    return (graph->data()->constEnd() - 1)->value;
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

void LivePlot::appendPoints(const std::vector<flightdeck::store::MetricRecord>& points)
{
    if (!regression_) {
        for (const auto& point : points)
            if (point.key == metric::ValRmse) {
                setRegression(true);
                break;
            }
    }
    for (const auto& point : points) {
        if (auto* graph = graphFor(point.key))
            graph->addData(static_cast<double>(point.step), point.value);
    }
    rescaleAndReplot();
}

void LivePlot::setPoints(const std::vector<flightdeck::store::MetricRecord>& points)
{
    for (auto* graph : {trainLoss_, valLoss_, valMetric_})
        graph->data()->clear();
    appendPoints(points);
}

void LivePlot::setTitleText(const QString& text)
{
    title_->setText(text);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

int LivePlot::pointCount() const
{
    return trainLoss_->dataCount() + valLoss_->dataCount() + valMetric_->dataCount();
}

int LivePlot::pointCount(const QString& key) const
{
    const auto* graph = graphFor(key.toStdString());
    return graph ? graph->dataCount() : 0;
}

void LivePlot::rescaleAndReplot()
{
    bool found = false;
    const QCPRange steps = trainLoss_->data()->keyRange(found);
    double lastStep = found ? steps.upper : 0.0;
    bool foundVal = false;
    const QCPRange valSteps = valLoss_->data()->keyRange(foundVal);
    if (foundVal)
        lastStep = std::max(lastStep, valSteps.upper);
    plot_->xAxis->setRange(0.0, std::max(1.0, lastStep * 1.02));

    double maxLoss = 0.0;
    for (auto* graph : {trainLoss_, valLoss_}) {
        bool ok = false;
        const QCPRange range = graph->data()->valueRange(ok);
        if (ok)
            maxLoss = std::max(maxLoss, range.upper);
    }
    plot_->yAxis->setRange(0.0, maxLoss > 0.0 ? maxLoss * 1.08 : 1.0);
    if (regression_) {
        bool ok = false;
        const QCPRange range = valMetric_->data()->valueRange(ok);
        plot_->yAxis2->setRange(0.0, ok && range.upper > 0.0 ? range.upper * 1.08 : 1.0);
    } else {
        plot_->yAxis2->setRange(0.0, 1.05);
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LivePlot::retranslateUi()
{
    trainLoss_->setName(tr("train loss"));
    valLoss_->setName(tr("val loss (per epoch)"));
    valMetric_->setName(regression_ ? tr("val RMSE") : tr("val accuracy"));
    plot_->xAxis->setLabel(tr("Step"));
    plot_->yAxis->setLabel(tr("Loss"));
    plot_->yAxis2->setLabel(regression_ ? tr("RMSE") : tr("Accuracy"));
    fitLegend();
}

void LivePlot::fitLegend()
{
    auto* legend = plot_->legend;
    legend->setWrap(0);
    legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    if (legend->minimumOuterSizeHint().width() > width() - 10) {
        legend->setWrap(2);
        legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
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
