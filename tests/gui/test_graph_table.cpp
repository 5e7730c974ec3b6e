// The layer table as a second view over the graph editor's document: a well-behaved model
// (QAbstractItemModelTester through every kind of edit), rows in topological order that follow
// the document's fine-grained signals without resets, edits in the table landing on the same
// undo stack as the canvas's, and a selection in one view selecting in the other.
#include "architecture/graph/GraphDocument.h"
#include "architecture/graph/GraphEditor.h"
#include "architecture/graph/GraphScene.h"
#include "architecture/graph/GraphTableModel.h"
#include "architecture/graph/GraphTableView.h"

#include "flightdeck/model/GraphTemplates.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace flightdeck::ui;
using flightdeck::model::NodeType;

namespace {

QStringList column(const GraphTableModel& model, int col)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row)
        texts << model.index(row, col).data().toString();
    return texts;
}

}  // namespace

class TestGraphTable : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void modelTesterThroughEveryEdit();
    void rowsFollowTheDocument();
    void tableEditsAreUndoable();
    void selectionFollowsTheOtherView();
};

void TestGraphTable::modelTesterThroughEveryEdit()
{
    GraphDocument doc;
    doc.setInputShape({1, 28, 28}, 10);
    GraphTableModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    doc.replace(flightdeck::model::graphTemplate("resnet_block"), QStringLiteral("t"));
    const QString in = QString::fromStdString(doc.graph().nodes.front().id);
    const QString relu = doc.addNode(NodeType::ReLU, {});
    doc.connectNodes(in, relu, 0);
    doc.setField(QStringLiteral("conv2d_1"), QStringLiteral("out_channels"), QStringLiteral("8"));
    doc.reconnectInput(relu, 0, QStringLiteral("add_1"), 2);
    const QStringList pasted = doc.paste(doc.copy({QStringLiteral("conv2d_1"), QStringLiteral("relu_1")}), {40, 40});
    QCOMPARE(pasted.size(), 2);
    doc.removeNodes({QStringLiteral("conv2d_1"), relu});
    doc.rename(QStringLiteral("renamed"));
    doc.moveNodes({in}, {10, 10});
    QVERIFY(model.setData(model.index(model.rowOf(QStringLiteral("conv2d_2")), GraphTableModel::FieldsColumn),
                          QStringLiteral("4")));
    while (doc.undoStack()->canUndo())
        doc.undoStack()->undo();
    while (doc.undoStack()->canRedo())
        doc.undoStack()->redo();
    QCOMPARE(model.rowCount(), static_cast<int>(doc.graph().nodes.size()));
    doc.reset(flightdeck::model::graphTemplate("text_classifier"));
    QCOMPARE(model.rowCount(), static_cast<int>(doc.graph().nodes.size()));
}

void TestGraphTable::rowsFollowTheDocument()
{
    GraphDocument doc;
    doc.setInputShape({4}, 3);
    GraphTableModel model(&doc);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);
    // Added last in the spec, but the output comes after what feeds it.
    const QString out = doc.addNode(NodeType::Output, {0, 240});
    const QString fc = doc.addNode(NodeType::Linear, {0, 120});
    const QString in = doc.addNode(NodeType::Input, {0, 0});
    QCOMPARE(inserted.count(), 3);
    doc.connectNodes(in, fc, 0);
    doc.connectNodes(fc, out, 0);
    QCOMPARE(column(model, GraphTableModel::NodeColumn), (QStringList{in, fc, out}));
    QVERIFY(layouts.count() >= 1);   // edges reorder rows: a layout change, not a reset
    QCOMPARE(model.index(1, GraphTableModel::InputsColumn).data().toString(), in);
    QCOMPARE(model.index(1, GraphTableModel::TypeColumn).data().toString(), QStringLiteral("Linear"));
    QCOMPARE(model.index(1, GraphTableModel::FieldsColumn).data().toString(), QStringLiteral("64"));
    QCOMPARE(model.index(1, GraphTableModel::OutputColumn).data().toString(), QStringLiteral("[64]"));
    QCOMPARE(model.index(1, GraphTableModel::ParametersColumn).data().toString(), QLocale().toString(4 * 64 + 64));
    QVERIFY(!model.index(1, GraphTableModel::FlopsColumn).data().toString().isEmpty());
    QVERIFY(model.index(2, GraphTableModel::ProblemColumn).data().toString().isEmpty());

    // An edit on the canvas side (the document) shows in the table as dataChanged.
    changed.clear();
    doc.setField(fc, QStringLiteral("units"), QStringLiteral("32"));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(model.index(1, GraphTableModel::FieldsColumn).data().toString(), QStringLiteral("32"));
    QCOMPARE(model.index(1, GraphTableModel::OutputColumn).data().toString(), QStringLiteral("[32]"));
    // A problem shows in its row, in red. (Unconnected, the output is ready first: it moves up.)
    doc.disconnectInput(out, 0);
    QCOMPARE(column(model, GraphTableModel::NodeColumn), (QStringList{out, in, fc}));
    QVERIFY(!model.index(0, GraphTableModel::ProblemColumn).data().toString().isEmpty());
    QVERIFY(model.index(0, GraphTableModel::NodeColumn).data(Qt::ForegroundRole).isValid());
    doc.undoStack()->undo();
    QVERIFY(model.index(2, GraphTableModel::ProblemColumn).data().toString().isEmpty());
    doc.removeNodes({fc});
    QCOMPARE(model.rowCount(), 2);
    doc.undoStack()->undo();
    QCOMPARE(column(model, GraphTableModel::NodeColumn), (QStringList{in, fc, out}));
    QCOMPARE(resets.count(), 0);   // none of that needed a reset
    doc.replace(flightdeck::model::graphTemplate("mlp"), QStringLiteral("t"));
    QCOMPARE(resets.count(), 1);   // a whole new graph does
    QCOMPARE(model.rowCount(), static_cast<int>(doc.graph().nodes.size()));
}

