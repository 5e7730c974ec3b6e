// The Triton model repository layout: files, a config.pbtxt that Triton's own schema accepts,
// refusals (non-empty target, tampered bundle, bad names and dims), and no temp folder left.
// With protoc, python3-protobuf and FLIGHTDECK_TRITON_PROTO (a path to Triton's
// model_config.proto) the config is also parsed by protobuf's text_format against the .proto.
#include "export/PbtxtCheck.h"

#include "TritonLayout.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/store/ObjectStore.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

using namespace flightdeck;
using namespace flightdeck::exporting;
namespace fs = std::filesystem;

namespace {

const std::string kOnnxBytes = "fake onnx graph, opset 17";
const std::string kPtBytes = "PK\x03\x04 fake torchscript archive";

void writeFile(const fs::path& p, const std::string& bytes)
{
    std::ofstream(p, std::ios::binary) << bytes;
}

std::string readFile(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A bundle folder as BundleExporter writes it, with dummy model files and a true manifest.
fs::path makeBundle(const fs::path& dir)
{
    fs::create_directories(dir);
    const std::vector<std::pair<std::string, std::string>> files = {
        {"model.pt", kPtBytes},
        {"model.onnx", kOnnxBytes},
        {"labels.json", R"({"classes":["setosa","versicolor","virginica"]})"},
        {"preprocessing.json", R"({"features":["a","b","c","d"]})"},
        {"signature.json", R"({"inputs":[{"shape":[-1,4]}],"outputs":[{"shape":[-1,3]}]})"},
    };
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [name, bytes] : files) {
        writeFile(dir / name, bytes);
        list.push_back({{"name", name}, {"sha256", store::sha256Hex(bytes)},
                        {"bytes", bytes.size()}});
    }
    writeFile(dir / "manifest.json", nlohmann::json{{"files", list}}.dump(2));
    return dir;
}

TritonModel iris(const fs::path& bundle)
{
    TritonModel m;
    m.name = "iris";
    m.version = 1;
    m.bundleDir = bundle;
    m.format = TritonFormat::Onnx;
    m.inputDims = {4};
    m.outputDims = {3};
    m.classes = {"setosa", "versicolor", "virginica"};
    m.maxBatchSize = 32;
    return m;
}

std::vector<std::string> entries(const fs::path& dir)
{
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

bool noTempLeft(const fs::path& repo)
{
    for (const auto& e : fs::directory_iterator(repo))
        if (e.path().filename().string().find(".tmp-") != std::string::npos)
            return false;
    return true;
}

template <typename F>
Error expectError(F&& f)
{
    try {
        f();
    } catch (const Error& e) {
        return e;
    }
    throw std::runtime_error("expected an Error");
}

test::PbValue parseAndCheck(const std::string& text)
{
    test::PbValue root = test::PbtxtReader(text).parse();
    test::checkAgainstSchema(root, "ModelConfig");
    return root;
}

std::vector<std::string> values(const test::PbValue& msg, const std::string& key)
{
    std::vector<std::string> out;
    const auto [a, b] = msg.fields.equal_range(key);
    for (auto it = a; it != b; ++it)
        out.push_back(it->second.text);
    return out;
}

const test::PbValue& only(const test::PbValue& msg, const std::string& key)
{
    if (msg.fields.count(key) != 1)
        throw std::runtime_error("expected exactly one " + key);
    return msg.fields.find(key)->second;
}

}  // namespace

class TestTriton : public QObject {
    Q_OBJECT

private:
    QTemporaryDir tmp_;
    std::vector<fs::path> configs_;   // every config written, for the protobuf check

