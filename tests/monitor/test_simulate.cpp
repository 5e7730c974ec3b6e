// The drift demo generator: deterministic; a covariate shift on one feature from time T is
// flagged by drift on that feature alone, in the windows after T; bursts and class shifts land
// in their windows.
#include "flightdeck/common/Error.h"
#include "flightdeck/monitor/LogSimulator.h"
#include "flightdeck/monitor/MonitorReport.h"

#include "TestRegistry.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <random>
#include <sstream>

using namespace flightdeck::monitor;
using nlohmann::json;

namespace {

void writeDataset(const std::string& file)
{
    std::mt19937_64 rng(21);
    std::normal_distribution<double> n(0, 1);
    std::ofstream out(file);
    out << "age,income,score,label\n";
    for (int i = 0; i < 800; ++i) {
        const double age = 40 + 10 * n(rng);
        out << age << "," << 50 + 15 * n(rng) << "," << n(rng) << ","
            << (age + 5 * n(rng) > 40 ? "buy" : "skip") << "\n";
    }
}

}  // namespace

class TestSimulate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shiftIsFlaggedOnTheShiftedFeatureAfterItsTime()
    {
        QTemporaryDir dir;
        const std::string csv = dir.filePath(QStringLiteral("data.csv")).toStdString();
        const std::string log = dir.filePath(QStringLiteral("log.jsonl")).toStdString();
        writeDataset(csv);
        ReferenceOptions ro;
        ro.maxValuesPerColumn = 0;
        const SimulationSource source = SimulationSource::fromReference(loadReference(csv, ro));
        QCOMPARE(source.features, (std::vector<std::string>{"age", "income", "score"}));
        SimulationOptions o;
        o.duration = 3600;
        o.rate = 2;
        o.seed = 5;
        o.covariate.push_back(parseCovariateShift("feature=income,add=12,from=1800"));
        o.errors.push_back(parseErrorBurst("rate=0.5,from=600,until=1200"));
        std::ostringstream text, again;
        const SimulationSummary s = simulateLog(source, o, text);
        simulateLog(source, o, again);
        QCOMPARE(text.str(), again.str());   // seeded and deterministic
        o.seed = 6;
        std::ostringstream other;
        simulateLog(source, o, other);
        QVERIFY(other.str() != text.str());
        QVERIFY(s.records > 6800 && s.records < 7600);
        std::ofstream(log) << text.str();

        DriftJsonOptions d;
        d.windowSeconds = 600;
        d.includePrediction = false;
        const json j = json::parse(monitorDriftJson(log, csv, d));
        QCOMPARE(j["read"]["skipped"].get<int>(), 0);
        const json& windows = j["windows"];
        QCOMPARE(windows.size(), std::size_t(6));
        for (std::size_t w = 0; w < windows.size(); ++w) {
            const bool after = windows[w]["start"].get<double>() >= o.start + 1800;
            for (const json& c : windows[w]["columns"]) {
                const bool shouldDrift = after && c["name"] == "income";
                QVERIFY2(c["drifted"].get<bool>() == shouldDrift,
                         qPrintable(QString::fromStdString(c.dump()) + " window " + QString::number(w)));
            }
        }
        // Errors in [600, 1200) only; the class shift from 2400 on (in a log of its own: a
        // class's rows bring their features along, so age drifts with it).
        o.classes.push_back(parseClassShift("label=buy,share=0.9,from=2400"));
        std::ofstream(log) << [&] {
            std::ostringstream s;
            simulateLog(source, o, s);
            return s.str();
        }();
        SummaryOptions so;
        so.windows.widthSeconds = 600;
        const json sum = json::parse(monitorSummaryJson(log, so));
        for (const json& w : sum["windows"]) {
            const double t = w["start"].get<double>() - o.start;
            const double rate = w["error_rate"].get<double>();
            QVERIFY2(t == 600 ? rate > 0.4 : rate == 0, qPrintable(QString::number(t)));
            const auto& p = w["predictions"];
            const double buy = p.value("buy", 0.0) / (p.value("buy", 0.0) + p.value("skip", 0.0));
            if (t >= 2400)
                QVERIFY2(buy > 0.75, qPrintable(QString::number(buy)));
            else
                QVERIFY2(buy < 0.65, qPrintable(QString::number(buy)));
        }
    }

    void badShiftSpecsAreNamed_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown key") << "shift" << "feature=age,plus=3" << "--shift plus";
        QTest::newRow("not a number") << "shift" << "feature=age,add=x" << "--shift add";
        QTest::newRow("no feature") << "shift" << "add=3" << "--shift feature";
        QTest::newRow("until before from") << "burst" << "rate=0.5,from=60,until=10" << "--error-burst";
        QTest::newRow("rate above 1") << "burst" << "rate=2" << "--error-burst rate";
        QTest::newRow("share missing") << "class" << "label=buy" << "--class-shift share";
    }

    void badShiftSpecsAreNamed()
    {
        QFETCH(QString, kind);
        QFETCH(QString, spec);
        QFETCH(QString, field);
        try {
            const std::string s = spec.toStdString();
            if (kind == QLatin1String("shift"))
                parseCovariateShift(s);
            else if (kind == QLatin1String("burst"))
                parseErrorBurst(s);
            else
                parseClassShift(s);
            QFAIL("accepted");
        } catch (const flightdeck::Error& e) {
            QCOMPARE(QString::fromStdString(e.info().field), field);
        }
    }
};

MONITOR_TEST(TestSimulate)
#include "test_simulate.moc"