void TestGraphTable::tableEditsAreUndoable()
{
    GraphDocument doc;
    doc.setInputShape({4}, 3);
    doc.replace(flightdeck::model::graphTemplate("mlp"), QStringLiteral("t"));
    GraphTableModel model(&doc);
    const int row = model.rowOf(QStringLiteral("linear_1"));
    const QModelIndex fields = model.index(row, GraphTableModel::FieldsColumn);
    QVERIFY(model.flags(fields) & Qt::ItemIsEditable);
    QVERIFY(!(model.flags(model.index(row, GraphTableModel::NodeColumn)) & Qt::ItemIsEditable));
    QVERIFY(!(model.flags(model.index(model.rowOf(QStringLiteral("relu_1")), GraphTableModel::FieldsColumn))
              & Qt::ItemIsEditable));   // nothing to size on a ReLU
    QCOMPARE(fields.data(Qt::EditRole).toString(), QStringLiteral("256"));
    const int steps = doc.undoStack()->count();
    QVERIFY(model.setData(fields, QStringLiteral("100")));
    QCOMPARE(doc.node(QStringLiteral("linear_1"))->units, 100);
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    QCOMPARE(doc.shapes().nodes.at("linear_1").output, std::vector<std::int64_t>{100});
    // Core's limits, and its reason.
    QSignalSpy refused(&model, &GraphTableModel::editRefused);
    QVERIFY(!model.setData(fields, QStringLiteral("0")));
    QCOMPARE(refused.count(), 1);
    QVERIFY2(refused.at(0).at(0).toString().contains(QStringLiteral("units")),
             qPrintable(refused.at(0).at(0).toString()));
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    doc.undoStack()->undo();
    QCOMPARE(doc.node(QStringLiteral("linear_1"))->units, 256);
    QCOMPARE(fields.data().toString(), QStringLiteral("256"));
    // A Dropout's p is a number too.
    const QString drop = doc.addNode(NodeType::Dropout, {});
    QVERIFY(model.setData(model.index(model.rowOf(drop), GraphTableModel::FieldsColumn), QStringLiteral("0.2")));
    QCOMPARE(doc.node(drop)->p, 0.2);
    doc.setReadOnly(true);
    QVERIFY(!(model.flags(fields) & Qt::ItemIsEditable));
}

void TestGraphTable::selectionFollowsTheOtherView()
{
    GraphEditor editor;
    editor.resize(1100, 700);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    GraphTableView* table = editor.table();
    QVERIFY(table->isVisible());
    GraphTableModel* model = table->tableModel();
    QCOMPARE(model->rowCount(), static_cast<int>(editor.document()->graph().nodes.size()));
    // A row selected in the table selects its node on the canvas...
    const int row = model->rowOf(QStringLiteral("linear_1"));
    table->selectRow(row);
    QCOMPARE(editor.scene()->selectedNodeIds(), QStringList{QStringLiteral("linear_1")});
    // ...and nodes selected on the canvas select their rows.
    editor.scene()->selectNodes({QStringLiteral("relu_1"), QStringLiteral("linear_2")});
    QStringList rows;
    for (const QModelIndex& index : table->selectionModel()->selectedRows())
        rows << model->nodeId(index.row());
    rows.sort();
    QCOMPARE(rows, (QStringList{QStringLiteral("linear_2"), QStringLiteral("relu_1")}));
    // An edit made in the table is one step on the editor's stack: Undo restores it.
    const QModelIndex fields = model->index(model->rowOf(QStringLiteral("linear_2")), GraphTableModel::FieldsColumn);
    QVERIFY(model->setData(fields, QStringLiteral("48")));
    QCOMPARE(editor.document()->node(QStringLiteral("linear_2"))->units, 48);
    editor.document()->undoStack()->undo();
    QCOMPARE(editor.document()->node(QStringLiteral("linear_2"))->units, 128);
    // A refused edit is said under the canvas.
    QVERIFY(!model->setData(fields, QStringLiteral("-3")));
    auto* message = editor.findChild<QLabel*>(QStringLiteral("graphMessageLabel"));
    QVERIFY(message && message->isVisible() && message->text().contains(QStringLiteral("units")));
    // The table can be hidden.
    editor.findChild<QAction*>(QStringLiteral("graphTableAction"))->trigger();
    QVERIFY(!table->isVisible());
}

QTEST_MAIN(TestGraphTable)
#include "test_graph_table.moc"
