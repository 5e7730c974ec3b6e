#include "experiments/RunScatterPlot.h"

#include "common/NumberText.h"

#include "common/QCustomPlotCompat.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>

namespace {

// A hovered value as the table shows numbers: in the user's locale (German "0,931").
QString shown(const QVariant& value)
{
    return value.userType() == QMetaType::Double ? flightdeck::ui::NumberText::metric(value.toDouble())
                                                 : value.toString();
}

}  // namespace

namespace flightdeck::ui {

namespace {

QSharedPointer<QCPAxisTickerText> tickerFor(const RunAxis& axis)
{
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (const auto& [position, text] : axis.ticks())
        ticker->addTick(position, text);
    return ticker;
}

}  // namespace

RunScatterPlot::RunScatterPlot(QWidget* parent)
    : QWidget(parent),
      xCombo_(new QComboBox(this)),
      yCombo_(new QComboBox(this)),
      xLabel_(new QLabel(this)),
      yLabel_(new QLabel(this)),
      placeholder_(new QLabel(this)),
      plot_(new QCustomPlot(this))
{
    setObjectName(QStringLiteral("runScatterPlot"));
    xCombo_->setObjectName(QStringLiteral("scatterXCombo"));
    yCombo_->setObjectName(QStringLiteral("scatterYCombo"));
    for (QComboBox* combo : {xCombo_, yCombo_}) {
        // Short at least, wide when there is room (they stretch): the Experiments dock at
        // 1024x700 holds the overlay and these tabs side by side in under 500 px.
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(6);
        connect(combo, &QComboBox::currentIndexChanged, this, &RunScatterPlot::redraw);
    }
    xLabel_->setBuddy(xCombo_);
    yLabel_->setBuddy(yCombo_);
    placeholder_->setAlignment(Qt::AlignCenter);
    placeholder_->setWordWrap(true);
    placeholder_->setStyleSheet(QStringLiteral("color: #777;"));
    auto* choose = new QHBoxLayout;
    choose->addWidget(xLabel_);
    choose->addWidget(xCombo_, 1);
    choose->addWidget(yLabel_);
    choose->addWidget(yCombo_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(choose);
    layout->addWidget(placeholder_);
    layout->addWidget(plot_, 1);
    plot_->xAxis->setRange(-0.05, 1.05);
    plot_->yAxis->setRange(-0.05, 1.05);
    plot_->setMouseTracking(true);
    connect(plot_, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) { showPointAt(e->pos()); });
    retranslateUi();
}

void RunScatterPlot::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void RunScatterPlot::retranslateUi()
{
    xLabel_->setText(tr("&X:"));
    yLabel_->setText(tr("&Y:"));
}

void RunScatterPlot::setPlaceholder(const QString& text)
{
    placeholder_->setText(text);
    placeholder_->setVisible(!text.isEmpty());
}

void RunScatterPlot::setColumns(const std::vector<RunColumn>& columns, const QStringList& titles)
{
    const RunColumn x = xColumn(), y = yColumn();
    if (columns == columns_) {
        for (int i = 0; i < xCombo_->count(); ++i) {   // titles follow the language
            xCombo_->setItemText(i, titles.value(i));
            yCombo_->setItemText(i, titles.value(i));
        }
        return;
    }
    columns_ = columns;
    {
        const QSignalBlocker bx(xCombo_), by(yCombo_);
        xCombo_->clear();
        yCombo_->clear();
        xCombo_->addItems(titles);
        yCombo_->addItems(titles);
    }
    if (!setAxes(x, y) && columns_.size() >= 2) {
        // The first parameter against the first metric: what a sweep asks first.
        int param = -1, metric = -1;
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            const RunColumnKind k = columns_[i].kind;
            if (param < 0 && k == RunColumnKind::Param) param = static_cast<int>(i);
            if (metric < 0 && (k == RunColumnKind::MetricBest || k == RunColumnKind::MetricLast))
                metric = static_cast<int>(i);
        }
        const QSignalBlocker bx(xCombo_), by(yCombo_);
        xCombo_->setCurrentIndex(std::max(0, param));
        yCombo_->setCurrentIndex(metric >= 0 ? metric : 1);
    }
    redraw();
}

