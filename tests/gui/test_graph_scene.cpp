// The graph editor's scene and view over a GraphDocument: items appear, follow and vanish with
// the document's signals (including undo), gestures made on the canvas reach the document, and
// invalid nodes and edges are drawn red with the reason. FLIGHTDECK_GRAPH_SCREENSHOTS=<dir>
// also saves the editor with the ResNet-block template and with a shape error.
#include "architecture/graph/EdgeItem.h"
#include "architecture/graph/GraphDocument.h"
#include "architecture/graph/GraphEditor.h"
#include "architecture/graph/GraphScene.h"
#include "architecture/graph/GraphView.h"
#include "architecture/graph/NodeItem.h"
#include "architecture/graph/PortItem.h"

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
}

QTEST_MAIN(TestGraphScene)
#include "test_graph_scene.moc"
