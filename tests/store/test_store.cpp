// core/store: project lifecycle, refusal of foreign files, the object store and repositories.
#include "common/ErrorExpectations.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/store/Database.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/LabelRepository.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace flightdeck;
using namespace flightdeck::store;
namespace fs = std::filesystem;
using flightdeck::testing::expectError;
using flightdeck::testing::toPath;

Q_DECLARE_METATYPE(flightdeck::ErrorCode)

namespace {

std::string readBytes(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void writeBytes(const fs::path& file, const std::string& bytes)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// First column of the first row, as text (counts and pragmas alike).
std::string scalar(Project& p, const std::string& sql)
{
    auto st = p.db().prepare(sql);
    return st.step() ? st.text(0) : std::string("<no row>");
}

std::int64_t countRows(Project& p, const std::string& table)
{
    return std::stoll(scalar(p, "SELECT count(*) FROM " + table));
}

// A dataset version, split and architecture for runs to point at.
struct Fixture {
    Id versionId = 0, splitId = 0, archId = 0;
};

Fixture makeFixture(Project& p)
{
    DatasetRepository datasets(p);
    DatasetVersionRecord v;
    v.datasetId = datasets.ensureDataset("iris");
    v.hash = sha256Hex("iris-content");
    v.rows = 3;
    v.features = 4;
    v.schemaJson = "{}";
    Fixture f;
    f.versionId = datasets.addVersion(v);
    f.splitId = datasets.addSplit({0, f.versionId, 42, "stratified", 0.5, 0.5, 0, 2, 1, 0,
                                   sha256Hex("split"), 0});
    f.archId = ArchitectureRepository(p).save("mlp", "{\"layers\":[]}", sha256Hex("mlp"));
    return f;
}

}  // namespace

class TestStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void createAndReopenKeepsData();
    void walAndForeignKeys();
    void transactionRollsBackOnException();
    void appendMetricsIsAllOrNothing();
    void newerSchemaRefused();
    void foreignFileRefusedAndUnchanged_data();
    void foreignFileRefusedAndUnchanged();
    void missingProject();
    void objectStoreRoundTrip();
    void objectStoreDetectsCorruption();
    void objectStorePutParts();
    void metricsOrder();
    void runsNewestFirstAndFinish();
    void architecturesDeduplicate();
    void registryVersionsIncrement();
    void secondConnectionSeesWrites();
};

void TestStore::createAndReopenKeepsData()
{
    QTemporaryDir dir;
    const fs::path folder = toPath(dir.path()) / "proj";
    Id runId = 0;
    {
        Project p = Project::create(folder);
        QCOMPARE(p.schemaVersion(), Project::kSchemaVersion);
        QVERIFY(fs::is_directory(folder / "objects"));
        QVERIFY(fs::is_regular_file(p.databasePath()));
        const Fixture f = makeFixture(p);
        RunRecord r;
        r.name = "first";
        r.versionId = f.versionId;
        r.splitId = f.splitId;
        r.architectureId = f.archId;
        runId = RunRepository(p).createRun(r);
    }
    QVERIFY(Project::looksLikeProject(folder));
    QVERIFY(!Project::looksLikeProject(toPath(dir.path())));
    Project p = Project::open(folder);
    QCOMPARE(p.schemaVersion(), Project::kSchemaVersion);
    QCOMPARE(p.folder(), folder);
    const auto runs = RunRepository(p).runs();
    QCOMPARE(runs.size(), std::size_t(1));
    QCOMPARE(runs[0].id, runId);
    QCOMPARE(runs[0].status, flightdeck::store::RunStatus::Running);
    QCOMPARE(DatasetRepository(p).datasets().size(), std::size_t(1));
    // create() on an existing project opens it rather than starting over.
    Project again = Project::create(folder);
    QCOMPARE(RunRepository(again).runs().size(), std::size_t(1));
}

