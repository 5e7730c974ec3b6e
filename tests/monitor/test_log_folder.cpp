// Folders of logs as a rotating writer leaves them: a rotation during the read (files renamed
// under the reader, the oldest removed), gzip rotations (read, or reported when cut off), and
// files that are not logs (listed as skipped, never parsed as one).
#include "flightdeck/monitor/LogReader.h"

#include "TestRegistry.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <zlib.h>

#include <sys/stat.h>

using namespace flightdeck::monitor;
namespace fs = std::filesystem;

namespace {

std::string lines(int from, int to)
{
    std::string out;
    for (int t = from; t <= to; ++t)
        out += "{\"timestamp\": " + std::to_string(t) + ", \"latency_ms\": 1}\n";
    return out;
}

void put(const fs::path& file, const std::string& text) { std::ofstream(file) << text; }

void putGzip(const fs::path& file, const std::string& text, std::size_t keepBytes = SIZE_MAX)
{
    const fs::path whole = file.string() + ".tmp";
    gzFile gz = gzopen(whole.c_str(), "wb");
    QVERIFY(gz);
    QCOMPARE(gzwrite(gz, text.data(), static_cast<unsigned>(text.size())), int(text.size()));
    QCOMPARE(gzclose(gz), Z_OK);
    if (keepBytes != SIZE_MAX)
        fs::resize_file(whole, keepBytes);
    fs::rename(whole, file);
}

struct Read {
    std::vector<double> timestamps;
    ReadStats stats;
};

Read readFolder(const fs::path& folder, const std::function<void(double)>& during = {})
{
    Read r;
    readLogFolder(folder, {}, [&](const PredictionRecord& rec) {
        r.timestamps.push_back(rec.timestamp);
        if (during)
            during(rec.timestamp);
    }, r.stats);
    return r;
}

std::vector<double> range(int from, int to)
{
    std::vector<double> out;
    for (int t = from; t <= to; ++t)
        out.push_back(t);
    return out;
}

}  // namespace

class TestLogFolder : public QObject {
    Q_OBJECT

private slots:
    // The probe's case: the server rotates (p.jsonl.1 -> .2, p.jsonl -> .1, a new p.jsonl)
    // while the oldest file is being read. The folder as listed is read whole, by inode.
    void rotationDuringTheReadLosesNothing()
    {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        put(dir / "p.jsonl.1", lines(1, 100));
        put(dir / "p.jsonl", lines(101, 200));
        const Read r = readFolder(dir, [&](double t) {
            if (t != 1)
                return;
            fs::rename(dir / "p.jsonl.1", dir / "p.jsonl.2");
            fs::rename(dir / "p.jsonl", dir / "p.jsonl.1");
            put(dir / "p.jsonl", lines(201, 205));
        });
        QCOMPARE(r.timestamps, range(1, 200));
        QCOMPARE(r.stats.files, 2);
        QCOMPARE(r.stats.unreadFiles, 0);
        QVERIFY(r.stats.whole());
    }

    void aFileRemovedBeforeItIsReadIsReported()
    {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        put(dir / "p.jsonl.1", lines(1, 10));
        put(dir / "p.jsonl", lines(11, 20));
        const Read r = readFolder(dir, [&](double t) {
            if (t == 1)
                fs::remove(dir / "p.jsonl");
        });
        QCOMPARE(r.timestamps, range(1, 10));
        QCOMPARE(r.stats.unreadFiles, 1);
        QVERIFY(!r.stats.whole());
        QCOMPARE(r.stats.problems.size(), std::size_t(1));
        QCOMPARE(r.stats.problems[0].file, std::string("p.jsonl"));
        QCOMPARE(r.stats.problems[0].line, std::int64_t(0));
        QVERIFY(r.stats.problems[0].problem.find("removed") != std::string::npos);
    }

    void gzipRotationsAreRead()
    {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        putGzip(dir / "app.jsonl.2.gz", lines(1, 100));
        put(dir / "app.jsonl.1", lines(101, 150));
        put(dir / "app.jsonl", lines(151, 160));
        const Read r = readFolder(dir);
        QCOMPARE(r.timestamps, range(1, 160));
        QCOMPARE(r.stats.files, 3);
        QVERIFY(r.stats.whole());
        QVERIFY(r.stats.skippedFiles.empty());
        // A single .gz file given by path, CSV inside: the format looks past ".gz".
        putGzip(dir / "one.csv.gz", "timestamp,x\n5,1\n6,2\n");
        ReadStats stats;
        int n = 0;
        readLog(dir / "one.csv.gz", {}, [&](const PredictionRecord&) { ++n; }, stats);
        QCOMPARE(n, 2);
        QCOMPARE(formatForPath("one.csv.3.gz"), LogFormat::Csv);
    }