bool RunScatterPlot::setAxes(const RunColumn& x, const RunColumn& y)
{
    const auto find = [this](const RunColumn& c) {
        const auto it = std::find(columns_.begin(), columns_.end(), c);
        return it == columns_.end() ? -1 : static_cast<int>(it - columns_.begin());
    };
    const int xi = find(x), yi = find(y);
    if (xi < 0 || yi < 0)
        return false;
    {
        const QSignalBlocker bx(xCombo_), by(yCombo_);
        xCombo_->setCurrentIndex(xi);
        yCombo_->setCurrentIndex(yi);
    }
    redraw();
    return true;
}

RunColumn RunScatterPlot::xColumn() const
{
    const int i = xCombo_->currentIndex();
    return i >= 0 && i < static_cast<int>(columns_.size()) ? columns_[static_cast<std::size_t>(i)] : RunColumn{};
}

RunColumn RunScatterPlot::yColumn() const
{
    const int i = yCombo_->currentIndex();
    return i >= 0 && i < static_cast<int>(columns_.size()) ? columns_[static_cast<std::size_t>(i)] : RunColumn{};
}

void RunScatterPlot::setRuns(const std::vector<const RunRow*>& runs)
{
    runs_.clear();
    for (const RunRow* row : runs)
        runs_.push_back({row->run.id,
                         QStringLiteral("#%1 %2").arg(row->run.id).arg(QString::fromStdString(row->run.name)),
                         row->cells});
    redraw();
}

void RunScatterPlot::redraw()
{
    points_.clear();
    labels_.clear();
    plot_->clearPlottables();
    if (columns_.empty()) {
        plot_->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    const RunColumn xc = xColumn(), yc = yColumn();
    std::vector<QVariant> xs, ys;
    const auto value = [](const Run& run, const RunColumn& c) {
        const auto it = run.cells.constFind(c);
        return it == run.cells.cend() ? QVariant() : it->sort;
    };
    for (const Run& run : runs_) {
        xs.push_back(value(run, xc));
        ys.push_back(value(run, yc));
    }
    const RunAxis xAxis = RunAxis::fit(xCombo_->currentText(), xs);
    const RunAxis yAxis = RunAxis::fit(yCombo_->currentText(), ys);
    QVector<double> px, py;
    for (std::size_t i = 0; i < runs_.size(); ++i) {
        const auto x = xAxis.position(xs[i]), y = yAxis.position(ys[i]);
        if (!x || !y)
            continue;
        points_.push_back({runs_[i].id, xs[i], ys[i], *x, *y});
        labels_.push_back(runs_[i].label);
        px.append(*x);
        py.append(*y);
    }
    auto* graph = plot_->addGraph();
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(0x1f, 0x77, 0xb4, 170), 7));
    graph->setData(px, py, true);
    plot_->xAxis->setTicker(tickerFor(xAxis));
    plot_->yAxis->setTicker(tickerFor(yAxis));
    plot_->xAxis->setLabel(xAxis.log ? tr("%1 (log)").arg(xAxis.title) : xAxis.title);
    plot_->yAxis->setLabel(yAxis.log ? tr("%1 (log)").arg(yAxis.title) : yAxis.title);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void RunScatterPlot::showPointAt(const QPoint& pixel)
{
    int nearest = -1;
    double best = 8.0 * 8.0;   // within 8 pixels
    for (std::size_t i = 0; i < points_.size(); ++i) {
        const double dx = plot_->xAxis->coordToPixel(points_[i].px) - pixel.x();
        const double dy = plot_->yAxis->coordToPixel(points_[i].py) - pixel.y();
        if (dx * dx + dy * dy < best) {
            best = dx * dx + dy * dy;
            nearest = static_cast<int>(i);
        }
    }
    if (nearest < 0) {
        QToolTip::hideText();
        return;
    }
    const Point& p = points_[static_cast<std::size_t>(nearest)];
    QToolTip::showText(plot_->mapToGlobal(pixel),
                       QStringLiteral("%1\n%2: %3\n%4: %5")
                           .arg(labels_[static_cast<std::size_t>(nearest)], xCombo_->currentText(),
                                shown(p.x), yCombo_->currentText(), shown(p.y)),
                       plot_);
}

}  // namespace flightdeck::ui
