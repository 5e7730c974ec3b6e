// LogReader: field mapping for JSONL and CSV, timestamps with zones and epoch units, bad input
// (over-long lines up to a 5 GB sparse line, binary garbage, NaN / Inf, backwards timestamps),
// LineReader's buffering, and folders of rotated files in order.
#include "flightdeck/common/Error.h"
#include "flightdeck/monitor/LineReader.h"
#include "flightdeck/monitor/LogReader.h"

#include "TestRegistry.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fcntl.h>
#include <fstream>
#include <set>
#include <unistd.h>

using flightdeck::Error;
using flightdeck::ErrorCode;
using namespace flightdeck::monitor;

namespace {

constexpr double kDay = 1795420800;  // 2026-11-23T08:00:00Z

std::vector<PredictionRecord> readAll(const std::string& path, ReadStats& stats,
                                      const LogReadOptions& options = {})
{
    std::vector<PredictionRecord> out;
    readLog(path, options, [&](const PredictionRecord& r) { out.push_back(r); }, stats);
    return out;
}

}  // namespace

class TestLogReader : public QObject {
    Q_OBJECT

private:
    QTemporaryDir tmp_;

    std::string write(const QString& name, const std::string& bytes)
    {
        const std::string path = tmp_.filePath(name).toStdString();
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(tmp_.isValid()); }

    void jsonlMappingAndAliases()
    {
        // The bench's layout: "ts", a features object, confidence, request id, model version.
        const std::string path = write(
            QStringLiteral("a.jsonl"),
            R"({"ts": "2026-11-23T08:00:00.5Z", "request_id": "q1", "model_version": "v3", "latency_ms": 4, "features": {"x": 1, "y": 2}, "prediction": 1, "confidence": 0.75})"
            "\n"
            R"({"ts": 1795420801000000, "request_id": 77, "features": {"y": 5, "x": 4, "z": 6}, "prediction": "b", "confidence": [0.1, 0.8, 0.1]})"
            "\n"
            R"({"ts": 1795420802, "features": {"x": NaN, "y": Infinity, "z": -Infinity}})"
            "\n"
            R"({"ts": 1795420803, "features": {"x": "NaN", "y": "inf", "z": null}})"
            "\n");
        ReadStats stats;
        const auto recs = readAll(path, stats);
        QCOMPARE(recs.size(), std::size_t(3));
        QCOMPARE(recs[0].timestamp, kDay + 0.5);
        QCOMPARE(recs[0].requestId, std::string("q1"));
        QCOMPARE(recs[0].prediction, std::string("1"));
        QCOMPARE(recs[0].confidence, 0.75);
        QCOMPARE(recs[0].latencyMs, 4.0);
        QVERIFY(std::isnan(recs[1].latencyMs));  // no latency: NaN, not a problem
        QCOMPARE(recs[1].timestamp, kDay + 1);     // microseconds recognised
        QCOMPARE(recs[1].requestId, std::string("77"));
        QCOMPARE(recs[1].confidence, 0.8);        // probabilities: the largest
        // Names by key, not position: the new key "z" extends the layout.
        QCOMPARE(*recs[1].featureNames, (std::vector<std::string>{"x", "y", "z"}));
        QCOMPARE(recs[1].features, (std::vector<double>{4, 5, 6}));
        QVERIFY(recs[0].featureNames != recs[1].featureNames);
        QCOMPARE(recs[0].features.size(), std::size_t(2));
        // Bare NaN / Infinity (Python's json.dumps) are read as non-finite values.
        QVERIFY(std::isnan(recs[2].features[0]));
        QCOMPARE(recs[2].features[1], INFINITY);
        QCOMPARE(recs[2].features[2], -INFINITY);
        QCOMPARE(stats.nonFinite, 1);
        QCOMPARE(stats.skipped, 1);  // null is a problem
        QCOMPARE(stats.problems[0].line, 4);
        QCOMPARE(stats.problems[0].problem, std::string(R"("features"."z" is not a number)"));
    }

