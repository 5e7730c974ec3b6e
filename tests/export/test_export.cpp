// core/export: bundles of a trained run (real project, real libtorch through the public API),
// their manifest, verification, the registry, and that model.pt loads in C++ and in Python.
#include "flightdeck/common/Error.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/Table.h"
#include "flightdeck/export/BundleExporter.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/model/Model.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/RunEvaluator.h"
#include "flightdeck/train/Trainer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>

using namespace flightdeck;

namespace {

data::Table blobs()
{
    data::Table t;
    t.featureNames = {"x", "y", "z"};
    t.labelName = "kind";
    t.classes = {"cat", "dog", "eel", "fox"};
    const float centers[4][3] = {{-2, -2, 0}, {2, 2, 0}, {-2, 2, 1}, {2, -2, -1}};
    std::mt19937 rng(99);
    std::normal_distribution<float> noise(0.0f, 0.5f);
    for (int i = 0; i < 240; ++i) {
        const int c = i % 4;
        for (int f = 0; f < 3; ++f)
            t.features.push_back(centers[c][f] + noise(rng));
        t.labels.push_back(c);
    }
    return t;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QString sha256(const QByteArray& bytes)
{
    return QString::fromStdString(store::sha256Hex(std::string_view(bytes.constData(), bytes.size())));
}

// The first python3 that can import torch (a pyenv shim may shadow the system one).
QString pythonWithTorch()
{
    QStringList candidates;
    const QString env = qEnvironmentVariable("FLIGHTDECK_PYTHON");
    if (!env.isEmpty())
        candidates << env;
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (!onPath.isEmpty())
        candidates << onPath;
    candidates << QStringLiteral("/usr/bin/python3");
    for (const QString& py : candidates) {
        QProcess p;
        p.start(py, {QStringLiteral("-c"), QStringLiteral("import torch")});
        if (p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
            return py;
    }
    return {};
}

}  // namespace

class TestExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bundleHasManifestWithMatchingHashes();
    void bundleContents();
    void verifyDetectsTampering();
    void bundleModelGivesIdenticalLogits();
    void registryVersionIncrements();
    void existingBundleIsNeverReplaced();
    void errors();
    void pythonLoadsTheBundle();

private:
    QTemporaryDir dir_;
    std::unique_ptr<store::Project> project_;
    data::Table table_;
    store::SplitRecord split_;
    train::RunResult run_;
    exporting::ExportResult first_;
};

void TestExport::initTestCase()
{
    QVERIFY(dir_.isValid());
    project_ = std::make_unique<store::Project>(
        store::Project::create((dir_.path() + QStringLiteral("/project")).toStdString()));
    table_ = blobs();
    data::DatasetCatalog catalog(*project_);
    const auto version = catalog.addVersion("animals", table_, "test_export");
    split_ = catalog.createSplit(version.id, {0.6, 0.2, 0.2}, 5);
    const auto spec = model::defaultMlp();
    const auto archId =
        store::ArchitectureRepository(*project_).save(spec.name, spec.toJson(), spec.hash());
    train::TrainConfig config;
    config.epochs = 10;
    config.batchSize = 16;
    config.learningRate = 5e-3;
    config.threads = 2;
    config.device = "cpu";
    run_ = train::Trainer(*project_).run(version.id, split_.id, archId, config);
    QCOMPARE(run_.status, flightdeck::store::RunStatus::Completed);
    train::RunEvaluator(*project_).evaluate(run_.runId);

    first_ = exporting::BundleExporter(*project_).exportRun(run_.runId, "animals");
}

void TestExport::bundleHasManifestWithMatchingHashes()
{
    const QString dir = QString::fromStdString(first_.bundleDir.string());
    QVERIFY(QFile::exists(dir + QStringLiteral("/manifest.json")));
    const auto manifest = QJsonDocument::fromJson(readAll(dir + QStringLiteral("/manifest.json"))).object();
    const auto files = manifest.value(QStringLiteral("files")).toArray();
    QCOMPARE(std::size_t(files.size()), first_.files.size());
    QStringList names;
    for (const auto& v : files) {
        const auto entry = v.toObject();
        const QString name = entry.value(QStringLiteral("name")).toString();
        names << name;
        const QByteArray bytes = readAll(dir + QLatin1Char('/') + name);
        QVERIFY2(!bytes.isEmpty(), qPrintable(name));
        QCOMPARE(entry.value(QStringLiteral("sha256")).toString(), sha256(bytes));
        QCOMPARE(entry.value(QStringLiteral("bytes")).toInteger(), qint64(bytes.size()));
    }
    names.sort();
    // The manifest names every file of the bundle but itself.
    QStringList onDisk = QDir(dir).entryList(QDir::Files | QDir::Hidden);
    onDisk.removeAll(QStringLiteral("manifest.json"));
    onDisk.sort();
    QCOMPARE(names, onDisk);
    for (const char* required : {"labels.json", "model.pt", "model.onnx", "model_card.md",
                                 "preprocessing.json", "signature.json", "validation.json"})
        QVERIFY2(names.contains(QLatin1String(required)), required);
    for (const auto& f : first_.files)
        QCOMPARE(QString::fromStdString(f.sha256),
                 sha256(readAll(dir + QLatin1Char('/') + QString::fromStdString(f.name))));

    const auto model = manifest.value(QStringLiteral("model")).toObject();
    QCOMPARE(model.value(QStringLiteral("name")).toString(), QStringLiteral("animals"));
    QCOMPARE(model.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(model.value(QStringLiteral("run_id")).toInteger(), qint64(run_.runId));

    // model.pt is the run's stored TorchScript object, byte for byte.
    QCOMPARE(sha256(readAll(dir + QStringLiteral("/model.pt"))),
             QString::fromStdString(run_.modelObjectHash));
    QVERIFY(exporting::verifyBundle(first_.bundleDir).empty());
    // No temp folder is left beside the bundle.
    const QDir parent(QString::fromStdString(first_.bundleDir.parent_path().string()));
    QCOMPARE(parent.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{QStringLiteral("animals-v1")});
}

void TestExport::bundleContents()
{
    const QString dir = QString::fromStdString(first_.bundleDir.string());
    const auto labels = QJsonDocument::fromJson(readAll(dir + QStringLiteral("/labels.json"))).object();
    QCOMPARE(labels.value(QStringLiteral("classes")).toArray().size(), 4);
    QCOMPARE(labels.value(QStringLiteral("classes")).toArray().at(2).toString(), QStringLiteral("eel"));
    const auto pre = QJsonDocument::fromJson(readAll(dir + QStringLiteral("/preprocessing.json"))).object();
    const auto features = pre.value(QStringLiteral("features")).toArray();
    QCOMPARE(features.size(), 3);
    QCOMPARE(features.at(0).toString(), QStringLiteral("x"));
    QCOMPARE(pre.value(QStringLiteral("label_column")).toString(), QStringLiteral("kind"));

    const QString card = QString::fromUtf8(readAll(dir + QStringLiteral("/model_card.md")));
    store::RunRepository runs(*project_);
    const auto run = runs.run(run_.runId);
    const auto version = store::DatasetRepository(*project_).version(run.versionId);
    for (const QString& needle :
         {QString::number(run_.runId), QString::fromStdString(version.hash),
          QStringLiteral("seed 5"), QString::fromStdString(model::defaultMlp().hash()),
          QStringLiteral("learning_rate"), QStringLiteral("val/accuracy"),
          QStringLiteral("Latest evaluation"), QString::fromStdString(run.torchVersion),
          QString::fromStdString(run.gitCommit), QStringLiteral("cpu")})
        QVERIFY2(card.contains(needle), qPrintable(needle));
}

void TestExport::verifyDetectsTampering()
{
    QTemporaryDir copyDir;
    const auto copy = std::filesystem::path(copyDir.path().toStdString()) / "bundle";
    std::filesystem::copy(first_.bundleDir, copy);
    QVERIFY(exporting::verifyBundle(copy).empty());
    {
        QFile f(QString::fromStdString((copy / "labels.json").string()));
        QVERIFY(f.open(QIODevice::Append));
        f.write(" ");
    }
    auto problems = exporting::verifyBundle(copy);
    QCOMPARE(problems.size(), std::size_t(1));
    QVERIFY(QString::fromStdString(problems[0]).contains(QStringLiteral("labels.json")));

    // A flipped byte with the size unchanged is caught by the hash.
    {
        QFile f(QString::fromStdString((copy / "model.pt").string()));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x01);
        f.seek(0);
        f.write(bytes);
    }
    problems = exporting::verifyBundle(copy);
    QCOMPARE(problems.size(), std::size_t(2));
    std::filesystem::remove(copy / "preprocessing.json");
    QCOMPARE(exporting::verifyBundle(copy).size(), std::size_t(3));
    std::filesystem::remove(copy / "manifest.json");
    QCOMPARE(exporting::verifyBundle(copy).size(), std::size_t(1));
}

void TestExport::bundleModelGivesIdenticalLogits()
{
    const auto fromBundle = model::Model::load(first_.bundleDir / "model.pt");
    const auto inProject = model::Model::loadFromBytes(project_->objects().get(run_.modelObjectHash));
    const auto split = data::DatasetCatalog(*project_).loadSplit(split_.id);
    std::vector<float> rows;
    for (auto r : split.test)
        rows.insert(rows.end(), table_.row(r), table_.row(r) + table_.cols());
    const auto a = fromBundle.logits(rows.data(), split.test.size());
    const auto b = inProject.logits(rows.data(), split.test.size());
    QCOMPARE(a.size(), split.test.size() * 4);
    QVERIFY(std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0);
}

void TestExport::registryVersionIncrements()
{
    const auto second = exporting::BundleExporter(*project_).exportRun(run_.runId, "animals");
    QCOMPARE(first_.version, 1);
    QCOMPARE(second.version, 2);
    QVERIFY(second.registeredModelId != first_.registeredModelId);
    QCOMPARE(second.bundleDir.filename().string(), std::string("animals-v2"));
    QVERIFY(exporting::verifyBundle(second.bundleDir).empty());
    const auto models = store::ModelRegistry(*project_).models();
    int found = 0;
    for (const auto& m : models) {
        if (m.name != "animals")
            continue;
        ++found;
        QCOMPARE(m.runId, run_.runId);
        const auto& dir = m.version == 1 ? first_.bundleDir : second.bundleDir;
        // Stored relative to the project (it moves with it), resolved against its folder.
        QVERIFY2(!std::filesystem::path(m.bundlePath).is_absolute(), m.bundlePath.c_str());
        QCOMPARE(store::absoluteBundlePath(project_->folder(), m.bundlePath), dir);
        QCOMPARE(m.manifestHash, store::sha256OfFile(dir / "manifest.json"));
    }
    QCOMPARE(found, 2);

    // An explicit empty destination is used; registry and bundle agree.
    const auto out = std::filesystem::path(dir_.path().toStdString()) / "explicit";
    std::filesystem::create_directories(out);
    const auto other = exporting::BundleExporter(*project_).exportRun(run_.runId, "other", out);
    QCOMPARE(other.bundleDir, std::filesystem::absolute(out));
    QVERIFY(exporting::verifyBundle(out).empty());
}

void TestExport::existingBundleIsNeverReplaced()
{
    // Issue 13, defect 1: `export --run 2 --name B --out <A's bundle>` deleted the user's file
    // in A's folder and left two registry rows on one folder with A's manifest hash wrong.
    exporting::BundleExporter exporter(*project_);
    const auto a = exporter.exportRun(run_.runId, "A");
    const auto mine = a.bundleDir / "notes-of-mine.txt";
    { std::ofstream(mine) << "my own notes\n"; }
    const auto aManifest = store::sha256OfFile(a.bundleDir / "manifest.json");
    const auto registered = store::ModelRegistry(*project_).models().size();

    // Into A's folder (holding A's bundle and the user's file), and into a folder that holds
    // only A's intact bundle: both refused.
    const auto clean = exporter.exportRun(run_.runId, "A2");
    for (const auto& target : {a.bundleDir, clean.bundleDir}) {
        try {
            exporter.exportRun(run_.runId, "B", target);
            QFAIL("expected Error(FileUnwritable): the folder holds another bundle");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::FileUnwritable);
            QVERIFY2(e.info().detail.find("not empty") != std::string::npos, e.what());
        }
    }
    QVERIFY(std::filesystem::exists(mine));
    QCOMPARE(store::sha256OfFile(a.bundleDir / "manifest.json"), aManifest);
    QVERIFY(exporting::verifyBundle(clean.bundleDir).empty());
    QCOMPARE(store::ModelRegistry(*project_).models().size(), registered + 1);   // only A2

