// The graph editor's scene and view over a GraphDocument: items appear, follow and vanish with
// the document's signals (including undo), gestures made on the canvas reach the document (an
// edge's end picked up and dropped elsewhere included), a read-only document ignores them, and
// invalid nodes and edges are drawn red with the reason. FLIGHTDECK_GRAPH_SCREENSHOTS=<dir>
// also saves the editor with the ResNet-block template and with a shape error.
#include "architecture/graph/EdgeItem.h"
#include "architecture/graph/GraphDocument.h"
#include "architecture/graph/GraphEditor.h"
#include "architecture/graph/GraphScene.h"
#include "architecture/graph/GraphView.h"
#include "architecture/graph/NodeItem.h"
#include "architecture/graph/PortItem.h"
#include "common/Translations.h"

#include "flightdeck/model/GraphTemplates.h"

#include <QAction>
#include <QKeyEvent>
#include <QListWidget>
#include <QTest>
#include <QUndoStack>

using namespace flightdeck::ui;
using flightdeck::model::NodeType;

class TestGraphScene : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sceneFollowsDocument();
    void draftEdgeConnects();
    void edgeEndDetachesAndReconnects();
    void edgeEndDetachedWithTheMouse();
    void readOnlyCanvasOnlyDraws();
    void dragMovesThroughDocument();
    void mouseDragOnView();
    void deleteKeyRemoves();
    void invalidDrawnRed();
    void editorPasteAndLayout();
    void screenshots();
};

void TestGraphScene::sceneFollowsDocument()
{
    GraphDocument doc;
    doc.setInputShape({4}, 3);
    GraphScene scene(&doc);
    const QString in = doc.addNode(NodeType::Input, {0, 0});
    const QString fc = doc.addNode(NodeType::Linear, {0, 120});
    QCOMPARE(scene.nodeItemCount(), 2);
    QCOMPARE(scene.nodeItem(fc)->pos(), QPointF(0, 120));
    QVERIFY(doc.connectNodes(in, fc, 0));
    QCOMPARE(scene.edgeItemCount(), 1);
    const QString out = doc.addNode(NodeType::Output, {0, 240});
    doc.connectNodes(fc, out, 0);
    QCOMPARE(scene.edgeItem(out, 0)->label(), QStringLiteral("[64]"));
    doc.setField(fc, QStringLiteral("units"), QStringLiteral("32"));
    QCOMPARE(scene.edgeItem(out, 0)->label(), QStringLiteral("[32]"));   // shapes redraw
    doc.moveNodes({fc}, {50, 0});
    QCOMPARE(scene.nodeItem(fc)->pos(), QPointF(50, 120));
    QCOMPARE(scene.edgeItem(fc, 0)->path().elementAt(0), scene.nodeItem(in)->outputPortPos());
    doc.removeNodes({fc});
    QCOMPARE(scene.nodeItemCount(), 2);
    QCOMPARE(scene.edgeItemCount(), 0);
    doc.undoStack()->undo();
    QCOMPARE(scene.nodeItemCount(), 3);
    QCOMPARE(scene.edgeItemCount(), 2);
    doc.replace(flightdeck::model::graphTemplate("resnet_block"), QStringLiteral("t"));
    QCOMPARE(scene.nodeItemCount(), static_cast<int>(doc.graph().nodes.size()));
    QVERIFY(scene.edgeItem(QStringLiteral("add_1"), 1));   // the Add's two inputs
    doc.undoStack()->undo();
    QCOMPARE(scene.nodeItemCount(), 3);
}