    fs::path root() const { return fs::path(tmp_.path().toStdString()); }

private Q_SLOTS:
    void onnxLayout()
    {
        const fs::path bundle = makeBundle(root() / "bundle");
        const fs::path repo = root() / "repo";
        const auto result = writeTritonRepository(iris(bundle), repo);
        QCOMPARE(result.modelDir, repo / "iris");
        QCOMPARE(result.files, (std::vector<std::string>{"config.pbtxt", "labels.txt", "1/model.onnx"}));
        QCOMPARE(entries(repo), std::vector<std::string>{"iris"});
        QCOMPARE(entries(repo / "iris"), (std::vector<std::string>{"1", "config.pbtxt", "labels.txt"}));
        QCOMPARE(entries(repo / "iris" / "1"), std::vector<std::string>{"model.onnx"});
        QCOMPARE(readFile(repo / "iris" / "1" / "model.onnx"), kOnnxBytes);
        QCOMPARE(readFile(repo / "iris" / "labels.txt"), std::string("setosa\nversicolor\nvirginica\n"));

        const std::string text = readFile(repo / "iris" / "config.pbtxt");
        const auto cfg = parseAndCheck(text);
        QCOMPARE(only(cfg, "name").text, std::string("iris"));
        QCOMPARE(only(cfg, "platform").text, std::string("onnxruntime_onnx"));
        QCOMPARE(only(cfg, "max_batch_size").text, std::string("32"));
        QCOMPARE(only(cfg, "dynamic_batching").kind, test::PbValue::Message);
        const auto& in = only(cfg, "input");
        QCOMPARE(only(in, "name").text, std::string("features"));
        QCOMPARE(only(in, "data_type").text, std::string("TYPE_FP32"));
        QCOMPARE(values(in, "dims"), std::vector<std::string>{"4"});
        const auto& out = only(cfg, "output");
        QCOMPARE(only(out, "name").text, std::string("logits"));
        QCOMPARE(only(out, "data_type").text, std::string("TYPE_FP32"));
        QCOMPARE(values(out, "dims"), std::vector<std::string>{"3"});
        QCOMPARE(only(out, "label_filename").text, std::string("labels.txt"));
        QCOMPARE(tritonConfigText(iris(bundle)), text);
        QVERIFY(noTempLeft(repo));
        configs_.push_back(repo / "iris" / "config.pbtxt");
    }

    void torchScriptLayoutUsesPositionalNames()
    {
        const fs::path bundle = makeBundle(root() / "bundle-pt");
        const fs::path repo = root() / "repo";   // shared with other models: a real repository
        TritonModel m = iris(bundle);
        m.name = "iris_pt";
        m.version = 3;
        m.format = TritonFormat::TorchScript;
        m.inputDims = {1, 28, 28};
        m.outputDims = {3};
        writeTritonRepository(m, repo);
        QCOMPARE(readFile(repo / "iris_pt" / "3" / "model.pt"), kPtBytes);
        QVERIFY(!fs::exists(repo / "iris_pt" / "3" / "model.onnx"));
        const auto cfg = parseAndCheck(readFile(repo / "iris_pt" / "config.pbtxt"));
        QCOMPARE(only(cfg, "platform").text, std::string("pytorch_libtorch"));
        QCOMPARE(only(only(cfg, "input"), "name").text, std::string("INPUT__0"));
        QCOMPARE(values(only(cfg, "input"), "dims"), (std::vector<std::string>{"1", "28", "28"}));
        QCOMPARE(only(only(cfg, "output"), "name").text, std::string("OUTPUT__0"));
        QVERIFY(noTempLeft(repo));
        configs_.push_back(repo / "iris_pt" / "config.pbtxt");
    }

    void regressionHasNoLabels()
    {
        const fs::path bundle = makeBundle(root() / "bundle-reg");
        TritonModel m = iris(bundle);
        m.name = "price";
        m.classes.clear();
        m.outputDims = {1};
        const auto result = writeTritonRepository(m, root() / "repo");
        QCOMPARE(result.files, (std::vector<std::string>{"config.pbtxt", "1/model.onnx"}));
        QVERIFY(!fs::exists(root() / "repo" / "price" / "labels.txt"));
        const auto cfg = parseAndCheck(readFile(root() / "repo" / "price" / "config.pbtxt"));
        QCOMPARE(only(cfg, "output").fields.count("label_filename"), std::size_t(0));
        configs_.push_back(root() / "repo" / "price" / "config.pbtxt");
    }

