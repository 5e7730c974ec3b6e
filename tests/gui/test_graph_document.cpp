// The graph editor's document on its own (no scene, no window): every edit of its API with
// undo and redo, drags and typing bursts as one step each, the signals views follow, and
// invalid graphs reported on the node at fault.
#include "architecture/graph/GraphDocument.h"

#include "flightdeck/model/GraphTemplates.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace flightdeck::ui;
using flightdeck::model::NodeType;

namespace {

// input -> linear -> output on a table of 4 features, 3 classes.
QStringList buildChain(GraphDocument& doc)
{
    doc.setInputShape({4}, 3);
    const QString in = doc.addNode(NodeType::Input, {0, 0});
    const QString fc = doc.addNode(NodeType::Linear, {0, 120});
    const QString out = doc.addNode(NodeType::Output, {0, 240});
    doc.connectNodes(in, fc, 0);
    doc.connectNodes(fc, out, 0);
    return {in, fc, out};
}

std::vector<std::string> inputsOf(const GraphDocument& doc, const QString& id)
{
    return doc.node(id)->inputs;
}

}  // namespace

class TestGraphDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void addNodeUndoRedo();
    void removeNodesTakesEdgesAndUndoRestores();
    void dragIsOneUndoStep();
    void moveDoesNotChangeHash();
    void typingBurstIsOneUndoStep();
    void fieldLimitsComeFromCore();
    void connectAndDisconnect();
    void connectRefusesCyclesAndBadPorts();
    void reconnectIsOneUndoStep();
    void reconnectRefusesWhatConnectRefuses();
    void readOnlyRefusesEveryEdit();
    void copyPasteFreshIds();
    void replaceWithTemplateAndRename();
    void invalidGraphNamesTheNode();
    void inputShapeReinfers();
};

void TestGraphDocument::addNodeUndoRedo()
{
    GraphDocument doc;
    QSignalSpy added(&doc, &GraphDocument::nodeAdded);
    QSignalSpy removed(&doc, &GraphDocument::nodeRemoved);
    const QString id = doc.addNode(NodeType::Conv2d, {10, 20});
    QCOMPARE(id, QStringLiteral("conv2d_1"));
    QCOMPARE(added.count(), 1);
    QCOMPARE(doc.node(id)->outChannels, 32);
    QCOMPARE(doc.position(id), QPointF(10, 20));
    QCOMPARE(doc.undoStack()->count(), 1);
    doc.undoStack()->undo();
    QVERIFY(!doc.node(id));
    QCOMPARE(removed.count(), 1);
    doc.undoStack()->redo();
    QVERIFY(doc.node(id));
    QCOMPARE(doc.position(id), QPointF(10, 20));
    QCOMPARE(doc.addNode(NodeType::Conv2d, {}), QStringLiteral("conv2d_2"));
}

void TestGraphDocument::removeNodesTakesEdgesAndUndoRestores()
{
    GraphDocument doc;
    const auto ids = buildChain(doc);
    QVERIFY(doc.shapes().ok());
    const std::string before = doc.graph().toJson(true);
    QSignalSpy edgesRemoved(&doc, &GraphDocument::edgeRemoved);
    QSignalSpy edgesAdded(&doc, &GraphDocument::edgeAdded);
    doc.removeNodes({ids[1]});
    QVERIFY(!doc.node(ids[1]));
    QVERIFY(inputsOf(doc, ids[2]).empty());
    QCOMPARE(edgesRemoved.count(), 2);   // in->fc and fc->out
    QVERIFY(!doc.shapes().ok());         // the output now has no input
    doc.undoStack()->undo();
    QCOMPARE(doc.graph().toJson(true), before);   // same place, inputs and position
    QCOMPARE(edgesAdded.count(), 2);
    QVERIFY(doc.shapes().ok());
    doc.undoStack()->redo();
    QVERIFY(!doc.node(ids[1]));
    doc.removeNodes({QStringLiteral("nope")});
    QCOMPARE(doc.undoStack()->index(), doc.undoStack()->count());   // nothing pushed
}

