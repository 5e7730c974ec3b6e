// LogFollower: appended lines, a line written in two parts, rotation by rename + create (with
// lines appended to the old file after the rename), copytruncate, a missing file, CSV headers
// per file, starting at the end.
#include "flightdeck/monitor/LogFollower.h"

#include "TestRegistry.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>
#include <fstream>

using namespace flightdeck::monitor;

class TestFollow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir tmp_;
    std::vector<double> seen_;

    RecordCallback collect()
    {
        return [this](const PredictionRecord& r) { seen_.push_back(r.timestamp); };
    }
    static void append(const std::string& path, const std::string& text)
    {
        std::ofstream out(path, std::ios::binary | std::ios::app);
        out << text;
    }
    static std::string rec(int ts) { return "{\"timestamp\": " + std::to_string(ts) + "}\n"; }

private Q_SLOTS:
    void initTestCase() { QVERIFY(tmp_.isValid()); }
    void init() { seen_.clear(); }

    void appendsAndPartialLines()
    {
        const std::string path = tmp_.filePath(QStringLiteral("p.jsonl")).toStdString();
        LogFollower f(path);
        QCOMPARE(f.poll(collect()), 0);  // not there yet: waited for
        append(path, rec(1) + rec(2));
        QCOMPARE(f.poll(collect()), 2);
        append(path, "{\"timestamp\":");  // the writer is mid-line
        QCOMPARE(f.poll(collect()), 0);
        append(path, " 3}\n" + rec(4));
        QCOMPARE(f.poll(collect()), 2);
        QCOMPARE(f.poll(collect()), 0);
        QCOMPARE(seen_, (std::vector<double>{1, 2, 3, 4}));
        QCOMPARE(f.stats().skipped, 0);
    }

    void rotationByRename()
    {
        const std::string path = tmp_.filePath(QStringLiteral("r.jsonl")).toStdString();
        const std::string old1 = path + ".1";
        append(path, rec(1));
        LogFollower f(path);
        QCOMPARE(f.poll(collect()), 1);
        // logrotate: rename, the writer still holds the old file and appends to it (including
        // an unterminated last line), then a new file appears under the name.
        QCOMPARE(std::rename(path.c_str(), old1.c_str()), 0);
        append(old1, rec(2) + "{\"timestamp\": 3}");
        QCOMPARE(f.poll(collect()), 1);  // renamed away, nothing new there yet: old file read
        append(path, rec(4));
        QCOMPARE(f.poll(collect()), 2);  // the old tail (3) is finished, then the new file
        append(path, rec(5));
        QCOMPARE(f.poll(collect()), 1);
        QCOMPARE(seen_, (std::vector<double>{1, 2, 3, 4, 5}));
        QCOMPARE(f.rotations(), 1);
        // A second rotation, the new file created at once.
        const std::string old2 = path + ".2";
        QCOMPARE(std::rename(path.c_str(), old2.c_str()), 0);
        append(old2, rec(6));
        append(path, rec(7) + rec(8));
        QCOMPARE(f.poll(collect()), 3);
        QCOMPARE(seen_, (std::vector<double>{1, 2, 3, 4, 5, 6, 7, 8}));
        QCOMPARE(f.rotations(), 2);
        QCOMPARE(f.stats().files, 3);
    }

    void copyTruncate()
    {
        const std::string path = tmp_.filePath(QStringLiteral("t.jsonl")).toStdString();
        append(path, rec(1) + rec(2));
        LogFollower f(path);
        QCOMPARE(f.poll(collect()), 2);
        std::ofstream(path, std::ios::binary | std::ios::trunc) << rec(3);
        QCOMPARE(f.poll(collect()), 1);
        QCOMPARE(f.truncations(), 1);
        QCOMPARE(seen_, (std::vector<double>{1, 2, 3}));
    }

    void csvHeaderPerFileAndStartAtEnd()
    {
        const std::string path = tmp_.filePath(QStringLiteral("c.csv")).toStdString();
        append(path, "timestamp,v\n1,0.5\n");
        FollowOptions options;
        options.fromStart = false;
        LogFollower f(path, options);
        QCOMPARE(f.poll(collect()), 0);  // the existing rows are skipped
        append(path, "2,0.25\n");
        QCOMPARE(f.poll(collect()), 1);
        QCOMPARE(std::rename(path.c_str(), (path + ".1").c_str()), 0);
        append(path, "v,timestamp\n9,3\n");  // the new file's own header
        QCOMPARE(f.poll(collect()), 1);
        QCOMPARE(seen_, (std::vector<double>{2, 3}));
    }
};

MONITOR_TEST(TestFollow)
#include "test_follow.moc"
