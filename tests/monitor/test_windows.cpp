// Window aggregates beyond the legacy ones: the quantile sketch's stated bound, the switch from
// exact to sketched percentiles, confidence histograms, accuracy joined from ground truth, and
// monitorSummaryJson over a file and a ground-truth file.
#include "flightdeck/common/Error.h"
#include "flightdeck/monitor/MonitorReport.h"
#include "flightdeck/monitor/QuantileSketch.h"
#include "flightdeck/monitor/WindowAggregator.h"

#include "TestRegistry.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>

using namespace flightdeck::monitor;
using nlohmann::json;

namespace {

double nearestRank(std::vector<double> v, double percent)
{
    std::sort(v.begin(), v.end());
    auto rank = static_cast<std::int64_t>(std::ceil(percent / 100.0 * v.size() - 1e-9));
    rank = std::clamp<std::int64_t>(rank, 1, static_cast<std::int64_t>(v.size()));
    return v[static_cast<std::size_t>(rank - 1)];
}

PredictionRecord rec(double ts, double latency, std::string prediction = "a",
                     double confidence = NAN, std::string id = {})
{
    PredictionRecord r;
    r.timestamp = ts;
    r.latencyMs = latency;
    r.prediction = std::move(prediction);
    r.confidence = confidence;
    r.requestId = std::move(id);
    return r;
}

}  // namespace

