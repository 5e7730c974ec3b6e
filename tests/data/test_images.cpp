// core/data images: folder and IDX importers on good and bad input, resize rules, content
// addressing (pixels shared by versions stored once), fixed IDX splits, cancel.
#include "ImageFixtures.h"
#include "common/ErrorExpectations.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/IdxReader.h"
#include "flightdeck/data/ImageFolderImporter.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <fstream>

using namespace flightdeck;
using namespace flightdeck::data;
using namespace flightdeck::testing;
namespace fs = std::filesystem;

namespace {

std::size_t objectFiles(const fs::path& project)
{
    std::size_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(project / "objects"))
        n += e.is_regular_file() ? 1 : 0;
    return n;
}

const SkippedFile* skippedNamed(const ImageImport& r, const std::string& name)
{
    for (const auto& s : r.skipped)
        if (s.file == name)
            return &s;
    return nullptr;
}

}  // namespace

class TestImages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void folderPerClassWithBadFiles();
    void flatFolderIsUnlabeled();
    void emptyAndMissingFolders();
    void resizeRules();
    void cancelWritesNothing();
    void pixelsStoredOnceAcrossVersions();
    void idxFolderKeepsItsSplit();
    void idxBadFiles();
    void idxClassesAreTheLabelsPresent();
    void classFolderNamesMustBeClassNames();
    void pixelsBeyondMemoryAreRefusedUpFront();
    void fashionMnistIfInstalled();
};

void TestImages::folderPerClassWithBadFiles()
{
    QTemporaryDir dir;
    const fs::path root = toPath(dir.path()) / "pets";
    writePng(root / "cat" / "a.png", 8, 6, 1, 0);
    writePng(root / "cat" / "b b.png", 8, 6, 3, 10);          // a space in the name
    writeJpg(root / "dog" / "\xc3\xa4pfel.jpg", 8, 6, 20);     // non-ASCII (UTF-8) name
    writeBmp(root / "dog" / "d.BMP", 16, 12, 30);              // another size, upper-case ext
    writeBytes(root / "dog" / "truncated.png", readBytes(root / "cat" / "a.png").substr(0, 40));
    // A BMP cut short, and fuzz_image's find: 30 bytes whose header claims 1 x 1,048,576
    // 1-bit pixels (stb decoded the missing rows as zeros, for seconds).
    {
        const std::string bmp = readBytes(root / "dog" / "d.BMP");
        writeBytes(root / "dog" / "short.bmp", bmp.substr(0, bmp.size() - 10));
        writeBytes(root / "dog" / "tall.bmp",
                   std::string("BMf\0\0\0\0\0\0\0" "4\0\0\0(\0\0\0\x01\0\0\0\0\0\x10\0\x01\0\x01\0", 30));
    }
    writeBytes(root / "dog" / "text.png", "this is not an image\n");
    writeBytes(root / "dog" / "empty.jpg", "");
    writeBytes(root / "dog" / "notes.txt", "hello");
    writeBytes(root / "dog" / ".DS_Store", "junk");
    fs::create_directory_symlink(root, root / "dog" / "loop");   // a symlink loop
    {
        // A 2 GB "image" (sparse, so the test writes nothing): refused by its size, unread.
        std::ofstream huge(root / "dog" / "huge.png", std::ios::binary);
        huge << std::string("\x89PNG\r\n\x1a\n", 8);
    }
    fs::resize_file(root / "dog" / "huge.png", std::uintmax_t(2) << 30);

    std::vector<ImportProgress> seen;
    ImageImportOptions options;
    options.progress = [&](const ImportProgress& p) { seen.push_back(p); return true; };
    const ImageImport r = importImageFolder(root, options);
    const ImageSet& s = r.images;
    QVERIFY(r.labeledByFolder);
    QCOMPARE(s.size(), std::size_t(4));
    QCOMPARE(s.channels, 3u);   // one RGB image makes the set RGB
    QCOMPARE(s.width, 8u);      // the most common size
    QCOMPARE(s.height, 6u);
    QCOMPARE(r.resized, std::size_t(1));
    QCOMPARE(r.sizes.size(), std::size_t(2));
    QCOMPARE(r.sizes[0].count, std::size_t(3));
    QCOMPARE(s.classes, (std::vector<std::string>{"cat", "dog"}));
    QCOMPARE(s.names, (std::vector<std::string>{"cat/a.png", "cat/b b.png", "dog/d.BMP",
                                                "dog/\xc3\xa4pfel.jpg"}));
    QCOMPARE(s.labels, (std::vector<std::int32_t>{0, 0, 1, 1}));
    QCOMPARE(s.pixels.size(), std::size_t(4 * 3 * 8 * 6));
    // Gray a.png became three equal planes holding the pattern (CHW layout).
    const std::uint8_t* a = s.image(0);
    QCOMPARE(int(a[0]), 0);
    QCOMPARE(int(a[1 * 8 + 2]), 2 + 3);
    QCOMPARE(int(a[48 + 1 * 8 + 2]), 5);
    // b b.png's green plane is the pattern + 50.
    QCOMPARE(int(s.image(1)[48 + 0]), 10 + 50);

    // Said in words, not stb's few letters ("IDA").
    QVERIFY2(skippedNamed(r, "dog/truncated.png")->reason.find("the file is truncated or corrupt")
                 != std::string::npos,
             skippedNamed(r, "dog/truncated.png")->reason.c_str());
    QVERIFY(skippedNamed(r, "dog/text.png"));
    QVERIFY(skippedNamed(r, "dog/text.png")->reason.find("not a PNG, JPEG or BMP") == 0);
    QCOMPARE(skippedNamed(r, "dog/empty.jpg")->reason, std::string("an empty file"));
    QVERIFY(skippedNamed(r, "dog/notes.txt"));
    QVERIFY(skippedNamed(r, "dog/loop")->reason.find("symbolic link") != std::string::npos);
    QVERIFY(!skippedNamed(r, "dog/.DS_Store"));
    QVERIFY2(skippedNamed(r, "dog/huge.png")->reason.find("2048 MB") != std::string::npos,
             skippedNamed(r, "dog/huge.png")->reason.c_str());
    for (const char* name : {"dog/short.bmp", "dog/tall.bmp"}) {
        QVERIFY2(skippedNamed(r, name), name);
        QVERIFY2(skippedNamed(r, name)->reason.find("cut short") != std::string::npos,
                 skippedNamed(r, name)->reason.c_str());
    }
    QCOMPARE(r.skipped.size(), std::size_t(8));
    QVERIFY(r.bytes < (std::uint64_t(1) << 20));   // the huge file was never read
    QVERIFY(!seen.empty());
    QCOMPARE(seen.back().done, seen.back().total);
    QVERIFY(r.bytes > 0 && seen.back().bytes == r.bytes);
}

