// Alert rules: parse errors name the rule's index and field; on a constructed log each rule
// fires in exactly the windows built to trip it, with the value measured there.
#include "flightdeck/common/Error.h"
#include "flightdeck/monitor/AlertCheck.h"
#include "flightdeck/monitor/AlertRules.h"

#include "TestRegistry.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <random>

using namespace flightdeck::monitor;
using nlohmann::json;

namespace {

constexpr double kT0 = 1795392000;   // 2026-11-23T00:00:00Z, a multiple of 300

// Minute m of the log: n requests spread over the minute.
void minute(std::ofstream& out, int m, int n, double latency, int errors, double xShift,
            const char* prediction, std::mt19937_64& rng)
{
    std::normal_distribution<double> x(0, 1);
    for (int i = 0; i < n; ++i) {
        const double t = kT0 + m * 60 + 60.0 * i / n;
        out << "{\"timestamp\": " << std::to_string(t) << ", \"request_id\": \"m" << m << "-" << i
            << "\", \"latency_ms\": " << latency << ", \"status\": " << (i < errors ? 500 : 200)
            << ", \"prediction\": \"" << (prediction == std::string("*") ? (i % 2 ? "b" : "a") : prediction)
            << "\", \"features\": {\"x\": " << x(rng) + xShift << ", \"y\": " << x(rng) << "}}\n";
    }
}

}  // namespace

