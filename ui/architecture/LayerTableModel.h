#pragma once
// Table view of the document's layers (type, units, dropout p). Edits go through the
// document's undoable methods, so every change made in the table can be undone.
#include <QAbstractTableModel>

namespace flightdeck::ui {

class ArchitectureDocument;

class LayerTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TypeColumn, UnitsColumn, DropoutColumn, ColumnCount };

    explicit LayerTableModel(ArchitectureDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // Translated display name of a layer type ("Linear", "ReLU", ...).
    static QString typeDisplayName(int type);
    static int typeCount();

    // Re-emits the header texts after a language change.
    void retranslate();

private:
    ArchitectureDocument* document_;
};

}  // namespace flightdeck::ui