void TestImages::flatFolderIsUnlabeled()
{
    QTemporaryDir dir;
    const fs::path root = toPath(dir.path());
    writePng(root / "2.png", 4, 4, 1, 2);
    writePng(root / "1.png", 4, 4, 1, 1);
    const ImageImport r = importImageFolder(root);
    QVERIFY(!r.labeledByFolder);
    QCOMPARE(r.images.channels, 1u);
    QCOMPARE(r.images.names, (std::vector<std::string>{"1.png", "2.png"}));
    QCOMPARE(r.images.labels, (std::vector<std::int32_t>{-1, -1}));
    QVERIFY(r.images.classes.empty());

    store::Project project = store::Project::create(root / "project");
    DatasetCatalog catalog(project);
    const auto v = catalog.addImageVersion("shots", r.images, root.string());
    QCOMPARE(v.task, std::string("image_classification"));
    // Nothing labeled: nothing to split, said plainly.
    QCOMPARE(expectError([&] { catalog.createSplit(v.id, {}, 1); }).code, ErrorCode::TooFewRows);
}

void TestImages::emptyAndMissingFolders()
{
    QTemporaryDir dir;
    const fs::path root = toPath(dir.path());
    fs::create_directories(root / "empty" / "cat");
    ErrorInfo info = expectError([&] { importImageFolder(root / "empty"); });
    QCOMPARE(info.code, ErrorCode::TooFewRows);
    QVERIFY(info.detail.find("no .png") != std::string::npos);
    writeBytes(root / "bad" / "x.png", "nope");
    info = expectError([&] { importImageFolder(root / "bad"); });
    QCOMPARE(info.code, ErrorCode::TooFewRows);
    QVERIFY2(info.detail.find("x.png: not a PNG") != std::string::npos, info.detail.c_str());
    info = expectError([&] { importImageFolder(root / "missing"); });
    QCOMPARE(info.code, ErrorCode::FileNotFound);
    QCOMPARE(info.file, (root / "missing").string());
}

