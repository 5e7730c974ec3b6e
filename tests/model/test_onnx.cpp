// ONNX export: every layer type the builder offers exports, passes onnx::checker and computes
// what the TorchScript module computes, in Flightdeck's own ONNX runner, in onnxruntime
// (onnxruntime-node) and under Python's onnx checker; a layer with no ONNX mapping is named.
#include "common/GraphChain.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/model/Model.h"
#include "flightdeck/model/OnnxExport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>

using namespace flightdeck;
using namespace flightdeck::model;
using namespace flightdeck::testing;

namespace {

// Agreement bound: float32 kernels may sum in another order; 1e-5 of the output's scale.
double maxRelativeDiff(const std::vector<float>& a, const std::vector<float>& b)
{
    double scale = 1.0, diff = 0.0;
    for (float v : a)
        scale = std::max(scale, std::abs(double(v)));
    for (std::size_t i = 0; i < a.size(); ++i)
        diff = std::max(diff, std::abs(double(a[i]) - double(b[i])));
    return diff / scale;
}

void writeBytes(const QString& file, const void* data, std::size_t bytes)
{
    std::ofstream out(file.toStdString(), std::ios::binary);
    out.write(static_cast<const char*>(data), std::streamsize(bytes));
}

struct Case {
    QString name, onnx, input, output;
    std::size_t rows = 0;
    std::int64_t cols = 0;
    std::vector<float> expected;
};

}  // namespace

class TestOnnx : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::vector<Case> cases_;

    // Exports, checks, runs in runOnnx and keeps the files for the other runtimes.
    void exportAndCompare(const QString& name, const Model& m, const std::vector<float>& rows)
    {
        OnnxExportOptions options;
        options.metadata = {{"flightdeck.labels", R"(["a","b","c"])"}};
        const OnnxExport e = exportOnnx(m, options);
        QVERIFY2(e.unsupported.empty(), e.unsupported.empty() ? "" : e.unsupported.front().c_str());
        const auto problems = checkOnnx(e.bytes);
        QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().c_str());
        const std::size_t n = rows.size() / std::size_t(m.inputs());
        const auto expected = m.logits(rows.data(), n);
        std::int64_t outputs = 0;
        const auto got = runOnnx(e.bytes, rows.data(), n, m.inputs(), &outputs);
        QCOMPARE(outputs, m.classes());
        QCOMPARE(got.size(), expected.size());
        const double diff = maxRelativeDiff(expected, got);
        QVERIFY2(diff <= 1e-5, qPrintable(QString("runOnnx differs by %1").arg(diff)));

        Case c;
        c.name = name;
        c.onnx = dir_.filePath(name + ".onnx");
        c.input = dir_.filePath(name + ".in");
        c.output = dir_.filePath(name + ".out");
        c.rows = n;
        c.cols = m.inputs();
        c.expected = expected;
        writeBytes(c.onnx, e.bytes.data(), e.bytes.size());
        writeBytes(c.input, rows.data(), rows.size() * sizeof(float));
        cases_.push_back(c);
    }