void TestGraphScene::draftEdgeConnects()
{
    GraphDocument doc;
    GraphScene scene(&doc);
    const QString in = doc.addNode(NodeType::Input, {0, 0});
    const QString relu = doc.addNode(NodeType::ReLU, {0, 150});
    const int steps = doc.undoStack()->count();
    NodeItem* source = scene.nodeItem(in);
    NodeItem* target = scene.nodeItem(relu);
    QCOMPARE(target->inputPortCount(), 1);
    scene.beginDraftEdge(source->outputPort(), source->outputPortPos());
    scene.moveDraftEdge({30, 80});
    scene.finishDraftEdge(target->inputPortPos(0) + QPointF(3, -2));   // near is enough
    QCOMPARE(doc.node(relu)->inputs, std::vector<std::string>{in.toStdString()});
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    QVERIFY(scene.edgeItem(relu, 0));
    // Released on empty canvas: nothing happens.
    scene.beginDraftEdge(source->outputPort(), source->outputPortPos());
    scene.finishDraftEdge({500, 500});
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    // An Add grows a free port per connected input.
    const QString add = doc.addNode(NodeType::Add, {0, 300});
    QCOMPARE(scene.nodeItem(add)->inputPortCount(), 2);
    doc.connectNodes(in, add, 0);
    doc.connectNodes(relu, add, 1);
    QCOMPARE(scene.nodeItem(add)->inputPortCount(), 3);
}

void TestGraphScene::edgeEndDetachesAndReconnects()
{
    GraphDocument doc;
    doc.setInputShape({4}, 3);
    GraphScene scene(&doc);
    const QString in = doc.addNode(NodeType::Input, {0, 0});
    const QString a = doc.addNode(NodeType::ReLU, {-150, 150});
    const QString b = doc.addNode(NodeType::Tanh, {150, 150});
    doc.connectNodes(in, a, 0);
    const int steps = doc.undoStack()->count();
    NodeItem* target = scene.nodeItem(a);
    // Picked up at a's input port: a draft follows the mouse, the edge itself is hidden.
    scene.beginDraftEdge(target->inputPort(0), target->inputPortPos(0));
    QVERIFY(scene.hasDraftEdge());
    QVERIFY(!scene.edgeItem(a, 0)->isVisible());
    scene.moveDraftEdge({60, 100});
    QCOMPARE(doc.undoStack()->count(), steps);   // nothing changes while dragging
    // Dropped on b's input port: the edge now feeds b, in one undo step.
    scene.finishDraftEdge(scene.nodeItem(b)->inputPortPos(0) + QPointF(2, 3));
    QVERIFY(!scene.hasDraftEdge());
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    QVERIFY(doc.node(a)->inputs.empty());
    QCOMPARE(doc.node(b)->inputs, std::vector<std::string>{in.toStdString()});
    QVERIFY(!scene.edgeItem(a, 0));
    QVERIFY(scene.edgeItem(b, 0) && scene.edgeItem(b, 0)->isVisible());
    QCOMPARE(scene.edgeItemCount(), 1);
    doc.undoStack()->undo();
    QCOMPARE(doc.node(a)->inputs, std::vector<std::string>{in.toStdString()});
    QVERIFY(scene.edgeItem(a, 0) && scene.edgeItem(a, 0)->isVisible());
    QVERIFY(!scene.edgeItem(b, 0));
    doc.undoStack()->redo();
    QVERIFY(scene.edgeItem(b, 0));
    doc.undoStack()->undo();

    // Dropped on empty canvas: the edge is removed, one step, undone in one.
    scene.beginDraftEdge(target->inputPort(0), target->inputPortPos(0));
    scene.finishDraftEdge({-600, 600});
    QVERIFY(doc.node(a)->inputs.empty());
    QCOMPARE(scene.edgeItemCount(), 0);
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    doc.undoStack()->undo();
    QCOMPARE(scene.edgeItemCount(), 1);

    // Dropped back on its own port, or somewhere refused (the Input): nothing changes and the
    // edge shows again.
    scene.beginDraftEdge(target->inputPort(0), target->inputPortPos(0));
    scene.finishDraftEdge(target->inputPortPos(0));
    QCOMPARE(doc.undoStack()->index(), steps);
    QVERIFY(scene.edgeItem(a, 0)->isVisible());
    QCOMPARE(doc.node(a)->inputs, std::vector<std::string>{in.toStdString()});
    // A free input port has no edge to pick up.
    scene.beginDraftEdge(scene.nodeItem(b)->inputPort(0), scene.nodeItem(b)->inputPortPos(0));
    QVERIFY(!scene.hasDraftEdge());
}

