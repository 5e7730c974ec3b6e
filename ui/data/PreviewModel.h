#pragma once
// Read-only table model over a DatasetPreview's rows.
#include "data/DatasetPreview.h"

#include <QAbstractTableModel>

namespace flightdeck::ui {

class PreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setPreview(const DatasetPreview& preview);
    void clear();
    // The language (and so the number format) changed: the cells are written again.
    void relocalize();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    DatasetPreview preview_;
};

}  // namespace flightdeck::ui
