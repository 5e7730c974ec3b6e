// Prediction-log ingestion and windowed statistics: timestamp parsing, a fixture with good and
// broken lines, field forms, window aggregation, cancellation and file errors.
#include "flightdeck/common/Error.h"
#include "flightdeck/monitor/PredictionLog.h"
#include "flightdeck/monitor/WindowAggregator.h"

#include "TestRegistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>

using flightdeck::Error;
using flightdeck::ErrorCode;
using namespace flightdeck::monitor;

using Doubles = std::vector<double>;
Q_DECLARE_METATYPE(Doubles)
Q_DECLARE_METATYPE(flightdeck::ErrorCode)

namespace {

constexpr double kDay = 1795420800;  // 2026-11-23T08:00:00Z (date -u +%s)

std::string fixture(const char* name) { return std::string(FLIGHTDECK_TEST_DATA "/") + name; }

std::vector<PredictionRecord> readAll(const std::string& path, ReadStats& stats)
{
    std::vector<PredictionRecord> out;
    readPredictionLog(path, [&](const PredictionRecord& r) { out.push_back(r); }, stats);
    return out;
}

PredictionRecord rec(double ts, double latency, std::string prediction = "a", bool error = false)
{
    PredictionRecord r;
    r.timestamp = ts;
    r.latencyMs = latency;
    r.prediction = std::move(prediction);
    r.error = error;
    return r;
}

}  // namespace

class TestMonitor : public QObject {
    Q_OBJECT

private:
    QTemporaryDir tmp_;

    std::string writeTemp(const QString& name, const std::string& bytes)
    {
        const std::string path = tmp_.filePath(name).toStdString();
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(tmp_.isValid()); }

