#include "architecture/LayerDelegate.h"

#include "architecture/LayerTableModel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSignalBlocker>
#include <QSpinBox>

namespace flightdeck::ui {

QWidget* LayerDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                     const QModelIndex& index) const
{
    switch (index.column()) {
    case LayerTableModel::TypeColumn: {
        auto* combo = new QComboBox(parent);
        combo->setObjectName(QStringLiteral("layerTypeCombo"));
        for (int type = 0; type < LayerTableModel::typeCount(); ++type)
            combo->addItem(LayerTableModel::typeDisplayName(type), type);
        // Commit right away: a combo in a table should not wait for focus to leave.
        connect(combo, &QComboBox::activated, this, [this, combo] {
            Q_EMIT const_cast<LayerDelegate*>(this)->commitData(combo);
        });
        return combo;
    }
    case LayerTableModel::UnitsColumn: {
        auto* spin = new QSpinBox(parent);
        spin->setObjectName(QStringLiteral("layerUnitsSpin"));
        spin->setRange(1, 1000000);
        return spin;
    }
    case LayerTableModel::DropoutColumn: {
        auto* spin = new QDoubleSpinBox(parent);
        spin->setObjectName(QStringLiteral("layerDropoutSpin"));
        spin->setRange(0.0, 0.95);
        spin->setSingleStep(0.05);
        spin->setDecimals(2);
        return spin;
    }
    }
    return QStyledItemDelegate::createEditor(parent, option, index);
}

void LayerDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    const QVariant value = index.data(Qt::EditRole);
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        const QSignalBlocker block(combo);
        combo->setCurrentIndex(combo->findData(value.toInt()));
    } else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
        spin->setValue(static_cast<int>(value.toLongLong()));
    } else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(editor)) {
        dspin->setValue(value.toDouble());
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

void LayerDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                 const QModelIndex& index) const
{
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        model->setData(index, combo->currentData(), Qt::EditRole);
    } else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
        spin->interpretText();
        model->setData(index, static_cast<qlonglong>(spin->value()), Qt::EditRole);
    } else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(editor)) {
        dspin->interpretText();
        model->setData(index, dspin->value(), Qt::EditRole);
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
    }
}

}  // namespace flightdeck::ui
