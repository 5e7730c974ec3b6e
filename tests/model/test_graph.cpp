// core/model graphs (spec version 2): JSON round trip and a hash that ignores layout, version-1
// stacks converted, every layer type's inferred shapes and parameters equal to the libtorch
// module built from it, invalid graphs named by node and port, and the templates.
#include "common/ErrorExpectations.h"
#include "common/GraphChain.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/model/GraphShapes.h"
#include "flightdeck/model/GraphSpec.h"
#include "flightdeck/model/GraphTemplates.h"
#include "flightdeck/model/Model.h"

#include <QtTest>

using namespace flightdeck;
using namespace flightdeck::model;
using flightdeck::testing::expectError;
using namespace flightdeck::testing;


class TestGraph : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripAndLayoutFreeHash()
    {
        const GraphSpec g = graphTemplate("resnet_block");
        const GraphSpec back = GraphSpec::fromJson(g.toJson());
        QCOMPARE(back.toJson(), g.toJson());
        QCOMPARE(back.hash(), g.hash());
        GraphSpec moved = back;
        moved.layout["add_1"] = {999, -5};
        QCOMPARE(moved.hash(), g.hash());   // moving a node is not a new architecture
        QVERIFY(moved.toJson() != g.toJson());
        moved.node("conv2d_1")->kernel = 5;
        QVERIFY(moved.hash() != g.hash());
    }

    void versionOneStacksConvert()
    {
        const ArchitectureSpec stack = defaultMlp();
        const GraphSpec g = GraphSpec::fromJson(stack.toJson());
        QCOMPARE(g.nodes.size(), stack.layers.size() + 2);
        const auto shapes = checkedShapes(g, {20}, 3);
        QCOMPARE(shapes.parameters, parameterCount(inferShapes(stack, 20, 3)));
        QCOMPARE(expectError([] { GraphSpec::fromJson(R"({"version": 3, "nodes": []})"); }).code,
                 ErrorCode::NewerSchema);
    }

    void everyLayerMatchesTheBuiltModule_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("which");
        const auto names = layerCaseNames();
        for (int i = 0; i < int(names.size()); ++i)
            QTest::newRow(names[std::size_t(i)]) << QString() << i;
    }

    void everyLayerMatchesTheBuiltModule()
    {
        QFETCH(int, which);
        std::vector<std::int64_t> input;
        const GraphSpec g = layerCase(which, &input);
        const GraphShapes shapes = inferGraph(g, input, 3);
        QVERIFY2(shapes.ok(), shapes.problems.empty() ? "" : shapes.problems.front().message.c_str());
        const std::int64_t inputs = numel(input);
        const Model m = Model::build(g, input, 3, 7, std::vector<float>(std::size_t(inputs), 0.0f),
                                     std::vector<float>(std::size_t(inputs), 1.0f));
        QCOMPARE(m.parameterCount(), shapes.parameters);
        // The head was sized from the inferred shape before it: a wrong inference fails here.
        std::vector<float> rows(std::size_t(4 * inputs));
        for (std::size_t i = 0; i < rows.size(); ++i)
            rows[i] = float(i % 7);
        const auto logits = m.logits(rows.data(), 4);
        QCOMPARE(logits.size(), std::size_t(12));
        for (float v : logits)
            QVERIFY(std::isfinite(v));
    }

    void invalidGraphsNameTheNode()
    {
        // Linear after Conv2d without Flatten.
        GraphSpec g = chain({node("c", NodeType::Conv2d, [](NodeSpec& n) { n.outChannels = 2; n.kernel = 3; }),
                             node("fc", NodeType::Linear, [](NodeSpec& n) { n.units = 4; })});
        GraphShapes s = inferGraph(g, {1, 8, 8}, 3);
        QVERIFY(!s.ok());
        QCOMPARE(s.problems.front().node, std::string("fc"));
        QVERIFY(s.nodes["fc"].error.find("Flatten") != std::string::npos);
        ErrorInfo info = expectError([&] { checkedShapes(g, {1, 8, 8}, 3); });
        QCOMPARE(info.code, ErrorCode::InvalidSpec);
        QCOMPARE(info.field, std::string("node \"fc\""));
        // Add of different shapes.
        auto l1 = node("l1", NodeType::Linear, [](NodeSpec& n) { n.units = 4; });
        auto l2 = node("l2", NodeType::Linear, [](NodeSpec& n) { n.units = 5; });
        l2.inputs = {"in"};
        auto add = node("sum", NodeType::Add);
        add.inputs = {"l1", "l2"};
        s = inferGraph(chain({l1, l2, add}), {6}, 3);
        QCOMPARE(s.problems.front().node, std::string("sum"));
        QVERIFY(s.nodes["sum"].error.find("[4]") != std::string::npos);
        // A cycle, a dangling port, two edges into a one-input node.
        g = chain({node("a", NodeType::ReLU), node("b", NodeType::ReLU)});
        g.node("a")->inputs = {"b"};
        auto problems = validateGraph(g);
        QVERIFY(!problems.empty());
        QVERIFY(problems.front().message.find("cycle") != std::string::npos);
        g = chain({node("a", NodeType::ReLU)});
        g.node("a")->inputs = {"ghost"};
        problems = validateGraph(g);
        QCOMPARE(problems.front().node, std::string("a"));
        QCOMPARE(problems.front().port, 0);
        g = chain({node("a", NodeType::ReLU)});
        g.node("a")->inputs = {"in", "in"};
        QCOMPARE(validateGraph(g).front().node, std::string("a"));
        // An unknown type, a field the type lacks, absurd sizes (never allocated).
        info = expectError([] {
            GraphSpec::fromJson(R"({"version":2,"nodes":[{"id":"a","type":"lstm"}]})");
        });
        QCOMPARE(info.field, std::string("nodes[0].type"));
        info = expectError([] {
            GraphSpec::fromJson(R"({"version":2,"nodes":[{"id":"a","type":"relu","units":3}]})");
        });
        QCOMPARE(info.field, std::string("nodes[0].units"));
        g = chain({node("big", NodeType::Linear, [](NodeSpec& n) { n.units = 1 << 24; }),
                   node("big2", NodeType::Linear, [](NodeSpec& n) { n.units = 1 << 24; })});
        s = inferGraph(g, {16}, 3);
        QCOMPARE(s.problems.front().node, std::string("big2"));
        QVERIFY(s.nodes["big2"].error.find("parameters") != std::string::npos);
    }

    void templatesFitTheirData()
    {
        const auto cnn = checkedShapes(graphTemplate("fashion_cnn"), {1, 28, 28}, 10);
        QCOMPARE(cnn.parameters, std::int64_t(832 + 51264 + 3212288 + 10250));
        QCOMPARE(cnn.nodes.at("flatten_1").output, (std::vector<std::int64_t>{3136}));
        QVERIFY(cnn.flops > 2 * 51264 * 14 * 14);
        QCOMPARE(checkedShapes(graphTemplate("lenet5"), {1, 28, 28}, 10).nodes.at("flatten_1").output,
                 (std::vector<std::int64_t>{400}));
        for (const auto& [name, input] : std::vector<std::pair<std::string, std::vector<std::int64_t>>>{
                 {"logistic_regression", {4}}, {"mlp", {20}}, {"mlp", {1, 8, 8}},
                 {"resnet_block", {3, 8, 8}}, {"text_classifier", {12}}}) {
            const GraphSpec g = graphTemplate(name);
            const auto shapes = checkedShapes(g, input, 4);
            const Model m = Model::build(g, input, 4, 1, std::vector<float>(std::size_t(numel(input)), 0.0f),
                                         std::vector<float>(std::size_t(numel(input)), 1.0f));
            QCOMPARE(m.parameterCount(), shapes.parameters);
        }
        QCOMPARE(expectError([] { graphTemplate("gpt"); }).code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestGraph)
#include "test_graph.moc"