    // A folder the registry already points at is refused even after the user emptied it.
    std::filesystem::remove_all(clean.bundleDir);
    std::filesystem::create_directories(clean.bundleDir);
    try {
        exporter.exportRun(run_.runId, "B", clean.bundleDir);
        QFAIL("expected Error(FileUnwritable): the folder is A2's registered bundle");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::FileUnwritable);
        QVERIFY2(e.info().detail.find("A2 v1") != std::string::npos, e.what());
    }
    // No temp folders left beside the bundles.
    for (const auto& entry : std::filesystem::directory_iterator(a.bundleDir.parent_path()))
        QVERIFY2(entry.path().filename().string().rfind(".", 0) != 0, entry.path().c_str());
}

void TestExport::errors()
{
    exporting::BundleExporter exporter(*project_);
    try {
        exporter.exportRun(4242, "x");
        QFAIL("expected Error(NotFound) for a missing run");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::NotFound);
    }
    // A run without a model artifact.
    store::RunRepository runs(*project_);
    const auto real = runs.run(run_.runId);
    store::RunRecord bare;
    bare.name = "no-model";
    bare.versionId = real.versionId;
    bare.splitId = real.splitId;
    bare.architectureId = real.architectureId;
    bare.status = flightdeck::store::RunStatus::Failed;
    const auto bareId = runs.createRun(bare);
    try {
        exporter.exportRun(bareId, "x");
        QFAIL("expected Error(NotFound) for a run without a model");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::NotFound);
    }
    // A run still training has no model yet, and the message says so (it once said "model
    // artifact: not found").
    bare.name = "training";
    bare.status = flightdeck::store::RunStatus::Running;
    const auto runningId = runs.createRun(bare);
    try {
        exporter.exportRun(runningId, "x");
        QFAIL("expected Error(InvalidArgument) for a run still training");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidArgument);
        QVERIFY2(e.info().detail.find("still training") != std::string::npos, e.what());
    }
    // A destination that cannot be written.
    const auto blocker = std::filesystem::path(dir_.path().toStdString()) / "a-file";
    {
        QFile f(QString::fromStdString(blocker.string()));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a folder");
    }
    try {
        exporter.exportRun(run_.runId, "x", blocker / "bundle");
        QFAIL("expected Error(FileUnwritable)");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::FileUnwritable);
    }
    // A folder with other content is not overwritten.
    const auto busy = std::filesystem::path(dir_.path().toStdString()) / "busy";
    std::filesystem::create_directories(busy);
    {
        QFile f(QString::fromStdString((busy / "notes.txt").string()));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("precious");
    }
    try {
        exporter.exportRun(run_.runId, "x", busy);
        QFAIL("expected Error(FileUnwritable)");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::FileUnwritable);
    }
    QVERIFY(std::filesystem::exists(busy / "notes.txt"));
}

