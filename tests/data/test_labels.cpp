// core/data labels: the edit history on top of a version, commit into a new version, version
// diffs, labels as CSV in and out, the ImageFolder export, and table task detection.
#include "ImageFixtures.h"
#include "common/ErrorExpectations.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/data/ClassName.h"
#include "flightdeck/data/CsvImporter.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/DatasetTask.h"
#include "flightdeck/data/ImageFolderImporter.h"
#include "flightdeck/data/LabelFiles.h"
#include "flightdeck/data/LabelHistory.h"
#include "flightdeck/data/VersionDiff.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/Project.h"

#include <QTemporaryDir>
#include <QtTest>

#include <future>
#include <thread>

using namespace flightdeck;
using namespace flightdeck::data;
using namespace flightdeck::testing;
namespace fs = std::filesystem;
using store::LabelSource;

namespace {

// 3 "a" and 3 "b" images of 5x5, plus 2 unlabeled at the top level.
store::DatasetVersionRecord importSmall(store::Project& project, const fs::path& root)
{
    for (int i = 0; i < 6; ++i)
        writePng(root / "img" / (i < 3 ? "a" : "b") / (std::to_string(i) + ".png"), 5, 5, 1, i * 9);
    writePng(root / "img" / "u1.png", 5, 5, 1, 100);
    writePng(root / "img" / "u2.png", 5, 5, 1, 110);
    return DatasetCatalog(project).addImageVersion("small", importImageFolder(root / "img").images,
                                                   "img");
}

}  // namespace

class TestLabels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void editsSurviveReopenAndCommit();
    void tableCommitAndDiff();
    void csvRoundTripReportsUnknownSamples();
    void imageFolderExportReimports();
    void taskDetection();
    void labelFileClassNamesAreChecked();
    void exportRefusesClassesThatAreNoFolderNames();
    void classNamesAreCheckedAtImport();
    void labelFileByteOrderMarks();
    void concurrentCommitsMakeOneVersion();
};

void TestLabels::editsSurviveReopenAndCommit()
{
    QTemporaryDir dir;
    const fs::path root = toPath(dir.path());
    store::Id versionId = 0;
    {
        store::Project project = store::Project::create(root / "p");
        const auto v = importSmall(project, root);
        versionId = v.id;
        LabelHistory history(project);
        WorkingLabels w = history.working(v.id);
        QCOMPARE(w.size(), std::size_t(8));
        QCOMPARE(w.names[6], std::string("u1.png"));
        QCOMPARE(w.labels[6], -1);
        QCOMPARE(w.events, std::int64_t(0));
        history.addClass(v.id, "c");
        history.record(v.id, {{6, "c", "", false, LabelSource::User, 1.5},
                              {0, "b", "a", true, LabelSource::User, 0.5}});
        history.record(v.id, {{7, "a", "", false, LabelSource::Model, 0}});
    }
    store::Project project = store::Project::open(root / "p");
    LabelHistory history(project);
    const WorkingLabels w = history.working(versionId);
    QCOMPARE(w.classes, (std::vector<std::string>{"a", "b", "c"}));
    QCOMPARE(w.labels, (std::vector<std::int32_t>{1, 0, 0, 1, 1, 1, 2, 0}));
    QCOMPARE(int(w.verified[0]), 1);
    QCOMPARE(w.seconds[6], 1.5f);
    QVERIFY(w.sources[7] == LabelSource::Model && w.sources[1] == LabelSource::Import);
    QCOMPARE(w.events, std::int64_t(3));
    QCOMPARE(w.classCounts(), (std::vector<std::int64_t>{3, 4, 1}));

    const auto child = history.commit(versionId, "label the strays");
    QVERIFY(child.id != versionId);
    QCOMPARE(child.parentId, std::optional<store::Id>(versionId));
    QCOMPARE(child.note, std::string("label the strays"));
    QVERIFY(child.schemaJson.find(R"("class_counts":{"a":3,"b":4,"c":1})") != std::string::npos);
    QVERIFY(child.schemaJson.find(R"("unlabeled":0)") != std::string::npos);
    const WorkingLabels fresh = history.working(child.id);
    QCOMPARE(fresh.labels, w.labels);
    QCOMPARE(fresh.events, std::int64_t(0));
    // Committing again without edits is the same version.
    QCOMPARE(history.commit(child.id, "nothing").id, child.id);

    const VersionDiff d = diffVersions(project, versionId, child.id);
    QCOMPARE(d.added, std::int64_t(0));
    QCOMPARE(d.removed, std::int64_t(0));
    QCOMPARE(d.relabeled, std::int64_t(3));
    QCOMPARE(d.unchanged, std::int64_t(5));
    QCOMPARE(d.examples.size(), std::size_t(3));
    QCOMPARE(d.examples[0].name, std::string("a/0.png"));
    QCOMPARE(d.examples[0].before, std::string("a"));
    QCOMPARE(d.examples[0].after, std::string("b"));
    QCOMPARE(d.classes.size(), std::size_t(3));
    QCOMPARE(d.classes[2].className, std::string("c"));
    QCOMPARE(d.classes[2].before, std::int64_t(0));
    QCOMPARE(d.classes[2].after, std::int64_t(1));
}