void TestGraphDocument::dragIsOneUndoStep()
{
    GraphDocument doc;
    const auto ids = buildChain(doc);
    QSignalSpy moved(&doc, &GraphDocument::nodeMoved);
    const int steps = doc.undoStack()->count();
    for (int i = 0; i < 5; ++i)
        doc.moveNodes({ids[0], ids[1]}, {10, 5}, 7);
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    QCOMPARE(doc.position(ids[0]), QPointF(50, 25));
    QCOMPARE(doc.position(ids[1]), QPointF(50, 145));
    QCOMPARE(moved.count(), 10);
    doc.moveNodes({ids[0]}, {1, 1}, 8);   // a second drag is its own step
    QCOMPARE(doc.undoStack()->count(), steps + 2);
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(doc.position(ids[0]), QPointF(0, 0));
    QCOMPARE(doc.position(ids[1]), QPointF(0, 120));
    doc.undoStack()->redo();
    QCOMPARE(doc.position(ids[1]), QPointF(50, 145));
    doc.moveNodes({ids[2]}, {1, 0});   // drag id 0: never merges
    doc.moveNodes({ids[2]}, {1, 0});
    QCOMPARE(doc.undoStack()->count(), steps + 3);
}

void TestGraphDocument::moveDoesNotChangeHash()
{
    GraphDocument doc;
    const auto ids = buildChain(doc);
    const std::string hash = doc.graph().hash();
    QSignalSpy shapes(&doc, &GraphDocument::shapesChanged);
    doc.moveNodes({ids[1]}, {300, 0});
    QCOMPARE(doc.graph().hash(), hash);
    QCOMPARE(shapes.count(), 0);   // a move never re-infers
    QVERIFY(doc.graph().toJson(true).find("layout") != std::string::npos);
}

void TestGraphDocument::typingBurstIsOneUndoStep()
{
    GraphDocument doc;
    const auto ids = buildChain(doc);
    QSignalSpy changed(&doc, &GraphDocument::nodeChanged);
    const int steps = doc.undoStack()->count();
    for (const char* text : {"1", "12", "128"})
        QCOMPARE(doc.setField(ids[1], QStringLiteral("units"), QString::fromLatin1(text), 3), QString());
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    QCOMPARE(doc.node(ids[1])->units, 128);
    QCOMPARE(doc.fieldValue(ids[1], QStringLiteral("units")), QStringLiteral("128"));
    QCOMPARE(changed.count(), 3);
    QCOMPARE(doc.shapes().nodes.at(ids[1].toStdString()).output, std::vector<std::int64_t>{128});
    doc.undoStack()->undo();
    QCOMPARE(doc.node(ids[1])->units, 64);
    QCOMPARE(doc.shapes().nodes.at(ids[1].toStdString()).parameters, 4 * 64 + 64);
    doc.undoStack()->redo();
    QCOMPARE(doc.node(ids[1])->units, 128);
    // A new burst is a new step; typing back to the start leaves no step behind.
    doc.setField(ids[1], QStringLiteral("units"), QStringLiteral("12"), 4);
    doc.setField(ids[1], QStringLiteral("units"), QStringLiteral("128"), 4);
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    // The inputs survive a field edit.
    QCOMPARE(inputsOf(doc, ids[1]), std::vector<std::string>{ids[0].toStdString()});
}

void TestGraphDocument::fieldLimitsComeFromCore()
{
    GraphDocument doc;
    const auto ids = buildChain(doc);
    const int steps = doc.undoStack()->count();
    const QString zero = doc.setField(ids[1], QStringLiteral("units"), QStringLiteral("0"));
    QVERIFY2(zero.contains(QStringLiteral("units")), qPrintable(zero));
    QVERIFY(!doc.setField(ids[1], QStringLiteral("units"), QStringLiteral("abc")).isEmpty());
    QVERIFY(!doc.setField(ids[1], QStringLiteral("kernel"), QStringLiteral("3")).isEmpty());
    const QString drop = doc.addNode(NodeType::Dropout, {});
    QVERIFY(!doc.setField(drop, QStringLiteral("p"), QStringLiteral("1.5")).isEmpty());
    QCOMPARE(doc.setField(drop, QStringLiteral("p"), QStringLiteral("0.25")), QString());
    QCOMPARE(doc.node(drop)->p, 0.25);
    QCOMPARE(doc.setField(ids[2], QStringLiteral("loss"), QStringLiteral("\"mse\"")), QString());
    QCOMPARE(doc.node(ids[2])->loss, flightdeck::model::LossType::MSE);
    QCOMPARE(doc.undoStack()->count(), steps + 3);   // add dropout, p, loss
}

