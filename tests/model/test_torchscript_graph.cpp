// Reading TorchScript files back (the editor's model viewer): every layer type and template
// Model::build writes maps back onto the same graph, a v1 stack and a regression model too;
// a module Python scripted is listed but not mapped; corrupt files are refused with a reason.
#include "common/ErrorExpectations.h"
#include "common/GraphChain.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/model/GraphShapes.h"
#include "flightdeck/model/GraphTemplates.h"
#include "flightdeck/model/Model.h"
#include "flightdeck/model/TorchScriptGraph.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <fstream>

using namespace flightdeck;
using namespace flightdeck::model;
using namespace flightdeck::testing;

namespace {

std::string moduleBytes(const GraphSpec& g, const std::vector<std::int64_t>& input, std::int64_t classes)
{
    const auto n = std::size_t(numel(input));
    return Model::build(g, input, classes, 3, std::vector<float>(n, 0.5f), std::vector<float>(n, 2.0f))
        .saveToBytes();
}

// What the file can give back: the Input's id when the input is flat (no statement names it),
// the Output's id, a Reshape's -1 resolved, a pool's stride equal to its kernel written as 0.
GraphSpec expectedBack(GraphSpec g, const std::vector<std::int64_t>& input, std::int64_t classes)
{
    const GraphShapes shapes = inferGraph(g, input, classes);
    std::map<std::string, std::string> renamed;
    for (auto& n : g.nodes) {
        if (n.type == NodeType::Input && input.size() == 1)
            renamed[n.id] = "input";
        if (n.type == NodeType::Output)
            renamed[n.id] = "output_1";
        if (n.type == NodeType::Reshape)
            n.shape = shapes.nodes.at(n.id).output;
        if ((n.type == NodeType::MaxPool2d || n.type == NodeType::AvgPool2d) && n.stride == n.kernel)
            n.stride = 0;
    }
    for (auto& n : g.nodes) {
        if (renamed.count(n.id))
            n.id = renamed[n.id];
        for (auto& in : n.inputs)
            if (renamed.count(in))
                in = renamed[in];
    }
    g.layout.clear();
    return g;
}

void writeBytes(const QString& path, const std::string& bytes)
{
    std::ofstream out(path.toStdString(), std::ios::binary);
    out << bytes;
}

}  // namespace

class TestTorchScriptGraph : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyLayerReadsBack_data();
    void everyLayerReadsBack();
    void templatesReadBack();
    void stackAndRegressionReadBack();
    void listsTheModule();
    void pythonModuleIsListedNotMapped();
    void corruptFilesAreRefused();
};

void TestTorchScriptGraph::everyLayerReadsBack_data()
{
    QTest::addColumn<int>("which");
    const auto names = layerCaseNames();
    for (int i = 0; i < int(names.size()); ++i)
        QTest::newRow(names[std::size_t(i)]) << i;
}

void TestTorchScriptGraph::everyLayerReadsBack()
{
    QFETCH(int, which);
    std::vector<std::int64_t> input;
    GraphSpec g = layerCase(which, &input);
    g.name = "case";
    const auto script = TorchScriptGraph::fromBytes(moduleBytes(g, input, 3));
    QCOMPARE(script.typeName, std::string("FlightdeckGraph"));
    QVERIFY(script.builtByFlightdeck());
    RecoveredGraph back = recoverGraph(script);
    QVERIFY2(back.ok, back.problem.c_str());
    QCOMPARE(back.classes, std::int64_t(3));
    QVERIFY(!back.regression);
    back.graph.name = g.name;
    if (QByteArray(QTest::currentDataTag()) == "reshape") {
        // A Reshape right after a flat Input writes what an image's Input writes (the row
        // reshaped): it reads back as an Input of that shape, the same network.
        QCOMPARE(back.input, (std::vector<std::int64_t>{3, 4}));
        QCOMPARE(back.graph.nodes.size(), g.nodes.size() - 1);
        QCOMPARE(back.graph.nodes.front().id, std::string("a"));
        QCOMPARE(inferGraph(back.graph, back.input, 3).parameters, inferGraph(g, input, 3).parameters);
        return;
    }
    QCOMPARE(back.input, input);
    QCOMPARE(QString::fromStdString(back.graph.toJson(false)),
             QString::fromStdString(expectedBack(g, input, 3).toJson(false)));
}

