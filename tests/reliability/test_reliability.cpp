// Issue 13 at the library level: the pieces behind the CLI fixes, each checked directly
// (tests/cli/test_cli_reliability.cpp replays the same defects through the binary).
#include "common/ErrorExpectations.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/IdxReader.h"
#include "flightdeck/data/LabelAssessment.h"
#include "flightdeck/eval/Classification.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/ProjectCheck.h"
#include "flightdeck/store/RunLock.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/Runtime.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <fstream>
#include <random>
#include <string>

using namespace flightdeck;

class TestReliability : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sparseConfusionEqualsDense();
    void manyClassesKeepOnlyCells();
    void jsonDepthIsLimited();
    void specSizeIsLimited();
    void labelAssessment_data();
    void labelAssessment();
    void threadCountAboveCoresIsRefused();
    void failureNoteOutlivesTheProcess();
    void fsckFindsAndRepairsGcCollects();
    void idxHeaderIsNotTrustedWithMemory();
};

void TestReliability::sparseConfusionEqualsDense()
{
    std::mt19937 rng(3);
    std::uniform_int_distribution<int> cls(0, 6);
    std::vector<std::int32_t> truth(500), pred(500);
    for (std::size_t i = 0; i < truth.size(); ++i) {
        truth[i] = cls(rng);
        pred[i] = rng() % 3 == 0 ? cls(rng) : truth[i];
    }
    const auto r = eval::classificationReport(truth, pred, 7);
    const auto dense = eval::confusionMatrix(truth, pred, 7);
    QCOMPARE(r.confusion, dense);
    std::int64_t total = 0;
    for (const auto& c : r.cells) {
        QVERIFY(c.count > 0);
        QCOMPARE(c.count, dense[static_cast<std::size_t>(c.t)][static_cast<std::size_t>(c.p)]);
        total += c.count;
    }
    QCOMPARE(total, std::int64_t(500));
    // The JSON round trip keeps both forms.
    std::vector<std::string> names;
    const auto back = eval::reportFromJson(eval::toJson(r, {}), &names);
    QCOMPARE(back.confusion, r.confusion);
    QCOMPARE(back.cells, r.cells);
}

void TestReliability::manyClassesKeepOnlyCells()
{
    // 50,000 classes: the dense matrix would be 20 GB. Only the non-zero cells exist.
    const int k = 50000;
    std::vector<std::int32_t> truth(20000), pred(20000);
    for (std::size_t i = 0; i < truth.size(); ++i) {
        truth[i] = static_cast<std::int32_t>((i * 7919) % k);
        pred[i] = i % 4 == 0 ? static_cast<std::int32_t>((i * 104729) % k) : truth[i];
    }
    const auto r = eval::classificationReport(truth, pred, k);
    QVERIFY(r.confusion.empty());
    QVERIFY(r.cells.size() <= truth.size());
    QCOMPARE(r.precision.size(), std::size_t(k));
    std::int64_t hits = 0;
    for (std::size_t i = 0; i < truth.size(); ++i)
        hits += truth[i] == pred[i];
    QCOMPARE(r.accuracy, static_cast<double>(hits) / static_cast<double>(truth.size()));
    const std::string json = eval::toJson(r, {});
    QVERIFY(json.find("\"confusion_cells\"") != std::string::npos);
    const auto back = eval::reportFromJson(json, nullptr);
    QCOMPARE(back.cells, r.cells);
    QVERIFY(back.confusion.empty());
}

void TestReliability::jsonDepthIsLimited()
{
    const std::string ok = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
    QVERIFY(parseJson(ok).is_array());
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    QCOMPARE(testing::expectError([&] { parseJson(deep, "deep.json"); }).code, ErrorCode::BadValue);
    QCOMPARE(testing::expectError([&] { model::ArchitectureSpec::fromJson(deep); }).code, ErrorCode::InvalidSpec);
    QCOMPARE(testing::expectError([&] { eval::reportFromJson(deep, nullptr); }).code, ErrorCode::BadValue);
}

void TestReliability::specSizeIsLimited()
{
    std::string layers;
    for (int i = 0; i <= model::kMaxLayers; ++i)
        layers += std::string(i ? "," : "") + R"({"type":"relu"})";
    const auto tooMany = testing::expectError(
        [&] { model::ArchitectureSpec::fromJson(R"({"layers":[)" + layers + "]}"); });
    QCOMPARE(tooMany.code, ErrorCode::InvalidSpec);
    // 16M x 16M units parse (each layer is legal) but the network cannot be built.
    const auto huge = model::ArchitectureSpec::fromJson(
        R"({"layers":[{"type":"linear","units":16777216},{"type":"linear","units":16777216}]})");
    QCOMPARE(testing::expectError([&] { model::inferShapes(huge, 10, 3); }).code, ErrorCode::InvalidSpec);
}