private Q_SLOTS:
    void everyLayerExportsAndAgrees_data()
    {
        QTest::addColumn<int>("which");
        const auto names = layerCaseNames();
        for (int i = 0; i < int(names.size()); ++i)
            QTest::newRow(names[std::size_t(i)]) << i;
    }

    void everyLayerExportsAndAgrees()
    {
        QFETCH(int, which);
        std::vector<std::int64_t> input;
        const GraphSpec g = layerCase(which, &input);
        const std::int64_t inputs = numel(input);
        std::vector<float> mean(static_cast<std::size_t>(inputs)), stddev(mean.size());
        for (std::size_t i = 0; i < mean.size(); ++i) {
            mean[i] = 0.5f * float(i % 3);
            stddev[i] = 1.0f + 0.25f * float(i % 4);
        }
        const Model m = Model::build(g, input, 3, 11, mean, stddev);
        std::vector<float> rows(std::size_t(5 * inputs));
        for (std::size_t i = 0; i < rows.size(); ++i)
            rows[i] = float((i * 7) % 13) - 4.0f;
        if (which == 21)   // token ids for the embedding
            for (std::size_t i = 0; i < rows.size(); ++i)
                rows[i] = float((i * 7) % 20);
        if (layerCaseNames()[std::size_t(which)] == std::string("adaptive")) {
            // 9x8 to 3x3: uneven windows, which no ONNX operator computes. Named, no file.
            const OnnxExport e = exportOnnx(m);
            QVERIFY(e.bytes.empty());
            QCOMPARE(e.unsupported.size(), std::size_t(1));
            QVERIFY2(e.unsupported[0].find("node a (aten::adaptive_avg_pool2d)") == 0,
                     e.unsupported[0].c_str());
            return;
        }
        exportAndCompare(QString("layer%1").arg(which), m, rows);
    }

    void stackAndRegressionScaleExport()
    {
        ArchitectureSpec spec = ArchitectureSpec::fromJson(
            R"({"version":1,"layers":[{"type":"linear","units":8},{"type":"gelu"},)"
            R"({"type":"dropout","p":0.2},{"type":"linear","units":4},{"type":"tanh"}]})");
        const std::vector<float> mean = {1, 2, 3, 4}, stddev = {1, 2, 0.5f, 3};
        std::vector<float> rows(40);
        for (std::size_t i = 0; i < rows.size(); ++i)
            rows[i] = float(i % 9) * 0.7f;
        exportAndCompare("stack", Model::build(spec, 4, 3, 5, mean, stddev), rows);
        exportAndCompare("regression",
                         Model::withOutputScale(Model::build(spec, 4, 1, 5, mean, stddev), 150.0, 40.0),
                         rows);
    }

    void pythonOnnxReadsTheSignature()
    {
        QVERIFY(!cases_.empty());
        QStringList args = {QString(FLIGHTDECK_SOURCE_DIR) + "/tests/model/onnx_inspect.py"};
        for (const auto& c : cases_)
            args << c.onnx;
        QProcess py;
        py.start("/usr/bin/python3", args);
        QVERIFY(py.waitForFinished(120000));
        if (py.exitCode() != 0 && py.readAllStandardError().contains("No module named 'onnx'"))
            QSKIP("python3-onnx is not installed (scripts/setup.sh installs it with the test packages)");
        QCOMPARE(py.exitCode(), 0);
        const auto lines = py.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), qsizetype(cases_.size()));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QJsonObject o = QJsonDocument::fromJson(lines[i]).object();
            QCOMPARE(o["opset"].toInt(), 17);
            const QJsonObject in = o["inputs"].toArray().at(0).toObject();
            QCOMPARE(in["name"].toString(), QString("features"));
            QCOMPARE(in["elem_type"].toInt(), 1);   // FLOAT
            QCOMPARE(in["dims"].toArray().at(0).toString(), QString("batch"));
            QCOMPARE(in["dims"].toArray().at(1).toInt(), int(cases_[std::size_t(i)].cols));
            QCOMPARE(o["outputs"].toArray().at(0).toObject()["name"].toString(), QString("logits"));
            QCOMPARE(o["metadata"].toObject()["flightdeck.labels"].toString(), QString(R"(["a","b","c"])"));
        }
    }

    void onnxruntimeAgrees()
    {
        const QString modules = qEnvironmentVariable("FLIGHTDECK_ORT_NODE_MODULES",
                                                     "/opt/flightdeck/ort/node_modules");
        if (!QFile::exists(modules + "/onnxruntime-node")) {
            if (qEnvironmentVariableIntValue("FLIGHTDECK_REQUIRE_ORT"))
                QFAIL(qPrintable("onnxruntime-node not found under " + modules));
            QSKIP("onnxruntime-node is not installed (scripts/setup.sh installs it with the test packages)");
        }
        QJsonArray list;
        for (const auto& c : cases_)
            list.append(QJsonObject{{"onnx", c.onnx}, {"input", c.input}, {"output", c.output},
                                    {"rows", int(c.rows)}, {"cols", int(c.cols)}});
        const QString listFile = dir_.filePath("cases.json");
        const QByteArray json = QJsonDocument(list).toJson();
        writeBytes(listFile, json.constData(), std::size_t(json.size()));
        QProcess node;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("NODE_PATH", modules);
        node.setProcessEnvironment(env);
        node.start("node", {QString(FLIGHTDECK_SOURCE_DIR) + "/tests/model/ort_run.js", listFile});
        QVERIFY(node.waitForFinished(120000));
        QVERIFY2(node.exitCode() == 0, node.readAllStandardError().constData());
        for (const auto& c : cases_) {
            std::ifstream in(c.output.toStdString(), std::ios::binary);
            std::vector<float> got(c.expected.size());
            in.read(reinterpret_cast<char*>(got.data()), std::streamsize(got.size() * sizeof(float)));
            QVERIFY2(in.gcount() == std::streamsize(got.size() * sizeof(float)), qPrintable(c.name));
            const double diff = maxRelativeDiff(c.expected, got);
            QVERIFY2(diff <= 1e-5, qPrintable(QString("%1: onnxruntime differs by %2").arg(c.name).arg(diff)));
        }
    }
};

QTEST_GUILESS_MAIN(TestOnnx)
#include "test_onnx.moc"
