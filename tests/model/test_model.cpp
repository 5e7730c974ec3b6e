// core/model: the spec (parsing, canonical form, shapes) and the TorchScript model behind its
// pimpl (build, save, load). No torch header here: everything goes through the public API.
#include "flightdeck/common/Error.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/model/Model.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <random>

using namespace flightdeck;
using namespace flightdeck::model;

namespace {

std::vector<float> randomRows(std::size_t rows, std::size_t cols, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> dist(0.0f, 2.0f);
    std::vector<float> out(rows * cols);
    for (auto& v : out)
        v = dist(rng);
    return out;
}

bool bitEqual(const std::vector<float>& a, const std::vector<float>& b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

ArchitectureSpec everyLayerSpec()
{
    return ArchitectureSpec::fromJson(R"({"name":"all","layers":[
        {"type":"linear","units":16},{"type":"relu"},{"type":"dropout","p":0.25},
        {"type":"linear","units":8},{"type":"tanh"},
        {"type":"linear","units":8},{"type":"gelu"},
        {"type":"linear","units":6},{"type":"sigmoid"}]})");
}

}  // namespace

class TestModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void specParseErrors_data();
    void specParseErrors();
    void specRoundTripAndCanonicalHash();
    void layerTypeNames();
    void shapeInference();
    void shapeInferenceRejectsBadDims();
    void buildSaveLoadIdenticalLogits();
    void seedDeterminesInitialization();
    void everyLayerTypeRuns();
    void standardizationIsInsideTheModel();
    void loadRejectsGarbage();
};

void TestModel::specParseErrors_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("field");

    QTest::newRow("not json") << R"({"layers": [)" << "";
    QTest::newRow("root not object") << R"([1, 2])" << "";
    QTest::newRow("no layers") << R"({"name": "x"})" << "layers";
    QTest::newRow("layers not array") << R"({"layers": 3})" << "layers";
    QTest::newRow("name not string") << R"({"name": 3, "layers": []})" << "name";
    QTest::newRow("layer not object") << R"({"layers": [5]})" << "layers[0]";
    QTest::newRow("missing type") << R"({"layers": [{"units": 4}]})" << "layers[0].type";
    QTest::newRow("unknown type")
        << R"({"layers": [{"type": "relu"}, {"type": "conv9d"}]})" << "layers[1].type";
    QTest::newRow("missing units") << R"({"layers": [{"type": "linear"}]})" << "layers[0].units";
    QTest::newRow("zero units")
        << R"({"layers": [{"type": "relu"}, {"type": "relu"}, {"type": "linear", "units": 0}]})"
        << "layers[2].units";
    QTest::newRow("fractional units")
        << R"({"layers": [{"type": "linear", "units": 2.5}]})" << "layers[0].units";
    QTest::newRow("units as text")
        << R"({"layers": [{"type": "linear", "units": "64"}]})" << "layers[0].units";
    QTest::newRow("p too large") << R"({"layers": [{"type": "dropout", "p": 1.0}]})" << "layers[0].p";
    QTest::newRow("p negative") << R"({"layers": [{"type": "dropout", "p": -0.1}]})" << "layers[0].p";
    QTest::newRow("units on relu")
        << R"({"layers": [{"type": "relu", "units": 3}]})" << "layers[0].units";
    QTest::newRow("typo key")
        << R"({"layers": [{"type": "linear", "units": 3, "unit": 4}]})" << "layers[0].unit";
}

void TestModel::specParseErrors()
{
    QFETCH(QString, json);
    QFETCH(QString, field);
    try {
        ArchitectureSpec::fromJson(json.toStdString());
        QFAIL("expected Error(InvalidSpec)");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidSpec);
        QCOMPARE(QString::fromStdString(e.info().field), field);
        QVERIFY2(!e.info().detail.empty(), "the error says what was expected");
    }
}

void TestModel::specRoundTripAndCanonicalHash()
{
    const auto a = ArchitectureSpec::fromJson(
        R"({"name":"mlp","layers":[{"type":"linear","units":64},{"type":"relu"},{"type":"dropout","p":0.1}]})");
    // Same spec, different key order and whitespace.
    const auto b = ArchitectureSpec::fromJson(R"(
        { "layers" : [ {"units": 64, "type": "linear"}, {"type":"relu"},
                       {"p": 0.1, "type": "dropout"} ],
          "name": "mlp" })");
    QCOMPARE(a.toJson(), b.toJson());
    QCOMPARE(a.hash(), b.hash());
    QCOMPARE(a.hash().size(), std::size_t(64));
    QCOMPARE(ArchitectureSpec::fromJson(a.toJson()).toJson(), a.toJson());

    // The canonical text is part of the reproducibility contract: pin it.
    QCOMPARE(QString::fromStdString(defaultMlp().toJson()),
             QStringLiteral(R"({"layers":[{"type":"linear","units":64},{"type":"relu"},)"
                            R"({"type":"linear","units":32},{"type":"relu"}],"name":"mlp"})"));
    QCOMPARE(defaultMlp().hash(), defaultMlp().hash());

    auto c = a;
    c.layers[0].units = 65;
    QVERIFY(c.hash() != a.hash());
    auto d = a;
    d.name = "other";
    QVERIFY(d.hash() != a.hash());
}

