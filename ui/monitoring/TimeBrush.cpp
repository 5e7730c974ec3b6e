#include "monitoring/TimeBrush.h"

#include <algorithm>

namespace flightdeck::ui {

TimeBrush::TimeBrush(QObject* parent) : QObject(parent) {}

void TimeBrush::attach(QCustomPlot* plot, const QList<QCPAxisRect*>& rects) {
    // The selection rect replaces drag-to-pan: a drag selects, the wheel zooms.
    plot->setSelectionRectMode(QCP::srmCustom);
    plot->selectionRect()->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 1, Qt::DashLine));
    plot->selectionRect()->setBrush(QColor(0x1f, 0x77, 0xb4, 40));
    for (QCPAxisRect* rect : rects) {
        auto* band = new QCPItemRect(plot);
        band->setClipAxisRect(rect);
        band->setClipToAxisRect(true);
        band->setLayer(QStringLiteral("background"));
        for (QCPItemPosition* p : {band->topLeft, band->bottomRight}) {
            p->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            p->setAxisRect(rect);
            p->setTypeX(QCPItemPosition::ptPlotCoords);
            p->setTypeY(QCPItemPosition::ptAxisRectRatio);
        }
        band->setPen(QPen(QColor(0x1f, 0x77, 0xb4, 160)));
        band->setBrush(QColor(0x1f, 0x77, 0xb4, 35));
        band->setVisible(false);
        attached_.append({plot, rect, band});
        QCPAxis* axis = rect->axis(QCPAxis::atBottom);
        connect(axis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
                [this, axis](const QCPRange& range) { follow(axis, range); });
    }
    QCPAxisRect* first = rects.value(0);
    connect(plot->selectionRect(), &QCPSelectionRect::accepted, this, [this, plot, first](const QRect& r, QMouseEvent*) {
        QCPAxisRect* rect = first;
        for (const Attached& a : std::as_const(attached_))
            if (a.plot == plot && a.rect->rect().contains(r.center()))
                rect = a.rect;
        if (!rect || std::abs(r.width()) < 4)
            return;   // a click, not a drag
        QCPAxis* axis = rect->axis(QCPAxis::atBottom);
        const double a = axis->pixelToCoord(r.left()), b = axis->pixelToCoord(r.right());
        setRange(std::min(a, b), std::max(a, b));
    });
    connect(plot, &QCustomPlot::mouseDoubleClick, this, [this] { clear(); });
}

void TimeBrush::follow(QCPAxis* source, const QCPRange& range) {
    if (syncing_)
        return;
    syncing_ = true;
    for (const Attached& a : std::as_const(attached_)) {
        QCPAxis* axis = a.rect->axis(QCPAxis::atBottom);
        if (axis != source && axis->range() != range) {
            axis->setRange(range);
            a.plot->replot(QCustomPlot::rpQueuedReplot);
        }
    }
    syncing_ = false;
}

void TimeBrush::setExtent(double first, double last) {
    first_ = first;
    last_ = last;
    showRange();
}

void TimeBrush::setRange(double from, double to) {
    if (!(to > from))
        return;
    range_ = std::make_pair(from, to);
    showRange();
    Q_EMIT rangeChanged();
}

void TimeBrush::clear() {
    if (!range_) {
        showRange();
        return;
    }
    range_.reset();
    showRange();
    Q_EMIT rangeChanged();
}

void TimeBrush::showRange() {
    double from = range_ ? range_->first : first_, to = range_ ? range_->second : last_;
    if (!(to > from)) {
        from -= 30;
        to += 30;
    }
    const double pad = (to - from) * (range_ ? 0.08 : 0.01);
    syncing_ = true;
    for (const Attached& a : std::as_const(attached_)) {
        a.band->setVisible(range_.has_value());
        if (range_) {
            a.band->topLeft->setCoords(range_->first, 0);
            a.band->bottomRight->setCoords(range_->second, 1);
        }
        a.rect->axis(QCPAxis::atBottom)->setRange(from - pad, to + pad);
        a.plot->replot(QCustomPlot::rpQueuedReplot);
    }
    syncing_ = false;
}

}  // namespace flightdeck::ui