void TestImages::resizeRules()
{
    QTemporaryDir dir;
    const fs::path root = toPath(dir.path());
    // A white 8x4 image into 4x4: fit letterboxes (black rows top and bottom), crop and
    // stretch fill every pixel.
    std::vector<std::uint8_t> white(8 * 4, 255);
    fs::create_directories(root / "w");
    stbi_write_png((root / "w" / "wide.png").c_str(), 8, 4, 1, white.data(), 8);
    for (auto rule : {ResizeRule::Fit, ResizeRule::Crop, ResizeRule::Stretch}) {
        ImageImportOptions o;
        o.width = 4;
        o.height = 4;
        o.rule = rule;
        const ImageImport r = importImageFolder(root / "w", o);
        QCOMPARE(r.resized, std::size_t(1));
        const std::uint8_t* px = r.images.image(0);
        const int top = px[1], middle = px[1 * 4 + 1 + 4];
        QCOMPARE(middle, 255);
        QCOMPARE(top, rule == ResizeRule::Fit ? 0 : 255);
        QCOMPARE(resizeRuleFromName(resizeRuleName(rule)), rule);
    }
    QCOMPARE(expectError([] { resizeRuleFromName("squash"); }).code, ErrorCode::InvalidArgument);
}

void TestImages::cancelWritesNothing()
{
    QTemporaryDir dir;
    const fs::path root = toPath(dir.path());
    for (int i = 0; i < 300; ++i)
        writePng(root / "img" / ("c" + std::to_string(i % 3)) / (std::to_string(i) + ".png"), 32,
                 32, 3, i);
    ImageImportOptions o;
    o.threads = 1;
    o.progress = [](const ImportProgress&) { return false; };
    QCOMPARE(expectError([&] { importImageFolder(root / "img", o); }).code, ErrorCode::Cancelled);
}

void TestImages::pixelsStoredOnceAcrossVersions()
{
    QTemporaryDir dir;
    const fs::path root = toPath(dir.path());
    for (int i = 0; i < 6; ++i)
        writePng(root / "img" / (i < 3 ? "a" : "b") / (std::to_string(i) + ".png"), 5, 5, 1,
                 i * 7);
    store::Project project = store::Project::create(root / "project");
    DatasetCatalog catalog(project);
    const ImageImport r = importImageFolder(root / "img");
    const auto v1 = catalog.addImageVersion("letters", r.images, "img");
    const std::size_t afterFirst = objectFiles(root / "project");
    QCOMPARE(afterFirst, std::size_t(2));   // the pixels and the index
    // The same images in another dataset, and relabeled in a child version: no new pixels.
    const auto other = catalog.addImageVersion("copy", r.images, "img");
    QCOMPARE(other.dataHash, v1.dataHash);
    QCOMPARE(other.hash, v1.hash);
    ImageSet relabeled = r.images;
    relabeled.labels[0] = 1;
    const auto v2 = catalog.addImageVersion("letters", relabeled, "img", {v1.id, "fix 0"});
    QVERIFY(v2.id != v1.id && v2.hash != v1.hash);
    QCOMPARE(v2.dataHash, v1.dataHash);
    QCOMPARE(v2.parentId, std::optional<store::Id>(v1.id));
    QCOMPARE(v2.note, std::string("fix 0"));
    QCOMPARE(objectFiles(root / "project"), afterFirst + 1);   // only the new index
    QVERIFY(v2.schemaJson.find(R"("class_counts":{"a":2,"b":4})") != std::string::npos);

    const ImageSet back = catalog.loadImages(v2.id);
    QCOMPARE(back.pixels, r.images.pixels);
    QCOMPARE(back.labels, relabeled.labels);
    QCOMPARE(back.names, r.images.names);
    const Table t = catalog.load(v2.id);
    QCOMPARE(t.cols(), std::size_t(25));
    QCOMPARE(t.rows(), std::size_t(6));
    QCOMPARE(t.features[1], 1.0f / 255.0f);
    // A missing pixels object is named, not a crash.
    fs::remove(project.objects().pathOf(v1.dataHash));
    QCOMPARE(expectError([&] { catalog.loadImages(v1.id); }).code, ErrorCode::NotFound);
}