class TestWindows : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sketchBound_data()
    {
        QTest::addColumn<double>("alpha");
        QTest::addColumn<int>("distribution");
        for (double a : {0.001, 0.01, 0.05})
            for (int d : {0, 1, 2})
                QTest::newRow(qPrintable(QStringLiteral("a=%1 d=%2").arg(a).arg(d))) << a << d;
    }

    void sketchBound()
    {
        // |sketch - exact| <= alpha * exact for every percentile, on lognormal, uniform and
        // heavy-tailed latencies with zeros mixed in.
        QFETCH(double, alpha);
        QFETCH(int, distribution);
        std::mt19937_64 rng(static_cast<std::uint64_t>(alpha * 1e6) + distribution);
        std::lognormal_distribution<double> logn(3, 1.5);
        std::uniform_real_distribution<double> uni(0, 1000);
        std::exponential_distribution<double> expo(0.01);
        std::vector<double> values;
        QuantileSketch sketch(alpha);
        for (int i = 0; i < 50000; ++i) {
            double v = distribution == 0 ? logn(rng) : distribution == 1 ? uni(rng)
                                                                        : std::pow(expo(rng), 2);
            if (i % 997 == 0)
                v = 0;
            values.push_back(v);
            sketch.add(v);
        }
        std::vector<double> sorted = values;
        std::sort(sorted.begin(), sorted.end());
        double minPositive = INFINITY;
        for (double v : sorted)
            if (v > 1e-9)
                minPositive = std::min(minPositive, v);
        for (double p = 0.5; p <= 100; p += 0.5) {
            const double exact = nearestRank(sorted, p);
            const double est = sketch.percentile(p);
            QVERIFY2(std::fabs(est - exact) <= alpha * exact * (1 + 1e-9),
                     qPrintable(QStringLiteral("p%1: exact %2 sketch %3").arg(p).arg(exact).arg(est)));
        }
        // Memory: one counter per bucket between the smallest and largest value, however many
        // values were added.
        const double logGamma = std::log((1 + alpha) / (1 - alpha));
        QVERIFY(static_cast<double>(sketch.bucketCount())
                <= std::log(sorted.back() / minPositive) / logGamma + 2);
    }

    void exactUntilTheLimitThenSketched()
    {
        WindowOptions o;
        o.widthSeconds = 60;
        o.exactLatencyLimit = 1000;
        WindowAggregator agg(o);
        std::vector<double> lat;
        for (int i = 0; i < 5000; ++i) {
            const double v = 1 + (i * 7919) % 1000;
            lat.push_back(v);
            agg.add(rec(i < 1000 ? 30 : 90, v));  // window 0: 1,000 values, window 1: 4,000
        }
        const auto w = agg.windows();
        QCOMPARE(w.size(), std::size_t(2));
        QVERIFY(w[0].latencyExact);
        QVERIFY(!w[1].latencyExact);
        const std::vector<double> second(lat.begin() + 1000, lat.end());
        for (auto [p, got] : {std::pair{50.0, w[1].latencyP50}, {95.0, w[1].latencyP95},
                              {99.0, w[1].latencyP99}}) {
            const double exact = nearestRank(second, p);
            QVERIFY(std::fabs(got - exact) <= 0.01 * exact * (1 + 1e-9));
        }
        QCOMPARE(w[0].latencyP50, nearestRank({lat.begin(), lat.begin() + 1000}, 50));
        QCOMPARE(w[1].latencyMean, std::accumulate(second.begin(), second.end(), 0.0) / 4000);
    }

    void confidenceHistogramAndMissingLatency()
    {
        WindowOptions o;
        o.widthSeconds = 3600;  // an hour
        o.confidenceBins = 4;
        WindowAggregator agg(o);
        for (double c : {0.0, 0.24, 0.25, 0.5, 0.99, 1.0, 1.5, -0.1})
            agg.add(rec(10, NAN, "a", c));
        agg.add(rec(10, 5, "a"));
        const auto w = agg.windows();
        QCOMPARE(w[0].requests, 9);
        QCOMPARE(w[0].latencyCount, 1);
        QCOMPARE(w[0].latencyP99, 5.0);
        QCOMPARE(w[0].confidenceHistogram, (std::vector<std::int64_t>{2, 1, 1, 2}));
        QCOMPARE(w[0].confidenceOutOfRange, 2);
        QCOMPARE(w[0].confidenceCount, 8);
        QVERIFY(std::isnan(w[0].accuracy));
        QVERIFY_THROWS_EXCEPTION(flightdeck::Error, agg.add(rec(10, INFINITY)));
        // A day-wide window takes a whole day of records.
        WindowAggregator day(86400);
        day.add(rec(86400 * 3 + 1, 1));
        day.add(rec(86400 * 4 - 1, 1));
        QCOMPARE(day.windows().size(), std::size_t(1));
    }

    void accuracyJoinedByRequestId()
    {
        WindowOptions o;
        o.widthSeconds = 60;
        o.trackAccuracy = true;
        WindowAggregator agg(o);
        agg.addGroundTruth("early", "cat");  // truth before its prediction
        agg.add(rec(1, 1, "cat", NAN, "early"));
        agg.add(rec(2, 1, "dog", NAN, "r2"));
        agg.add(rec(61, 1, "dog", NAN, "r3"));
        agg.add(rec(62, 1, "dog", NAN, "never"));
        agg.addGroundTruth("r2", "cat");
        agg.addGroundTruth("r3", "dog");
        agg.addGroundTruth("ghost", "x");
        const auto w = agg.windows();
        QCOMPARE(w[0].labeled, 2);
        QCOMPARE(w[0].correct, 1);
        QCOMPARE(w[0].accuracy, 0.5);
        QCOMPARE(w[1].labeled, 1);
        QCOMPARE(w[1].accuracy, 1.0);
        QCOMPARE(agg.joinedGroundTruth(), 3);
        QCOMPARE(agg.unmatchedGroundTruth(), 1);
    }

    void summaryJson()
    {
        QTemporaryDir dir;
        const std::string log = dir.filePath(QStringLiteral("log.jsonl")).toStdString();
        const std::string truth = dir.filePath(QStringLiteral("truth.jsonl")).toStdString();
        {
            std::ofstream out(log);
            out << R"({"ts": 0, "request_id": "a", "latency_ms": 10, "prediction": "x", "confidence": 0.9})" "\n"
                << R"({"ts": 30, "request_id": "b", "latency_ms": 20, "prediction": "y", "confidence": 0.4, "status": 500})" "\n"
                << "garbage\n"
                << R"({"ts": 200, "request_id": "c", "latency_ms": 30, "prediction": "x"})" "\n";
            std::ofstream t(truth);
            t << R"({"request_id": "a", "label": "x"})" "\n"
              << R"({"request_id": "b", "label": "x"})" "\n";
        }
        SummaryOptions o;
        o.windows.widthSeconds = 60;
        o.groundTruth = truth;
        const json j = json::parse(monitorSummaryJson(log, o));
        QCOMPARE(j["records"].get<int>(), 3);
        QCOMPARE(j["skipped"].get<int>(), 1);
        QCOMPARE(j["problems"][0]["line"].get<int>(), 3);
        const json& w = j["windows"];
        QCOMPARE(w.size(), std::size_t(4));  // 0, 60 (empty), 120 (empty), 180
        QCOMPARE(w[0]["requests"].get<int>(), 2);
        QCOMPARE(w[0]["error_rate"].get<double>(), 0.5);
        QCOMPARE(w[0]["accuracy"].get<double>(), 0.5);
        QVERIFY(w[1]["accuracy"].is_null());
        QCOMPARE(w[1]["requests"].get<int>(), 0);
        QCOMPARE(w[3]["latency_p99"].get<double>(), 30.0);
        QCOMPARE(j["ground_truth"]["joined"].get<int>(), 2);
        QCOMPARE(j["latency_percentiles"]["exact_up_to"].get<int>(), 100000);
    }
};

MONITOR_TEST(TestWindows)
#include "test_windows.moc"