    void nonEmptyTargetIsRefusedAndKept()
    {
        const fs::path bundle = makeBundle(root() / "bundle-busy");
        const fs::path repo = root() / "repo-busy";
        fs::create_directories(repo / "iris");
        writeFile(repo / "iris" / "notes.txt", "mine");
        const Error e = expectError([&] { writeTritonRepository(iris(bundle), repo); });
        QCOMPARE(e.code(), ErrorCode::FileUnwritable);
        QCOMPARE(e.info().file, (repo / "iris").string());
        QVERIFY(std::string(e.what()).find("not empty") != std::string::npos);
        QCOMPARE(entries(repo / "iris"), std::vector<std::string>{"notes.txt"});
        QCOMPARE(entries(repo), std::vector<std::string>{"iris"});   // no temp folder

        // A second layout of the same name over a finished one is refused the same way.
        const fs::path repo2 = root() / "repo-twice";
        writeTritonRepository(iris(bundle), repo2);
        QCOMPARE(expectError([&] { writeTritonRepository(iris(bundle), repo2); }).code(),
                 ErrorCode::FileUnwritable);
        QCOMPARE(entries(repo2), std::vector<std::string>{"iris"});
        // A retrained version of the same model joins the entry beside the first (probe: the
        // second `export --format triton` of a model failed after registering its bundle).
        TritonModel second = iris(bundle);
        second.version = 2;
        const auto added = writeTritonRepository(second, repo2);
        QCOMPARE(added.files, std::vector<std::string>{"2/model.onnx"});
        QCOMPARE(entries(repo2 / "iris"), (std::vector<std::string>{"1", "2", "config.pbtxt", "labels.txt"}));
        QCOMPARE(readFile(repo2 / "iris" / "2" / "model.onnx"), kOnnxBytes);
        QCOMPARE(entries(repo2), std::vector<std::string>{"iris"});   // no temp folder
        // Another model under the same name (other classes) is still refused, untouched.
        TritonModel other = iris(bundle);
        other.version = 3;
        other.classes.back() = "other";
        QVERIFY(std::string(expectError([&] { writeTritonRepository(other, repo2); }).what())
                    .find("holds another model") != std::string::npos);
        QCOMPARE(entries(repo2 / "iris"), (std::vector<std::string>{"1", "2", "config.pbtxt", "labels.txt"}));

        // An empty folder is fine (rename replaces it); a file in the way is not.
        const fs::path repo3 = root() / "repo-empty";
        fs::create_directories(repo3 / "iris");
        writeTritonRepository(iris(bundle), repo3);
        QVERIFY(fs::exists(repo3 / "iris" / "1" / "model.onnx"));
        const fs::path repo4 = root() / "repo-file";
        fs::create_directories(repo4);
        writeFile(repo4 / "iris", "a file");
        QVERIFY(std::string(expectError([&] { writeTritonRepository(iris(bundle), repo4); }).what())
                    .find("a file is in the way") != std::string::npos);
        QCOMPARE(entries(repo4), std::vector<std::string>{"iris"});
    }

    void tamperedOrIncompleteBundleIsRefused()
    {
        const fs::path bundle = makeBundle(root() / "bundle-bad");
        const fs::path repo = root() / "repo-bad";
        std::string bytes = kOnnxBytes;
        bytes[3] ^= 1;
        writeFile(bundle / "model.onnx", bytes);
        const Error e = expectError([&] { writeTritonRepository(iris(bundle), repo); });
        QCOMPARE(e.code(), ErrorCode::CorruptObject);
        QVERIFY2(std::string(e.what()).find("model.onnx") != std::string::npos, e.what());
        QVERIFY(!fs::exists(repo / "iris"));
        QVERIFY(!fs::exists(repo) || (noTempLeft(repo) && fs::is_empty(repo)));

        const fs::path missing = makeBundle(root() / "bundle-no-onnx");
        fs::remove(missing / "model.onnx");
        const Error m = expectError([&] { writeTritonRepository(iris(missing), repo); });
        QCOMPARE(m.code(), ErrorCode::FileNotFound);
        QCOMPARE(m.info().file, (missing / "model.onnx").string());

        // A model file the manifest does not list cannot be checked, so it is not copied.
        const fs::path unlisted = root() / "bundle-unlisted";
        fs::create_directories(unlisted);
        writeFile(unlisted / "model.onnx", kOnnxBytes);
        writeFile(unlisted / "manifest.json", R"({"files": []})");
        QCOMPARE(expectError([&] { writeTritonRepository(iris(unlisted), repo); }).code(),
                 ErrorCode::CorruptObject);
        QVERIFY(!fs::exists(repo / "iris"));
    }

