// core/data: splits, table serialization, IDX files, the catalog (CSV import: test_csv.cpp).
#include "common/ErrorExpectations.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/data/CsvImporter.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/LabelHistory.h"
#include "flightdeck/data/IdxReader.h"
#include "flightdeck/data/ImageSet.h"
#include "flightdeck/data/Splitter.h"
#include "flightdeck/data/Table.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"

#include <QTemporaryDir>
#include <QtTest>

#include <zlib.h>

#include <algorithm>
#include <fstream>

using namespace flightdeck;
using namespace flightdeck::data;
namespace fs = std::filesystem;
using flightdeck::testing::expectError;
using flightdeck::testing::toPath;

namespace {

fs::path fixture(const char* name) { return fs::path(FLIGHTDECK_TEST_DATA) / name; }

// 3 classes of 10, 20 and 33 rows, interleaved so class membership is not contiguous.
std::vector<std::int32_t> unevenLabels()
{
    std::vector<std::int32_t> labels;
    const int sizes[3] = {10, 20, 33};
    int left[3] = {sizes[0], sizes[1], sizes[2]};
    for (int i = 0; left[0] + left[1] + left[2] > 0; ++i)
        if (left[i % 3] > 0) {
            labels.push_back(i % 3);
            --left[i % 3];
        }
    return labels;
}

Table smallTable()
{
    Table t;
    t.featureNames = {"x", "y"};
    t.labelName = "label";
    t.classes = {"cat", "dog"};
    t.features = {0.5f, -1.25f, 3.0f, 1e-3f, -0.0f, 42.0f};
    t.labels = {1, 0, 1};
    return t;
}

bool sameTable(const Table& a, const Table& b)
{
    return a.featureNames == b.featureNames && a.labelName == b.labelName
           && a.classes == b.classes && a.features == b.features && a.labels == b.labels;
}

// IDX ubyte: magic 0 0 8 ndims, big-endian dims, data. Written through zlib when gz is true.
void writeIdx(const fs::path& file, const std::vector<std::uint32_t>& dims,
              const std::vector<unsigned char>& data, bool gz)
{
    std::string bytes{'\0', '\0', '\x08', static_cast<char>(dims.size())};
    for (std::uint32_t d : dims)
        for (int shift = 24; shift >= 0; shift -= 8)
            bytes.push_back(static_cast<char>((d >> shift) & 0xff));
    bytes.append(data.begin(), data.end());
    if (gz) {
        gzFile f = gzopen(file.c_str(), "wb");
        QVERIFY(f);
        QCOMPARE(gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size())),
                 static_cast<int>(bytes.size()));
        gzclose(f);
    } else {
        std::ofstream(file, std::ios::binary) << bytes;
    }
}

}  // namespace

class TestData : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void splitDeterministic();
    void splitStratifiedDisjointComplete_data();
    void splitStratifiedDisjointComplete();
    void splitRejectsBadInput();
    void splitSerialization();
    void tableSerialization();
    void tableDeserializeRejectsDamage();
    void partsMatchSerializedBytes();
    void idxRoundTrip_data();
    void idxRoundTrip();
    void idxErrors();
    void idxCountsMustMatchTheData_data() { idxRoundTrip_data(); }
    void idxCountsMustMatchTheData();
    void catalogDeduplicatesAndLoads();
};

void TestData::splitDeterministic()
{
    const auto labels = unevenLabels();
    const SplitFractions f{0.6, 0.2, 0.2};
    const Split a = stratifiedSplit(labels, 3, f, 7);
    const Split b = stratifiedSplit(labels, 3, f, 7);
    QCOMPARE(a.train, b.train);
    QCOMPARE(a.val, b.val);
    QCOMPARE(a.test, b.test);
    const Split c = stratifiedSplit(labels, 3, f, 8);
    QVERIFY(a.train != c.train || a.val != c.val);
    // Pinned output: the algorithm is ours (mt19937_64 + own bounded draw), so this must hold on
    // every platform and standard library.
    QCOMPARE(serializeSplit(a).size(), std::size_t(4 + 4 + 24 + 4 * labels.size()));
    // Cross-checked against an independent Python model of the same algorithm and layout.
    QCOMPARE(store::sha256Hex(serializeSplit(a)),
             std::string("6e1db2ef6f2bd781dba7c4791035d05f68e6e76c769fda1e592f431542e2c2d6"));
    QCOMPARE(a.val,
             (std::vector<std::uint32_t>{0, 10, 20, 21, 30, 33, 44, 45, 48, 49, 51, 52, 55}));
}

