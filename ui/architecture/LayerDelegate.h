#pragma once
// Editors for the layer table: a combo box for the type (committed as soon as it changes),
// a spin box for units, a double spin box for the dropout probability.
#include <QStyledItemDelegate>

namespace flightdeck::ui {

class LayerDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;
};

}  // namespace flightdeck::ui