void TestLabels::tableCommitAndDiff()
{
    QTemporaryDir dir;
    const fs::path root = toPath(dir.path());
    writeBytes(root / "a.csv", "x,y,label\n1,2,p\n3,4,q\n5,6,p\n7,8,q\n");
    writeBytes(root / "b.csv", "x,y,label\n1,2,p\n3,4,p\n7,8,q\n9,9,q\n9,9,q\n");
    store::Project project = store::Project::create(root / "p");
    DatasetCatalog catalog(project);
    const auto a = catalog.addVersion("t", importCsv(root / "a.csv"), "a.csv");
    const auto b = catalog.addVersion("t", importCsv(root / "b.csv"), "b.csv");
    const VersionDiff d = diffVersions(project, a.id, b.id);
    QCOMPARE(d.added, std::int64_t(2));
    QCOMPARE(d.removed, std::int64_t(1));
    QCOMPARE(d.relabeled, std::int64_t(1));
    QCOMPARE(d.unchanged, std::int64_t(2));

    LabelHistory history(project);
    // A classification table keeps an unlabeled row (-1), and no split takes it.
    history.record(a.id, {{1, "", "q", false, LabelSource::User, 0}});
    const auto unlabeled = history.commit(a.id, "row 2 unlabeled");
    QCOMPARE(catalog.load(unlabeled.id).labels, (std::vector<std::int32_t>{0, -1, 0, 1}));
    const Split parts = catalog.loadSplit(catalog.createSplit(unlabeled.id, {0.34, 0.33, 0.33}, 1).id);
    QCOMPARE(parts.train.size() + parts.val.size() + parts.test.size(), std::size_t(3));
    for (const auto* part : {&parts.train, &parts.val, &parts.test})
        QVERIFY(std::find(part->begin(), part->end(), 1u) == part->end());
    QCOMPARE(expectError([&] { catalog.addSplit(unlabeled.id, {{0, 1}, {}, {3}}, "custom", 0, {}); }).code,
             ErrorCode::InvalidArgument);
    history.record(a.id, {{1, "r", "", false, LabelSource::User, 0}});
    const auto c = history.commit(a.id, "q -> r on row 2");
    const Table t = catalog.load(c.id);
    QCOMPARE(t.classes, (std::vector<std::string>{"p", "q", "r"}));
    QCOMPARE(t.labels, (std::vector<std::int32_t>{0, 2, 0, 1}));
    QCOMPARE(c.task, a.task);
    QCOMPARE(expectError([&] { history.record(a.id, {{4, "p", "", false, LabelSource::User, 0}}); })
                 .code,
             ErrorCode::InvalidArgument);
}