namespace {

// A table whose label column holds `names[i % names.size()]` for each of `rows` rows.
data::Table labelTable(const std::vector<std::string>& names, std::size_t rows)
{
    data::Table t;
    t.labelName = "y";
    t.classes = names;
    for (std::size_t i = 0; i < rows; ++i)
        t.labels.push_back(static_cast<std::int32_t>(i % names.size()));
    return t;
}

std::vector<std::string> numbers(int from, int count, const char* suffix = "")
{
    std::vector<std::string> out;
    for (int i = 0; i < count; ++i)
        out.push_back(std::to_string(from + i) + suffix);
    return out;
}

}  // namespace

void TestReliability::labelAssessment_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<int>("concern");
    QTest::newRow("3 names") << 0 << int(data::LabelConcern::None);
    QTest::newRow("10 digits in 1000 rows") << 1 << int(data::LabelConcern::None);
    QTest::newRow("diabetes: 214 integers in 442 rows") << 2 << int(data::LabelConcern::LooksContinuous);
    QTest::newRow("fractions") << 3 << int(data::LabelConcern::LooksContinuous);
    QTest::newRow("one label per row") << 4 << int(data::LabelConcern::LooksLikeId);
    QTest::newRow("2000 names in 100000 rows") << 5 << int(data::LabelConcern::ManyClasses);
}

void TestReliability::labelAssessment()
{
    QFETCH(int, which);
    QFETCH(int, concern);
    std::vector<std::string> names;
    std::size_t rows = 0;
    switch (which) {
    case 0: names = {"setosa", "versicolor", "virginica"}; rows = 150; break;
    case 1: names = numbers(0, 10); rows = 1000; break;
    case 2: names = numbers(25, 214); rows = 442; break;
    case 3: names = numbers(1, 5, ".5"); rows = 1000; break;
    case 4: names = numbers(0, 300); for (auto& n : names) n = "id-" + n; rows = 300; break;
    default: names = numbers(0, 2000); for (auto& n : names) n = "c" + n; rows = 100000; break;
    }
    const auto a = data::assessLabels(labelTable(names, rows));
    QCOMPARE(int(a.concern), concern);
    QCOMPARE(a.distinct, names.size());
    QCOMPARE(data::describeConcern(a, "y").empty(), concern == int(data::LabelConcern::None));
}

void TestReliability::threadCountAboveCoresIsRefused()
{
    const int cores = train::availableCores();
    QVERIFY(cores >= 1);
    QCOMPARE(train::configureThreads(cores), cores);
    QCOMPARE(testing::expectError([&] { train::configureThreads(cores + 1); }).code, ErrorCode::InvalidArgument);
    QCOMPARE(testing::expectError([&] { train::configureThreads(100000); }).code, ErrorCode::InvalidArgument);
    QCOMPARE(testing::expectError([&] { train::configureThreads(-1); }).code, ErrorCode::InvalidArgument);
}

void TestReliability::failureNoteOutlivesTheProcess()
{
    QTemporaryDir dir;
    auto project = store::Project::create(dir.filePath(QStringLiteral("p")).toStdString());
    store::RunRepository runs(project);
    store::RunRecord record;
    record.status = flightdeck::store::RunStatus::Running;
    const auto a = runs.createRun(record);
    const auto b = runs.createRun(record);
    {
        store::RunLock lockA(project, a);
        QVERIFY(lockA.recordFailure("the disk is full"));
        store::RunLock lockB(project, b);   // released without a note: a crash
        // While held, nothing is marked.
        QVERIFY(runs.markInterruptedRuns(0).empty());
    }
    QCOMPARE(store::RunLock::recordedFailure(project.folder(), a).value_or(""),
             std::string("the disk is full"));
    QVERIFY(!store::RunLock::recordedFailure(project.folder(), b));
    // A note ends its run at once; a bare crash waits for the grace period.
    const auto marked = runs.markInterruptedRuns(3600);
    QCOMPARE(marked, std::vector<store::Id>{a});
    QCOMPARE(runs.run(a).status, flightdeck::store::RunStatus::Failed);
    QCOMPARE(runs.run(a).error, std::string("the disk is full"));
    QCOMPARE(runs.run(b).status, flightdeck::store::RunStatus::Running);
    QVERIFY(!store::RunLock::recordedFailure(project.folder(), a));   // consumed
}

