// Bundles that prove themselves: model.onnx beside model.pt for an MLP, a CNN and a regression
// run, validation.json written at export, both files agreeing with Flightdeck's outputs in
// python3-torch and in onnxruntime (onnxruntime-node) to 1e-5, a deliberately broken export
// refused with nothing left behind, and a layer with no ONNX form named while the rest exports.
#include "common/ShapeImages.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/export/BundleExporter.h"
#include "flightdeck/export/TritonExport.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/model/GraphSpec.h"
#include "flightdeck/model/Model.h"
#include "flightdeck/model/OnnxExport.h"
#include "flightdeck/monitor/ReferenceProfile.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/Trainer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>
#include <memory>
#include <random>

using namespace flightdeck;
namespace fs = std::filesystem;

namespace {

data::Table blobs()
{
    data::Table t;
    t.featureNames = {"x", "y", "z"};
    t.labelName = "kind";
    t.classes = {"cat", "dog", "eel"};
    std::mt19937 rng(3);
    std::normal_distribution<float> noise(0.0f, 0.6f);
    for (int i = 0; i < 150; ++i) {
        const int c = i % 3;
        t.features.push_back(float(c) * 2 + noise(rng));
        t.features.push_back(float(c) - 1 + noise(rng));
        t.features.push_back(noise(rng) * 10 + 50);
        t.labels.push_back(c);
    }
    return t;
}


std::string cnnJson(int adaptiveOutput)
{
    return R"({"version":2,"name":"small_cnn","nodes":[{"id":"in","type":"input"},)"
           R"({"id":"c1","type":"conv2d","inputs":["in"],"out_channels":6,"kernel":3,"padding":1},)"
           R"({"id":"bn","type":"batchnorm2d","inputs":["c1"]},)"
           R"({"id":"r1","type":"relu","inputs":["bn"]},)"
           R"({"id":"p1","type":"maxpool2d","inputs":["r1"],"kernel":2},)"
           R"({"id":"gap","type":"adaptiveavgpool2d","inputs":["p1"],"output_size":)"
           + std::to_string(adaptiveOutput) + R"(},)"
           R"({"id":"f","type":"flatten","inputs":["gap"]},)"
           R"({"id":"d","type":"dropout","inputs":["f"],"p":0.1},)"
           R"({"id":"out","type":"output","inputs":["d"],"loss":"cross_entropy"}]})";
}

train::TrainConfig quick(int epochs)
{
    train::TrainConfig c;
    c.epochs = epochs;
    c.batchSize = 16;
    c.learningRate = 3e-3;
    c.threads = 2;
    c.device = "cpu";
    return c;
}

double maxRelativeDiff(const std::vector<float>& reference, const std::vector<float>& got)
{
    double scale = 1.0, diff = 0.0;
    for (float v : reference)
        scale = std::max(scale, std::abs(double(v)));
    for (std::size_t i = 0; i < reference.size(); ++i)
        diff = std::max(diff, std::abs(double(reference[i]) - double(got.at(i))));
    return diff / scale;
}

void writeFloats(const QString& file, const std::vector<float>& v)
{
    std::ofstream(file.toStdString(), std::ios::binary)
        .write(reinterpret_cast<const char*>(v.data()), std::streamsize(v.size() * sizeof(float)));
}

std::vector<float> readFloats(const QString& file, std::size_t n)
{
    std::vector<float> v(n);
    std::ifstream in(file.toStdString(), std::ios::binary);
    in.read(reinterpret_cast<char*>(v.data()), std::streamsize(n * sizeof(float)));
    if (in.gcount() != std::streamsize(n * sizeof(float)))
        v.clear();
    return v;
}

QJsonObject readJson(const fs::path& file)
{
    QFile f(QString::fromStdString(file.string()));
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

}  // namespace

class TestExportFormats : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::unique_ptr<store::Project> project_;
    std::vector<std::pair<QString, exporting::ExportResult>> bundles_;
    store::Id mlpRun_ = 0;