void TestTorchScriptGraph::templatesReadBack()
{
    const std::vector<std::pair<std::string, std::vector<std::int64_t>>> cases = {
        {"logistic_regression", {4}}, {"mlp", {1, 8, 8}}, {"lenet5", {1, 28, 28}},
        {"fashion_cnn", {1, 28, 28}}, {"resnet_block", {3, 8, 8}}, {"text_classifier", {12}}};
    for (const auto& [name, input] : cases) {
        const GraphSpec g = graphTemplate(name);
        RecoveredGraph back = recoverGraph(TorchScriptGraph::fromBytes(moduleBytes(g, input, 10)));
        QVERIFY2(back.ok, (name + ": " + back.problem).c_str());
        back.graph.name = g.name;
        QCOMPARE(QString::fromStdString(back.graph.toJson(false)),
                 QString::fromStdString(expectedBack(g, input, 10).toJson(false)));
        QCOMPARE(back.input, input);
        QCOMPARE(back.classes, std::int64_t(10));
    }
}

void TestTorchScriptGraph::stackAndRegressionReadBack()
{
    // A version-1 stack (FlightdeckClassifier): its layers come back with fresh ids.
    const ArchitectureSpec stack = defaultMlp();
    const Model mlp = Model::build(stack, 5, 4, 1, std::vector<float>(5, 0.0f), std::vector<float>(5, 1.0f));
    const auto script = TorchScriptGraph::fromBytes(mlp.saveToBytes());
    QCOMPARE(script.typeName, std::string("FlightdeckClassifier"));
    const RecoveredGraph back = recoverGraph(script);
    QVERIFY2(back.ok, back.problem.c_str());
    const GraphSpec converted = graphFromStack(stack);
    QCOMPARE(back.graph.nodes.size(), converted.nodes.size());
    for (std::size_t i = 0; i < converted.nodes.size(); ++i)
        QCOMPARE(back.graph.nodes[i].type, converted.nodes[i].type);
    QCOMPARE(inferGraph(back.graph, {5}, 4).parameters, mlp.parameterCount());

    // A regression model: the scale around the network is not a layer; MSE is assumed.
    std::vector<std::int64_t> input;
    const GraphSpec g = layerCase(0, &input);
    Model net = Model::build(g, input, 1, 2, std::vector<float>(6, 0.0f), std::vector<float>(6, 1.0f));
    const Model scaled = Model::withOutputScale(std::move(net), 100.0, 15.0);
    const auto regression = TorchScriptGraph::fromBytes(scaled.saveToBytes());
    QCOMPARE(regression.typeName, std::string("FlightdeckRegressor"));
    const RecoveredGraph r = recoverGraph(regression);
    QVERIFY2(r.ok, r.problem.c_str());
    QVERIFY(r.regression);
    QCOMPARE(r.classes, std::int64_t(1));
    QCOMPARE(r.graph.nodes.back().loss, LossType::MSE);
    QVERIFY(!r.notes.empty());
}

void TestTorchScriptGraph::listsTheModule()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("model.pt"));
    const GraphSpec g = graphTemplate("fashion_cnn");
    writeBytes(path, moduleBytes(g, {1, 28, 28}, 10));
    const auto script = TorchScriptGraph::read(path.toStdString());
    QCOMPARE(script.modules.size(), std::size_t(1));
    QCOMPARE(script.parameters, checkedShapes(g, {1, 28, 28}, 10).parameters);
    QCOMPARE(script.inputs.size(), std::size_t(1));
    QCOMPARE(script.outputs.size(), std::size_t(1));
    const auto conv = std::find_if(script.ops.begin(), script.ops.end(),
                                   [](const TorchScriptOp& op) { return op.kind == "aten::conv2d"; });
    QVERIFY(conv != script.ops.end());
    const std::string text = opText(*conv);
    QVERIFY2(text.rfind("v_conv2d_1 = aten::conv2d(v_input, n_conv2d_1_weight [32, 1, 5, 5]", 0) == 0, text.c_str());
    const auto weight = std::find_if(script.tensors.begin(), script.tensors.end(),
                                     [](const TorchScriptTensor& t) { return t.path == "n_conv2d_1_weight"; });
    QVERIFY(weight != script.tensors.end() && weight->parameter);
    QCOMPARE(weight->shape, (std::vector<std::int64_t>{32, 1, 5, 5}));
}