    void alternatingFeatureShapesKeepTheirOwnNames()
    {
        // Two shapes taking turns: each record carries exactly its own names (never the union
        // with NaN), and the two shapes reuse one name vector each.
        std::string text;
        for (int i = 0; i < 200; ++i)
            text += i % 2 ? "{\"timestamp\": 1, \"features\": {\"a\": 1, \"b\": 2, \"d\": 4}}\n"
                          : "{\"timestamp\": 1, \"features\": {\"a\": 1, \"b\": 2, \"c\": 3}}\n";
        const std::string path = write(QStringLiteral("alternating.jsonl"), text);
        ReadStats stats;
        std::set<const void*> layouts;
        int exact = 0;
        readLog(path, {}, [&](const PredictionRecord& r) {
            layouts.insert(r.featureNames.get());
            const std::vector<std::string> want{"a", "b", r.features.size() == 3 && (*r.featureNames)[2] == "d" ? "d" : "c"};
            exact += r.featureNames && *r.featureNames == want && r.features.size() == 3 && r.features[2] == (want[2] == "d" ? 4 : 3);
        }, stats);
        QCOMPARE(stats.records, std::int64_t(200));
        QCOMPARE(exact, 200);
        QVERIFY2(layouts.size() <= 3, qPrintable(QString::number(layouts.size())));

        // A key named twice fills one slot: after records with a, b, c, the record
        // {a, a, b} has the names a, b (c is missing, not a NaN of its own).
        const std::string dup = write(QStringLiteral("dup.jsonl"),
            "{\"timestamp\": 1, \"features\": {\"a\": 1, \"b\": 2, \"c\": 3}}\n"
            "{\"timestamp\": 2, \"features\": {\"a\": 1, \"a\": 5, \"b\": 2}}\n");
        std::vector<std::vector<std::string>> names;
        readLog(dup, {}, [&](const PredictionRecord& r) { names.push_back(*r.featureNames); }, stats);
        QCOMPARE(names.size(), std::size_t(2));
        QCOMPARE(names[1], (std::vector<std::string>{"a", "b"}));
    }

    void csvMapping()
    {
        LogReadOptions options;
        options.mapping.timestamp = {"when"};
        options.mapping.requestId = {"rid"};
        options.mapping.latency = {"latency"};
        options.mapping.prediction = {"pred"};
        options.mapping.confidence = {"conf"};
        ReadStats stats;
        const auto recs = readAll(FLIGHTDECK_TEST_DATA "/log_mapped.csv", stats, options);
        QCOMPARE(recs.size(), std::size_t(4));
        QCOMPARE(*recs[0].featureNames, (std::vector<std::string>{"age", "height"}));
        QCOMPARE(recs[0].timestamp, kDay);
        QCOMPARE(recs[1].timestamp, kDay + 1);  // +01:00
        QVERIFY(recs[1].error);                 // 503
        QVERIFY(std::isnan(recs[1].features[0]));  // empty cell
        QCOMPARE(recs[2].timestamp, kDay + 2);  // epoch milliseconds
        QCOMPARE(recs[2].requestId, std::string("r,3"));
        QCOMPARE(recs[2].prediction, std::string("say \"hi\""));
        QVERIFY(std::isnan(recs[2].features[0]));
        QCOMPARE(recs[2].features[1], INFINITY);
        QCOMPARE(recs[3].features[0], -INFINITY);
        QCOMPARE(stats.outOfOrder, 1);  // r7 is earlier than r3: kept and counted
        QCOMPARE(stats.nonFinite, 3);
        QCOMPARE(stats.skipped, 3);
        QCOMPARE(stats.problems[0].line, 5);
        QCOMPARE(stats.problems[0].problem, std::string(R"("latency" is not a number)"));
        QCOMPARE(stats.problems[1].problem, std::string("expected 8 fields, got 7"));
        QCOMPARE(stats.problems[2].problem, std::string("unterminated quote"));
    }