void TestModel::layerTypeNames()
{
    for (auto t : {LayerType::Linear, LayerType::ReLU, LayerType::Tanh, LayerType::Sigmoid,
                   LayerType::GELU, LayerType::Dropout}) {
        LayerType back{};
        QVERIFY(parseLayerType(layerTypeName(t), &back));
        QCOMPARE(back, t);
    }
    QVERIFY(!parseLayerType("Linear", nullptr));
}

void TestModel::shapeInference()
{
    const auto spec = ArchitectureSpec::fromJson(R"({"layers":[
        {"type":"linear","units":64},{"type":"relu"},{"type":"dropout","p":0.1},
        {"type":"linear","units":32},{"type":"tanh"}]})");
    const auto shapes = inferShapes(spec, 4, 3);
    QCOMPARE(shapes.size(), std::size_t(6));
    QCOMPARE(QString::fromStdString(shapes[0].label), QStringLiteral("Linear 4→64"));
    QCOMPARE(shapes[0].parameters, std::int64_t(4 * 64 + 64));
    QCOMPARE(shapes[0].outputShape, std::vector<std::int64_t>{64});
    QCOMPARE(QString::fromStdString(shapes[1].label), QStringLiteral("ReLU"));
    QCOMPARE(shapes[1].parameters, std::int64_t(0));
    QCOMPARE(shapes[2].outputShape, std::vector<std::int64_t>{64});
    QVERIFY(QString::fromStdString(shapes[2].label).startsWith(QStringLiteral("Dropout")));
    QCOMPARE(QString::fromStdString(shapes[3].label), QStringLiteral("Linear 64→32"));
    QCOMPARE(shapes[3].parameters, std::int64_t(64 * 32 + 32));
    QCOMPARE(QString::fromStdString(shapes[4].label), QStringLiteral("Tanh"));
    QCOMPARE(QString::fromStdString(shapes[5].label), QStringLiteral("Linear 32→3"));
    QVERIFY(shapes[5].head);
    QVERIFY(!shapes[4].head);
    QCOMPARE(shapes[5].parameters, std::int64_t(32 * 3 + 3));
    QCOMPARE(shapes[5].outputShape, std::vector<std::int64_t>{3});
    QCOMPARE(parameterCount(shapes), std::int64_t(320 + 2080 + 99));

    // The MNIST-sized default: 784*64+64 + 64*32+32 + 32*10+10.
    QCOMPARE(parameterCount(inferShapes(defaultMlp(), 784, 10)),
             std::int64_t(50240 + 2080 + 330));
    // No hidden layers: logistic regression.
    ArchitectureSpec empty;
    const auto lr = inferShapes(empty, 5, 2);
    QCOMPARE(lr.size(), std::size_t(1));
    QCOMPARE(lr[0].parameters, std::int64_t(12));
}

void TestModel::shapeInferenceRejectsBadDims()
{
    for (auto [inputs, classes] : {std::pair<std::int64_t, std::int64_t>{0, 3}, {4, 0}}) {
        try {
            inferShapes(defaultMlp(), inputs, classes);
            QFAIL("expected Error(InvalidSpec)");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::InvalidSpec);
            QVERIFY(e.info().field == "inputs" || e.info().field == "classes");
        }
    }
}