void TestData::splitStratifiedDisjointComplete_data()
{
    QTest::addColumn<double>("train");
    QTest::addColumn<double>("val");
    QTest::addColumn<double>("test");
    QTest::addColumn<quint64>("seed");
    QTest::newRow("70/15/15") << 0.7 << 0.15 << 0.15 << quint64(1);
    QTest::newRow("80/10/10") << 0.8 << 0.1 << 0.1 << quint64(99);
    QTest::newRow("50/50/0") << 0.5 << 0.5 << 0.0 << quint64(3);
    QTest::newRow("all train") << 1.0 << 0.0 << 0.0 << quint64(~0ull);
}

void TestData::splitStratifiedDisjointComplete()
{
    QFETCH(double, train);
    QFETCH(double, val);
    QFETCH(double, test);
    QFETCH(quint64, seed);
    const auto labels = unevenLabels();
    const Split s = stratifiedSplit(labels, 3, {train, val, test}, seed);
    std::vector<int> seen(labels.size(), 0);
    for (const auto* part : {&s.train, &s.val, &s.test}) {
        QVERIFY(std::is_sorted(part->begin(), part->end()));
        for (auto i : *part)
            ++seen[i];
    }
    QVERIFY(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
    for (int c = 0; c < 3; ++c) {
        const auto n = std::count(labels.begin(), labels.end(), c);
        auto inPart = [&](const std::vector<std::uint32_t>& part) {
            return std::count_if(part.begin(), part.end(),
                                 [&](std::uint32_t i) { return labels[i] == c; });
        };
        QVERIFY(std::abs(inPart(s.val) - n * val) <= 1.0);
        QVERIFY(std::abs(inPart(s.test) - n * test) <= 1.0);
        QVERIFY(std::abs(inPart(s.train) - n * train) <= 1.0);
    }
}

void TestData::splitRejectsBadInput()
{
    const auto labels = unevenLabels();
    for (const SplitFractions& f :
         {SplitFractions{0.5, 0.2, 0.2}, SplitFractions{1.2, -0.1, -0.1},
          SplitFractions{std::nan(""), 0.5, 0.5}}) {
        const ErrorInfo info = expectError([&] { stratifiedSplit(labels, 3, f, 1); });
        QCOMPARE(info.code, ErrorCode::InvalidArgument);
        QCOMPARE(info.field, std::string("fractions"));
    }
    QCOMPARE(expectError([&] { stratifiedSplit(labels, 2, {}, 1); }).field,
             std::string("labels"));
    QVERIFY(stratifiedSplit({}, 0, {}, 1).train.empty());
}

void TestData::splitSerialization()
{
    const Split s = stratifiedSplit(unevenLabels(), 3, {}, 5);
    const std::string bytes = serializeSplit(s);
    const Split back = deserializeSplit(bytes);
    QCOMPARE(back.train, s.train);
    QCOMPARE(back.val, s.val);
    QCOMPARE(back.test, s.test);
    QCOMPARE(expectError([&] { deserializeSplit(bytes.substr(0, bytes.size() - 2)); }).code,
             ErrorCode::CorruptObject);
    QCOMPARE(expectError([&] { deserializeSplit("FDTB" + bytes.substr(4)); }).code,
             ErrorCode::CorruptObject);
}

void TestData::tableSerialization()
{
    const Table t = smallTable();
    const std::string bytes = serializeTable(t);
    QCOMPARE(bytes.substr(0, 4), std::string("FDTB"));
    QCOMPARE(serializeTable(t), bytes);
    QVERIFY(sameTable(deserializeTable(bytes), t));
    // Pinned: the version hash of a dataset must not drift between builds or platforms.
    // Cross-checked with Python's struct + hashlib over the documented layout.
    QCOMPARE(store::sha256Hex(bytes),
             std::string("ec9db67bf2657f41a8ae078dac964b8951edd22e54572d2fdceb8946c2ee150d"));
    Table changed = t;
    changed.features[3] = 2e-3f;
    QVERIFY(store::sha256Hex(serializeTable(changed)) != store::sha256Hex(bytes));
    QCOMPARE(tableSchemaJson(t),
             std::string(R"({"classes":["cat","dog"],"features":["x","y"],"label":"label"})"));
}

void TestData::tableDeserializeRejectsDamage()
{
    const std::string bytes = serializeTable(smallTable());
    const std::vector<std::string> damaged = {
        "", "FDT", "XXXX" + bytes.substr(4), bytes.substr(0, bytes.size() - 1), bytes + "!",
        // a row count of 2^60 must be refused before anything is allocated
        bytes.substr(0, 8) + std::string("\0\0\0\0\0\0\0\x10", 8) + bytes.substr(16)};
    for (const auto& b : damaged) {
        const ErrorInfo info = expectError([&] { deserializeTable(b); });
        QCOMPARE(info.code, ErrorCode::CorruptObject);
        QCOMPARE(info.field, std::string("table"));
    }
    std::string badLabel = bytes;
    badLabel[badLabel.size() - 4] = 9;   // the last label, now outside the 2 classes
    QCOMPARE(expectError([&] { deserializeTable(badLabel); }).code, ErrorCode::CorruptObject);
}

// tableParts / pixelParts are what addVersion / addImageVersion store: joined, they must be
// serializeTable's / serializePixels' bytes exactly, or the dataset version hash would change.
void TestData::partsMatchSerializedBytes()
{
    auto joined = [](const std::vector<std::string_view>& parts) {
        std::string out;
        for (std::string_view p : parts)
            out.append(p);
        return out;
    };
    Table empty;
    empty.labelName = "label";
    for (const Table& t : {smallTable(), importCsv(fixture("csv_quoted.csv")), empty}) {
        std::string header;
        const auto parts = tableParts(t, header);
        QCOMPARE(joined(parts), serializeTable(t));
        QTemporaryDir dir;
        store::ObjectStore objects(toPath(dir.path()));
        QCOMPARE(objects.put(parts), store::sha256Hex(serializeTable(t)));
    }
    std::string header;
    QCOMPARE(store::sha256Hex(joined(tableParts(smallTable(), header))),
             std::string("ec9db67bf2657f41a8ae078dac964b8951edd22e54572d2fdceb8946c2ee150d"));
    Table ragged = smallTable();
    ragged.features.pop_back();
    QCOMPARE(expectError([&] { tableParts(ragged, header); }).code, ErrorCode::InvalidArgument);

    ImageSet images;
    images.channels = 3;
    images.height = 2;
    images.width = 5;
    images.names = {"a", "b", "c"};
    images.labels = {0, -1, 1};
    images.pixels.resize(images.size() * images.imageBytes());
    for (std::size_t i = 0; i < images.pixels.size(); ++i)
        images.pixels[i] = static_cast<std::uint8_t>(i * 31);
    for (const ImageSet& set : {images, ImageSet{}}) {
        const auto parts = pixelParts(set, header);
        QCOMPARE(joined(parts), serializePixels(set));
        QTemporaryDir dir;
        store::ObjectStore objects(toPath(dir.path()));
        QCOMPARE(objects.put(parts), store::sha256Hex(serializePixels(set)));
    }
}

void TestData::idxRoundTrip_data()
{
    QTest::addColumn<bool>("gz");
    QTest::newRow("plain") << false;
    QTest::newRow("gzip") << true;
}

void TestData::idxRoundTrip()
{
    QFETCH(bool, gz);
    QTemporaryDir dir;
    const fs::path images = toPath(dir.path()) / (gz ? "img.idx.gz" : "img.idx");
    const fs::path labels = toPath(dir.path()) / (gz ? "lab.idx.gz" : "lab.idx");
    const std::uint32_t n = 5, h = 2, w = 3;
    std::vector<unsigned char> pixels(n * h * w);
    for (std::size_t i = 0; i < pixels.size(); ++i)
        pixels[i] = static_cast<unsigned char>(i * 9);
    writeIdx(images, {n, h, w}, pixels, gz);
    writeIdx(labels, {n}, {3, 0, 9, 3, 1}, gz);

    const Table t = readIdxPair(images, labels);
    QCOMPARE(t.rows(), std::size_t(n));
    QCOMPARE(t.cols(), std::size_t(h * w));
    QCOMPARE(t.featureNames.front(), std::string("px0"));
    QCOMPARE(t.featureNames.back(), std::string("px5"));
    // The classes are the label values present ("10 classes" for labels 0, 1, 3, 9 was a
    // model output for each of six classes never seen), and labels index them.
    QCOMPARE(t.classes, (std::vector<std::string>{"0", "1", "3", "9"}));
    QCOMPARE(t.labels, (std::vector<std::int32_t>{2, 0, 3, 2, 1}));
    for (std::size_t i = 0; i < pixels.size(); ++i)
        QCOMPARE(t.features[i], pixels[i] / 255.0f);

    const Table firstTwo = readIdxPair(images, labels, 2);
    QCOMPARE(firstTwo.rows(), std::size_t(2));
    QCOMPARE(firstTwo.features.size(), std::size_t(2 * h * w));
}

void TestData::idxErrors()
{
    QTemporaryDir dir;
    const fs::path base = toPath(dir.path());
    writeIdx(base / "img", {3, 2, 2}, std::vector<unsigned char>(12, 1), false);
    writeIdx(base / "lab4", {4}, {0, 1, 2, 3}, false);
    writeIdx(base / "short", {3, 2, 2}, std::vector<unsigned char>(7, 1), true);
    writeIdx(base / "lab3", {3}, {0, 1, 2}, false);
    std::ofstream(base / "junk", std::ios::binary) << "this is not idx";

    ErrorInfo info = expectError([&] { readIdxPair(base / "img", base / "lab4"); });
    QCOMPARE(info.code, ErrorCode::BadValue);
    QVERIFY2(info.detail.find("3 images and 4 labels") != std::string::npos,
             info.detail.c_str());
    info = expectError([&] { readIdxPair(base / "short", base / "lab3"); });
    QCOMPARE(info.code, ErrorCode::BadValue);
    QCOMPARE(info.file, (base / "short").string());
    info = expectError([&] { readIdxPair(base / "junk", base / "lab3"); });
    QCOMPARE(info.code, ErrorCode::BadValue);
    info = expectError([&] { readIdxPair(base / "lab3", base / "lab3"); });   // 1-D as images
    QCOMPARE(info.code, ErrorCode::BadValue);
    info = expectError([&] { readIdxPair(base / "missing", base / "lab3"); });
    QCOMPARE(info.code, ErrorCode::FileNotFound);
    QCOMPARE(info.file, (base / "missing").string());
}

// A header count smaller than the data imported the first images and dropped the rest without
// a word (10 of 60); it is refused with the header's count and what the file holds, plain or
// gzip. A file that ends early says so in the header's totals, not one read block's.
void TestData::idxCountsMustMatchTheData()
{
    QFETCH(bool, gz);
    QTemporaryDir dir;
    const fs::path base = toPath(dir.path());
    std::vector<unsigned char> sixty(60 * 4), sixtyLabels(60);
    for (std::size_t i = 0; i < sixtyLabels.size(); ++i)
        sixtyLabels[i] = static_cast<unsigned char>(i % 3);
    // Images: 10 declared, 60 present; labels agree with the header.
    writeIdx(base / "img10", {10, 2, 2}, sixty, gz);
    writeIdx(base / "lab10", {10}, std::vector<unsigned char>(10, 1), gz);
    ErrorInfo info = expectError([&] { readIdxPair(base / "img10", base / "lab10"); });
    QCOMPARE(info.code, ErrorCode::BadValue);
    QCOMPARE(info.file, (base / "img10").string());
    QVERIFY2(info.detail.find("the header declares 10 images of 2x2, the file holds 200 more "
                              "bytes (50 more images) after them") != std::string::npos,
             info.detail.c_str());
    // Labels: the same for the labels file, and an odd byte is counted too.
    writeIdx(base / "img60", {60, 2, 2}, sixty, gz);
    writeIdx(base / "lab60", {10}, sixtyLabels, gz);
    info = expectError([&] { readIdxPair(base / "img10", base / "lab60"); });
    QCOMPARE(info.file, (base / "lab60").string());
    QVERIFY2(info.detail.find("the header declares 10 labels, the file holds 50 more bytes "
                              "(50 more labels) after them") != std::string::npos,
             info.detail.c_str());
    std::vector<unsigned char> odd = sixty;
    odd.push_back(7);
    writeIdx(base / "odd", {60, 2, 2}, odd, gz);
    writeIdx(base / "lab60", {60}, sixtyLabels, gz);
    info = expectError([&] { readIdxPair(base / "odd", base / "lab60"); });
    QVERIFY2(info.detail.find("1 more byte (less than one image)") != std::string::npos,
             info.detail.c_str());
    // Counts that differ between the files are refused too, naming both.
    info = expectError([&] { readIdxPair(base / "img60", base / "lab10"); });
    QVERIFY2(info.detail.find("60 images and 10 labels") != std::string::npos, info.detail.c_str());
    // Read in full, a matching pair imports; a limit reads fewer on purpose and is not refused.
    QCOMPARE(readIdxPair(base / "img60", base / "lab60").rows(), std::size_t(60));
    QCOMPARE(readIdxPair(base / "img10", base / "lab10", 5).rows(), std::size_t(5));

    // Short: 60 declared, 1,000 bytes of 28x28 pixels present.
    writeIdx(base / "short", {60, 28, 28}, std::vector<unsigned char>(1000, 1), gz);
    info = expectError([&] { readIdxPair(base / "short", base / "lab60"); });
    QVERIFY2(info.detail.find("the header declares 60 images of 28x28 (47040 bytes of pixels), "
                              "the file ends after 1000 of them (1 whole image)")
                 != std::string::npos,
             info.detail.c_str());
    writeIdx(base / "shortLabels", {60}, std::vector<unsigned char>(7, 1), gz);
    info = expectError([&] { readIdxPair(base / "img60", base / "shortLabels"); });
    QVERIFY2(info.detail.find("the header declares 60 labels, the file ends after 7 of them")
                 != std::string::npos,
             info.detail.c_str());
}

void TestData::catalogDeduplicatesAndLoads()
{
    QTemporaryDir dir;
    store::Project project = store::Project::create(toPath(dir.path()));
    DatasetCatalog catalog(project);
    const Table t = importCsv(fixture("csv_good.csv"));
    const auto v1 = catalog.addVersion("iris", t, "csv_good.csv");
    const auto v2 = catalog.addVersion("iris", t, "again.csv");
    QCOMPARE(v2.id, v1.id);
    QCOMPARE(v1.hash, store::sha256Hex(serializeTable(t)));
    QCOMPARE(v1.rows, std::int64_t(5));
    QCOMPARE(v1.features, std::int64_t(2));
    QVERIFY(v1.schemaJson.find(R"("class_counts":{"setosa":2,"versicolor":2,"virginica":1})")
            != std::string::npos);
    QCOMPARE(v1.task, std::string("table_classification"));
    QCOMPARE(v1.source, std::string("csv_good.csv"));
    store::DatasetRepository repo(project);
    QCOMPARE(repo.versions(v1.datasetId).size(), std::size_t(1));
    QCOMPARE(LabelHistory(project).working(v1.id).labels, t.labels);
    QVERIFY(sameTable(catalog.load(v1.id), t));

    const SplitFractions f{0.6, 0.2, 0.2};
    const auto s1 = catalog.createSplit(v1.id, f, 11);
    const Split expected = stratifiedSplit(t.labels, 3, f, 11);
    const Split loaded = catalog.loadSplit(s1.id);
    QCOMPARE(loaded.train, expected.train);
    QCOMPARE(loaded.val, expected.val);
    QCOMPARE(loaded.test, expected.test);
    QCOMPARE(s1.trainCount, std::int64_t(expected.train.size()));
    QCOMPARE(s1.strategy, std::string("stratified"));
    QCOMPARE(catalog.createSplit(v1.id, f, 11).id, s1.id);

    // A damaged object is reported, not silently loaded.
    std::ofstream(project.objects().pathOf(v1.hash), std::ios::binary | std::ios::trunc) << "x";
    QCOMPARE(expectError([&] { catalog.load(v1.id); }).code, ErrorCode::CorruptObject);
    QCOMPARE(expectError([&] { catalog.load(999); }).code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestData)
#include "test_data.moc"