    store::Id train(store::Id version, const std::string& archName, const std::string& json, int epochs)
    {
        data::DatasetCatalog catalog(*project_);
        const auto split = catalog.createSplit(version, {0.6, 0.2, 0.2}, 1);
        const auto g = model::GraphSpec::fromJson(json);
        const auto arch = store::ArchitectureRepository(*project_).save(archName, g.toJson(), g.hash());
        const auto run = train::Trainer(*project_).run(version, split.id, arch, quick(epochs));
        return run.runId;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        project_ = std::make_unique<store::Project>(store::Project::create(dir_.filePath("p").toStdString()));
        data::DatasetCatalog catalog(*project_);
        const auto table = catalog.addVersion("blobs", blobs(), "test");
        const auto images = catalog.addImageVersion("shapes", testing::shapeImages(120), "test");
        data::Table reg = blobs();   // the same rows, the class index as a regression target
        reg.classes = {"10", "20.5", "31"};
        const auto regVersion = catalog.addVersion("blobs-r", reg, "test", data::DatasetTask::TableRegression);
        const std::string mlp =
            R"({"version":2,"name":"mlp","nodes":[{"id":"in","type":"input"},)"
            R"({"id":"h","type":"linear","inputs":["in"],"units":16},{"id":"ln","type":"layernorm","inputs":["h"]},)"
            R"({"id":"g","type":"gelu","inputs":["ln"]},{"id":"out","type":"output","inputs":["g"],"loss":"cross_entropy"}]})";
        const std::string regSpec =
            R"({"version":2,"name":"reg","nodes":[{"id":"in","type":"input"},)"
            R"({"id":"h","type":"linear","inputs":["in"],"units":8},{"id":"t","type":"tanh","inputs":["h"]},)"
            R"({"id":"out","type":"output","inputs":["t"],"loss":"mse"}]})";
        exporting::BundleExporter exporter(*project_);
        mlpRun_ = train(table.id, "mlp", mlp, 3);
        bundles_.emplace_back("mlp", exporter.exportRun(mlpRun_, "mlp"));
        bundles_.emplace_back("cnn", exporter.exportRun(train(images.id, "cnn", cnnJson(1), 2), "cnn"));
        bundles_.emplace_back("regression", exporter.exportRun(train(regVersion.id, "reg", regSpec, 2), "reg"));
    }

    void bundlesCarryOnnxAndValidation()
    {
        for (const auto& [name, b] : bundles_) {
            for (const char* file : {"model.pt", "model.onnx", "signature.json", "validation.json"})
                QVERIFY2(fs::exists(b.bundleDir / file), qPrintable(name + ": " + file));
            QVERIFY2(exporting::verifyBundle(b.bundleDir).empty(), qPrintable(name));
            QVERIFY(b.warnings.empty());
            const QJsonObject v = readJson(b.bundleDir / "validation.json");
            QVERIFY2(v["passed"].toBool(), qPrintable(name));
            QCOMPARE(v["samples"].toObject()["split"].toString(), QString("test"));
            QVERIFY(v["samples"].toObject()["count"].toInt() >= 20);
            for (const char* format : {"torchscript", "onnx"}) {
                const QJsonObject f = v["formats"].toObject()[format].toObject();
                QVERIFY2(f["passed"].toBool(), qPrintable(name + " " + format));
                QVERIFY(f["max_rel_diff"].toDouble() <= 1e-5);
            }
            // model.pt is the stored model itself: bit-identical outputs.
            QCOMPARE(v["formats"].toObject()["torchscript"].toObject()["max_abs_diff"].toDouble(), 0.0);
            const QJsonObject sig = readJson(b.bundleDir / "signature.json");
            QCOMPARE(sig["inputs"].toArray()[0].toObject()["name"].toString(), QString("features"));
            QVERIFY(!sig["example"].toObject()["input"].toArray().isEmpty());
        }
        QCOMPARE(bundles_[2].second.validation.outputs, std::int64_t(1));   // regression: one value
    }