void TestImages::idxFolderKeepsItsSplit()
{
    QTemporaryDir dir;
    const fs::path root = toPath(dir.path());
    writeIdxPair(root / "idx", "train", 50, 3, 2, true);
    writeIdxPair(root / "idx", "t10k", 20, 3, 2, false);
    const auto pairs = findIdxPairs(root / "idx");
    QCOMPARE(pairs.size(), std::size_t(2));
    QCOMPARE(pairs[0].prefix, std::string("train"));
    // One file of a pair finds its partner.
    QCOMPARE(findIdxPairs(root / "idx" / "t10k-labels-idx1-ubyte").at(0).prefix,
             std::string("t10k"));
    const ImageSet s = readIdxImages(pairs);
    QCOMPARE(s.size(), std::size_t(70));
    QCOMPARE(s.height, 3u);
    QCOMPARE(s.width, 2u);
    QCOMPARE(s.names[50], std::string("t10k/0"));
    QCOMPARE(int(s.image(51)[0]), 1);
    QVERIFY(s.parts[49] == SamplePart::Train && s.parts[50] == SamplePart::Test);

    store::Project project = store::Project::create(root / "project");
    DatasetCatalog catalog(project);
    const auto v = catalog.addImageVersion("fashion", s, (root / "idx").string());
    const auto split = catalog.createSplit(v.id, {0.8, 0.1, 0.1}, 7);
    QCOMPARE(split.strategy, std::string("fixed_test"));
    QCOMPARE(split.testCount, std::int64_t(20));
    QCOMPARE(split.trainCount + split.valCount, std::int64_t(50));
    const Split loaded = catalog.loadSplit(split.id);
    for (auto r : loaded.test)
        QVERIFY(r >= 50);
    for (auto r : loaded.train)
        QVERIFY(r < 50);
}

void TestImages::idxBadFiles()
{
    QTemporaryDir dir;
    const fs::path root = toPath(dir.path());
    writeIdxPair(root / "bad", "train", 5, 2, 2, false);
    std::string images = readBytes(root / "bad" / "train-images-idx3-ubyte");
    images[2] = 0x0d;   // a float IDX, not bytes
    writeBytes(root / "bad" / "train-images-idx3-ubyte", images);
    ErrorInfo info = expectError([&] { readIdxImages(findIdxPairs(root / "bad")); });
    QCOMPARE(info.code, ErrorCode::BadValue);
    QCOMPARE(info.file, (root / "bad" / "train-images-idx3-ubyte").string());
    // A header promising more images than the file holds.
    writeIdxPair(root / "short", "train", 5, 2, 2, false);
    images = readBytes(root / "short" / "train-images-idx3-ubyte");
    writeBytes(root / "short" / "train-images-idx3-ubyte", images.substr(0, images.size() - 3));
    info = expectError([&] { readIdxImages(findIdxPairs(root / "short")); });
    QCOMPARE(info.code, ErrorCode::BadValue);
    QVERIFY(info.detail.find("the file ends") != std::string::npos);
    // Images without their labels file, and a folder without pairs.
    fs::remove(root / "short" / "train-labels-idx1-ubyte");
    QCOMPARE(expectError([&] { findIdxPairs(root / "short"); }).code, ErrorCode::FileNotFound);
    fs::create_directories(root / "none");
    QCOMPARE(expectError([&] { findIdxPairs(root / "none"); }).code, ErrorCode::FileNotFound);
}

