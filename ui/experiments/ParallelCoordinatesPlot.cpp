#include "experiments/ParallelCoordinatesPlot.h"

#include "experiments/RunRow.h"

#include "common/QCustomPlotCompat.h"

#include <QLabel>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace flightdeck::ui {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Low metric blue, high red, through a grey that still reads on white (a jet map's yellow
// does not).
QCPColorGradient metricGradient()
{
    QCPColorGradient g;
    g.setColorStopAt(0.0, QColor(0x21, 0x66, 0xac));
    g.setColorStopAt(0.5, QColor(0x8e, 0x84, 0xa8));
    g.setColorStopAt(1.0, QColor(0xc6, 0x28, 0x28));
    return g;
}

}  // namespace

ParallelCoordinatesPlot::ParallelCoordinatesPlot(QWidget* parent)
    : QWidget(parent), plot_(new QCustomPlot(this)), placeholder_(new QLabel(this))
{
    setObjectName(QStringLiteral("parallelCoordinatesPlot"));
    placeholder_->setObjectName(QStringLiteral("parallelCoordinatesPlaceholder"));
    placeholder_->setAlignment(Qt::AlignCenter);
    placeholder_->setWordWrap(true);
    placeholder_->setStyleSheet(QStringLiteral("color: #777;"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(placeholder_);
    layout->addWidget(plot_, 1);
    // The axes are drawn as items; QCustomPlot's own axes only frame the space.
    plot_->xAxis->setVisible(false);
    plot_->yAxis->setVisible(false);
    plot_->yAxis->setRange(-0.06, 1.18);
    plot_->axisRect()->setAutoMargins(QCP::msNone);
    plot_->axisRect()->setMargins(QMargins(8, 4, 8, 4));
    plot_->setNoAntialiasingOnDrag(true);
    redraw();
}

void ParallelCoordinatesPlot::setPlaceholder(const QString& text)
{
    placeholder_->setText(text);
    placeholder_->setVisible(!text.isEmpty());
}

void ParallelCoordinatesPlot::setRuns(const std::vector<const RunRow*>& runs,
                                      const std::vector<RunColumn>& dimensions,
                                      const QStringList& titles)
{
    axes_.clear();
    positions_.clear();
    order_.clear();
    for (std::size_t d = 0; d < dimensions.size(); ++d) {
        std::vector<QVariant> values;
        for (const RunRow* row : runs)
            values.push_back(row->value(dimensions[d]));
        axes_.push_back(RunAxis::fit(titles.value(static_cast<qsizetype>(d)), values));
    }
    for (const RunRow* row : runs) {
        std::vector<double>& p = positions_[row->run.id];
        for (std::size_t d = 0; d < dimensions.size(); ++d)
            p.push_back(axes_[d].position(row->value(dimensions[d])).value_or(kNaN));
        order_.push_back(row->run.id);
    }
    redraw();
}

std::vector<double> ParallelCoordinatesPlot::positionsOf(qint64 runId) const
{
    const auto it = positions_.find(runId);
    return it == positions_.end() ? std::vector<double>{} : it->second;
}

void ParallelCoordinatesPlot::redraw()
{
    plot_->clearPlottables();
    plot_->clearItems();
    const int n = static_cast<int>(axes_.size());
    // Room left of the first axis for its title, right of the last for its tick labels.
    plot_->xAxis->setRange(-0.4, std::max(1, n - 1) + 0.3);
    QCPColorGradient gradient = metricGradient();   // color() caches its lookup table
    // Lines first, axes over them.
    for (const qint64 id : order_) {
        const std::vector<double>& p = positions_.at(id);
        auto* curve = new QCPCurve(plot_->xAxis, plot_->yAxis);
        QVector<double> xs, ys;
        for (int d = 0; d < n; ++d) {
            xs.append(d);
            ys.append(p[static_cast<std::size_t>(d)]);
        }
        curve->setData(xs, ys);
        const double metric = p.empty() ? kNaN : p.back();
        QColor colour = std::isnan(metric) ? QColor(0x99, 0x99, 0x99)
                                           : QColor::fromRgb(gradient.color(metric, QCPRange(0, 1)));
        colour.setAlpha(order_.size() > 100 ? 90 : 200);
        curve->setPen(QPen(colour, 1.4));
        curve->setSelectable(QCP::stNone);
    }
    const QFont font = this->font();
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    QFont bold = font;
    bold.setBold(true);
    for (int d = 0; d < n; ++d) {
        auto* line = new QCPItemLine(plot_);
        line->start->setCoords(d, 0);
        line->end->setCoords(d, 1);
        line->setPen(QPen(QColor(0x44, 0x44, 0x44), 1.2));
        const RunAxis& axis = axes_[static_cast<std::size_t>(d)];
        auto* title = new QCPItemText(plot_);
        title->position->setCoords(d, 1.04);
        // "val/accuracy (best)" on two lines, so neighbouring titles do not run together.
        QString text = axis.title;
        text.replace(QStringLiteral(" ("), QStringLiteral("\n("));
        title->setText(text);
        title->setFont(bold);
        title->setTextAlignment(Qt::AlignHCenter);
        title->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        for (const auto& [position, text] : axis.ticks()) {
            auto* tick = new QCPItemText(plot_);
            tick->position->setCoords(d, position);
            tick->setText(text);
            tick->setFont(small);
            // The last axis labels its left side, so nothing runs off the plot.
            const bool last = n > 1 && d == n - 1;
            tick->setPadding(last ? QMargins(0, 0, 4, 0) : QMargins(4, 0, 0, 0));
            tick->setPositionAlignment((last ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
            tick->setBrush(QBrush(QColor(255, 255, 255, 200)));
        }
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace flightdeck::ui