void TestLabels::csvRoundTripReportsUnknownSamples()
{
    QTemporaryDir dir;
    const fs::path root = toPath(dir.path());
    store::Project project = store::Project::create(root / "p");
    const auto v = importSmall(project, root);
    QCOMPARE(exportLabelsCsv(project, v.id, root / "out.csv"), std::size_t(8));
    const std::string csv = readBytes(root / "out.csv");
    QVERIFY(csv.rfind("sample,label,verified,source\na/0.png,a,0,import\n", 0) == 0);
    QVERIFY(csv.find("\nu1.png,,0,import\n") != std::string::npos);

    writeBytes(root / "in.csv", "label,sample,extra\n"
                                "b,a/0.png,1\n"
                                "\"new, class\",u1.png,2\n"
                                "a,a/1.png,3\n"
                                "a,ghost.png,4\n");
    const LabelImportResult r = importLabelsCsv(project, v.id, root / "in.csv");
    QCOMPARE(r.applied, std::size_t(2));
    QCOMPARE(r.unchanged, std::size_t(1));
    QCOMPARE(r.newClasses, (std::vector<std::string>{"new, class"}));
    QCOMPARE(r.unknownSamples.size(), std::size_t(1));
    QCOMPARE(r.unknownSamples[0].first, std::int64_t(5));
    QCOMPARE(r.unknownSamples[0].second, std::string("ghost.png"));
    const WorkingLabels w = LabelHistory(project).working(v.id);
    QCOMPARE(w.classes[static_cast<std::size_t>(w.labels[6])], std::string("new, class"));
    QVERIFY(w.sources[0] == LabelSource::Import && w.labels[0] == 1);

    writeBytes(root / "bad.csv", "sample,label\na/0.png,\"b\n");
    ErrorInfo info = expectError([&] { importLabelsCsv(project, v.id, root / "bad.csv"); });
    QCOMPARE(info.code, ErrorCode::BadValue);
    QCOMPARE(info.line, std::int64_t(2));
    writeBytes(root / "nohead.csv", "file,class\nx,y\n");
    info = expectError([&] { importLabelsCsv(project, v.id, root / "nohead.csv"); });
    QCOMPARE(info.code, ErrorCode::NoHeader);
}

void TestLabels::imageFolderExportReimports()
{
    QTemporaryDir dir;
    const fs::path root = toPath(dir.path());
    store::Project project = store::Project::create(root / "p");
    const auto v = importSmall(project, root);
    writeBytes(root / "full" / "keep.txt", "mine");
    QCOMPARE(expectError([&] { exportImageFolder(project, v.id, root / "full"); }).code,
             ErrorCode::FileUnwritable);
    QCOMPARE(readBytes(root / "full" / "keep.txt"), std::string("mine"));
    QCOMPARE(exportImageFolder(project, v.id, root / "tree"), std::size_t(8));
    QVERIFY(fs::exists(root / "tree" / "a" / "0.png"));
    QVERIFY(fs::exists(root / "tree" / "_unlabeled" / "u1.png"));
    const ImageImport back = importImageFolder(root / "tree");
    const ImageSet original = DatasetCatalog(project).loadImages(v.id);
    QCOMPARE(back.images.size(), std::size_t(8));
    QCOMPARE(back.images.classes, (std::vector<std::string>{"_unlabeled", "a", "b"}));
    // PNG is lossless: a/0.png comes back pixel for pixel.
    QVERIFY(std::equal(original.image(0), original.image(0) + 25, back.images.image(2)));
}