void TestExport::pythonLoadsTheBundle()
{
    const QString python = pythonWithTorch();
    if (python.isEmpty())
        QSKIP("no python3 with torch on this machine");

    // A few test rows, printed with 9 significant digits (exact for float32).
    const auto split = data::DatasetCatalog(*project_).loadSplit(split_.id);
    const std::size_t n = std::min<std::size_t>(12, split.test.size());
    std::vector<float> rows;
    QString rowsText;
    for (std::size_t i = 0; i < n; ++i) {
        const float* x = table_.row(split.test[i]);
        rows.insert(rows.end(), x, x + table_.cols());
        QStringList cells;
        for (std::size_t c = 0; c < table_.cols(); ++c)
            cells << QString::number(static_cast<double>(x[c]), 'g', 9);
        rowsText += cells.join(QLatin1Char(',')) + QLatin1Char(';');
    }
    const auto model = model::Model::load(first_.bundleDir / "model.pt");
    const auto cpp = model.predict(rows.data(), n);

    const QString script = QStringLiteral(
        "import sys, torch\n"
        "m = torch.jit.load(sys.argv[1])\n"
        "m.eval()\n"
        "rows = [[float(v) for v in r.split(',')] for r in sys.argv[2].split(';') if r]\n"
        "with torch.no_grad():\n"
        "    y = m(torch.tensor(rows, dtype=torch.float32))\n"
        "print(' '.join(str(int(i)) for i in y.argmax(1)))\n");
    QProcess p;
    p.start(python, {QStringLiteral("-c"), script,
                     QString::fromStdString((first_.bundleDir / "model.pt").string()), rowsText});
    QVERIFY(p.waitForFinished(120000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    const QStringList out = QString::fromUtf8(p.readAllStandardOutput()).trimmed().split(QLatin1Char(' '));
    QCOMPARE(out.size(), static_cast<qsizetype>(n));
    for (std::size_t i = 0; i < n; ++i)
        QCOMPARE(out[static_cast<qsizetype>(i)].toInt(), cpp[i]);
}

QTEST_GUILESS_MAIN(TestExport)
#include "test_export.moc"