    void badModelsAreRefusedByField()
    {
        const fs::path bundle = makeBundle(root() / "bundle-args");
        const fs::path repo = root() / "repo-args";
        const auto field = [&](TritonModel m) {
            const Error e = expectError([&] { writeTritonRepository(m, repo); });
            if (e.code() != ErrorCode::InvalidArgument)
                throw std::runtime_error(std::string("not InvalidArgument: ") + e.what());
            return e.info().field;
        };
        TritonModel m = iris(bundle);
        m.name = "../escape";
        QCOMPARE(field(m), std::string("triton name"));
        m.name = ".hidden";
        QCOMPARE(field(m), std::string("triton name"));
        m = iris(bundle);
        m.version = 0;
        QCOMPARE(field(m), std::string("triton version"));
        m = iris(bundle);
        m.maxBatchSize = 0;
        QCOMPARE(field(m), std::string("triton max_batch_size"));
        m = iris(bundle);
        m.inputDims = {};
        QCOMPARE(field(m), std::string("triton input dims"));
        m = iris(bundle);
        m.outputDims = {0};
        QCOMPARE(field(m), std::string("triton output dims"));
        m = iris(bundle);
        m.outputDims = {4};   // 3 classes
        QCOMPARE(field(m), std::string("triton output dims"));
        m = iris(bundle);
        m.classes[1] = "two\nlines";
        QCOMPARE(field(m), std::string("triton classes"));
        QVERIFY(!fs::exists(repo));   // refused before anything was created
    }

    void strictCheckerRejectsBrokenConfigs()
    {
        // The checker itself must fail on what protobuf's text parser refuses.
        const char* broken[] = {
            "name: \"a\"\ninput [ { name: \"x\" data_type: TYPE_FP32 dims: [ 4 ] }",   // no ]
            "name: \"a\"\ndynamic_batching { \n",                                      // no }
            "name: \"a\"\nmax_batch_size: \"8\"\n",                                    // string
            "name: \"a\"\nplatfrom: \"onnxruntime_onnx\"\n",                           // unknown
            "input [ { name: \"x\" data_type: TYPE_FLOAT32 dims: [ 4 ] } ]\n",          // enum
            "name: \"a\"\nname: \"b\"\n",                                              // twice
            "output [ { name: \"y\" dims [ 3 ] } ]\n",                                 // no ':'
            "name: \"a\" }\n",                                                         // extra }
        };
        for (const char* text : broken) {
            bool threw = false;
            try {
                parseAndCheck(text);
            } catch (const std::runtime_error&) {
                threw = true;
            }
            QVERIFY2(threw, text);
        }
    }

    void parsesWithProtobufAgainstTritonsProto()
    {
        QVERIFY(!configs_.empty());
        const QString proto = qEnvironmentVariable("FLIGHTDECK_TRITON_PROTO");
        const QString protoc = QStandardPaths::findExecutable(QStringLiteral("protoc"));
        if (proto.isEmpty() || protoc.isEmpty())
            QSKIP("set FLIGHTDECK_TRITON_PROTO to Triton's model_config.proto and install protoc "
                  "(protobuf-compiler) to parse the configs with protobuf itself");
        QTemporaryDir out;
        QProcess gen;
        const QFileInfo info(proto);
        gen.start(protoc, {QStringLiteral("-I") + info.absolutePath(),
                           QStringLiteral("--python_out=") + out.path(), info.absoluteFilePath()});
        QVERIFY(gen.waitForFinished(60000));
        QVERIFY2(gen.exitCode() == 0, gen.readAllStandardError().constData());
        QStringList args{QStringLiteral(FLIGHTDECK_SOURCE_DIR "/tests/export/parse_triton_config.py"),
                         out.path()};
        for (const auto& c : configs_)
            args << QString::fromStdString(c.string());
        QProcess py;
        py.start(QStringLiteral("/usr/bin/python3"), args);
        QVERIFY(py.waitForFinished(60000));
        const QByteArray err = py.readAllStandardError();
        if (err.contains("No module named 'google'"))
            QSKIP("python3-protobuf is not installed");
        QVERIFY2(py.exitCode() == 0, err.constData());
        qInfo("%s", py.readAllStandardOutput().constData());
    }
};

QTEST_APPLESS_MAIN(TestTriton)
#include "test_triton.moc"