void TestLabels::taskDetection()
{
    Table t;
    t.featureNames = {"x"};
    for (int i = 0; i < 100; ++i) {
        t.classes.push_back(std::to_string(i * 1.5));
        t.labels.push_back(i);
        t.features.push_back(float(i));
    }
    QVERIFY(detectTableTask(t) == DatasetTask::TableRegression);
    t.classes = {"0", "1"};
    for (auto& l : t.labels)
        l %= 2;
    QVERIFY(detectTableTask(t) == DatasetTask::TableClassification);
    QVERIFY(taskFromName("regression") == DatasetTask::TableRegression);
    QCOMPARE(std::string(taskName(DatasetTask::ImageClassification)),
             std::string("image_classification"));
    QCOMPARE(expectError([] { taskFromName("sound"); }).code, ErrorCode::InvalidArgument);
}

// import-labels took a Latin-1 label, and the next commit failed with a bare JSON exception;
// a label that cannot be a class name is refused at its line, and nothing is recorded.
void TestLabels::labelFileClassNamesAreChecked()
{
    QTemporaryDir dir;
    const fs::path root = toPath(dir.path());
    store::Project project = store::Project::create(root / "p");
    const auto v = importSmall(project, root);
    writeBytes(root / "latin1.csv", "sample,label\na/0.png,b\na/1.png,caf\xe9\n");
    ErrorInfo info = expectError([&] { importLabelsCsv(project, v.id, root / "latin1.csv"); });
    QCOMPARE(info.code, ErrorCode::BadValue);
    QCOMPARE(info.file, (root / "latin1.csv").string());
    QCOMPARE(info.line, std::int64_t(3));
    QCOMPARE(info.field, std::string("label"));
    QVERIFY2(info.detail.find("not UTF-8 text (byte 0xE9 at position 4)") != std::string::npos
                 && info.detail.find("save the file as UTF-8") != std::string::npos,
             info.detail.c_str());
    writeBytes(root / "long.csv", "sample,label\na/0.png," + std::string(256, 'x') + "\n");
    info = expectError([&] { importLabelsCsv(project, v.id, root / "long.csv"); });
    QCOMPARE(info.line, std::int64_t(2));
    QVERIFY2(info.detail.find("256 bytes long; a class name is at most 255") != std::string::npos,
             info.detail.c_str());
    LabelHistory history(project);
    QCOMPARE(history.working(v.id).events, std::int64_t(0));
    // So the commit has nothing to trip on.
    QCOMPARE(history.commit(v.id, "nothing").id, v.id);
}

// Each class is a folder of the export: ".." would have written beside the target.
void TestLabels::exportRefusesClassesThatAreNoFolderNames()
{
    QTemporaryDir dir;
    const fs::path root = toPath(dir.path());
    store::Project project = store::Project::create(root / "p");
    const auto v = importSmall(project, root);
    LabelHistory(project).record(v.id, {{0, "..", "a", false, LabelSource::User, 0}});
    const ErrorInfo info = expectError([&] { exportImageFolder(project, v.id, root / "tree"); });
    QCOMPARE(info.code, ErrorCode::BadValue);
    QVERIFY2(info.detail.find("class \"..\" cannot be a folder name") != std::string::npos,
             info.detail.c_str());
    QVERIFY(!fs::exists(root / "tree") && !fs::exists(root / "tree.partial"));
    QVERIFY(!fs::exists(root / "0.png"));
}

