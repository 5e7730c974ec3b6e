#pragma once
// Metric curves drawn from the MetricSeriesStore, shared by the Training and Experiments
// panels. Per curve and pixel column: a min/max band (two graphs with a fill between them), so
// a spike never hides, and the column's mean as the line; with smoothing (TensorBoard's
// debiased EMA) the mean is drawn faint behind the smoothed line. Log y, an x axis by step,
// epoch, time since the start or wall time, wheel zoom and drag pan along x (y follows the
// visible data) with Reset, and a hover read-out of every curve at the cursor's x.
//
// Only the visible x range is asked for, at about one bucket per pixel column, so a redraw
// costs O(pixels) whatever the run's length. Store updates are coalesced by a single-shot
// timer that runs only while data arrives.
#include "common/MetricSeriesStore.h"

#include <QColor>
#include <QTimer>
#include <QVector>
#include <QWidget>

#include <string>
#include <vector>

class QCustomPlot;
class QCPGraph;
class QCPItemText;
class QCPTextElement;

namespace flightdeck::ui {

class CurveControls;
class CurveHover;

struct CurveSpec {
    qint64 runId = 0;
    std::string key;
    QString label;
    QColor color;
    bool rightAxis = false;   // the right y axis (an accuracy beside a loss)
};

class CurvePlot : public QWidget {
    Q_OBJECT
public:
    explicit CurvePlot(MetricSeriesStore* store, QWidget* parent = nullptr);
    ~CurvePlot() override;

    // Asks the store for the curves (read off the GUI thread when not held yet). `resetView`
    // fits the view again even if the user zoomed or panned.
    void setCurves(const std::vector<CurveSpec>& curves, bool resetView);
    const std::vector<CurveSpec>& curves() const { return curves_; }
    SeriesKey keyOf(const CurveSpec& curve) const { return {curve.runId, curve.key, xAxis_}; }

    void setTitle(const QString& text);   // empty: no title row
    void setPlaceholder(const QString& text);
    void setAxisLabels(const QString& left, const QString& right);   // right empty: hidden

    double smoothing() const { return smoothing_; }
    void setSmoothing(double weight);   // 0 .. 0.99
    bool logScale() const { return logScale_; }
    void setLogScale(bool on);
    XAxis xAxisKind() const { return xAxis_; }
    void setXAxisKind(XAxis axis);
    void resetView();
    bool userMovedView() const { return userMovedView_; }
    // Visible x range; moves the view like a zoom or pan does (benchmarks, tests).
    void setXRange(double lower, double upper);

    QCustomPlot* plot() const { return plot_; }
    // What the last redraw drew for curve i: its buckets and the line through them (smoothed
    // when smoothing is on).
    const std::vector<series::Bucket>& drawnBuckets(int i) const;
    const QVector<double>& drawnLine(int i) const;
    // Synchronous: queries the store for the visible range and replots now.
    void redrawNow();
    // The hover read-out at x: one line per curve with a point there.
    QString readout(double x) const;
    bool redrawPending() const { return replotTimer_.isActive(); }

    static QColor colorFor(int index);   // Tableau 10
    MetricSeriesStore* store() const { return store_; }

Q_SIGNALS:
    void redrawn();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void fitToSize();

private:
    struct Drawn;
    void retranslateUi();
    void scheduleRedraw();
    void redraw();
    void fitX();
    void fitY();
    void applyTicker();
    void requestAll();

    MetricSeriesStore* store_;
    QCustomPlot* plot_;
    QCPTextElement* title_ = nullptr;
    QString titleText_;   // as set; title_ shows it elided to the width
    QCPItemText* placeholder_ = nullptr;
    CurveHover* hover_ = nullptr;
    CurveControls* controls_;
    std::vector<CurveSpec> curves_;
    std::vector<Drawn> drawn_;
    QTimer replotTimer_;
    double smoothing_ = 0;
    bool logScale_ = false;
    XAxis xAxis_ = XAxis::Step;
    bool userMovedView_ = false;
    bool settingRange_ = false;
};

}  // namespace flightdeck::ui
