// Graph editor responsiveness (issue 7: "on a 200-node graph, adding a node or an edge, with
// shape inference of the whole graph and the redraw, takes under 16 ms"). Builds a 200-node
// residual CNN in a GraphDocument shown by a GraphScene in a GraphView (offscreen or under
// Xvfb), then times, over many repetitions, the user's edits end to end: the document edit,
// inferGraph over all nodes, the scene updating its items, and a synchronous repaint of the
// view. Prints median, p99 and max per kind of edit, and inferGraph alone as the floor.
//   QT_QPA_PLATFORM=offscreen ./bench/bench_graph_editor [--nodes 200] [--repeat 200]
#include "architecture/graph/GraphDocument.h"
#include "architecture/graph/GraphScene.h"
#include "architecture/graph/GraphView.h"
#include "flightdeck/model/GraphShapes.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

using namespace flightdeck;
using namespace flightdeck::ui;
using model::NodeType;

namespace {

struct Stats {
    std::vector<double> ms;
    void print(const char* what)
    {
        std::sort(ms.begin(), ms.end());
        const auto at = [&](double q) { return ms[std::min(ms.size() - 1, std::size_t(q * double(ms.size())))]; };
        std::printf("%-44s median %6.2f ms   p99 %6.2f ms   max %6.2f ms   (n=%zu)\n", what, at(0.5),
                    at(0.99), ms.back(), ms.size());
    }
};

// Conv blocks with a skip every 3 nodes: Add nodes make the inference do real shape checks.
model::GraphSpec residualGraph(int nodes)
{
    model::GraphSpec g;
    g.name = "bench";
    auto add = [&](NodeType type, std::vector<std::string> inputs, auto set) {
        model::NodeSpec n = model::defaultNode(type);
        n.id = g.freshId(type);
        n.inputs = std::move(inputs);
        set(n);
        g.layout[n.id] = {0.0, 120.0 * double(g.nodes.size())};
        g.nodes.push_back(n);
        return n.id;
    };
    auto none = [](model::NodeSpec&) {};
    std::string last = add(NodeType::Input, {}, none);
    last = add(NodeType::Conv2d, {last}, [](model::NodeSpec& n) { n.outChannels = 8; });
    while (int(g.nodes.size()) < nodes - 4) {
        const std::string skip = last;
        last = add(NodeType::Conv2d, {last}, [](model::NodeSpec& n) { n.outChannels = 8; });
        last = add(NodeType::ReLU, {last}, none);
        last = add(NodeType::Add, {skip, last}, none);
    }
    last = add(NodeType::AdaptiveAvgPool2d, {last}, none);
    last = add(NodeType::Flatten, {last}, none);
    add(NodeType::Output, {last}, none);
    return g;
}

}  // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    int nodes = 200, repeat = 200;
    for (int i = 1; i + 1 < argc; ++i) {
        if (!std::strcmp(argv[i], "--nodes")) nodes = std::atoi(argv[++i]);
        if (!std::strcmp(argv[i], "--repeat")) repeat = std::atoi(argv[++i]);
    }
    GraphDocument document;
    document.setInputShape({3, 32, 32}, 10);
    document.reset(residualGraph(nodes));
    GraphScene scene(&document);
    GraphView view(&scene);
    view.resize(1280, 720);
    view.show();
    QApplication::processEvents();
    std::printf("graph: %zu nodes, input [3, 32, 32], 10 classes\n", document.graph().nodes.size());

    Stats infer, addNode, connect, field, undo;
    QElapsedTimer t;
    const auto repaint = [&] {
        view.viewport()->repaint();   // synchronous: the redraw is part of the edit's cost
    };
    for (int i = 0; i < repeat; ++i) {
        t.start();
        (void)model::inferGraph(document.graph(), {3, 32, 32}, 10);
        infer.ms.push_back(double(t.nsecsElapsed()) / 1e6);

        t.start();
        const QString id = document.addNode(NodeType::ReLU, QPointF(400, 60.0 * i));
        repaint();
        addNode.ms.push_back(double(t.nsecsElapsed()) / 1e6);

        t.start();
        document.connectNodes(QStringLiteral("relu_1"), id, 0);
        repaint();
        connect.ms.push_back(double(t.nsecsElapsed()) / 1e6);

        t.start();
        document.setField(QStringLiteral("conv2d_2"), QStringLiteral("out_channels"),
                          QString::number(8 + (i % 2)), i + 1);
        repaint();
        field.ms.push_back(double(t.nsecsElapsed()) / 1e6);

        t.start();
        document.undoStack()->undo();   // the field edit
        repaint();
        undo.ms.push_back(double(t.nsecsElapsed()) / 1e6);
        QApplication::processEvents();
    }
    infer.print("inferGraph alone (the floor)");
    addNode.print("add a node + inference + redraw");
    connect.print("connect an edge + inference + redraw");
    field.print("edit a field + inference + redraw");
    undo.print("undo a field edit + inference + redraw");
    std::printf("target: every edit under 16 ms\n");
    return 0;
}
