#pragma once
// The Experiments table's model: one row per run (RunRow, loaded off the GUI thread), columns
// for the run, its status (a store::RunStatus under StatusRole), its tags and note (editable),
// the last and best value of each summarised metric, and the union of the runs' parameters.
// Reloads update rows in place by run id, so a view's selection and sort survive them.
#include "experiments/RunRow.h"

#include <QAbstractTableModel>
#include <QList>

#include <vector>

namespace flightdeck::ui {

class RunTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        RunIdRole = Qt::UserRole,   // qint64
        StatusRole,                 // store::RunStatus
        SortRole,                   // RunCell::sort: double, QString or invalid
        ArchivedRole,               // bool
        FilterTextRole,             // RunRow::filterText (any column)
    };

    explicit RunTableModel(QObject* parent = nullptr);

    // Replaces the rows: rows of known runs change in place, gone ones are removed, new ones
    // appended; the model resets only when the set of columns changes.
    void setRows(std::vector<RunRow> rows);
    const std::vector<RunRow>& rows() const { return rows_; }
    const RunRow* rowOf(qint64 runId) const;
    int sourceRowOf(qint64 runId) const;
    const std::vector<RunColumn>& columns() const { return columns_; }
    int columnOf(const RunColumn& column) const;
    QString columnTitle(const RunColumn& column) const;
    // Rebuilds every row's cells (their texts are translated).
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // Tags ("a, b") and the note: the row changes at once, curationEdited asks for the write.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // "a, b ,a" -> {"a", "b"}: what the Tags cell stores.
    static QStringList parseTags(const QString& text);

Q_SIGNALS:
    void curationEdited(qint64 runId, const QStringList& tags, const QString& note);

private:
    std::vector<RunColumn> columnsFor(const std::vector<RunRow>& rows) const;

    std::vector<RunRow> rows_;
    std::vector<RunColumn> columns_;
    std::int64_t atStep_ = 0;
};

}  // namespace flightdeck::ui
