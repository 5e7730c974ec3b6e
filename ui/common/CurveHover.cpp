#include "common/CurveHover.h"

#include "common/QCustomPlotCompat.h"

#include <QMouseEvent>

namespace flightdeck::ui {

CurveHover::CurveHover(QCustomPlot* plot, Text text, QObject* parent)
    : QObject(parent), plot_(plot), text_(std::move(text)), box_(new QCPItemText(plot)),
      cursor_(new QCPItemStraightLine(plot))
{
    box_->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    box_->position->setType(QCPItemPosition::ptAxisRectRatio);
    box_->position->setCoords(0.01, 0.02);
    box_->setTextAlignment(Qt::AlignLeft);
    box_->setBrush(QColor(255, 255, 255, 225));
    box_->setPen(QPen(QColor(0xc0, 0xc0, 0xc0)));
    box_->setPadding(QMargins(4, 2, 4, 2));
    box_->setVisible(false);
    cursor_->setPen(QPen(QColor(0x90, 0x90, 0x90), 1, Qt::DashLine));
    cursor_->setVisible(false);
    plot_->setMouseTracking(true);
    plot_->installEventFilter(this);
}

void CurveHover::refresh()
{
    if (cursor_->visible())
        box_->setText(text_(cursor_->point1->coords().x()));
}

void CurveHover::showAt(double x)
{
    const QString text = text_(x);
    box_->setText(text);
    box_->setVisible(!text.isEmpty());
    cursor_->point1->setCoords(x, 0);
    cursor_->point2->setCoords(x, 1);
    cursor_->setVisible(!text.isEmpty());
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

bool CurveHover::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == plot_) {
        if (event->type() == QEvent::MouseMove) {
            const auto* mouse = static_cast<QMouseEvent*>(event);
            if (mouse->buttons() == Qt::NoButton && plot_->axisRect()->rect().contains(mouse->pos()))
                showAt(plot_->xAxis->pixelToCoord(mouse->position().x()));
        } else if (event->type() == QEvent::Leave && cursor_->visible()) {
            box_->setVisible(false);
            cursor_->setVisible(false);
            plot_->replot(QCustomPlot::rpQueuedReplot);
        }
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace flightdeck::ui