void TestGraphScene::edgeEndDetachedWithTheMouse()
{
    GraphDocument doc;
    GraphScene scene(&doc);
    GraphView view(&scene);
    view.resize(700, 500);
    const QString in = doc.addNode(NodeType::Input, {0, 0});
    const QString a = doc.addNode(NodeType::ReLU, {-150, 200});
    const QString b = doc.addNode(NodeType::Tanh, {150, 200});
    doc.connectNodes(in, a, 0);
    scene.setSceneRect(-300, -100, 700, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.centerOn(QPointF(80, 150));
    const int steps = doc.undoStack()->count();
    // Drag a's edge end from a's input port to b's.
    const QPoint from = view.mapFromScene(scene.nodeItem(a)->inputPortPos(0));
    const QPoint to = view.mapFromScene(scene.nodeItem(b)->inputPortPos(0));
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(view.viewport(), from + QPoint(0, -30));
    QVERIFY(scene.hasDraftEdge());
    QTest::mouseMove(view.viewport(), (from + to) / 2);
    QTest::mouseMove(view.viewport(), to);
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, to);
    QCOMPARE(doc.node(b)->inputs, std::vector<std::string>{in.toStdString()});
    QVERIFY(doc.node(a)->inputs.empty());
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    // And from b's port out onto the empty canvas: gone.
    const QPoint empty = view.mapFromScene(QPointF(0, 420));
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, to);
    QTest::mouseMove(view.viewport(), (to + empty) / 2);
    QTest::mouseMove(view.viewport(), empty);
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, empty);
    QVERIFY(doc.node(b)->inputs.empty());
    QCOMPARE(scene.edgeItemCount(), 0);
    QCOMPARE(doc.undoStack()->count(), steps + 2);
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(doc.node(a)->inputs, std::vector<std::string>{in.toStdString()});
    QVERIFY(scene.edgeItem(a, 0)->isVisible());
}

void TestGraphScene::readOnlyCanvasOnlyDraws()
{
    GraphDocument doc;
    doc.reset(flightdeck::model::graphTemplate("resnet_block"));
    doc.setReadOnly(true);
    GraphScene scene(&doc);
    QCOMPARE(scene.nodeItemCount(), static_cast<int>(doc.graph().nodes.size()));
    const std::string before = doc.graph().toJson(true);
    NodeItem* add = scene.nodeItem(QStringLiteral("add_1"));
    scene.selectNodes({QStringLiteral("add_1")});
    QCOMPARE(scene.selectedNodeIds(), QStringList{QStringLiteral("add_1")});   // selecting is fine
    scene.beginNodeDrag();
    scene.dragSelection({40, 40});
    scene.beginDraftEdge(add->inputPort(0), add->inputPortPos(0));
    QVERIFY(!scene.hasDraftEdge());
    scene.beginDraftEdge(add->outputPort(), add->outputPortPos());
    QVERIFY(!scene.hasDraftEdge());
    scene.deleteSelection();
    QCOMPARE(doc.graph().toJson(true), before);
    QCOMPARE(doc.undoStack()->count(), 0);
    QCOMPARE(add->pos(), doc.position(QStringLiteral("add_1")));
}

void TestGraphScene::dragMovesThroughDocument()
{
    GraphDocument doc;
    GraphScene scene(&doc);
    const QString a = doc.addNode(NodeType::Input, {0, 0});
    const QString b = doc.addNode(NodeType::ReLU, {0, 150});
    scene.selectNodes({a, b});
    const int steps = doc.undoStack()->count();
    scene.beginNodeDrag();
    for (int i = 0; i < 4; ++i)
        scene.dragSelection({5, 10});
    QCOMPARE(doc.position(a), QPointF(20, 40));
    QCOMPARE(scene.nodeItem(b)->pos(), QPointF(20, 190));
    QCOMPARE(doc.undoStack()->count(), steps + 1);   // one drag, one step
    scene.beginNodeDrag();
    scene.dragSelection({1, 1});
    QCOMPARE(doc.undoStack()->count(), steps + 2);
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(scene.nodeItem(a)->pos(), QPointF(0, 0));
}