void TestGraphDocument::connectAndDisconnect()
{
    GraphDocument doc;
    const auto ids = buildChain(doc);
    const QString add = doc.addNode(NodeType::Add, {});
    QSignalSpy edges(&doc, &GraphDocument::edgeAdded);
    QVERIFY(doc.connectNodes(ids[0], add, 0));
    QVERIFY(doc.connectNodes(ids[1], add, 1));
    QVERIFY(doc.connectNodes(ids[1], add, 2));   // Add takes any number
    QCOMPARE(edges.count(), 3);
    QCOMPARE(inputsOf(doc, add).size(), std::size_t(3));
    QVERIFY(!doc.connectNodes(ids[1], add, 5));  // past the free port
    doc.disconnectInput(add, 0);
    QCOMPARE(inputsOf(doc, add), (std::vector<std::string>{ids[1].toStdString(), ids[1].toStdString()}));
    doc.undoStack()->undo();
    QCOMPARE(inputsOf(doc, add).front(), ids[0].toStdString());
    // Connecting to a taken port replaces its edge.
    QVERIFY(doc.connectNodes(ids[0], ids[2], 0));
    QCOMPARE(inputsOf(doc, ids[2]), std::vector<std::string>{ids[0].toStdString()});
    doc.undoStack()->undo();
    QCOMPARE(inputsOf(doc, ids[2]), std::vector<std::string>{ids[1].toStdString()});
}

void TestGraphDocument::connectRefusesCyclesAndBadPorts()
{
    GraphDocument doc;
    const auto ids = buildChain(doc);
    const int steps = doc.undoStack()->count();
    const QString relu = doc.addNode(NodeType::ReLU, {});
    QVERIFY(doc.connectNodes(ids[1], relu, 0));
    QVERIFY(!doc.connectNodes(relu, ids[1], 0));   // linear -> relu -> linear
    QVERIFY(!doc.connectNodes(ids[1], ids[1], 0)); // self loop
    QVERIFY(!doc.connectNodes(ids[1], ids[0], 0)); // into the input
    QVERIFY(!doc.connectNodes(ids[2], relu, 0));   // out of the output
    QVERIFY(!doc.connectNodes(ids[0], relu, 1));   // ReLU has one port
    QCOMPARE(doc.undoStack()->count(), steps + 2);
}

void TestGraphDocument::reconnectIsOneUndoStep()
{
    GraphDocument doc;
    const auto ids = buildChain(doc);   // in -> fc -> out
    const QString relu = doc.addNode(NodeType::ReLU, {});
    const std::string before = doc.graph().toJson(true);
    const int steps = doc.undoStack()->count();
    QSignalSpy removed(&doc, &GraphDocument::edgeRemoved);
    QSignalSpy added(&doc, &GraphDocument::edgeAdded);
    QSignalSpy shapes(&doc, &GraphDocument::shapesChanged);
    // fc's input end moves to the ReLU: in -> relu, fc unconnected; one step, one inference.
    QVERIFY(doc.canReconnect(ids[1], 0, relu, 0));
    QVERIFY(doc.reconnectInput(ids[1], 0, relu, 0));
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Connect %1 to %2").arg(ids[0], relu));
    QVERIFY(inputsOf(doc, ids[1]).empty());
    QCOMPARE(inputsOf(doc, relu), std::vector<std::string>{ids[0].toStdString()});
    QCOMPARE(removed.count(), 1);
    QCOMPARE(added.count(), 1);
    QCOMPARE(shapes.count(), 1);
    doc.undoStack()->undo();
    QCOMPARE(doc.graph().toJson(true), before);
    doc.undoStack()->redo();
    QCOMPARE(inputsOf(doc, relu), std::vector<std::string>{ids[0].toStdString()});
    doc.undoStack()->undo();

    // Dropped on nothing: the edge goes, as one step.
    QVERIFY(doc.reconnectInput(ids[2], 0, QString(), -1));
    QVERIFY(inputsOf(doc, ids[2]).empty());
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    doc.undoStack()->undo();
    QCOMPARE(doc.graph().toJson(true), before);

    // Within one node: an Add's first input moved to its free port swaps the order.
    const QString add = doc.addNode(NodeType::Add, {});
    doc.connectNodes(ids[0], add, 0);
    doc.connectNodes(ids[1], add, 1);
    QVERIFY(!doc.reconnectInput(add, 0, add, 0));   // dropped back where it was
    QCOMPARE(inputsOf(doc, add), (std::vector<std::string>{ids[0].toStdString(), ids[1].toStdString()}));
    QVERIFY(doc.reconnectInput(add, 0, add, 2));
    QCOMPARE(inputsOf(doc, add), (std::vector<std::string>{ids[1].toStdString(), ids[0].toStdString()}));
    doc.undoStack()->undo();
    QCOMPARE(inputsOf(doc, add), (std::vector<std::string>{ids[0].toStdString(), ids[1].toStdString()}));
    // Onto a taken port of another node: it replaces that edge, as connect does.
    QVERIFY(doc.reconnectInput(add, 1, ids[2], 0));
    QCOMPARE(inputsOf(doc, ids[2]), std::vector<std::string>{ids[1].toStdString()});
    QCOMPARE(inputsOf(doc, add), std::vector<std::string>{ids[0].toStdString()});
    doc.undoStack()->undo();
    QCOMPARE(inputsOf(doc, add).size(), std::size_t(2));
}

