#pragma once
// Two stacked time plots sharing one time axis: latency percentiles (p50/p95/p99, ms) above,
// request and error rate (per second) below. Windows without requests show as gaps in the
// latency lines. The wheel zooms the time axis; a drag selects a time range (TimeBrush).
#include "common/QCustomPlotCompat.h"

#include "flightdeck/monitor/WindowAggregator.h"

#include <vector>

namespace flightdeck::ui {

class MonitoringCharts : public QCustomPlot {
    Q_OBJECT
public:
    explicit MonitoringCharts(QWidget* parent = nullptr);

    void setWindows(const std::vector<flightdeck::monitor::WindowStats>& windows, double width);
    void setPlaceholder(const QString& text);
    void retranslateUi();
    QCPAxisRect* latencyRect() const { return latencyRect_; }
    QCPAxisRect* rateRect() const { return rateRect_; }
    int pointCount() const { return p50_->dataCount(); }

private:
    void fitAll();

    QCPAxisRect* latencyRect_ = nullptr;
    QCPAxisRect* rateRect_ = nullptr;
    QCPLegend* latencyLegend_ = nullptr;
    QCPLegend* rateLegend_ = nullptr;
    QCPGraph* p50_ = nullptr;
    QCPGraph* p95_ = nullptr;
    QCPGraph* p99_ = nullptr;
    QCPGraph* rate_ = nullptr;
    QCPGraph* errors_ = nullptr;
    QSharedPointer<QCPAxisTickerDateTime> ticker_;
    QCPItemText* placeholder_ = nullptr;
};

}  // namespace flightdeck::ui