void TestGraphScene::mouseDragOnView()
{
    GraphDocument doc;
    GraphScene scene(&doc);
    GraphView view(&scene);
    view.resize(600, 500);
    const QString a = doc.addNode(NodeType::Input, {0, 0});
    const QString b = doc.addNode(NodeType::ReLU, {0, 200});
    scene.setSceneRect(-200, -200, 600, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.centerOn(QPointF(80, 130));
    // Drag the Input node by its body with the mouse.
    const QPoint start = view.mapFromScene(QPointF(40, 40));
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, start);
    QTest::mouseMove(view.viewport(), start + QPoint(20, 0));
    QTest::mouseMove(view.viewport(), start + QPoint(40, 0));
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, start + QPoint(40, 0));
    QVERIFY2(doc.position(a).x() > 20, qPrintable(QString::number(doc.position(a).x())));
    QCOMPARE(doc.position(a).y(), 0.0);
    // Drag from its output port to the ReLU's input port: an edge.
    const QPoint from = view.mapFromScene(scene.nodeItem(a)->outputPortPos());
    const QPoint to = view.mapFromScene(scene.nodeItem(b)->inputPortPos(0));
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(view.viewport(), (from + to) / 2);
    QTest::mouseMove(view.viewport(), to);
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, to);
    QCOMPARE(doc.node(b)->inputs, std::vector<std::string>{a.toStdString()});
}

void TestGraphScene::deleteKeyRemoves()
{
    GraphDocument doc;
    doc.setInputShape({4}, 3);
    GraphScene scene(&doc);
    const QString in = doc.addNode(NodeType::Input, {0, 0});
    const QString fc = doc.addNode(NodeType::Linear, {0, 120});
    doc.connectNodes(in, fc, 0);
    scene.selectNodes({fc});
    QKeyEvent press(QEvent::KeyPress, Qt::Key_Delete, Qt::NoModifier);
    QCoreApplication::sendEvent(&scene, &press);
    QVERIFY(!doc.node(fc));
    QVERIFY(!scene.nodeItem(fc));
    QCOMPARE(scene.edgeItemCount(), 0);
    doc.undoStack()->undo();
    QVERIFY(scene.nodeItem(fc));
    // A selected edge alone: Delete disconnects it.
    scene.clearSelection();
    scene.edgeItem(fc, 0)->setSelected(true);
    QCoreApplication::sendEvent(&scene, &press);
    QVERIFY(doc.node(fc)->inputs.empty());
    QVERIFY(doc.node(in));
}

void TestGraphScene::invalidDrawnRed()
{
    GraphDocument doc;
    doc.setInputShape({1, 28, 28}, 10);
    GraphScene scene(&doc);
    const QString in = doc.addNode(NodeType::Input, {});
    const QString conv = doc.addNode(NodeType::Conv2d, {});
    const QString fc = doc.addNode(NodeType::Linear, {});
    const QString out = doc.addNode(NodeType::Output, {});
    doc.connectNodes(in, conv, 0);
    doc.connectNodes(conv, fc, 0);
    doc.connectNodes(fc, out, 0);
    QVERIFY(scene.nodeItem(fc)->isInvalid());
    QVERIFY(scene.nodeItem(fc)->toolTip().contains(QStringLiteral("Flatten")));
    QVERIFY(!scene.nodeItem(conv)->isInvalid());
    QVERIFY(scene.edgeItem(fc, 0)->isInvalid());   // the [32, 28, 28] that did not fit
    QCOMPARE(scene.edgeItem(fc, 0)->label(), QStringLiteral("[32, 28, 28]"));
    QVERIFY(!scene.edgeItem(conv, 0)->isInvalid());
    doc.disconnectInput(out, 0);
    QVERIFY(scene.nodeItem(out)->isInvalid());     // needs an input
    doc.undoStack()->undo();
    QVERIFY(!scene.nodeItem(out)->toolTip().contains(QStringLiteral("needs")));
}

