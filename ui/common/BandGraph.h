#pragma once
// The upper graph of a min/max band: a QCPGraph whose channel fill down to the lower graph is
// painted as one vertical line per pixel column (the extremes of the buckets over it) instead
// of QCustomPlot's polygon. On a noisy curve zoomed in, the polygon between two zigzag lines
// self-intersects at every column, and Qt's rasterizer took 50 ms to 2 s per replot of four
// bands (bench_curves); the column lines cover the same pixels in under 10 ms. Both graphs
// must have the same keys (one bucket each).
#include "common/QCustomPlotCompat.h"

namespace flightdeck::ui {

class BandGraph : public QCPGraph {
    Q_OBJECT
public:
    BandGraph(QCPAxis* keyAxis, QCPAxis* valueAxis) : QCPGraph(keyAxis, valueAxis) {}

protected:
    void drawFill(QCPPainter* painter, QVector<QPointF>* lines) const override;
};

}  // namespace flightdeck::ui