    void tsvAndExplicitFeatureColumns()
    {
        const std::string path = write(QStringLiteral("b.tsv"),
                                       "timestamp\tf1\tf2\tother\n1\t0.5\t2\tx\n");
        LogReadOptions options;
        options.mapping.featureColumns = {"f2", "f1"};
        ReadStats stats;
        const auto recs = readAll(path, stats, options);
        QCOMPARE(recs.size(), std::size_t(1));
        QCOMPARE(recs[0].features, (std::vector<double>{2, 0.5}));
        options.mapping.featureColumns = {"nope"};
        QVERIFY_THROWS_EXCEPTION(Error, readAll(path, stats, options));
    }

    void binaryGarbage()
    {
        std::string junk;
        for (int i = 0; i < 5000; ++i)
            junk.push_back(static_cast<char>((i * 7919) % 256));
        junk += "\n{\"timestamp\": 1}\n";
        junk.push_back('\0');
        junk += "\xff\xfe{\n";
        ReadStats stats;
        const auto recs = readAll(write(QStringLiteral("junk.jsonl"), junk), stats);
        QCOMPARE(recs.size(), std::size_t(1));
        QVERIFY(stats.skipped >= 2);
        for (const auto& p : stats.problems)
            QCOMPARE(p.problem, std::string("invalid JSON"));
    }

    void lineReaderSplitsAcrossBuffers()
    {
        // Tiny chunks: lines straddle every buffer boundary; CRLF and a final unterminated line.
        std::string text;
        for (int i = 0; i < 300; ++i)
            text += std::string(static_cast<std::size_t>(i % 37), 'a' + i % 26) + (i % 2 ? "\r\n" : "\n");
        text += "tail";
        const std::string path = write(QStringLiteral("lines.txt"), text);
        LineReader reader(64, 7);
        reader.open(path);
        std::string_view line;
        int n = 0;
        while (reader.next(&line) == LineReader::Result::Line) {
            if (n < 300)
                QCOMPARE(line.size(), static_cast<std::size_t>(n % 37));
            ++n;
        }
        QCOMPARE(n, 301);
        QCOMPARE(line, std::string_view("tail"));
        QCOMPARE(reader.bytesConsumed(), static_cast<std::uint64_t>(text.size()));
    }

    void lineReaderGrowsWithTheFile()
    {
        // Opened on a 2-byte file, the buffer starts small (64 KiB); a followed file that then
        // grows by a 300 KB line and a line over the 1 MiB limit must read as before.
        const std::string path = write(QStringLiteral("growing.jsonl"), "a\n");
        LineReader reader;
        reader.open(path);
        std::string_view line;
        QCOMPARE(reader.next(&line, false), LineReader::Result::Line);
        QCOMPARE(line, std::string_view("a"));
        QCOMPARE(reader.next(&line, false), LineReader::Result::NoData);
        {
            std::ofstream out(path, std::ios::binary | std::ios::app);
            out << std::string(300000, 'b') << "\n" << std::string(2000000, 'c') << "\nend\n";
        }
        QCOMPARE(reader.next(&line, false), LineReader::Result::Line);
        QCOMPARE(line.size(), std::size_t(300000));
        QVERIFY(line.find_first_not_of('b') == std::string_view::npos);
        QCOMPARE(reader.next(&line, false), LineReader::Result::TooLong);
        QCOMPARE(reader.tooLongBytes(), std::uint64_t(2000000));
        QCOMPARE(reader.next(&line, false), LineReader::Result::Line);
        QCOMPARE(line, std::string_view("end"));
        QCOMPARE(reader.lineNumber(), std::int64_t(4));
        QCOMPARE(reader.next(&line, false), LineReader::Result::NoData);
        QCOMPARE(reader.bytesConsumed(), std::uint64_t(2 + 300001 + 2000001 + 4));
    }

    void overlongLinesAreSkipped()
    {
        std::string text = "{\"timestamp\": 1}\n" + std::string(5000, 'x') + "\n{\"timestamp\": 2}\n"
                           + std::string(3000, 'y');  // the file ends inside a long line
        LogReadOptions options;
        options.maxLineBytes = 1000;
        ReadStats stats;
        const auto recs = readAll(write(QStringLiteral("long.jsonl"), text), stats, options);
        QCOMPARE(recs.size(), std::size_t(2));
        QCOMPARE(stats.tooLong, 2);
        QCOMPARE(stats.problems[0].line, 2);
        QCOMPARE(stats.problems[0].problem, std::string("line too long (5000 bytes, limit 1000)"));
        QCOMPARE(stats.problems[1].line, 4);
        QCOMPARE(stats.problems[1].problem, std::string("line too long (3000 bytes, limit 1000)"));
    }