void TestStore::walAndForeignKeys()
{
    QTemporaryDir dir;
    Project p = Project::create(toPath(dir.path()));
    QCOMPARE(scalar(p, "PRAGMA journal_mode"), std::string("wal"));
    QCOMPARE(scalar(p, "PRAGMA foreign_keys"), std::string("1"));
    QCOMPARE(scalar(p, "PRAGMA application_id"), std::to_string(0x46444b31));
    QCOMPARE(std::stoi(scalar(p, "PRAGMA busy_timeout")), 5000);

    const ErrorInfo info = expectError([&] {
        p.db().exec("INSERT INTO samples (version_id, row_index) VALUES (999, 0)");
    });
    QCOMPARE(info.code, ErrorCode::Database);
    QVERIFY2(info.detail.find("FOREIGN KEY") != std::string::npos, info.detail.c_str());
    QCOMPARE(countRows(p, "samples"), std::int64_t(0));
}

void TestStore::transactionRollsBackOnException()
{
    QTemporaryDir dir;
    Project p = Project::create(toPath(dir.path()));
    try {
        Transaction tx(p.db());
        p.db().exec("INSERT INTO datasets (name, created_at) VALUES ('doomed', 0)");
        QCOMPARE(countRows(p, "datasets"), std::int64_t(1));   // visible inside
        throw std::runtime_error("boom");
    } catch (const std::runtime_error&) {
    }
    QCOMPARE(countRows(p, "datasets"), std::int64_t(0));
    {
        Transaction tx(p.db());
        p.db().exec("INSERT INTO datasets (name, created_at) VALUES ('kept', 0)");
        tx.commit();
    }
    QCOMPARE(countRows(p, "datasets"), std::int64_t(1));
}

void TestStore::appendMetricsIsAllOrNothing()
{
    QTemporaryDir dir;
    Project p = Project::create(toPath(dir.path()));
    RunRepository runs(p);
    // No run 77: the foreign key fails on the first row and the batch leaves nothing behind.
    const ErrorInfo info = expectError([&] {
        runs.appendMetrics(77, {{"train/loss", 1, 0, 0.0, 1.0}, {"train/loss", 2, 0, 0.0, 0.5}});
    });
    QCOMPARE(info.code, ErrorCode::Database);
    QCOMPARE(countRows(p, "metrics"), std::int64_t(0));
    // And the connection is usable afterwards (no transaction left open).
    p.db().exec("BEGIN IMMEDIATE; ROLLBACK;");
}

void TestStore::newerSchemaRefused()
{
    QTemporaryDir dir;
    const fs::path folder = toPath(dir.path());
    {
        Project p = Project::create(folder);
        p.db().setUserVersion(99);
    }
    const std::string before = readBytes(folder / "project.db");
    for (auto opener : {&Project::open, &Project::create}) {
        const ErrorInfo info = expectError([&] { opener(folder); });
        QCOMPARE(info.code, ErrorCode::NewerSchema);
        QCOMPARE(info.detail, "database schema 99, this build understands "
                                          + std::to_string(Project::kSchemaVersion));
        QCOMPARE(info.file, (folder / "project.db").string());
    }
    QCOMPARE(readBytes(folder / "project.db"), before);
}

void TestStore::foreignFileRefusedAndUnchanged_data()
{
    QTest::addColumn<QByteArray>("bytes");   // empty = build a foreign SQLite database
    QTest::addColumn<bool>("corruptAllowed");
    QTest::newRow("text") << QByteArray("hello, this is not a database\n") << false;
    QTest::newRow("binary") << QByteArray::fromHex("00ff10203040506070809a0b0c0d0e0f112233445566")
                            << false;
    QTest::newRow("empty file") << QByteArray("") << false;
    QByteArray fakeHeader("SQLite format 3", 16);
    fakeHeader.append(QByteArray(4096, '\x5a'));
    QTest::newRow("sqlite header, garbage body") << fakeHeader << true;
    QTest::newRow("another program's sqlite") << QByteArray() << false;
}

