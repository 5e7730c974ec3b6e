#pragma once
// The layer table: a second view over the same GraphDocument as the canvas, one row per node
// in a stable topological order (inputs before the nodes they feed, ties in spec order). It
// follows the document's fine-grained signals: a node added or removed is a row inserted or
// removed, a field or a shape change is dataChanged, an edge that reorders the graph is a
// layout change; only a whole-graph replace resets it. Edits go through the document's API,
// so they land on the same undo stack as the canvas's.
#include <QAbstractTableModel>
#include <QStringList>

namespace flightdeck::ui {

class GraphDocument;

class GraphTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NodeColumn, TypeColumn, InputsColumn, FieldsColumn, OutputColumn, ParametersColumn,
        FlopsColumn, ProblemColumn, ColumnCount
    };
    static constexpr int NodeIdRole = Qt::UserRole + 1;

    explicit GraphTableModel(GraphDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // FieldsColumn edits the node's main field (units, out_channels, kernel, p, ...) through
    // GraphDocument::setField; a refusal returns false and says why with editRefused.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    QString nodeId(int row) const;
    int rowOf(const QString& id) const;
    void retranslate();

Q_SIGNALS:
    void editRefused(const QString& reason);

private:
    QStringList order() const;
    void nodeAdded(const QString& id);
    void nodeRemoved(const QString& id);
    void edgesChanged(const QString& toId);
    void rowChanged(const QString& id);
    void reorder();
    void reset();

    GraphDocument* document_;
    QStringList rows_;
};

}  // namespace flightdeck::ui