    void aCutOffGzipKeepsItsGoodPartAndSaysSo()
    {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        std::string big;
        for (int t = 1; t <= 20000; ++t)  // varied enough not to compress to nothing
            big += "{\"timestamp\": " + std::to_string(t) + ", \"latency_ms\": " + std::to_string(t * 7919 % 1000) + "}\n";
        putGzip(dir / "app.jsonl.1.gz", big, 20000);
        put(dir / "app.jsonl", lines(30001, 30002));
        const Read r = readFolder(dir);
        QVERIFY(r.timestamps.size() > 2);
        QVERIFY(r.timestamps.size() < 20002);
        QCOMPARE(r.timestamps.back(), 30002.0);
        QCOMPARE(r.stats.unreadFiles, 1);
        QVERIFY(!r.stats.whole());
        QVERIFY(!r.stats.incompleteLastLine);  // a cut archive, not a log still being written
        bool named = false;
        for (const auto& p : r.stats.problems)
            named = named || (p.file == "app.jsonl.1.gz" && p.problem.find("cut off") != std::string::npos);
        QVERIFY(named);
    }

    // ext4 gives a removed file's inode to the next file created, which is what a rotation
    // does: the new file must not pass for the removed one (its birth time differs).
    void aNewFileInARemovedFilesInodeIsNotRead()
    {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        put(dir / "p.jsonl.1", lines(1, 10));
        put(dir / "p.jsonl", lines(11, 20));
        const Read r = readFolder(dir, [&](double t) {
            if (t != 1)
                return;
            fs::remove(dir / "p.jsonl");
            put(dir / "p.jsonl.new", lines(101, 110));  // likely in p.jsonl's old inode
            fs::rename(dir / "p.jsonl.new", dir / "p.jsonl");
        });
        QCOMPARE(r.timestamps, range(1, 10));
        QCOMPARE(r.stats.unreadFiles, 1);
        QVERIFY(!r.stats.whole());
    }

    void copytruncateDuringTheReadIsReported()
    {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        put(dir / "a.jsonl.1", lines(1, 10));
        put(dir / "a.jsonl", lines(11, 20));
        const Read r = readFolder(dir, [&](double t) {
            if (t != 1)
                return;
            fs::copy_file(dir / "a.jsonl", dir / "a.jsonl.copy");
            fs::resize_file(dir / "a.jsonl", 0);
        });
        QCOMPARE(r.timestamps, range(1, 10));
        QCOMPARE(r.stats.unreadFiles, 1);
        QVERIFY(!r.stats.whole());
        QVERIFY(!r.stats.problems.empty());
        QVERIFY(r.stats.problems.back().problem.find("shortened") != std::string::npos);
    }

    // A rotation renames every kept file: each is found again (one folder scan, not one per
    // file), in order, and a file problem stays listed past the cap of line problems.
    void manyRenamedFilesAndFileProblemsPastTheCap()
    {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        std::string bad;
        for (int i = 0; i < 150; ++i)
            bad += "not json\n";
        put(dir / "b.jsonl.41", bad);
        for (int k = 40; k >= 1; --k)
            put(dir / ("b.jsonl." + std::to_string(k)), lines(41 - k, 41 - k));
        put(dir / "b.jsonl", lines(41, 41));
        const Read r = readFolder(dir, [&](double t) {
            if (t != 1)
                return;
            fs::remove(dir / "b.jsonl.41");
            for (int k = 40; k >= 1; --k)
                fs::rename(dir / ("b.jsonl." + std::to_string(k)), dir / ("b.jsonl." + std::to_string(k + 1)));
            fs::rename(dir / "b.jsonl", dir / "b.jsonl.1");
            fs::remove(dir / "b.jsonl.2");  // now holding the listed b.jsonl.1: gone
            put(dir / "b.jsonl", lines(500, 500));
        });
        QCOMPARE(r.timestamps.size(), std::size_t(40));  // all but the one removed
        QCOMPARE(r.stats.skipped, std::int64_t(150));
        QCOMPARE(r.stats.unreadFiles, 1);
        const LineProblem& last = r.stats.problems.back();
        QCOMPARE(last.file, std::string("b.jsonl.1"));
        QCOMPARE(last.line, std::int64_t(0));
    }