    void otherRuntimesAgree()
    {
        const QString modules = qEnvironmentVariable("FLIGHTDECK_ORT_NODE_MODULES", "/opt/flightdeck/ort/node_modules");
        const bool haveOrt = QFile::exists(modules + "/onnxruntime-node");
        if (!haveOrt && qEnvironmentVariableIntValue("FLIGHTDECK_REQUIRE_ORT"))
            QFAIL(qPrintable("onnxruntime-node not found under " + modules));
        QJsonArray ortCases;
        for (const auto& [name, b] : bundles_) {
            const auto& v = b.validation;
            const QString in = dir_.filePath(name + ".in"), outPy = dir_.filePath(name + ".py.out");
            writeFloats(in, v.samples.features);
            const QString script =
                "import sys, numpy as np, torch\n"
                "m = torch.jit.load(sys.argv[1]); m.eval()\n"
                "x = torch.from_numpy(np.fromfile(sys.argv[2], dtype=np.float32).reshape(-1, int(sys.argv[3])))\n"
                "with torch.no_grad():\n    m(x).numpy().astype(np.float32).tofile(sys.argv[4])\n";
            QProcess py;
            py.start("/usr/bin/python3", {"-c", script, QString::fromStdString((b.bundleDir / "model.pt").string()),
                                          in, QString::number(v.samples.inputs), outPy});
            QVERIFY(py.waitForFinished(120000));
            QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
            const auto got = readFloats(outPy, v.reference.size());
            QVERIFY2(!got.empty(), qPrintable(name));
            const double diff = maxRelativeDiff(v.reference, got);
            QVERIFY2(diff <= 1e-5, qPrintable(QString("%1: python torch differs by %2").arg(name).arg(diff)));
            ortCases.append(QJsonObject{{"onnx", QString::fromStdString((b.bundleDir / "model.onnx").string())},
                                        {"input", in}, {"output", dir_.filePath(name + ".ort.out")},
                                        {"rows", int(v.samples.rows.size())}, {"cols", int(v.samples.inputs)}});
        }
        if (!haveOrt)
            QSKIP("onnxruntime-node is not installed (scripts/setup.sh installs it with the test packages)");
        QFile list(dir_.filePath("ort.json"));
        QVERIFY(list.open(QIODevice::WriteOnly));
        list.write(QJsonDocument(ortCases).toJson());
        list.close();
        QProcess node;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("NODE_PATH", modules);
        node.setProcessEnvironment(env);
        node.start("node", {QString(FLIGHTDECK_SOURCE_DIR) + "/tests/model/ort_run.js", list.fileName()});
        QVERIFY(node.waitForFinished(120000));
        QVERIFY2(node.exitCode() == 0, node.readAllStandardError().constData());
        for (const auto& [name, b] : bundles_) {
            const auto got = readFloats(dir_.filePath(name + ".ort.out"), b.validation.reference.size());
            QVERIFY2(!got.empty(), qPrintable(name));
            const double diff = maxRelativeDiff(b.validation.reference, got);
            QVERIFY2(diff <= 1e-5, qPrintable(QString("%1: onnxruntime differs by %2").arg(name).arg(diff)));
        }
    }

    void referenceProfileForMonitoring()
    {
        const auto profile = [&](std::size_t i) {
            return monitor::ReferenceProfile::load(*monitor::ReferenceProfile::locate(bundles_[i].second.bundleDir));
        };
        const auto mlp = profile(0);
        QCOMPARE(mlp.featureNames(), (std::vector<std::string>{"x", "y", "z"}));
        QCOMPARE(mlp.rows, std::int64_t(90));   // the train split: 60 % of 150
        QCOMPARE(mlp.label.classes, (std::vector<std::string>{"cat", "dog", "eel"}));
        QVERIFY(mlp.calibration.has_value());
        QVERIFY(mlp.calibration->samples() == 30);   // fitted on the validation split
        QVERIFY(std::abs(mlp.features[2].mean - 50.0) < 2.0);
        const auto cnn = profile(1);
        QCOMPARE(cnn.featureNames(), (std::vector<std::string>{"brightness", "contrast"}));
        QVERIFY(cnn.features[0].mean > 0.2 && cnn.features[0].mean < 0.6);
        const auto reg = profile(2);
        QCOMPARE(reg.task, monitor::ProfileTask::Regression);
        QVERIFY(!reg.calibration.has_value());
        QVERIFY(reg.label.target.mean > 10 && reg.label.target.mean < 31);
    }