class TestAlerts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parseErrorsNameIndexAndField_data()
    {
        QTest::addColumn<QString>("rules");
        QTest::addColumn<QString>("field");
        const QString ok = QStringLiteral(
            R"({"name": "ok", "metric": "error_rate", "op": ">", "threshold": 0.1, "window": "5m"})");
        QTest::newRow("unknown metric") << "[" + ok + R"(, {"name": "b", "metric": "p99", "op": ">", "threshold": 1, "window": 60}])"
                                        << "rules[1].metric";
        QTest::newRow("misspelt key") << R"([{"name": "a", "metric": "error_rate", "op": ">", "treshold": 1, "window": 60}])"
                                      << "rules[0].treshold";
        QTest::newRow("no threshold") << R"({"rules": [{"name": "a", "metric": "error_rate", "op": ">", "window": 60}]})"
                                      << "rules[0].threshold";
        QTest::newRow("feature missing") << R"([{"name": "a", "metric": "feature_psi", "op": ">", "threshold": 1, "window": 60}])"
                                         << "rules[0].feature";
        QTest::newRow("feature on latency") << R"([{"name": "a", "metric": "latency_p99", "feature": "x", "op": ">", "threshold": 1, "window": 60}])"
                                            << "rules[0].feature";
        QTest::newRow("bad op") << R"([{"name": "a", "metric": "error_rate", "op": "=>", "threshold": 1, "window": 60}])"
                                << "rules[0].op";
        QTest::newRow("bad window") << R"([{"name": "a", "metric": "error_rate", "op": ">", "threshold": 1, "window": "5 weeks"}])"
                                    << "rules[0].window";
        QTest::newRow("zero window") << R"([{"name": "a", "metric": "error_rate", "op": ">", "threshold": 1, "window": 0}])"
                                     << "rules[0].window";
        QTest::newRow("huge window") << R"([{"name": "a", "metric": "error_rate", "op": ">", "threshold": 1, "window": 1e308}])"
                                     << "rules[0].window";
        QTest::newRow("same name") << "[" + ok + "," + ok + "]" << "rules[1].name";
        QTest::newRow("not a list") << R"({"rule": []})" << "rules";
    }

    void parseErrorsNameIndexAndField()
    {
        QFETCH(QString, rules);
        QFETCH(QString, field);
        try {
            parseAlertRules(rules.toStdString(), "rules.json");
            QFAIL("accepted");
        } catch (const flightdeck::Error& e) {
            QCOMPARE(QString::fromStdString(e.info().field), field);
            QCOMPARE(QString::fromStdString(e.info().file), QStringLiteral("rules.json"));
            QVERIFY2(std::string(e.what()).size() < 300, e.what());  // no 309-digit number
        }
    }

    void ruleJsonRoundTrips()
    {
        const AlertRule r = parseAlertRule(
            R"({"name": "x moved", "metric": "feature_psi", "feature": "x", "op": ">=", "threshold": 0.2, "window": "1h", "enabled": false})");
        QCOMPARE(r.windowSeconds, 3600.0);
        QCOMPARE(r.op, Comparison::GreaterEqual);
        QVERIFY(!r.enabled);
        QCOMPARE(toJson(parseAlertRule(toJson(r))), toJson(r));
    }

    void firesInExactlyTheConstructedWindows()
    {
        QTemporaryDir dir;
        const std::string log = dir.filePath(QStringLiteral("log.jsonl")).toStdString();
        const std::string refLog = dir.filePath(QStringLiteral("ref.jsonl")).toStdString();
        std::mt19937_64 rng(9);
        {
            std::ofstream ref(refLog);
            minute(ref, 0, 1000, 10, 0, 0, "*", rng);   // a and b in equal shares
            std::ofstream out(log);
            minute(out, 0, 100, 10, 0, 0, "*", rng);
            minute(out, 1, 100, 10, 0, 0, "*", rng);
            minute(out, 2, 100, 80, 0, 0, "*", rng);    // slow
            minute(out, 3, 100, 10, 30, 0, "*", rng);   // 30 % errors
            minute(out, 4, 50, 10, 0, 0, "*", rng);     // quiet
            minute(out, 5, 100, 10, 0, 3, "b", rng);    // x shifted, every prediction "b"
        }
        const auto rules = parseAlertRules(R"({"rules": [
            {"name": "slow", "metric": "latency_p99", "op": ">", "threshold": 50, "window": 60},
            {"name": "errors", "metric": "error_rate", "op": ">=", "threshold": 0.25, "window": "1m"},
            {"name": "quiet", "metric": "request_rate", "op": "<", "threshold": 1, "window": 60},
            {"name": "x moved", "metric": "feature_psi", "feature": "x", "op": ">", "threshold": 2, "window": 60},
            {"name": "y moved", "metric": "feature_psi", "feature": "y", "op": ">", "threshold": 2, "window": 60},
            {"name": "classes", "metric": "prediction_shift", "op": ">", "threshold": 0.3, "window": 60},
            {"name": "errors 5m", "metric": "error_rate", "op": ">", "threshold": 0.05, "window": "5m"},
            {"name": "off", "metric": "request_rate", "op": ">", "threshold": 0, "window": 60, "enabled": false}
        ]})");
        ReferenceOptions ro;
        const ReferenceSample ref = loadReference(refLog, ro);
        AlertCheckOptions o;
        o.reference = &ref;
        const AlertCheck check = checkAlerts(log, rules, o);
        QCOMPARE(check.results.size(), std::size_t(7));   // "off" is disabled
        auto firing = [&](const char* name) {
            for (const AlertResult& r : check.results)
                if (r.rule.name == name)
                    return r.firing;
            return std::vector<AlertFiring>{};
        };
        auto exactly = [&](const char* name, double start, double end, double value) {
            const auto f = firing(name);
            QVERIFY2(f.size() == 1, name);
            QCOMPARE(f[0].start, kT0 + start);
            QCOMPARE(f[0].end, kT0 + end);
            QCOMPARE(f[0].value, value);
        };
        exactly("slow", 120, 180, 80);
        exactly("errors", 180, 240, 0.3);
        exactly("quiet", 240, 300, 50.0 / 60);
        exactly("classes", 300, 360, 0.5);
        exactly("errors 5m", 0, 300, 30.0 / 450);
        const auto x = firing("x moved");
        QCOMPARE(x.size(), std::size_t(1));
        QCOMPARE(x[0].start, kT0 + 300);
        QVERIFY(x[0].value > 2);
        QVERIFY(firing("y moved").empty());
        for (const AlertResult& r : check.results)
            if (r.rule.windowSeconds == 60)
                QCOMPARE(r.windows, 6);
        const json j = json::parse(toJson(check));
        QCOMPARE(j["firing"].get<int>(), 6);
        QCOMPARE(j["alerts"][0]["firing"][0]["start_iso"].get<std::string>(),
                 std::string("2026-11-23T00:02:00Z"));
        // A drift rule without a reference is bad input, named by the rule.
        try {
            checkAlerts(log, rules, AlertCheckOptions{});
            QFAIL("accepted");
        } catch (const flightdeck::Error& e) {
            QCOMPARE(e.info().field, std::string("x moved"));
        }
    }
};

MONITOR_TEST(TestAlerts)
#include "test_alerts.moc"