    void orderOfDatedAndLongNumberedRotations()
    {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        put(dir / "app.log-20261122", lines(3, 3));
        put(dir / "app.log-20261123", lines(4, 4));
        put(dir / "app.log", lines(5, 5));
        put(dir / "old.log.99999999999", lines(1, 1));
        put(dir / "old.log.2", lines(2, 2));
        const Read r = readFolder(dir);
        QCOMPARE(r.timestamps, range(1, 5));
        QCOMPARE(r.stats.outOfOrder, std::int64_t(0));
    }

    void brokenLinksAndFifosAreListedNeverFatal()
    {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        put(dir / "app.log", lines(1, 3));
        fs::create_symlink(dir / "nowhere", dir / "zz.log");  // last in most directory orders
        fs::create_symlink(dir / "loop.log", dir / "loop.log");
        QCOMPARE(::mkfifo((dir / "fifo.log").c_str(), 0600), 0);
        Read r;
        try {
            r = readFolder(dir);
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        QCOMPARE(r.timestamps.size(), std::size_t(3));
        QCOMPARE(r.stats.skippedFiles.size(), std::size_t(3));
        for (const auto& s : r.stats.skippedFiles)
            QVERIFY2(s.reason.find("link") != std::string::npos || s.reason.find("FIFO") != std::string::npos,
                     s.reason.c_str());
    }

    // A flipped CRC is found at the stream's end: the lines before the last 64 KiB read stay.
    void aBadChecksumKeepsAllButTheLastRead()
    {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        std::string big;
        for (int t = 1; t <= 20000; ++t)
            big += "{\"timestamp\": " + std::to_string(t) + ", \"latency_ms\": " + std::to_string(t * 7919 % 1000) + "}\n";
        putGzip(dir / "app.jsonl.1.gz", big);
        {
            std::fstream f(dir / "app.jsonl.1.gz", std::ios::in | std::ios::out | std::ios::binary);
            f.seekp(-8, std::ios::end);  // the trailer's CRC-32
            char c = 0;
            f.read(&c, 1);
            f.seekp(-8, std::ios::end);
            c = static_cast<char>(c ^ 0x5A);
            f.write(&c, 1);
        }
        const Read r = readFolder(dir);
        QCOMPARE(r.stats.unreadFiles, 1);
        // ~20000 lines of ~40 bytes = ~800 KB: all but the last 64 KiB (~1700 lines) read.
        QVERIFY2(r.timestamps.size() > 17000, qPrintable(QString::number(r.timestamps.size())));
        bool named = false;
        for (const auto& p : r.stats.problems)
            named = named || (p.problem.find("damaged") != std::string::npos && p.problem.find("<fd:") == std::string::npos);
        QVERIFY(named);
    }

    void otherFilesAreListedNotParsed()
    {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        put(dir / "app.log", lines(1, 3));
        put(dir / "app.log-20261123", lines(0, 0));  // logrotate's dateext
        put(dir / "notes.txt", "hello notes\n");
        put(dir / "run.sh", "#!/bin/sh\n");
        put(dir / "app.log.4.bz2", "BZh91AY&SY");
        const Read r = readFolder(dir);
        QCOMPARE(r.stats.files, 2);
        QCOMPARE(r.stats.skipped, 0);  // no "invalid JSON" for the notes
        QCOMPARE(r.timestamps.size(), std::size_t(4));
        QCOMPARE(r.stats.skippedFiles.size(), std::size_t(3));
        QCOMPARE(r.stats.skippedFiles[0].file, std::string("app.log.4.bz2"));
        QVERIFY(r.stats.skippedFiles[0].reason.find(".bz2") != std::string::npos);
        QCOMPARE(r.stats.skippedFiles[1].file, std::string("notes.txt"));
        QVERIFY(r.stats.skippedFiles[1].reason.find("not a log file name") != std::string::npos);
        QCOMPARE(r.stats.skippedFiles[2].file, std::string("run.sh"));
        QVERIFY(r.stats.whole());  // a skipped non-log does not make the logs incomplete
    }
};

MONITOR_TEST(TestLogFolder)
#include "test_log_folder.moc"