void TestGraphDocument::reconnectRefusesWhatConnectRefuses()
{
    GraphDocument doc;
    const auto ids = buildChain(doc);
    const QString relu = doc.addNode(NodeType::ReLU, {});
    doc.connectNodes(ids[1], relu, 0);   // fc -> relu
    const int steps = doc.undoStack()->count();
    QVERIFY(!doc.reconnectInput(ids[1], 0, ids[1], 0));   // back where it was
    QVERIFY(!doc.reconnectInput(relu, 0, ids[1], 0));     // fc -> fc
    QVERIFY(!doc.reconnectInput(ids[1], 0, ids[0], 0));   // into the Input
    QVERIFY(!doc.reconnectInput(ids[1], 0, relu, 1));     // ReLU has one port
    QVERIFY(!doc.reconnectInput(ids[1], 3, relu, 0));     // no such edge
    QVERIFY(!doc.reconnectInput(QStringLiteral("nope"), 0, relu, 0));
    // relu -> relu2; relu2's edge dropped on fc's port would close fc -> relu -> fc.
    const QString relu2 = doc.addNode(NodeType::ReLU, {});
    doc.connectNodes(relu, relu2, 0);
    QVERIFY(!doc.canReconnect(relu2, 0, ids[1], 0));
    QVERIFY(!doc.reconnectInput(relu2, 0, ids[1], 0));
    QCOMPARE(doc.undoStack()->count(), steps + 2);   // the ReLU and its edge only
}

void TestGraphDocument::readOnlyRefusesEveryEdit()
{
    GraphDocument doc;
    const auto ids = buildChain(doc);
    doc.setReadOnly(true);
    const std::string before = doc.graph().toJson(true);
    const int steps = doc.undoStack()->count();
    QVERIFY(doc.addNode(NodeType::ReLU, {}).isEmpty());
    doc.removeNodes({ids[1]});
    doc.moveNodes({ids[1]}, {10, 10});
    doc.setPositions({{ids[1], QPointF(5, 5)}}, QStringLiteral("t"));
    QVERIFY(!doc.setField(ids[1], QStringLiteral("units"), QStringLiteral("8")).isEmpty());
    QVERIFY(!doc.canConnect(ids[0], ids[2], 0));
    QVERIFY(!doc.connectNodes(ids[0], ids[2], 0));
    doc.disconnectInput(ids[2], 0);
    QVERIFY(!doc.reconnectInput(ids[2], 0, QString(), -1));
    QVERIFY(doc.paste(doc.copy({ids[1]}), {}).isEmpty());
    doc.replace(flightdeck::model::graphTemplate("mlp"), QStringLiteral("t"));
    doc.rename(QStringLiteral("other"));
    QCOMPARE(doc.graph().toJson(true), before);
    QCOMPARE(doc.undoStack()->count(), steps);
    // Loading is not an edit: a read-only document still shows what it is given.
    doc.reset(flightdeck::model::graphTemplate("mlp"));
    QCOMPARE(doc.name(), QStringLiteral("mlp"));
    QCOMPARE(doc.undoStack()->count(), 0);
}