void TestGraphScene::editorPasteAndLayout()
{
    GraphEditor editor;
    GraphDocument* doc = editor.document();
    QVERIFY(doc->shapes().ok());   // starts with the MLP template on the example image
    const auto nodes = doc->graph().nodes.size();
    editor.scene()->selectNodes({QString::fromStdString(doc->graph().nodes[2].id)});
    editor.copySelection();
    editor.pasteClipboard();
    QCOMPARE(doc->graph().nodes.size(), nodes + 1);
    QCOMPARE(editor.scene()->selectedNodeIds().size(), 1);
    editor.autoLayout();
    doc->undoStack()->undo();
    doc->undoStack()->undo();
    QCOMPARE(doc->graph().nodes.size(), nodes);
    editor.findChild<QAction*>(QStringLiteral("graphTemplate_resnet_block"))->trigger();
    QVERIFY(doc->node(QStringLiteral("add_1")));
    QVERIFY(editor.findChild<QListWidget*>(QStringLiteral("graphProblemsList"))->count() == 1);
}

void TestGraphScene::screenshots()
{
    const QString dir = qEnvironmentVariable("FLIGHTDECK_GRAPH_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set FLIGHTDECK_GRAPH_SCREENSHOTS=<dir> to save screenshots");
    GraphEditor editor;
    editor.resize(1300, 720);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.findChild<QAction*>(QStringLiteral("graphTemplate_resnet_block"))->trigger();
    editor.scene()->selectNodes({QStringLiteral("add_1")});
    QTest::qWait(100);
    editor.view()->centerOn(editor.scene()->nodeItem(QStringLiteral("add_1")));
    QTest::qWait(100);
    QVERIFY(editor.grab().save(dir + QStringLiteral("/graph-resnet-block.png")));
    // The shape error: the Flatten before the head is deleted, so the Output gets [16, 1, 1].
    GraphDocument* doc = editor.document();
    doc->replace(flightdeck::model::graphTemplate("fashion_cnn"), QStringLiteral("t"));
    doc->removeNodes({QStringLiteral("flatten_1")});
    doc->connectNodes(QStringLiteral("maxpool2d_2"), QStringLiteral("linear_1"), 0);
    editor.findChild<QAction*>(QStringLiteral("graphCodeAction"))->trigger();
    editor.scene()->selectNodes({QStringLiteral("linear_1")});
    QTest::qWait(100);
    editor.view()->centerOn(editor.scene()->nodeItem(QStringLiteral("linear_1")));
    QTest::qWait(100);
    QVERIFY(editor.grab().save(dir + QStringLiteral("/graph-shape-error.png")));

    // The layer table under the canvas, at a laptop's 1366x768: the Fashion-MNIST CNN with a
    // node selected in both views.
    GraphEditor table;
    table.resize(1366, 768);
    table.show();
    QVERIFY(QTest::qWaitForWindowExposed(&table));
    table.findChild<QAction*>(QStringLiteral("graphTemplate_fashion_cnn"))->trigger();
    QTest::qWait(100);
    table.scene()->selectNodes({QStringLiteral("conv2d_2")});
    QTest::qWait(100);
    table.view()->centerOn(table.scene()->nodeItem(QStringLiteral("conv2d_2")));
    QTest::qWait(100);
    QVERIFY(table.grab().save(dir + QStringLiteral("/arch-table.png")));
    Translations::apply(QStringLiteral("de"));
    QTest::qWait(100);
    QVERIFY(table.grab().save(dir + QStringLiteral("/arch-table-de.png")));
    Translations::apply(QStringLiteral("en"));
}

QTEST_MAIN(TestGraphScene)
#include "test_graph_scene.moc"