    void parseTimestamp_data()
    {
        // Golden cases: "<expected seconds | invalid>\t<text>" per line, '#' for comments.
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("expected");
        QFile file(QString::fromStdString(fixture("log_timestamps.tsv")));
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        int lineNo = 0;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).remove(QLatin1Char('\n'));
            ++lineNo;
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            const QString expected = line.section(QLatin1Char('\t'), 0, 0);
            const QString text = line.section(QLatin1Char('\t'), 1);
            const bool ok = expected != QLatin1String("invalid");
            QTest::addRow("line %d: \"%s\"", lineNo, qPrintable(text))
                << text << ok << (ok ? expected.toDouble() : 0.0);
        }
    }

    void parseTimestamp()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(double, expected);
        double got = -12345;
        QCOMPARE(flightdeck::monitor::parseTimestamp(text.toStdString(), &got), ok);
        if (ok)
            QVERIFY2(std::fabs(got - expected) < 1e-6,
                     qPrintable(QString::number(got, 'f', 6)));
    }

    void fixtureCountsAndProblems()
    {
        ReadStats stats;
        const auto records = readAll(fixture("log_mixed.jsonl"), stats);
        QCOMPARE(stats.lines, 15);  // 17 lines, one empty and one blank
        QCOMPARE(stats.records, 7);
        QCOMPARE(stats.skipped, 8);
        QCOMPARE(records.size(), std::size_t(7));

        const std::vector<std::pair<std::int64_t, std::string>> expected{
            {4, "invalid JSON"}, {5, R"(missing "latency_ms")"}, {6, R"(missing "timestamp")"},
            {7, R"("timestamp" is not a number or ISO-8601 text)"},
            {8, R"("latency_ms" is not a number)"}, {12, "not a JSON object"},
            {14, R"("features"[1] is not a number)"},
            {15, R"("prediction" is not a string or number)"}};
        QCOMPARE(stats.problems.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(stats.problems[i].line, expected[i].first);
            QCOMPARE(QString::fromStdString(stats.problems[i].problem),
                     QString::fromStdString(expected[i].second));
        }

        // Timestamps in all three forms, predictions as text, and the error forms.
        const Doubles ts{kDay, kDay + 1, kDay + 7, kDay + 8, kDay + 9, kDay + 10, kDay + 13.25};
        const std::vector<std::string> preds{"cat", "3", "dog", "dog", "cat", "2.5", ""};
        const std::vector<bool> errors{false, false, true, true, true, false, false};
        for (std::size_t i = 0; i < records.size(); ++i) {
            QCOMPARE(records[i].timestamp, ts[i]);
            QCOMPARE(records[i].prediction, preds[i]);
            QCOMPARE(records[i].error, errors[i]);
        }
        QCOMPARE(records[0].latencyMs, 12.5);
        QCOMPARE(records[0].features, (Doubles{0.5, 1, -2e-3}));
        // Object features: values in document order, not sorted by name.
        QCOMPARE(records[1].features, (Doubles{41, 1.75, -1}));
        QVERIFY(records[6].features.empty());
    }

    void fixtureWindows()
    {
        ReadStats stats;
        WindowAggregator agg(5);
        readPredictionLog(fixture("log_mixed.jsonl"), [&](const auto& r) { agg.add(r); }, stats);
        const auto w = agg.windows();
        QCOMPARE(w.size(), std::size_t(3));
        QCOMPARE(w[0].start, kDay);
        QCOMPARE(w[1].start, kDay + 5);
        QCOMPARE((std::vector<std::int64_t>{w[0].requests, w[1].requests, w[2].requests}),
                 (std::vector<std::int64_t>{2, 3, 2}));
        QCOMPARE(w[1].errors, 3);
        QCOMPARE(w[1].predictions.at("dog"), 2);

        const QJsonObject o =
            QJsonDocument::fromJson(QByteArray::fromStdString(toJson(w, stats))).object();
        QCOMPARE(o.value(QLatin1String("windows")).toArray().size(), 3);
        QCOMPARE(o.value(QLatin1String("lines")).toInt(), 15);
        QCOMPARE(o.value(QLatin1String("records")).toInt(), 7);
        QCOMPARE(o.value(QLatin1String("skipped")).toInt(), 8);
        const QJsonArray problems = o.value(QLatin1String("problems")).toArray();
        QCOMPARE(problems.size(), 8);
        QCOMPARE(problems.at(1).toObject().value(QLatin1String("line")).toInt(), 5);
        QCOMPARE(problems.at(1).toObject().value(QLatin1String("problem")).toString(),
                 QStringLiteral("missing \"latency_ms\""));
        const QJsonObject w1 = o.value(QLatin1String("windows")).toArray().at(1).toObject();
        QCOMPARE(w1.value(QLatin1String("requests_per_second")).toDouble(), 0.6);
        QCOMPARE(w1.value(QLatin1String("latency_p50")).toDouble(), 31.0);
        QCOMPARE(w1.value(QLatin1String("predictions")).toObject()
                     .value(QLatin1String("cat")).toInt(), 1);
    }

    void crlfAndBom()
    {
        const std::string path = writeTemp(
            QStringLiteral("crlf.jsonl"),
            "\xEF\xBB\xBF{\"timestamp\": 1, \"latency_ms\": 2, \"prediction\": \"a\"}\r\n\r\n"
            "{\"timestamp\": 2, \"latency_ms\": 3, \"prediction\": \"b\"}\r\n"
            "{\"timestamp\": 3}\r\n"
            "{\"timestamp\": 4, \"latency_ms\": 5}");  // no final newline
        ReadStats stats;
        const auto records = readAll(path, stats);
        QCOMPARE(stats.lines, 4);
        QCOMPARE(stats.records, 3);
        QCOMPARE(records[1].prediction, std::string("b"));
        QCOMPARE(stats.problems.size(), std::size_t(1));
        QCOMPARE(stats.problems[0].line, 4);
    }

    void recordForms_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<bool>("error");
        QTest::addColumn<QString>("prediction");
        QTest::addColumn<Doubles>("features");
        auto row = [](const char* name, const char* fields, bool error, const char* prediction = "",
                      Doubles features = {}) {
            QTest::newRow(name) << QStringLiteral("{\"timestamp\": 1, \"latency_ms\": 1, %1}")
                                       .arg(QLatin1String(fields))
                                << error << QString::fromUtf8(prediction) << features;
        };
        row("status error", "\"status\": \"error\"", true);
        row("status ERROR", "\"status\": \"ERROR\"", true);
        row("status fail", "\"status\": \"fail\"", true);
        row("status 500", "\"status\": 500", true);
        row("status 503 text", "\"status\": \"503\"", true);
        row("status 499", "\"status\": 499", false);
        row("status 200", "\"status\": 200", false);
        row("status ok", "\"status\": \"ok\"", false);
        row("error true", "\"error\": true", true);
        row("error false", "\"error\": false", false);
        row("error message", "\"error\": \"timeout\"", true);
        row("ok status, error flag", "\"status\": 200, \"error\": true", true);
        row("no status", "\"prediction\": \"x\"", false, "x");
        row("int prediction", "\"prediction\": 7", false, "7");
        row("float 3.0", "\"prediction\": 3.0", false, "3");
        row("negative prediction", "\"prediction\": -1", false, "-1");
        row("0.1 prediction", "\"prediction\": 0.1", false, "0.1");
        row("null prediction", "\"prediction\": null", false);
        row("features array", "\"features\": [3, -1.5, 2e2]", false, "", {3, -1.5, 200});
        row("features object", "\"features\": {\"z\": 1, \"a\": 2, \"m\": 3}", false,
            "", {1, 2, 3});
        row("empty features", "\"features\": []", false);
    }

    void recordForms()
    {
        QFETCH(QString, json);
        QFETCH(bool, error);
        QFETCH(QString, prediction);
        QFETCH(Doubles, features);
        const std::string path = writeTemp(QStringLiteral("form.jsonl"), json.toStdString() + "\n");
        ReadStats stats;
        const auto records = readAll(path, stats);
        QVERIFY2(stats.problems.empty(),
                 stats.problems.empty() ? "" : stats.problems[0].problem.c_str());
        QCOMPARE(records.size(), std::size_t(1));
        QCOMPARE(records[0].error, error);
        QCOMPARE(QString::fromStdString(records[0].prediction), prediction);
        QCOMPARE(records[0].features, features);
    }

    void badFields_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("problem");
        auto row = [](const char* name, const char* json, const char* problem) {
            QTest::newRow(name) << QString::fromUtf8(json) << QString::fromUtf8(problem);
        };
        row("bool timestamp", R"({"timestamp": true, "latency_ms": 1})",
            R"("timestamp" is not a number or ISO-8601 text)");
        row("negative latency", R"({"timestamp": 1, "latency_ms": -1})",
            R"("latency_ms" is negative)");
        row("features string", R"({"timestamp": 1, "latency_ms": 1, "features": "x"})",
            R"("features" is not an array or object)");
        row("features object bad",
            R"({"timestamp": 1, "latency_ms": 1, "features": {"age": null}})",
            R"("features"."age" is not a number)");
        row("status array", R"({"timestamp": 1, "latency_ms": 1, "status": []})",
            R"("status" is not a string or number)");
        row("error number", R"({"timestamp": 1, "latency_ms": 1, "error": 1})",
            R"("error" is not a boolean)");
        row("trailing garbage", R"({"timestamp": 1, "latency_ms": 1} x)", "invalid JSON");
    }

    void badFields()
    {
        QFETCH(QString, json);
        QFETCH(QString, problem);
        const std::string path = writeTemp(QStringLiteral("bad.jsonl"),
                                           "\n" + json.toStdString() + "\n");
        ReadStats stats;
        QVERIFY(readAll(path, stats).empty());
        QCOMPARE(stats.skipped, 1);
        QCOMPARE(stats.problems.size(), std::size_t(1));
        QCOMPARE(stats.problems[0].line, 2);
        QCOMPARE(QString::fromStdString(stats.problems[0].problem), problem);
    }

    void onlyFirstHundredProblemsKept()
    {
        std::string text;
        for (int i = 0; i < 250; ++i)
            text += "not json\n";
        ReadStats stats;
        readAll(writeTemp(QStringLiteral("junk.jsonl"), text), stats);
        QCOMPARE(stats.skipped, 250);
        QCOMPARE(stats.problems.size(), std::size_t(100));
        QCOMPARE(stats.problems.back().line, 100);
    }

    void windowsExactPercentiles()
    {
        // Window [100, 110): latencies 10..1 (unsorted), window [110, 120) empty, [120, 130)
        // one error. Nearest rank on 1..10: p50 = 5th, p95 = p99 = 10th.
        WindowAggregator agg(10);
        for (int i = 0; i < 10; ++i)
            agg.add(rec(100 + i, 10 - i, i % 3 == 0 ? "x" : "y"));
        agg.add(rec(125.5, 42, "x", true));
        const auto w = agg.windows();
        QCOMPARE(w.size(), std::size_t(3));
        QCOMPARE(w[0].start, 100.0);
        QCOMPARE(w[0].width, 10.0);
        QCOMPARE(w[0].requests, 10);
        QCOMPARE(w[0].errors, 0);
        QCOMPARE(w[0].requestsPerSecond, 1.0);
        QCOMPARE(w[0].latencyMean, 5.5);
        QCOMPARE(w[0].latencyP50, 5.0);
        QCOMPARE(w[0].latencyP95, 10.0);
        QCOMPARE(w[0].latencyP99, 10.0);
        QCOMPARE(w[0].predictions.at("x"), 4);
        QCOMPARE(w[0].predictions.at("y"), 6);
        // The gap window: present, empty, zero rate.
        QCOMPARE(w[1].start, 110.0);
        QCOMPARE(w[1].requests, 0);
        QCOMPARE(w[1].requestsPerSecond, 0.0);
        QCOMPARE(w[1].latencyP99, 0.0);
        QVERIFY(w[1].predictions.empty());
        QCOMPARE(w[2].start, 120.0);
        QCOMPARE(w[2].requests, 1);
        QCOMPARE(w[2].errors, 1);
        QCOMPARE(w[2].requestsPerSecond, 0.1);
        QCOMPARE(w[2].latencyP50, 42.0);
    }

    // Probe: confidences of 1.5 and -0.5 (a logging bug) were averaged into the mean, and a
    // failed request without a prediction was counted as a class "".
    void outOfRangeConfidenceAndMissingPrediction()
    {
        WindowAggregator agg(60);
        const double confidences[] = {0.5, 0.7, 1.5, -0.5};
        for (int i = 0; i < 4; ++i) {
            PredictionRecord r = rec(i, 5, "x");
            r.confidence = confidences[i];
            agg.add(r);
        }
        agg.add(rec(5, 5, "", true));
        const auto w = agg.windows();
        QCOMPARE(w.size(), std::size_t(1));
        QCOMPARE(w[0].confidenceCount, std::int64_t(4));
        QCOMPARE(w[0].confidenceOutOfRange, std::int64_t(2));
        QCOMPARE(w[0].confidenceMean, 0.6);
        QCOMPARE(w[0].predictions.size(), std::size_t(1));
        QCOMPARE(w[0].predictions.at("x"), 4);
        QCOMPARE(w[0].requests, 5);
        QCOMPARE(w[0].errors, 1);
    }

    void windowsHundredSamples()
    {
        // 1..100 ms shuffled into one 60 s window: nearest rank gives exactly p, no interpolation.
        WindowAggregator agg(60);
        for (int i = 0; i < 100; ++i)
            agg.add(rec(0.5 * i, (i * 37) % 100 + 1));
        const auto w = agg.windows();
        QCOMPARE(w.size(), std::size_t(1));
        QCOMPARE(w[0].latencyP50, 50.0);
        QCOMPARE(w[0].latencyP95, 95.0);
        QCOMPARE(w[0].latencyP99, 99.0);
        QCOMPARE(w[0].latencyMean, 50.5);
    }

    void windowsNegativeTimeAndBadArguments()
    {
        WindowAggregator agg(1);
        agg.add(rec(-0.5, 1));
        agg.add(rec(0.25, 1));
        const auto w = agg.windows();
        QCOMPARE(w.size(), std::size_t(2));
        QCOMPARE(w[0].start, -1.0);  // floor, not truncation toward zero
        QCOMPARE(w[1].start, 0.0);
        QVERIFY(WindowAggregator(1).windows().empty());

        for (double width : {0.0, -1.0, std::nan("")})
            QVERIFY_THROWS_EXCEPTION(Error, WindowAggregator{width});
        QVERIFY_THROWS_EXCEPTION(Error, agg.add(rec(std::nan(""), 1)));
        // One stray record far away would need billions of gap windows: refused with a reason.
        agg.add(rec(1e12, 1));
        QVERIFY_THROWS_EXCEPTION(Error, agg.windows());
    }

    void cancelStopsTheRead()
    {
        std::string text;
        for (int i = 0; i < 20000; ++i)
            text += "{\"timestamp\": " + std::to_string(i) + ", \"latency_ms\": 1}\n";
        const std::string path = writeTemp(QStringLiteral("big.jsonl"), text);

        std::atomic<bool> cancel{false};
        ReadStats stats;
        std::int64_t seen = 0;
        const bool finished = readPredictionLog(
            path, [&](const PredictionRecord&) { if (++seen == 10) cancel = true; }, stats,
            &cancel);
        QVERIFY(!finished);
        QVERIFY(seen >= 10);
        QVERIFY(seen < 20000);
        QVERIFY(seen <= 4096);  // polled every few thousand lines

        cancel = true;
        seen = 0;
        QVERIFY(!readPredictionLog(path, [&](const PredictionRecord&) { ++seen; }, stats, &cancel));
        QCOMPARE(seen, 0);

        cancel = false;
        QVERIFY(readPredictionLog(path, [&](const PredictionRecord&) { ++seen; }, stats, &cancel));
        QCOMPARE(seen, 20000);
        QCOMPARE(stats.records, 20000);  // stats start afresh on every read
    }

    void fileErrors_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("missing") << tmp_.filePath(QStringLiteral("nope.jsonl"))
                                 << ErrorCode::FileNotFound;
        QTest::newRow("a folder") << tmp_.path() << ErrorCode::FileUnreadable;
    }

    void fileErrors()
    {
        QFETCH(QString, path);
        QFETCH(ErrorCode, code);
        ReadStats stats;
        try {
            readPredictionLog(path.toStdString(), [](const PredictionRecord&) {}, stats);
            QFAIL("expected flightdeck::Error");
        } catch (const Error& e) {
            QCOMPARE(e.code(), code);
            QCOMPARE(e.info().file, path.toStdString());  // the path travels with the error
        }
    }

    void emptyFileIsNoError()
    {
        ReadStats empty;
        QVERIFY(readAll(writeTemp(QStringLiteral("empty.jsonl"), ""), empty).empty());
        QCOMPARE(empty.lines, 0);
        QCOMPARE(empty.skipped, 0);
    }
};

MONITOR_TEST(TestMonitor)
#include "test_monitor.moc"