// A tab or NUL was taken as a class; every import path checks names through classNameFault,
// which names what is wrong. "N/A", "a/b" or ".." are labels a CSV may hold: only the
// ImageFolder export, which makes folders of them, refuses those
// (exportRefusesClassesThatAreNoFolderNames).
void TestLabels::classNamesAreCheckedAtImport()
{
    QCOMPARE(classNameFault("cat"), std::string());
    QCOMPARE(classNameFault("..a"), std::string());
    QCOMPARE(classNameFault("N/A"), std::string());
    QCOMPARE(classNameFault(".."), std::string());
    QCOMPARE(classNameFault("caf\xc3\xa9 au lait"), std::string());
    QCOMPARE(classNameFault(""), std::string("empty"));
    QCOMPARE(classNameFault("tab\there"), std::string("a name with the control character 0x09 at position 3"));
    QCOMPARE(classNameFault(std::string_view("a\0b", 3)),
             std::string("a name with the control character 0x00 at position 1"));
    QCOMPARE(classNameFault("del\x7f"), std::string("a name with the control character 0x7F at position 3"));

    QTemporaryDir dir;
    const fs::path root = toPath(dir.path());
    store::Project project = store::Project::create(root / "p");
    const auto v = importSmall(project, root);
    writeBytes(root / "ctl.csv", "sample,label\na/0.png,ok\na/1.png,bad\x01name\n");
    ErrorInfo info = expectError([&] { importLabelsCsv(project, v.id, root / "ctl.csv"); });
    QCOMPARE(info.line, std::int64_t(3));
    QVERIFY2(info.detail.find("control character 0x01 at position 3") != std::string::npos, info.detail.c_str());
    writeBytes(root / "na.csv", "x,label\n1,N/A\n2,cat/dog\n3,N/A\n4,cat/dog\n");
    QCOMPARE(importCsv(root / "na.csv").classes, (std::vector<std::string>{"N/A", "cat/dog"}));
    QCOMPARE(LabelHistory(project).working(v.id).events, std::int64_t(0));
}

// Excel's "CSV UTF-8" begins with a byte order mark, which made the header "not a header";
// its UTF-16 "Unicode text" is named as such.
void TestLabels::labelFileByteOrderMarks()
{
    QTemporaryDir dir;
    const fs::path root = toPath(dir.path());
    store::Project project = store::Project::create(root / "p");
    const auto v = importSmall(project, root);
    writeBytes(root / "bom.csv", "\xEF\xBB\xBFsample,label\na/0.png,b\n");
    QCOMPARE(importLabelsCsv(project, v.id, root / "bom.csv").applied, std::size_t(1));
    for (const std::string bom : {"\xFF\xFE", "\xFE\xFF"}) {
        writeBytes(root / "u16.csv", bom + std::string("s\0a\0m\0", 6));
        const ErrorInfo info = expectError([&] { importLabelsCsv(project, v.id, root / "u16.csv"); });
        QCOMPARE(info.line, std::int64_t(1));
        QCOMPARE(info.detail, std::string("UTF-16 text: save the file as UTF-8"));
    }
}

// Two processes committing the same working labels both said they made the version: whether
// it is new is decided inside the write transaction, so exactly one is told so.
void TestLabels::concurrentCommitsMakeOneVersion()
{
    QTemporaryDir dir;
    const fs::path root = toPath(dir.path());
    store::Id versionId = 0;
    {
        store::Project project = store::Project::create(root / "p");
        versionId = importSmall(project, root).id;
    }
    for (int round = 0; round < 3; ++round) {   // rows 0-2 are "a"
        {
            store::Project project = store::Project::open(root / "p");
            LabelHistory(project).record(versionId, {{round, "b", "a", false, LabelSource::User, 0}});
        }
        std::promise<void> go;
        const std::shared_future<void> start = go.get_future().share();
        auto commitOnce = [&](std::string message) {
            store::Project project = store::Project::open(root / "p");
            start.wait();
            bool created = false;
            const auto made = LabelHistory(project).commit(versionId, message, &created);
            return std::make_pair(made, created);
        };
        auto first = std::async(std::launch::async, commitOnce, "A");
        auto second = std::async(std::launch::async, commitOnce, "B");
        go.set_value();
        const auto a = first.get();
        const auto b = second.get();
        QCOMPARE(a.first.id, b.first.id);
        QVERIFY2(a.second != b.second, a.second ? "both made the version" : "neither made it");
        QCOMPARE(a.first.note, a.second ? std::string("A") : std::string("B"));
    }
}

QTEST_GUILESS_MAIN(TestLabels)
#include "test_labels.moc"