// Labels 0, 1, 2 made "10 classes" and {0, 255} 256: the classes are the values present, one
// list over the train and t10k files, and labels index it.
void TestImages::idxClassesAreTheLabelsPresent()
{
    QTemporaryDir dir;
    const fs::path root = toPath(dir.path()) / "idx";
    writeIdxPair(root, "train", 3, 2, 2, false);   // labels 0, 1, 2
    writeIdxPair(root, "t10k", 2, 2, 2, true);     // labels 0, 1
    ImageSet s = readIdxImages(findIdxPairs(root));
    QCOMPARE(s.classes, (std::vector<std::string>{"0", "1", "2"}));
    QCOMPARE(s.labels, (std::vector<std::int32_t>{0, 1, 2, 0, 1}));

    // A mask-like labels file: 0 and 255 are two classes.
    const fs::path masks = toPath(dir.path()) / "masks";
    writeIdxPair(masks, "train", 4, 1, 1, false);
    writeBytes(masks / "train-labels-idx1-ubyte",
               std::string("\0\0\x08\x01", 4) + be32(4) + std::string("\xff\0\xff\xff", 4));
    s = readIdxImages(findIdxPairs(masks));
    QCOMPARE(s.classes, (std::vector<std::string>{"0", "255"}));
    QCOMPARE(s.labels, (std::vector<std::int32_t>{1, 0, 1, 1}));
}

// A class folder's name is a class name: one that is not UTF-8 gave a JSON library's
// exception with no path; it is refused before decoding, naming the folder and the byte.
void TestImages::classFolderNamesMustBeClassNames()
{
    QTemporaryDir dir;
    const fs::path root = toPath(dir.path()) / "pets";
    writePng(root / "cat" / "a.png", 4, 4, 1, 0);
    writePng(root / "bad\xffname" / "b.png", 4, 4, 1, 9);
    const ErrorInfo info = expectError([&] { importImageFolder(root); });
    QCOMPARE(info.code, ErrorCode::BadValue);
    QCOMPARE(info.file, (root / "bad\xffname").string());
    QVERIFY2(info.detail.find("not UTF-8 text (byte 0xFF at position 4)") != std::string::npos,
             info.detail.c_str());
    // A file name that is not UTF-8 is no class name and imports.
    fs::rename(root / "bad\xffname" / "b.png", root / "cat" / "b\xff.png");
    fs::remove(root / "bad\xffname");
    QCOMPARE(importImageFolder(root).images.size(), std::size_t(2));
}

// 26 images at 8192x8192 ran for minutes toward 5.2 GB and then ended in a bare bad_alloc:
// the pixels are weighed against memory before any image is decoded.
void TestImages::pixelsBeyondMemoryAreRefusedUpFront()
{
    QTemporaryDir dir;
    const fs::path root = toPath(dir.path()) / "pets";
    for (int i = 0; i < 4; ++i)
        writePng(root / (i < 2 ? "cat" : "dog") / (std::to_string(i) + ".png"), 6, 6, 3, i);
    writeBytes(root / "dog" / "broken.png", "not an image");   // not counted: never decoded
    ImageImportOptions options;
    options.memoryBytes = 5 * 4 * 3 * 6 * 6 - 1;   // training needs five times the pixels
    const ErrorInfo info = expectError([&] { importImageFolder(root, options); });
    QCOMPARE(info.code, ErrorCode::BadValue);
    QCOMPARE(info.file, root.string());
    QVERIFY2(info.detail.find("this needs 432 bytes of pixels (4 images of 3x6x6)")
                 != std::string::npos
                 && info.detail.find("the machine has 2159 bytes of memory") != std::string::npos,
             info.detail.c_str());
    options.memoryBytes += 1;
    QCOMPARE(importImageFolder(root, options).images.size(), std::size_t(4));
    // The machine's own memory by default: these few bytes fit anywhere.
    QCOMPARE(importImageFolder(root).images.size(), std::size_t(4));
}

void TestImages::fashionMnistIfInstalled()
{
    const fs::path folder = "/usr/share/datasets/fashion-mnist";
    if (!fs::exists(folder / "t10k-images-idx3-ubyte.gz"))
        QSKIP("dataset-fashion-mnist is not installed");
    const ImageSet s = readIdxImages(findIdxPairs(folder));
    QCOMPARE(s.size(), std::size_t(70000));
    QCOMPARE(s.imageBytes(), std::size_t(784));
    QCOMPARE(std::count(s.parts.begin(), s.parts.end(), SamplePart::Test), std::ptrdiff_t(10000));
    QCOMPARE(s.classes.size(), std::size_t(10));
}

QTEST_GUILESS_MAIN(TestImages)
#include "test_images.moc"