void TestGraphDocument::copyPasteFreshIds()
{
    GraphDocument doc;
    const auto ids = buildChain(doc);
    const QString relu = doc.addNode(NodeType::ReLU, {0, 360});
    doc.connectNodes(ids[1], relu, 0);
    const QString json = doc.copy({ids[1], relu});
    const int nodes = static_cast<int>(doc.graph().nodes.size());
    QString error;
    const QStringList pasted = doc.paste(json, {200, 0}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(pasted, (QStringList{QStringLiteral("linear_2"), QStringLiteral("relu_2")}));
    QCOMPARE(doc.graph().nodes.size(), std::size_t(nodes + 2));
    QVERIFY(inputsOf(doc, pasted[0]).empty());   // its input was not copied
    QCOMPARE(inputsOf(doc, pasted[1]), std::vector<std::string>{"linear_2"});
    QCOMPARE(doc.position(pasted[1]), QPointF(200, 360));
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Paste 2 node(s)"));
    doc.undoStack()->undo();
    QCOMPARE(doc.graph().nodes.size(), std::size_t(nodes));
    QVERIFY(doc.paste(QStringLiteral("{not json"), {}, &error).isEmpty());
    QVERIFY(!error.isEmpty());
}

void TestGraphDocument::replaceWithTemplateAndRename()
{
    GraphDocument doc;
    buildChain(doc);
    const std::string before = doc.graph().toJson(true);
    QSignalSpy reset(&doc, &GraphDocument::graphReset);
    doc.setInputShape({1, 28, 28}, 10);
    doc.replace(flightdeck::model::graphTemplate("resnet_block"), QStringLiteral("Template"));
    QCOMPARE(reset.count(), 1);
    QVERIFY2(doc.shapes().ok(), doc.shapes().ok() ? "" : doc.shapes().problems.front().message.c_str());
    for (const auto& node : doc.graph().nodes)   // templates come without positions
        QVERIFY(doc.graph().layout.count(node.id));
    doc.undoStack()->undo();
    QCOMPARE(doc.graph().toJson(true), before);
    QSignalSpy named(&doc, &GraphDocument::nameChanged);
    doc.rename(QStringLiteral("a"));
    doc.rename(QStringLiteral("ab"));
    QCOMPARE(named.count(), 2);
    QCOMPARE(doc.name(), QStringLiteral("ab"));
    doc.undoStack()->undo();   // one step for both renames
    QCOMPARE(doc.name(), QStringLiteral("net"));
}

void TestGraphDocument::invalidGraphNamesTheNode()
{
    GraphDocument doc;
    doc.setInputShape({1, 28, 28}, 10);
    const QString in = doc.addNode(NodeType::Input, {});
    const QString conv = doc.addNode(NodeType::Conv2d, {});
    const QString fc = doc.addNode(NodeType::Linear, {});
    const QString out = doc.addNode(NodeType::Output, {});
    doc.connectNodes(in, conv, 0);
    doc.connectNodes(conv, fc, 0);
    doc.connectNodes(fc, out, 0);
    QVERIFY(!doc.shapes().ok());
    const auto& shape = doc.shapes().nodes.at(fc.toStdString());
    QVERIFY2(QString::fromStdString(shape.error).contains(QStringLiteral("Flatten")), shape.error.c_str());
    QVERIFY(doc.shapes().nodes.at(conv.toStdString()).error.empty());
    bool named = false;
    for (const auto& problem : doc.shapes().problems)
        named = named || problem.node == fc.toStdString();
    QVERIFY(named);
    // Inserting the Flatten fixes it, and undo brings the error back.
    const QString flat = doc.addNode(NodeType::Flatten, {});
    doc.connectNodes(conv, flat, 0);
    doc.connectNodes(flat, fc, 0);
    QVERIFY(doc.shapes().ok());
    doc.undoStack()->undo();
    QVERIFY(!doc.shapes().nodes.at(fc.toStdString()).error.empty());
    // A structural problem names the node and its port: the output without an input.
    doc.disconnectInput(out, 0);
    bool port = false;
    for (const auto& problem : doc.shapes().problems)
        port = port || (problem.node == out.toStdString() && problem.port == 0);
    QVERIFY(port);
}

void TestGraphDocument::inputShapeReinfers()
{
    GraphDocument doc;
    const auto ids = buildChain(doc);
    QSignalSpy shapes(&doc, &GraphDocument::shapesChanged);
    doc.setInputShape({20}, 5);
    QCOMPARE(shapes.count(), 1);
    QCOMPARE(doc.shapes().nodes.at(ids[1].toStdString()).parameters, 20 * 64 + 64);
    doc.setInputShape({20}, 5);   // unchanged: no signal
    QCOMPARE(shapes.count(), 1);
}

QTEST_MAIN(TestGraphDocument)
#include "test_graph_document.moc"