    void tritonLayoutFromBundles()
    {
        const fs::path repo = dir_.filePath("triton").toStdString();
        const auto mlp = exporting::exportTriton(bundles_[0].second.bundleDir, repo);
        QVERIFY(mlp.onnx);
        QCOMPARE(mlp.modelDir, repo / "mlp");
        QVERIFY(fs::exists(repo / "mlp" / "1" / "model.onnx"));
        std::ifstream config(repo / "mlp" / "config.pbtxt");
        const std::string text((std::istreambuf_iterator<char>(config)), {});
        QVERIFY2(text.find("onnxruntime_onnx") != std::string::npos, text.c_str());
        QVERIFY2(text.find("dims: [ 3 ]") != std::string::npos || text.find("dims: [3]") != std::string::npos,
                 text.c_str());
        QVERIFY(fs::exists(repo / "mlp" / "labels.txt"));
        const auto reg = exporting::exportTriton(bundles_[2].second.bundleDir, repo);
        QVERIFY(!fs::exists(repo / "reg" / "labels.txt"));   // one value, no classes
        QVERIFY(reg.onnx);
        // The same name again: refused, the first layout untouched.
        QVERIFY_THROWS_EXCEPTION(Error, exporting::exportTriton(bundles_[0].second.bundleDir, repo));
        QVERIFY(fs::exists(repo / "mlp" / "1" / "model.onnx"));
    }

    void brokenExportIsRefused()
    {
        const auto before = store::ModelRegistry(*project_).models().size();
        exporting::ExportOptions options;
        options.outDir = dir_.filePath("broken").toStdString();
        // Another model's weights in model.onnx: a file that loads and runs, and is wrong.
        options.beforeValidation = [](const fs::path& staging) {
            const auto other = model::Model::build(model::ArchitectureSpec::fromJson(
                R"({"version":1,"layers":[{"type":"linear","units":4}]})"), 3, 3, 99,
                {0, 0, 0}, {1, 1, 1});
            const auto onnx = model::exportOnnx(other);
            std::ofstream(staging / "model.onnx", std::ios::binary | std::ios::trunc) << onnx.bytes;
        };
        try {
            exporting::BundleExporter(*project_).exportRun(mlpRun_, "broken", options);
            QFAIL("a bundle whose model.onnx disagrees was exported");
        } catch (const Error& e) {
            QCOMPARE(e.info().field, std::string("validation"));
            QVERIFY2(e.info().detail.find("onnx (model.onnx)") != std::string::npos, e.what());
        }
        QVERIFY(!fs::exists(dir_.filePath("broken").toStdString()));
        QCOMPARE(store::ModelRegistry(*project_).models().size(), before);
        for (const auto& entry : fs::directory_iterator(dir_.path().toStdString()))
            QVERIFY2(entry.path().filename().string().find(".tmp-") == std::string::npos,
                     entry.path().c_str());
    }

    void layerWithoutOnnxFormIsNamed()
    {
        data::DatasetCatalog catalog(*project_);
        const auto images = catalog.addImageVersion("shapes", testing::shapeImages(120), "test");
        // 4x4 after the pool, to 3x3: uneven windows, no ONNX operator.
        const auto b = exporting::BundleExporter(*project_).exportRun(train(images.id, "cnn3", cnnJson(3), 1), "cnn3");
        QVERIFY(fs::exists(b.bundleDir / "model.pt"));
        QVERIFY(!fs::exists(b.bundleDir / "model.onnx"));
        QCOMPARE(b.warnings.size(), std::size_t(1));
        QVERIFY2(b.warnings[0].find("node gap (aten::adaptive_avg_pool2d)") != std::string::npos, b.warnings[0].c_str());
        const QJsonObject onnx = readJson(b.bundleDir / "validation.json")["formats"].toObject()["onnx"].toObject();
        QVERIFY(onnx["note"].toString().contains("node gap"));
        QVERIFY(readJson(b.bundleDir / "validation.json")["passed"].toBool());
        QVERIFY(exporting::verifyBundle(b.bundleDir).empty());
        // Triton then gets the TorchScript file.
        const auto triton = exporting::exportTriton(b.bundleDir, dir_.filePath("triton-ts").toStdString());
        QVERIFY(!triton.onnx);
        QVERIFY(fs::exists(triton.modelDir / "1" / "model.pt"));
    }
};

QTEST_GUILESS_MAIN(TestExportFormats)
#include "test_export_formats.moc"