void TestStore::foreignFileRefusedAndUnchanged()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, corruptAllowed);
    QTemporaryDir dir;
    const fs::path folder = toPath(dir.path());
    const fs::path dbFile = folder / "project.db";
    if (QString::fromLatin1(QTest::currentDataTag()) == QLatin1String("another program's sqlite")) {
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(dbFile.c_str(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x');",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
    } else {
        writeBytes(dbFile, bytes.toStdString());
    }
    const std::string before = readBytes(dbFile);
    for (auto opener : {&Project::open, &Project::create}) {
        const ErrorInfo info = expectError([&] { opener(folder); });
        QVERIFY2(info.code == ErrorCode::NotAProject
                     || (corruptAllowed && info.code == ErrorCode::CorruptProject),
                 errorCodeName(info.code));
        QCOMPARE(info.file, dbFile.string());
        QVERIFY2(info.detail.find("expected") != std::string::npos
                     || info.code == ErrorCode::CorruptProject,
                 info.detail.c_str());
        QCOMPARE(readBytes(dbFile), before);
    }
    QVERIFY(!Project::looksLikeProject(folder));
    QVERIFY(!fs::exists(folder / "project.db-wal"));
}

void TestStore::missingProject()
{
    QTemporaryDir dir;
    const fs::path folder = toPath(dir.path());
    ErrorInfo info = expectError([&] { Project::open(folder / "nope"); });
    QCOMPARE(info.code, ErrorCode::FileNotFound);
    QCOMPARE(info.file, (folder / "nope").string());
    info = expectError([&] { Project::open(folder); });   // folder exists, no project.db
    QCOMPARE(info.code, ErrorCode::FileNotFound);
    QCOMPARE(info.file, (folder / "project.db").string());
    QVERIFY(!fs::exists(folder / "project.db"));

    // project.db as a link to a real database: refused saying why, not "cannot open".
    Project::create(folder / "real");
    fs::create_directories(folder / "linked");
    fs::create_symlink(folder / "real" / "project.db", folder / "linked" / "project.db");
    info = expectError([&] { Project::open(folder / "linked"); });
    QCOMPARE(info.code, ErrorCode::FileUnreadable);
    QVERIFY2(info.detail.find("symbolic link") != std::string::npos, info.detail.c_str());
    fs::remove(folder / "linked" / "project.db");
    fs::create_symlink(folder / "linked" / "nowhere.db", folder / "linked" / "project.db");
    info = expectError([&] { Project::open(folder / "linked"); });   // dangling: not "found none"
    QVERIFY2(info.detail.find("symbolic link") != std::string::npos, info.detail.c_str());

    // A FIFO in its place once blocked every command forever; a folder said "cannot read".
    fs::remove(folder / "linked" / "project.db");
    QCOMPARE(::mkfifo((folder / "linked" / "project.db").c_str(), 0600), 0);
    info = expectError([&] { Project::open(folder / "linked"); });
    QCOMPARE(info.code, ErrorCode::NotAProject);
    QVERIFY2(info.detail.find("a FIFO") != std::string::npos, info.detail.c_str());
    fs::remove(folder / "linked" / "project.db");
    fs::create_directory(folder / "linked" / "project.db");
    info = expectError([&] { Project::open(folder / "linked"); });
    QVERIFY2(info.detail.find("a folder") != std::string::npos, info.detail.c_str());
}

void TestStore::objectStoreRoundTrip()
{
    QTemporaryDir dir;
    ObjectStore objects(toPath(dir.path()) / "objects");
    const std::string abcHash = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    QCOMPARE(sha256Hex("abc"), abcHash);
    QCOMPARE(objects.put("abc"), abcHash);
    QCOMPARE(objects.put("abc"), abcHash);   // second put is a no-op
    QCOMPARE(objects.pathOf(abcHash),
             toPath(dir.path()) / "objects" / "ba" / abcHash.substr(2));
    QVERIFY(objects.contains(abcHash));
    QCOMPARE(objects.get(abcHash), std::string("abc"));

    std::string binary(100000, '\0');
    for (std::size_t i = 0; i < binary.size(); ++i)
        binary[i] = static_cast<char>(i * 7 + 3);
    const fs::path source = toPath(dir.path()) / "blob.bin";
    writeBytes(source, binary);
    const std::string h = objects.putFile(source);
    QCOMPARE(h, sha256Hex(binary));
    QCOMPARE(sha256OfFile(source), h);
    QCOMPARE(objects.get(h), binary);
    QCOMPARE(objects.putFile(source), h);
    // No temp files left at the root or in the fan-out folders.
    for (const auto& entry : fs::recursive_directory_iterator(objects.root()))
        QVERIFY2(entry.path().filename().string().rfind(".tmp", 0) != 0,
                 entry.path().c_str());

    ErrorInfo info = expectError([&] { objects.get(sha256Hex("never stored")); });
    QCOMPARE(info.code, ErrorCode::NotFound);
    info = expectError([&] { objects.get("XYZ"); });
    QCOMPARE(info.code, ErrorCode::InvalidArgument);
    info = expectError([&] { sha256OfFile(source.string() + ".missing"); });
    QCOMPARE(info.code, ErrorCode::FileNotFound);
}

void TestStore::objectStoreDetectsCorruption()
{
    QTemporaryDir dir;
    ObjectStore objects(toPath(dir.path()));
    const std::string h = objects.put("precious bytes");
    writeBytes(objects.pathOf(h), "precious bytez");
    const ErrorInfo info = expectError([&] { objects.get(h); });
    QCOMPARE(info.code, ErrorCode::CorruptObject);
    QCOMPARE(info.field, h);
    QVERIFY(info.detail.find(sha256Hex("precious bytez")) != std::string::npos);
}

// put(parts) stores exactly what put(joined) would: same hash, same bytes, the same no-op for
// content already there (the file is not rewritten), and no parts at all is the empty object.
void TestStore::objectStorePutParts()
{
    QTemporaryDir dir;
    std::string big(300000, '\0');
    for (std::size_t i = 0; i < big.size(); ++i)
        big[i] = static_cast<char>(i * 13 + 5);
    const std::string header = "FDTB header";
    const std::vector<std::string_view> parts = {header, big, {}, "tail"};
    const std::string joined = header + big + "tail";

    ObjectStore byParts(toPath(dir.path()) / "parts");
    ObjectStore whole(toPath(dir.path()) / "whole");
    const std::string h = byParts.put(parts);
    QCOMPARE(h, sha256Hex(joined));
    QCOMPARE(whole.put(joined), h);
    QCOMPARE(readBytes(byParts.pathOf(h)), joined);
    QCOMPARE(readBytes(byParts.pathOf(h)), readBytes(whole.pathOf(h)));
    QCOMPARE(byParts.get(h), joined);

    // A second put of the same content, as parts or joined, leaves the object file alone.
    struct stat before {};
    QCOMPARE(::stat(byParts.pathOf(h).c_str(), &before), 0);
    QCOMPARE(byParts.put(parts), h);
    QCOMPARE(byParts.put(joined), h);
    QCOMPARE(whole.put(parts), h);
    struct stat after {};
    QCOMPARE(::stat(byParts.pathOf(h).c_str(), &after), 0);
    QCOMPARE(after.st_ino, before.st_ino);

    // Split anywhere, even mid-way through a part, the hash is the same.
    const std::string_view all(joined);
    QCOMPARE(byParts.put({all.substr(0, 1), all.substr(1, 99999), all.substr(100000)}), h);

    const std::string emptyHash = sha256Hex("");
    QCOMPARE(byParts.put(std::vector<std::string_view>{}), emptyHash);
    QCOMPARE(byParts.put({std::string_view(), std::string_view("")}), emptyHash);
    QCOMPARE(byParts.get(emptyHash), std::string());

    for (const auto& entry : fs::recursive_directory_iterator(byParts.root()))
        QVERIFY2(entry.path().filename().string().rfind(".tmp", 0) != 0,
                 entry.path().c_str());

    // A root that cannot be a folder fails as the single-buffer put does.
    writeBytes(toPath(dir.path()) / "plain-file", "x");
    ObjectStore blocked(toPath(dir.path()) / "plain-file" / "objects");
    QCOMPARE(expectError([&] { blocked.put(parts); }).code, ErrorCode::FileUnwritable);
    QCOMPARE(expectError([&] { blocked.put(joined); }).code, ErrorCode::FileUnwritable);
}

void TestStore::metricsOrder()
{
    QTemporaryDir dir;
    Project p = Project::create(toPath(dir.path()));
    RunRepository runs(p);
    RunRecord r;
    r.name = "m";
    const Id run = runs.createRun(r);   // no dataset/split/architecture: stored as NULL
    QCOMPARE(runs.run(run).versionId, Id(0));
    QCOMPARE(runs.run(run).name, std::string("m"));
    const Id unnamed = runs.createRun(RunRecord{});
    QCOMPARE(runs.run(unnamed).name, "run-" + std::to_string(unnamed));
    runs.appendMetrics(run, {{"train/loss", 3, 1, 10.0, 0.3},
                             {"val/accuracy", 2, 1, 11.0, 0.8},
                             {"train/loss", 1, 0, 8.0, 0.9}});
    runs.appendMetrics(run, {{"train/loss", 2, 0, 9.0, 0.5}});
    runs.appendMetrics(run, {});
    std::vector<MetricRecord> batch;
    for (int i = 0; i < 5000; ++i)
        batch.push_back({"train/lr", i, i / 1000, 20.0 + i, 1e-3});
    runs.appendMetrics(run, batch);

    const auto loss = runs.metrics(run, "train/loss");
    QCOMPARE(loss.size(), std::size_t(3));
    for (std::size_t i = 0; i < loss.size(); ++i)
        QCOMPARE(loss[i].step, std::int64_t(i + 1));
    QCOMPARE(loss[0].value, 0.9);
    QCOMPARE(loss[2].epoch, 1);
    QCOMPARE(loss[2].wallTime, 10.0);
    QCOMPARE(runs.metrics(run, "train/lr").size(), std::size_t(5000));
    QCOMPARE(runs.metrics(run).size(), std::size_t(5004));
    QCOMPARE(runs.metricKeys(run),
             (std::vector<std::string>{"train/loss", "train/lr", "val/accuracy"}));
    QVERIFY(runs.metrics(run, "nope").empty());
}

void TestStore::runsNewestFirstAndFinish()
{
    QTemporaryDir dir;
    Project p = Project::create(toPath(dir.path()));
    RunRepository runs(p);
    const Fixture f = makeFixture(p);
    RunRecord r;
    r.versionId = f.versionId;
    r.splitId = f.splitId;
    r.architectureId = f.archId;
    r.name = "old";
    r.startedAt = 1000;
    const Id oldRun = runs.createRun(r);
    r.name = "new";
    r.startedAt = 2000;
    const Id newRun = runs.createRun(r);
    const auto all = runs.runs();
    QCOMPARE(all.size(), std::size_t(2));
    QCOMPARE(all[0].id, newRun);
    QCOMPARE(all[1].id, oldRun);
    QCOMPARE(all[0].architectureId, f.archId);

    runs.finishRun(oldRun, flightdeck::store::RunStatus::Failed, "out of memory");
    const RunRecord done = runs.run(oldRun);
    QCOMPARE(done.status, flightdeck::store::RunStatus::Failed);
    QCOMPARE(done.error, std::string("out of memory"));
    QVERIFY(done.endedAt.has_value());
    QVERIFY(!runs.run(newRun).endedAt.has_value());

    runs.setParams(newRun, {{"lr", "0.001"}, {"epochs", "5"}});
    runs.setParams(newRun, {{"lr", "0.01"}});
    QCOMPARE(runs.params(newRun),
             (std::map<std::string, std::string>{{"epochs", "5"}, {"lr", "0.01"}}));

    runs.addArtifact({0, newRun, "model", sha256Hex("m"), "model.pt", 0});
    QCOMPARE(runs.artifacts(newRun).size(), std::size_t(1));
    QCOMPARE(runs.artifacts(newRun)[0].name, std::string("model.pt"));
    runs.addEvaluation({0, newRun, "test", 0.8, "{}", 100});
    runs.addEvaluation({0, newRun, "test", 0.9, "{}", 200});
    const auto evals = runs.evaluations(newRun);
    QCOMPARE(evals.size(), std::size_t(2));
    QCOMPARE(evals[0].accuracy, 0.9);

    ErrorInfo info = expectError([&] { runs.run(12345); });
    QCOMPARE(info.code, ErrorCode::NotFound);
    QCOMPARE(info.field, std::string("run"));
    QCOMPARE(info.detail, std::string("12345"));
    info = expectError([&] { runs.finishRun(12345, flightdeck::store::RunStatus::Completed); });
    QCOMPARE(info.code, ErrorCode::NotFound);
    // A real but wrong reference is still refused by the foreign key.
    r.architectureId = 999;
    info = expectError([&] { runs.createRun(r); });
    QCOMPARE(info.code, ErrorCode::Database);
}

void TestStore::architecturesDeduplicate()
{
    QTemporaryDir dir;
    Project p = Project::create(toPath(dir.path()));
    ArchitectureRepository archs(p);
    const Id a = archs.save("mlp", "{}", sha256Hex("{}"));
    QCOMPARE(archs.save("renamed", "{}", sha256Hex("{}")), a);
    const Id b = archs.save("cnn", "{\"c\":1}", sha256Hex("{\"c\":1}"));
    QVERIFY(a != b);
    QCOMPARE(archs.all().size(), std::size_t(2));
    QCOMPARE(archs.get(a).name, std::string("mlp"));
    QCOMPARE(expectError([&] { archs.get(77); }).code, ErrorCode::NotFound);
    // The same network saved with its nodes moved (the hash leaves the layout out) keeps its
    // id and takes the new layout: the arrangement the user saved last is the one reopened.
    const std::string moved = R"({"c":1,"layout":{"n":[5,6]}})";
    QCOMPARE(archs.save("cnn", moved, sha256Hex("{\"c\":1}")), b);
    QCOMPARE(archs.get(b).specJson, moved);
    QCOMPARE(archs.all().size(), std::size_t(2));
}

void TestStore::registryVersionsIncrement()
{
    QTemporaryDir dir;
    Project p = Project::create(toPath(dir.path()));
    RunRecord r;
    r.name = "run";
    const Id run = RunRepository(p).createRun(r);
    ModelRegistry registry(p);
    const Id a1 = registry.registerModel("fashion", run, "/b/1", "h1");
    const Id a2 = registry.registerModel("fashion", run, "/b/2", "h2");
    const Id b1 = registry.registerModel("digits", run, "/b/3", "h3");
    const auto models = registry.models();   // newest first
    QCOMPARE(models.size(), std::size_t(3));
    QVERIFY(models[0].id == b1 && models[1].id == a2 && models[2].id == a1);
    QCOMPARE(models[0].version, 1);
    QCOMPARE(models[1].version, 2);
    QCOMPARE(models[2].version, 1);
    QCOMPARE(models[2].runId, run);
    QCOMPARE(models[1].bundlePath, std::string("/b/2"));

    registry.setAlias(a1, "production");
    registry.setAlias(b1, "production");   // another model's alias is independent
    registry.setAlias(a2, "production");   // moves from a1 to a2
    auto aliasOf = [&](Id id) {
        for (const auto& m : registry.models())
            if (m.id == id)
                return m.alias;
        return std::string("?");
    };
    QCOMPARE(aliasOf(a1), std::string());
    QCOMPARE(aliasOf(a2), std::string("production"));
    QCOMPARE(aliasOf(b1), std::string("production"));
    QCOMPARE(expectError([&] { registry.setAlias(999, "x"); }).code, ErrorCode::NotFound);
}

void TestStore::secondConnectionSeesWrites()
{
    QTemporaryDir dir;
    const fs::path folder = toPath(dir.path());
    Project gui = Project::create(folder);
    Project worker = Project::open(folder);
    RunRecord r;
    r.name = "from worker";
    const Id run = RunRepository(worker).createRun(r);
    RunRepository(worker).appendMetrics(run, {{"train/loss", 1, 0, 1.0, 2.0}});
    QCOMPARE(RunRepository(gui).run(run).name, std::string("from worker"));
    QCOMPARE(RunRepository(gui).metrics(run, "train/loss").size(), std::size_t(1));
}

QTEST_GUILESS_MAIN(TestStore)
#include "test_store.moc"