    void fiveGigabyteLine()
    {
        // A sparse file: one 5 GB line of NUL bytes between two good lines. It must be scanned,
        // never held: the reader's buffer is 2 MiB.
        const std::string path = tmp_.filePath(QStringLiteral("huge.jsonl")).toStdString();
        {
            std::ofstream(path, std::ios::binary) << "{\"timestamp\": 1}\n";
        }
        const off_t five = off_t(5) << 30;
        {
            const int fd = ::open(path.c_str(), O_WRONLY);
            QVERIFY(fd >= 0);
            if (::ftruncate(fd, 17 + five) != 0) {
                ::close(fd);
                QSKIP("the temporary folder cannot hold a sparse 5 GB file");
            }
            ::close(fd);
        }
        {
            std::ofstream(path, std::ios::binary | std::ios::app) << "\n{\"timestamp\": 2}\n";
        }
        ReadStats stats;
        const auto recs = readAll(path, stats);
        std::remove(path.c_str());
        QCOMPARE(recs.size(), std::size_t(2));
        QCOMPARE(stats.tooLong, 1);
        QCOMPARE(stats.problems[0].line, 2);
        QCOMPARE(stats.problems[0].problem,
                 "line too long (" + std::to_string(five) + " bytes, limit 1048576)");
    }

    void rotatedFolderOrder()
    {
        QTemporaryDir dir;
        auto put = [&](const char* name, double ts) {
            std::ofstream(dir.filePath(QLatin1String(name)).toStdString())
                << "{\"timestamp\": " << ts << "}\n";
        };
        put("app.log", 50);
        put("app.log.1", 40);
        put("app.log.2", 30);
        put("app.log.10", 10);
        put("app.log.3", 20);
        put(".hidden", 0);
        std::ofstream(dir.filePath(QStringLiteral("other.csv")).toStdString())
            << "timestamp,v\n60,1\n";  // a CSV in the same folder has its own header
        const auto files = rotatedLogFiles(dir.path().toStdString());
        std::vector<std::string> names;
        for (const auto& f : files)
            names.push_back(f.filename().string());
        QCOMPARE(names, (std::vector<std::string>{"app.log.10", "app.log.3", "app.log.2",
                                                  "app.log.1", "app.log", "other.csv"}));
        ReadStats stats;
        std::vector<double> ts;
        QVERIFY(readLogFolder(dir.path().toStdString(), {},
                              [&](const PredictionRecord& r) { ts.push_back(r.timestamp); }, stats));
        QCOMPARE(ts, (std::vector<double>{10, 20, 30, 40, 50, 60}));
        QCOMPARE(stats.outOfOrder, 0);
        QCOMPARE(stats.files, 6);
        QCOMPARE(formatForPath("x/predictions.csv.2"), LogFormat::Csv);
        QCOMPARE(formatForPath("x/predictions.jsonl"), LogFormat::Jsonl);
    }

    void groundTruthFile()
    {
        const std::string path = write(QStringLiteral("truth.csv"),
                                       "request_id,label\nq1,cat\nq2,\n,dog\nq3,7\n");
        std::vector<std::pair<std::string, std::string>> got;
        ReadStats stats;
        readGroundTruth(path, {}, [&](const std::string& id, const std::string& l) {
            got.emplace_back(id, l);
        }, stats);
        QCOMPARE(got.size(), std::size_t(2));
        QCOMPARE(got[1].second, std::string("7"));
        QCOMPARE(stats.skipped, 2);
        QCOMPARE(stats.problems[0].problem, std::string("missing \"label\""));
        QCOMPARE(stats.problems[1].problem, std::string("missing \"request_id\""));
    }
};

MONITOR_TEST(TestLogReader)
#include "test_log_reader.moc"
