#include "common/CurvePlot.h"

#include "common/BandGraph.h"
#include "common/CurveControls.h"
#include "common/CurveHover.h"
#include "common/QCustomPlotCompat.h"

#include "flightdeck/series/Smoothing.h"

#include <QEvent>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace flightdeck::ui {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kReplotMs = 50;   // at most ~20 redraws a second while points stream in

}  // namespace

struct CurvePlot::Drawn {
    QCPGraph* low = nullptr;
    QCPGraph* high = nullptr;   // filled down to `low`: the min/max band
    QCPGraph* raw = nullptr;    // the column means; faint behind `line` while smoothing
    QCPGraph* line = nullptr;   // smoothed means
    std::vector<series::Bucket> buckets;
    QVector<double> xs, values;
};

CurvePlot::CurvePlot(MetricSeriesStore* store, QWidget* parent)
    : QWidget(parent), store_(store), plot_(new QCustomPlot(this)), controls_(new CurveControls(this))
{
    setObjectName(QStringLiteral("curvePlot"));
    plot_->setObjectName(QStringLiteral("curvePlotCanvas"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(controls_);
    layout->addWidget(plot_, 1);

    // A long curve is thousands of segments: one polyline, not segment by segment.
    plot_->setPlottingHint(QCP::phFastPolylines, true);
    plot_->setNoAntialiasingOnDrag(true);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->axisRect()->setRangeZoom(Qt::Horizontal);
    plot_->axisRect()->setRangeDrag(Qt::Horizontal);
    plot_->xAxis->grid()->setSubGridVisible(false);
    plot_->yAxis->grid()->setSubGridVisible(false);
    plot_->legend->setVisible(false);

    placeholder_ = new QCPItemText(plot_);
    placeholder_->setPositionAlignment(Qt::AlignCenter);
    placeholder_->position->setType(QCPItemPosition::ptAxisRectRatio);
    placeholder_->position->setCoords(0.5, 0.5);
    placeholder_->setColor(QColor(0x80, 0x80, 0x80));
    placeholder_->setClipToAxisRect(false);
    placeholder_->setVisible(false);
    hover_ = new CurveHover(plot_, [this](double x) { return readout(x); }, this);

    replotTimer_.setSingleShot(true);
    replotTimer_.setInterval(kReplotMs);
    connect(&replotTimer_, &QTimer::timeout, this, &CurvePlot::redraw);
    auto mine = [this](qint64 runId) {
        return std::any_of(curves_.begin(), curves_.end(),
                           [runId](const CurveSpec& c) { return c.runId == runId; });
    };
    connect(store_, &MetricSeriesStore::seriesLoaded, this, [this, mine](qint64 runId) {
        if (mine(runId))
            scheduleRedraw();
    });
    connect(store_, &MetricSeriesStore::seriesAppended, this, [this, mine](qint64 runId) {
        if (mine(runId))
            scheduleRedraw();
    });
    // A zoom or pan: query the new range at once, so the queued replot draws it.
    connect(plot_->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] {
        if (settingRange_)
            return;
        userMovedView_ = true;
        redraw();
    });
    connect(controls_, &CurveControls::smoothingChanged, this, &CurvePlot::setSmoothing);
    connect(controls_, &CurveControls::logScaleChanged, this, &CurvePlot::setLogScale);
    connect(controls_, &CurveControls::xAxisChanged, this, &CurvePlot::setXAxisKind);
    connect(controls_, &CurveControls::resetClicked, this, &CurvePlot::resetView);
    connect(plot_, &QCustomPlot::mouseDoubleClick, this, &CurvePlot::resetView);
    retranslateUi();
}

CurvePlot::~CurvePlot() = default;

QColor CurvePlot::colorFor(int index)
{
    static const QRgb palette[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                   0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    return QColor(palette[index % 10]);
}

void CurvePlot::retranslateUi()
{
    plot_->xAxis->setLabel(CurveControls::axisName(xAxis_));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void CurvePlot::setTitle(const QString& text)
{
    if (!title_ && !text.isEmpty()) {
        plot_->plotLayout()->insertRow(0);
        title_ = new QCPTextElement(plot_, QString(), QFont(font().family(), font().pointSize() + 1, QFont::Bold));
        plot_->plotLayout()->addElement(0, 0, title_);
    }
    titleText_ = text;
    fitToSize();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

// A title longer than the plot is elided, not cut at both ends (a German run status at 1024
// px); a short plot gets fewer y ticks so their labels never run into each other.
void CurvePlot::fitToSize()
{
    if (title_)
        title_->setText(QFontMetrics(title_->font()).elidedText(titleText_, Qt::ElideRight, std::max(40, width() - 12)));
    const int ticks = std::clamp(height() / 70, 2, 5);
    for (QCPAxis* axis : {plot_->yAxis, plot_->yAxis2})
        axis->ticker()->setTickCount(ticks);
}

void CurvePlot::setPlaceholder(const QString& text)
{
    placeholder_->setText(text);
    placeholder_->setVisible(!text.isEmpty());
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void CurvePlot::setAxisLabels(const QString& left, const QString& right)
{
    plot_->yAxis->setLabel(left);
    plot_->yAxis2->setLabel(right);
    plot_->yAxis2->setVisible(!right.isEmpty());
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void CurvePlot::setCurves(const std::vector<CurveSpec>& curves, bool resetView)
{
    for (Drawn& d : drawn_)
        for (QCPGraph* g : {d.low, d.high, d.raw, d.line})
            plot_->removeGraph(g);
    drawn_.clear();
    curves_ = curves;
    for (const CurveSpec& c : curves_) {
        QCPAxis* y = c.rightAxis ? plot_->yAxis2 : plot_->yAxis;
        Drawn d;
        d.low = plot_->addGraph(plot_->xAxis, y);
        d.high = new BandGraph(plot_->xAxis, y);
        d.raw = plot_->addGraph(plot_->xAxis, y);
        d.line = plot_->addGraph(plot_->xAxis, y);
        QColor band = c.color;
        band.setAlpha(55);
        d.low->setPen(Qt::NoPen);
        d.high->setPen(Qt::NoPen);
        d.high->setBrush(band);
        d.high->setChannelFillGraph(d.low);
        // A 1 px pen takes Qt's cosmetic line path; a wider one is stroked into a polygon and
        // filled, which on a noisy zoomed-in curve cost 100+ ms per replot (bench_curves).
        d.line->setPen(QPen(c.color, 1.0));
        d.line->setName(c.label);
        for (QCPGraph* g : {d.low, d.high, d.raw, d.line})
            g->setAdaptiveSampling(false);   // the store already gives one bucket per column
        for (QCPGraph* g : {d.low, d.high, d.raw})
            g->removeFromLegend();
        drawn_.push_back(d);
    }
    if (resetView)
        userMovedView_ = false;
    requestAll();
    redraw();
}

void CurvePlot::requestAll()
{
    std::vector<SeriesKey> keys;
    for (const CurveSpec& c : curves_)
        keys.push_back(keyOf(c));
    store_->request(keys);
}

void CurvePlot::setSmoothing(double weight)
{
    weight = std::clamp(weight, 0.0, 0.99);
    if (weight == smoothing_)
        return;
    smoothing_ = weight;
    controls_->setSmoothing(weight);
    redraw();
}

void CurvePlot::setLogScale(bool on)
{
    if (on == logScale_)
        return;
    logScale_ = on;
    controls_->setLogScale(on);
    plot_->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (on)
        plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
        plot_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    fitToSize();
    redraw();
}

void CurvePlot::setXAxisKind(XAxis axis)
{
    if (axis == xAxis_)
        return;
    xAxis_ = axis;
    controls_->setXAxis(axis);
    applyTicker();
    retranslateUi();
    userMovedView_ = false;   // the old range means nothing on the new axis
    requestAll();
    redraw();
}

void CurvePlot::applyTicker()
{
    if (xAxis_ == XAxis::WallTime) {
        auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
        ticker->setDateTimeFormat(QStringLiteral("HH:mm:ss\nd MMM"));
        plot_->xAxis->setTicker(ticker);
    } else if (xAxis_ == XAxis::RelativeTime) {
        auto ticker = QSharedPointer<QCPAxisTickerTime>::create();
        ticker->setTimeFormat(QStringLiteral("%h:%m:%s"));
        plot_->xAxis->setTicker(ticker);
    } else {
        plot_->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
}

void CurvePlot::resetView()
{
    userMovedView_ = false;
    redraw();
}

void CurvePlot::setXRange(double lower, double upper)
{
    plot_->xAxis->setRange(lower, upper);   // rangeChanged: a user view, redrawn
}

const std::vector<series::Bucket>& CurvePlot::drawnBuckets(int i) const { return drawn_.at(i).buckets; }

const QVector<double>& CurvePlot::drawnLine(int i) const { return drawn_.at(i).values; }

void CurvePlot::scheduleRedraw()
{
    if (!replotTimer_.isActive())
        replotTimer_.start();
}

void CurvePlot::fitX()
{
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const CurveSpec& c : curves_) {
        const auto top = store_->query(keyOf(c), -std::numeric_limits<double>::max(),
                                       std::numeric_limits<double>::max(), 1);
        if (!top.empty()) {
            lo = std::min(lo, top.front().xFirst);
            hi = std::max(hi, top.back().xLast);
        }
    }
    if (!(lo <= hi)) {
        lo = 0;
        hi = 1;
    }
    const double pad = hi > lo ? (hi - lo) * 0.01 : 1.0;
    settingRange_ = true;
    plot_->xAxis->setRange(lo - (lo == hi ? pad : 0), hi + pad);
    settingRange_ = false;
}

void CurvePlot::fitY()
{
    for (QCPAxis* axis : {plot_->yAxis, plot_->yAxis2}) {
        const bool log = axis == plot_->yAxis && logScale_;
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (std::size_t i = 0; i < curves_.size(); ++i) {
            if ((curves_[i].rightAxis ? plot_->yAxis2 : plot_->yAxis) != axis)
                continue;
            for (const series::Bucket& b : drawn_[i].buckets)
                for (const double v : {b.min, b.max})
                    if (std::isfinite(v) && (!log || v > 0)) {
                        lo = std::min(lo, v);
                        hi = std::max(hi, v);
                    }
        }
        if (!(lo <= hi)) {
            axis->setRange(log ? 0.01 : 0.0, 1.0);
        } else if (log) {
            axis->setRange(lo / 1.2, hi * 1.2);
        } else {
            const double pad = hi > lo ? (hi - lo) * 0.06 : std::max(std::abs(hi) * 0.05, 0.05);
            axis->setRange(lo - pad, hi + pad);
        }
    }
}

void CurvePlot::redrawNow()
{
    replotTimer_.stop();
    redraw();
    plot_->replot(QCustomPlot::rpImmediateRefresh);
}

void CurvePlot::redraw()
{
    replotTimer_.stop();
    if (!userMovedView_)
        fitX();
    const QCPRange range = plot_->xAxis->range();
    const auto columns = static_cast<std::size_t>(std::max(50, plot_->axisRect()->width()));
    for (std::size_t i = 0; i < curves_.size(); ++i) {
        Drawn& d = drawn_[i];
        d.buckets = store_->query(keyOf(curves_[i]), range.lower, range.upper, columns);
        const int n = static_cast<int>(d.buckets.size());
        QVector<double> xs(n), lows(n), highs(n), means(n);
        std::vector<double> meanValues(static_cast<std::size_t>(n));
        const bool log = logScale_ && !curves_[i].rightAxis;
        auto shown = [log](double v) { return log && !(v > 0) ? kNaN : v; };
        for (int j = 0; j < n; ++j) {
            const series::Bucket& b = d.buckets[static_cast<std::size_t>(j)];
            xs[j] = (b.xFirst + b.xLast) / 2;
            lows[j] = shown(b.min);
            highs[j] = shown(b.max);
            meanValues[static_cast<std::size_t>(j)] = b.mean();
            means[j] = shown(b.mean());
        }
        d.xs = xs;
        d.values = means;
        if (smoothing_ > 0 && n > 0) {
            // The EMA runs over the drawn columns; a column of 2^k points gets the weight of
            // 2^k steps, so the curve looks the same at every zoom.
            const double perColumn = std::max<double>(1.0, static_cast<double>(d.buckets.front().count));
            const double weight = std::min(0.99, std::pow(smoothing_, perColumn));
            const auto smooth = series::smoothDebiasedEma(meanValues, weight);
            for (int j = 0; j < n; ++j)
                d.values[j] = shown(smooth[static_cast<std::size_t>(j)]);
        }
        d.low->setData(xs, lows, true);
        d.high->setData(xs, highs, true);
        QColor faint = curves_[i].color;
        faint.setAlpha(70);
        d.raw->setPen(QPen(faint, 1.0));
        d.raw->setVisible(smoothing_ > 0);
        d.raw->setData(xs, means, true);
        d.line->setData(xs, d.values, true);
        const bool markers = n > 0 && n <= 60 && d.buckets.front().count == 1;   // per-epoch values
        d.line->setScatterStyle(markers ? QCPScatterStyle(QCPScatterStyle::ssCircle, 4)
                                        : QCPScatterStyle());
    }
    fitY();
    hover_->refresh();
    plot_->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT redrawn();
}

QString CurvePlot::readout(double x) const
{
    QStringList lines;
    const QLocale locale;
    for (std::size_t i = 0; i < curves_.size(); ++i) {
        const Drawn& d = drawn_[i];
        if (d.xs.isEmpty() || x < d.buckets.front().xFirst || x > d.buckets.back().xLast)
            continue;
        const auto it = std::lower_bound(d.buckets.begin(), d.buckets.end(), x,
                                         [](const series::Bucket& b, double v) { return b.xLast < v; });
        const auto j = static_cast<int>(std::min<std::ptrdiff_t>(it - d.buckets.begin(), d.xs.size() - 1));
        const series::Bucket& b = d.buckets[static_cast<std::size_t>(j)];
        QString line = curves_[i].label + QStringLiteral(": ") + locale.toString(d.values[j], 'g', 5);
        if (b.count > 1 && b.min < b.max)
            line += QStringLiteral(" [%1 \u2013 %2]").arg(locale.toString(b.min, 'g', 4),
                                                          locale.toString(b.max, 'g', 4));
        lines.append(line);
    }
    return lines.join(QLatin1Char('\n'));
}

void CurvePlot::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitToSize();
    scheduleRedraw();   // another width is another number of columns
}

void CurvePlot::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace flightdeck::ui
