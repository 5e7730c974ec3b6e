#pragma once
// Paints one sample in the labeling grid: the thumbnail (or the row name for tables), a strip
// in its class colour with the class name, a tick when verified, a dashed frame while it is
// only a model's pre-label, and the selection.
#include <QStyledItemDelegate>

namespace flightdeck::ui {

class SampleDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit SampleDelegate(QObject* parent = nullptr);
    void setThumbnailSize(int size) { size_ = size; }
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int size_ = 64;
};

}  // namespace flightdeck::ui
