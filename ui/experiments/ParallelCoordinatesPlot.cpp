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
}

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
    plot_->yAxis->setRange(-0.08, 1.12);
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
    plot_->xAxis->setRange(-0.45, std::max(1, n - 1) + 0.45);
    QCPColorGradient gradient(QCPColorGradient::gpJet);
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
        title->position->setCoords(d, 1.06);
        title->setText(axis.title);
        title->setFont(bold);
        title->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        for (const auto& [position, text] : axis.ticks()) {
            auto* tick = new QCPItemText(plot_);
            tick->position->setCoords(d, position);
            tick->setText(text);
            tick->setFont(small);
            tick->setPadding(QMargins(4, 0, 0, 0));
            tick->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
            tick->setBrush(QBrush(QColor(255, 255, 255, 200)));
        }
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace flightdeck::ui
