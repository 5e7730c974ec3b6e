#include "labeling/SampleDelegate.h"

#include "labeling/SampleListModel.h"

#include <QApplication>
#include <QPainter>

namespace flightdeck::ui {

SampleDelegate::SampleDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

QSize SampleDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    const int strip = option.fontMetrics.height() + 4;
    return {size_ + 8, size_ + strip + 8};
}

void SampleDelegate::paint(QPainter* p, const QStyleOptionViewItem& option,
                           const QModelIndex& index) const
{
    p->save();
    const QRect cell = option.rect.adjusted(2, 2, -2, -2);
    const QPalette& pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const bool current = option.state & QStyle::State_HasFocus;
    p->fillRect(cell, selected ? pal.color(QPalette::Highlight).lighter(160) : pal.color(QPalette::Base));

    const int strip = option.fontMetrics.height() + 4;
    const QRect imageRect(cell.left() + 2, cell.top() + 2, cell.width() - 4, cell.height() - strip - 4);
    const QPixmap pixmap = index.data(Qt::DecorationRole).value<QPixmap>();
    if (!pixmap.isNull()) {
        const QSize s = pixmap.size().scaled(imageRect.size(), Qt::KeepAspectRatio);
        const QRect target(imageRect.center() - QPoint(s.width() / 2, s.height() / 2), s);
        p->drawPixmap(target, pixmap);
    } else {
        // Not rendered yet (or a table row): a quiet placeholder with the sample's name.
        p->fillRect(imageRect, pal.color(QPalette::AlternateBase));
        p->setPen(pal.color(QPalette::PlaceholderText));
        const QString name = index.data(Qt::ToolTipRole).toString().section(QLatin1Char(':'), 0, 0);
        p->drawText(imageRect.adjusted(2, 2, -2, -2), Qt::AlignCenter | Qt::TextWrapAnywhere, name);
    }

    const QRect stripRect(cell.left(), cell.bottom() - strip + 1, cell.width(), strip);
    const QColor color = index.data(SampleListModel::ColorRole).value<QColor>();
    const QString label = index.data(Qt::DisplayRole).toString();
    if (!label.isEmpty()) {
        p->fillRect(stripRect, color);
        p->setPen(color.lightness() > 140 ? Qt::black : Qt::white);
        p->drawText(stripRect.adjusted(3, 0, -3, 0), Qt::AlignVCenter | Qt::AlignLeft,
                    option.fontMetrics.elidedText(label, Qt::ElideRight, stripRect.width() - 6));
    } else {
        p->setPen(QPen(pal.color(QPalette::Mid), 1, Qt::DotLine));
        p->drawRect(stripRect.adjusted(0, 0, -1, -1));
    }
    if (index.data(SampleListModel::VerifiedRole).toBool()) {
        const QRect badge(cell.right() - 15, cell.top() + 2, 14, 14);
        p->setRenderHint(QPainter::Antialiasing);
        p->setBrush(QColor(0x2e, 0x9e, 0x44));
        p->setPen(Qt::NoPen);
        p->drawEllipse(badge);
        p->setPen(QPen(Qt::white, 2));
        p->drawPolyline(QPolygon({badge.topLeft() + QPoint(3, 7), badge.topLeft() + QPoint(6, 10),
                                  badge.topLeft() + QPoint(11, 4)}));
        p->setRenderHint(QPainter::Antialiasing, false);
    }
    if (index.data(SampleListModel::PreLabelRole).toBool()) {
        p->setPen(QPen(color.darker(130), 2, Qt::DashLine));
        p->setBrush(Qt::NoBrush);
        p->drawRect(cell.adjusted(1, 1, -1, -1));
    }
    if (selected || current) {
        p->setPen(QPen(pal.color(QPalette::Highlight), current ? 3 : 2));
        p->setBrush(Qt::NoBrush);
        p->drawRect(cell.adjusted(1, 1, -2, -2));
    }
    p->restore();
}

}  // namespace flightdeck::ui
