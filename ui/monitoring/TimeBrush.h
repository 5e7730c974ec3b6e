#pragma once
// One time axis for every time plot of the dashboard. Plots attach their axis rects; then
// - dragging with the left button over any of them selects a time range (the brush): every
//   attached plot shades it and zooms to it, and rangeChanged tells the panel to measure it;
// - zooming one plot with the wheel zooms the others the same way;
// - clear() (the "Whole log" button, or a double-click) goes back to the whole log.
#include "common/QCustomPlotCompat.h"

#include <QList>
#include <QObject>

#include <optional>
#include <utility>

namespace flightdeck::ui {

class TimeBrush : public QObject {
    Q_OBJECT
public:
    explicit TimeBrush(QObject* parent = nullptr);

    void attach(QCustomPlot* plot, const QList<QCPAxisRect*>& rects);
    // The whole log's time span, shown when no range is selected.
    void setExtent(double first, double last);
    void setRange(double from, double to);
    void clear();
    std::optional<std::pair<double, double>> range() const { return range_; }

Q_SIGNALS:
    void rangeChanged();

private:
    struct Attached {
        QCustomPlot* plot;
        QCPAxisRect* rect;
        QCPItemRect* band;
    };
    void showRange();
    void follow(QCPAxis* source, const QCPRange& range);

    QList<Attached> attached_;
    std::optional<std::pair<double, double>> range_;
    double first_ = 0, last_ = 0;
    bool syncing_ = false;
};

}  // namespace flightdeck::ui
