// DriftReport: Evidently's automatic test choice, thresholds, dataset drift share, non-finite
// values and empty samples; monitorDriftJson per window with late records.
#include "flightdeck/common/Error.h"
#include "flightdeck/monitor/DriftReport.h"
#include "flightdeck/monitor/MonitorReport.h"

#include "TestRegistry.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <random>

using namespace flightdeck::monitor;
using nlohmann::json;

namespace {

DriftColumn numeric(std::string name, std::vector<double> v)
{
    DriftColumn c;
    c.name = std::move(name);
    c.numbers = std::move(v);
    return c;
}

DriftColumn labels(std::string name, std::vector<std::string> v)
{
    DriftColumn c;
    c.name = std::move(name);
    c.categorical = true;
    c.labels = std::move(v);
    return c;
}

std::vector<double> normal(std::size_t n, double mean, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> d(mean, 1);
    std::vector<double> v(n);
    for (double& x : v)
        x = d(rng);
    return v;
}

}  // namespace

class TestDriftReport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void automaticTestChoice_data()
    {
        QTest::addColumn<int>("refRows");
        QTest::addColumn<int>("distinct");  // 0 = continuous
        QTest::addColumn<bool>("categorical");
        QTest::addColumn<QString>("test");
        QTest::newRow("small numeric") << 1000 << 0 << false << "ks";
        QTest::newRow("small, 5 values") << 1000 << 5 << false << "chisquare";
        QTest::newRow("small, 6 values") << 1000 << 6 << false << "ks";
        QTest::newRow("small categorical") << 200 << 0 << true << "chisquare";
        QTest::newRow("large numeric") << 1001 << 0 << false << "wasserstein";
        QTest::newRow("large, 5 values") << 5000 << 5 << false << "jensenshannon";
        QTest::newRow("large categorical") << 5000 << 0 << true << "jensenshannon";
    }

    void automaticTestChoice()
    {
        QFETCH(int, refRows);
        QFETCH(int, distinct);
        QFETCH(bool, categorical);
        QFETCH(QString, test);
        DriftColumn ref, cur;
        if (categorical) {
            std::vector<std::string> r, c;
            for (int i = 0; i < refRows; ++i)
                r.push_back(i % 3 ? "a" : "b");
            for (int i = 0; i < 300; ++i)
                c.push_back(i % 4 ? "a" : "c");
            ref = labels("p", r);
            cur = labels("p", c);
        } else {
            std::vector<double> r = normal(static_cast<std::size_t>(refRows), 0, 1);
            std::vector<double> c = normal(300, 0, 2);
            if (distinct > 0) {
                for (std::size_t i = 0; i < r.size(); ++i)
                    r[i] = static_cast<double>(i % static_cast<std::size_t>(distinct));
                for (std::size_t i = 0; i < c.size(); ++i)
                    c[i] = static_cast<double>(i % static_cast<std::size_t>(distinct));
            }
            ref = numeric("x", r);
            cur = numeric("x", c);
        }
        const ColumnDrift d = columnDrift(ref, cur, DriftOptions{});
        QCOMPARE(QString::fromLatin1(driftTestName(d.test)), test);
        QVERIFY(d.evaluated);
        QCOMPARE(d.psi.has_value(), !categorical);
    }

    void thresholdsAndDatasetDrift()
    {
        const std::vector<double> ref = normal(500, 0, 3);
        std::vector<DriftColumn> refCols{numeric("same", ref), numeric("shifted", ref),
                                         numeric("other", ref), numeric("empty", {NAN, INFINITY})};
        std::vector<double> shifted = normal(400, 1.5, 4);
        shifted.push_back(NAN);
        std::vector<DriftColumn> curCols{numeric("same", normal(400, 0, 5)),
                                         numeric("shifted", shifted),
                                         numeric("other", normal(400, 0, 6)),
                                         numeric("empty", {1, 2}), numeric("unknown", {1})};
        DriftResult r = computeDrift(refCols, curCols, DriftOptions{});
        QCOMPARE(r.columns.size(), std::size_t(4));  // "unknown" is not in the reference
        QCOMPARE(r.evaluated, 3);                     // "empty" has no finite reference value
        QCOMPARE(r.columns[3].note, std::string("no data"));
        QCOMPARE(r.columns[3].nonFiniteReference, 2);
        QVERIFY(!r.columns[0].drifted);
        QVERIFY(r.columns[1].drifted);
        QCOMPARE(r.columns[1].nonFiniteCurrent, 1);
        QCOMPARE(r.columns[1].currentRows, 400);
        QCOMPARE(r.drifted, 1);
        QVERIFY(!r.datasetDrift);  // 1 of 3 < 50 %
        DriftOptions o;
        o.datasetDriftShare = 0.3;
        QVERIFY(computeDrift(refCols, curCols, o).datasetDrift);
        o.pValueThreshold = 1e-300;  // nothing is that significant
        QCOMPARE(computeDrift(refCols, curCols, o).drifted, 0);
        o = DriftOptions{};
        o.columnTests["shifted"] = DriftTest::Psi;
        o.psiThreshold = 0.2;
        const ColumnDrift psi = computeDrift(refCols, curCols, o).columns[1];
        QCOMPARE(psi.test, DriftTest::Psi);
        QCOMPARE(psi.score, *psi.psi);
        o.test = DriftTest::Ks;
        QVERIFY_THROWS_EXCEPTION(flightdeck::Error,
                                 columnDrift(labels("p", {"a"}), labels("p", {"b"}), o));
        const json j = json::parse(toJson(r));
        QCOMPARE(j["columns"][1]["test"].get<std::string>(), std::string("ks"));
        QCOMPARE(j["dataset_drift"].get<bool>(), false);
    }

    void driftJsonPerWindow()
    {
        QTemporaryDir dir;
        const std::string log = dir.filePath(QStringLiteral("log.jsonl")).toStdString();
        {
            std::ofstream out(log);
            std::mt19937_64 rng(7);
            std::normal_distribution<double> d(0, 0.1);
            // Window 0: like the reference; window 1: shifted; then a record for window 0 that
            // arrives after window 2 began (late: window 0 is finished with lateness 1).
            for (int i = 0; i < 40; ++i)
                out << "{\"ts\": " << i << ", \"features\": {\"a\": " << 0.05 + 0.02 * i
                    << ", \"b\": " << 1 + i % 2 << "}, \"prediction\": \""
                    << (i % 3 ? "x" : "y") << "\"}\n";
            for (int i = 0; i < 40; ++i)
                out << "{\"ts\": " << 60 + i << ", \"features\": {\"a\": " << 3 + d(rng)
                    << ", \"b\": 2}, \"prediction\": \"x\"}\n";
            out << "{\"ts\": 125, \"features\": {\"a\": 0.5, \"b\": 1}, \"prediction\": \"x\"}\n";
            out << "{\"ts\": 5, \"features\": {\"a\": 0.5, \"b\": 1}, \"prediction\": \"x\"}\n";
        }
        DriftJsonOptions o;
        o.windowSeconds = 60;
        const json j = json::parse(
            monitorDriftJson(log, FLIGHTDECK_TEST_DATA "/drift_reference.jsonl", o));
        QCOMPARE(j["reference"]["rows"].get<int>(), 8);
        QCOMPARE(j["late_records"].get<int>(), 1);
        const json& w = j["windows"];
        QCOMPARE(w.size(), std::size_t(3));
        QCOMPARE(w[0]["start"].get<double>(), 0.0);
        QCOMPARE(w[0]["rows"].get<int>(), 40);
        QCOMPARE(w[1]["rows"].get<int>(), 40);
        QCOMPARE(w[0]["columns"][0]["name"].get<std::string>(), std::string("a"));
        QCOMPARE(w[0]["columns"][0]["test"].get<std::string>(), std::string("ks"));
        QCOMPARE(w[0]["columns"][1]["test"].get<std::string>(), std::string("chisquare"));
        QCOMPARE(w[0]["columns"][2]["name"].get<std::string>(), std::string("prediction"));
        QVERIFY(!w[0]["columns"][0]["drifted"].get<bool>());
        QVERIFY(w[1]["columns"][0]["drifted"].get<bool>());
        QVERIFY(w[1]["dataset_drift"].get<bool>());  // a and b drift: 2 of 3
        // The whole log as one sample.
        o.windowSeconds = 0;
        const json all = json::parse(
            monitorDriftJson(log, FLIGHTDECK_TEST_DATA "/drift_reference.jsonl", o));
        QCOMPARE(all["windows"].size(), std::size_t(1));
        QCOMPARE(all["windows"][0]["rows"].get<int>(), 82);
        QVERIFY(all["windows"][0]["start"].is_null());
    }
};

MONITOR_TEST(TestDriftReport)
#include "test_drift_report.moc"