void TestTorchScriptGraph::pythonModuleIsListedNotMapped()
{
    if (QProcess::execute(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import torch")}) != 0)
        QSKIP("python3-torch is not installed (scripts/setup.sh installs it)");
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("net.pt"));
    const QString script = dir.filePath(QStringLiteral("make_net.py"));
    QFile file(script);   // torch.jit.script reads the class's source, so it must be a file
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("import sys, torch\n"
               "class Net(torch.nn.Module):\n"
               "    def __init__(self):\n"
               "        super().__init__()\n"
               "        self.body = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 3))\n"
               "    def forward(self, x):\n"
               "        return self.body(x).softmax(1)\n"
               "torch.jit.save(torch.jit.script(Net()), sys.argv[1])\n");
    file.close();
    QCOMPARE(QProcess::execute(QStringLiteral("/usr/bin/python3"), {script, out}), 0);
    const auto net = TorchScriptGraph::read(out.toStdString());
    QCOMPARE(net.typeName, std::string("Net"));
    QVERIFY(!net.builtByFlightdeck());
    QCOMPARE(net.parameters, std::int64_t(4 * 8 + 8 + 8 * 3 + 3));
    QCOMPARE(net.modules.size(), std::size_t(5));   // Net, Sequential, Linear, ReLU, Linear
    QCOMPARE(net.modules[1].path, std::string("body"));
    QCOMPARE(net.modules[2].type, std::string("Linear"));
    QCOMPARE(net.modules[2].parameters, std::int64_t(40));
    // The submodules' forwards are inlined: the operations are the whole network.
    QCOMPARE(std::count_if(net.ops.begin(), net.ops.end(),
                           [](const TorchScriptOp& op) { return op.kind == "aten::linear"; }),
             std::ptrdiff_t(2));
    const RecoveredGraph back = recoverGraph(net);
    QVERIFY(!back.ok);
    QVERIFY2(back.problem.find("Net") != std::string::npos, back.problem.c_str());
}

void TestTorchScriptGraph::corruptFilesAreRefused()
{
    QTemporaryDir dir;
    const std::string good = moduleBytes(graphTemplate("mlp"), {20}, 3);
    const std::vector<std::pair<const char*, std::string>> files = {
        {"empty.pt", ""},
        {"text.pt", "this is not a model\n"},
        {"truncated.pt", good.substr(0, good.size() / 2)},
        {"flipped.pt", [&] {
             std::string s = good;
             for (std::size_t i = 64; i < s.size(); i += 97)
                 s[i] = char(s[i] ^ 0x5a);
             return s;
         }()},
    };
    for (const auto& [name, bytes] : files) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        writeBytes(path, bytes);
        const ErrorInfo e = expectError([&] { TorchScriptGraph::read(path.toStdString()); });
        QCOMPARE(e.code, ErrorCode::BadValue);
        QVERIFY2(e.detail.find("not a TorchScript file") != std::string::npos, e.detail.c_str());
        QVERIFY2(e.detail.find('\n') == std::string::npos, e.detail.c_str());   // no backtrace
    }
    QCOMPARE(expectError([&] { TorchScriptGraph::read(dir.filePath(QStringLiteral("missing.pt")).toStdString()); }).code,
             ErrorCode::FileNotFound);
}

QTEST_GUILESS_MAIN(TestTorchScriptGraph)
#include "test_torchscript_graph.moc"