void TestModel::buildSaveLoadIdenticalLogits()
{
    const std::int64_t inputs = 7, classes = 4;
    const std::vector<float> mean{1, 2, 3, 4, 5, 6, 7};
    const std::vector<float> stddev{1, 0.5f, 2, 3, 1, 1, 0.25f};
    const auto spec = ArchitectureSpec::fromJson(
        R"({"layers":[{"type":"linear","units":32},{"type":"relu"},{"type":"dropout","p":0.3},)"
        R"({"type":"linear","units":16},{"type":"gelu"}]})");
    const Model model = Model::build(spec, inputs, classes, 123, mean, stddev);
    QCOMPARE(model.inputs(), inputs);
    QCOMPARE(model.classes(), classes);

    const auto rows = randomRows(50, inputs, 1);
    const auto before = model.logits(rows.data(), 50);
    QCOMPARE(before.size(), std::size_t(50 * classes));
    for (float v : before)
        QVERIFY(std::isfinite(v));
    // Inference is in eval mode: dropout is off, so two calls agree exactly.
    QVERIFY(bitEqual(before, model.logits(rows.data(), 50)));

    const Model fromBytes = Model::loadFromBytes(model.saveToBytes());
    QCOMPARE(fromBytes.inputs(), inputs);
    QCOMPARE(fromBytes.classes(), classes);
    QVERIFY(bitEqual(before, fromBytes.logits(rows.data(), 50)));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::filesystem::path file = dir.filePath(QStringLiteral("model.pt")).toStdString();
    model.save(file);
    const Model fromFile = Model::load(file);
    QCOMPARE(fromFile.inputs(), inputs);
    QCOMPARE(fromFile.classes(), classes);
    QVERIFY(bitEqual(before, fromFile.logits(rows.data(), 50)));

    const auto pred = fromFile.predict(rows.data(), 50);
    QCOMPARE(pred.size(), std::size_t(50));
    for (std::size_t r = 0; r < 50; ++r) {
        const float* l = before.data() + r * classes;
        const auto best = std::max_element(l, l + classes) - l;
        QCOMPARE(pred[r], static_cast<std::int32_t>(best));
    }
    QVERIFY(model.logits(rows.data(), 0).empty());
}

void TestModel::seedDeterminesInitialization()
{
    const std::vector<float> mean(5, 0.0f), stddev(5, 1.0f);
    const auto rows = randomRows(10, 5, 2);
    const auto a = Model::build(defaultMlp(), 5, 3, 7, mean, stddev).logits(rows.data(), 10);
    const auto b = Model::build(defaultMlp(), 5, 3, 7, mean, stddev).logits(rows.data(), 10);
    const auto c = Model::build(defaultMlp(), 5, 3, 8, mean, stddev).logits(rows.data(), 10);
    QVERIFY(bitEqual(a, b));
    QVERIFY(!bitEqual(a, c));
}

void TestModel::everyLayerTypeRuns()
{
    const std::vector<float> mean(3, 0.0f), stddev(3, 1.0f);
    const Model model = Model::build(everyLayerSpec(), 3, 5, 1, mean, stddev);
    const auto rows = randomRows(8, 3, 3);
    const auto l = model.logits(rows.data(), 8);
    QCOMPARE(l.size(), std::size_t(40));
    for (float v : l)
        QVERIFY(std::isfinite(v));
    const Model back = Model::loadFromBytes(model.saveToBytes());
    QVERIFY(bitEqual(l, back.logits(rows.data(), 8)));
}

void TestModel::standardizationIsInsideTheModel()
{
    // A constant feature has std 0: it must be treated as 1, not produce inf/NaN.
    const std::vector<float> mean{10.0f, -3.0f};
    const std::vector<float> stddev{0.0f, 2.0f};
    const Model model = Model::build(defaultMlp(), 2, 2, 5, mean, stddev);
    const std::vector<float> x{10.0f, -3.0f, 10.0f, 5.0f};
    const auto l = model.logits(x.data(), 2);
    for (float v : l)
        QVERIFY(std::isfinite(v));

    // Shifting the mean buffer by the same amount as the input gives the same logits.
    const std::vector<float> mean2{11.0f, -1.0f};
    const std::vector<float> stddev2{1.0f, 2.0f};
    const Model shifted = Model::build(defaultMlp(), 2, 2, 5, mean2, stddev2);
    const std::vector<float> x2{11.0f, -1.0f, 11.0f, 7.0f};
    const auto l2 = shifted.logits(x2.data(), 2);
    for (std::size_t i = 0; i < l.size(); ++i)
        QVERIFY(std::abs(l[i] - l2[i]) < 1e-5f);

    try {
        Model::build(defaultMlp(), 3, 2, 5, mean, stddev);
        QFAIL("mean/std of the wrong length must be refused");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidArgument);
    }
}

void TestModel::loadRejectsGarbage()
{
    try {
        Model::loadFromBytes("this is not a zip archive");
        QFAIL("expected an Error");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::BadValue);
    }
    try {
        Model::load("/nonexistent/model.pt");
        QFAIL("expected an Error");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::FileNotFound);
    }
}

QTEST_GUILESS_MAIN(TestModel)
#include "test_model.moc"