void TestReliability::fsckFindsAndRepairsGcCollects()
{
    QTemporaryDir dir;
    auto project = store::Project::create(dir.filePath(QStringLiteral("p")).toStdString());
    data::Table table = labelTable({"a", "b"}, 40);
    table.featureNames = {"x"};
    for (std::size_t i = 0; i < table.rows(); ++i)
        table.features.push_back(static_cast<float>(i));
    data::DatasetCatalog catalog(project);
    const auto version = catalog.addVersion("t", table, "t.csv");
    QVERIFY(store::checkProject(project).clean());

    // An object no row names (a killed import), made old, and a young one (an import running).
    auto& objects = project.objects();
    const auto old = objects.pathOf(objects.put("left by a killed import"));
    std::filesystem::last_write_time(old, std::filesystem::file_time_type::clock::now() -
                                              std::chrono::hours(2));
    const auto young = objects.pathOf(objects.put("an import is writing this"));
    // A flipped byte in the dataset version's object.
    const auto versionFile = objects.pathOf(version.hash);
    {
        std::fstream f(versionFile, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(5);
        f.put('\x7f');
    }
    auto report = store::checkProject(project);
    QVERIFY(!report.clean());
    QCOMPARE(report.problems.size(), std::size_t(1));
    QCOMPARE(report.problems.front().kind, store::ObjectProblem::Kind::Corrupt);
    QCOMPARE(report.problems.front().hash, version.hash);
    QVERIFY(report.problems.front().referencedBy.front().find("t.csv") != std::string::npos);
    QCOMPARE(report.orphans.size(), std::size_t(2));

    // Repair quarantines the bad copy (kept for forensics); a re-import writes a good one.
    report = store::checkProject(project, /*repair=*/true);
    QCOMPARE(report.quarantined.size(), std::size_t(1));
    QVERIFY(std::filesystem::exists(report.quarantined.front()));
    QCOMPARE(store::checkProject(project).problems.front().kind, store::ObjectProblem::Kind::Missing);
    QCOMPARE(catalog.addVersion("t", table, "t.csv").hash, version.hash);
    QVERIFY(store::checkProject(project).clean());

    // gc removes the old orphan only; a dry run removes nothing.
    QCOMPARE(store::collectGarbage(project, 3600, /*dryRun=*/true).removed, std::int64_t(1));
    QVERIFY(std::filesystem::exists(old));
    const auto gc = store::collectGarbage(project, 3600);
    QCOMPARE(gc.removed, std::int64_t(1));
    QCOMPARE(gc.keptYoung, std::int64_t(1));
    QVERIFY(!std::filesystem::exists(old));
    QVERIFY(std::filesystem::exists(young));
    QVERIFY(std::filesystem::exists(objects.pathOf(version.hash)));
    QVERIFY(store::checkProject(project).clean());
}

void TestReliability::idxHeaderIsNotTrustedWithMemory()
{
    // The fuzzer's find: a header of 3 images of 16M x 16M pixels asked for a 34 GB buffer.
    QTemporaryDir dir;
    auto put = [&](const char* name, std::vector<unsigned char> bytes) {
        const auto path = testing::toPath(dir.filePath(QString::fromLatin1(name)));
        std::ofstream(path, std::ios::binary)
            .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        return path;
    };
    const auto images = put("images", {0, 0, 8, 3, 0, 0, 0, 3, 1, 0, 0, 0, 1, 0, 0, 0, 1, 2, 3});
    const auto labels = put("labels", {0, 0, 8, 1, 0, 0, 0, 3, 0, 1, 2});
    const auto info = testing::expectError([&] { data::readIdxPair(images, labels); });
    QCOMPARE(info.code, ErrorCode::BadValue);
    QVERIFY2(info.detail.find("8192x8192") != std::string::npos, info.detail.c_str());
    // A header promising more images than the file holds fails on the missing bytes.
    const auto shortImages = put("short", {0, 0, 8, 3, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2});
    QVERIFY(testing::expectError([&] { data::readIdxPair(shortImages, labels); }).detail.find("ends after")
            != std::string::npos);
    // A later find: zero images of 8192x8192 pixels read nothing, then named 67M columns of
    // the empty table (14 s, 2 GB). Zero images are refused at the header.
    const auto noImages = put("none", {0, 0, 8, 3, 0, 0, 0, 0, 0, 0, 32, 0, 0, 0, 32, 0});
    const auto noLabels = put("nolabels", {0, 0, 8, 1, 0, 0, 0, 0});
    QElapsedTimer t;
    t.start();
    const auto empty = testing::expectError([&] { data::readIdxPair(noImages, noLabels); });
    QCOMPARE(empty.code, ErrorCode::BadValue);
    QVERIFY2(empty.detail.find("at least one image") != std::string::npos, empty.detail.c_str());
    QVERIFY(t.elapsed() < 2000);
}

QTEST_GUILESS_MAIN(TestReliability)
#include "test_reliability.moc"
