#include "common/BandGraph.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace flightdeck::ui {

void BandGraph::drawFill(QCPPainter* painter, QVector<QPointF>* lines) const
{
    const QCPGraph* lower = channelFillGraph();
    if (!lower || !mKeyAxis || !mValueAxis || lower->data()->size() != mDataContainer->size()
        || mKeyAxis->orientation() != Qt::Horizontal) {
        QCPGraph::drawFill(painter, lines);
        return;
    }
    QCPAxis* keyAxis = mKeyAxis.data();
    QCPAxis* valueAxis = mValueAxis.data();
    const int n = mDataContainer->size();
    const QRect area = keyAxis->axisRect()->rect();
    if (n == 0 || area.width() <= 0)
        return;
    // Each pixel column gets the extremes of the buckets that cover it (a bucket covers from
    // half-way to its left neighbour to half-way to its right one, at least its own column).
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> top(static_cast<std::size_t>(area.width()), inf), bottom(top.size(), -inf);
    auto hi = mDataContainer->constBegin();
    auto lo = lower->data()->constBegin();
    auto px = [&](int i) { return keyAxis->coordToPixel((hi + i)->key); };
    double prev = px(0), here = prev;
    for (int i = 0; i < n; ++i) {
        const double next = i + 1 < n ? px(i + 1) : here;
        const double yHi = (hi + i)->value, yLo = (lo + i)->value;
        if (std::isfinite(yHi) && std::isfinite(yLo)) {
            const double left = i > 0 ? (prev + here) / 2 : here, right = i + 1 < n ? (here + next) / 2 : here;
            const double y0 = valueAxis->coordToPixel(yHi), y1 = valueAxis->coordToPixel(yLo);
            const int c0 = std::max(0, static_cast<int>(std::floor(std::min(left, here))) - area.left());
            const int c1 = std::min(area.width() - 1,
                                    static_cast<int>(std::floor(std::max(right, here))) - area.left());
            for (int c = c0; c <= c1; ++c) {
                top[static_cast<std::size_t>(c)] = std::min({top[static_cast<std::size_t>(c)], y0, y1});
                bottom[static_cast<std::size_t>(c)] = std::max({bottom[static_cast<std::size_t>(c)], y0, y1});
            }
        }
        prev = here;
        here = next;
    }
    // One 1 px vertical line per column: Qt's cosmetic line path, no polygon to rasterize.
    QVector<QLineF> columns;
    columns.reserve(area.width());
    for (int c = 0; c < area.width(); ++c)
        if (top[static_cast<std::size_t>(c)] <= bottom[static_cast<std::size_t>(c)]) {
            const double x = area.left() + c + 0.5;
            columns.append(QLineF(x, top[static_cast<std::size_t>(c)], x, bottom[static_cast<std::size_t>(c)] + 0.5));
        }
    painter->save();
    painter->setAntialiasing(false);
    QPen pen(mBrush.color(), 1);
    pen.setCosmetic(true);
    painter->setPen(pen);
    painter->drawLines(columns);
    painter->restore();
}

}  // namespace flightdeck::ui
