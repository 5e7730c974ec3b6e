// ReferenceProfile and the kinds of drift reference: a profile built from the same values, a
// dataset CSV and a bundle folder give the drift results of those values passed as a log, to
// the bit; a log whose features differ is refused naming each column; too few reference rows
// are said, not a NaN.
#include "flightdeck/common/Error.h"
#include "flightdeck/monitor/MonitorReport.h"
#include "flightdeck/monitor/ReferenceProfile.h"
#include "flightdeck/monitor/ReferenceSample.h"

#include "TestRegistry.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

using namespace flightdeck::monitor;
using nlohmann::json;

namespace {

// Values a float32 holds exactly, printed so that a double parser reads that float back.
std::string exact(double v)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", static_cast<double>(static_cast<float>(v)));
    return buf;
}

struct Data {
    std::vector<std::string> names{"a", "b", "c"};
    std::vector<std::vector<double>> columns;
    std::vector<std::string> classes{"no", "yes"};
    std::vector<std::int32_t> labels;
};

Data makeData(std::size_t rows, unsigned seed)
{
    Data d;
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> n(0, 1);
    d.columns.assign(3, {});
    for (std::size_t r = 0; r < rows; ++r) {
        const double a = std::stod(exact(n(rng)));
        d.columns[0].push_back(a);
        d.columns[1].push_back(std::stod(exact(5 + 2 * n(rng))));
        d.columns[2].push_back(std::stod(exact(std::floor(4 * std::fabs(n(rng))))));
        d.labels.push_back(a + 0.5 * n(rng) > 0 ? 1 : 0);
    }
    return d;
}

void writeLog(const std::string& file, const Data& d, double t0, double shiftB = 0)
{
    std::ofstream out(file);
    for (std::size_t r = 0; r < d.labels.size(); ++r)
        out << "{\"timestamp\": " << std::to_string(t0 + static_cast<double>(r) * 0.5) << ", \"features\": {\"a\": "
            << exact(d.columns[0][r]) << ", \"b\": " << exact(d.columns[1][r] + shiftB)
            << ", \"c\": " << exact(d.columns[2][r]) << "}, \"prediction\": \""
            << d.classes[static_cast<std::size_t>(d.labels[r])] << "\"}\n";
}

void writeCsv(const std::string& file, const Data& d)
{
    std::ofstream out(file);
    out << "a,b,c,Label\n";
    for (std::size_t r = 0; r < d.labels.size(); ++r)
        out << exact(d.columns[0][r]) << "," << exact(d.columns[1][r]) << ","
            << exact(d.columns[2][r]) << "," << d.classes[static_cast<std::size_t>(d.labels[r])]
            << "\n";
}

json windows(const std::string& driftJson) { return json::parse(driftJson)["windows"]; }

}  // namespace

class TestReference : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyKindGivesTheLogsResults_data()
    {
        QTest::addColumn<int>("rows");
        QTest::newRow("small reference: KS and chi-squared") << 400;
        QTest::newRow("large reference: Wasserstein and Jensen-Shannon") << 1500;
    }

    void everyKindGivesTheLogsResults()
    {
        QFETCH(int, rows);
        QTemporaryDir dir;
        const auto path = [&](const char* name) { return dir.filePath(QLatin1String(name)).toStdString(); };
        const Data ref = makeData(static_cast<std::size_t>(rows), 1);
        writeLog(path("reference.jsonl"), ref, 0);
        writeCsv(path("reference.csv"), ref);
        const ReferenceProfile profile = ReferenceProfile::fromColumns(
            ref.names, ref.columns, ProfileLabels::classification("Label", ref.classes, ref.labels));
        QVERIFY(!profile.sampled);
        profile.save(path("reference_profile.json"));
        std::filesystem::create_directory(path("bundle"));
        profile.save(path("bundle") + "/reference_profile.json");

        // The current log: 600 s like the reference, then 600 s with b shifted by 1.5.
        const Data cur = makeData(1200, 2);
        Data first = cur, second = cur;
        for (auto& c : first.columns)
            c.resize(600);
        first.labels.resize(600);
        for (auto& c : second.columns)
            c.erase(c.begin(), c.begin() + 600);
        second.labels.erase(second.labels.begin(), second.labels.begin() + 600);
        writeLog(path("a.jsonl"), first, 1795392000);
        writeLog(path("b.jsonl"), second, 1795392000 + 300, 1.5);
        {
            std::ofstream log(path("current.jsonl"));
            log << std::ifstream(path("a.jsonl")).rdbuf() << std::ifstream(path("b.jsonl")).rdbuf();
        }
        DriftJsonOptions o;
        o.windowSeconds = 300;
        const json fromLog = windows(monitorDriftJson(path("current.jsonl"), path("reference.jsonl"), o));
        QCOMPARE(fromLog.size(), std::size_t(2));
        for (const char* kind : {"reference.csv", "reference_profile.json", "bundle"}) {
            const std::string text = monitorDriftJson(path("current.jsonl"), path(kind), o);
            QVERIFY2(windows(text) == fromLog, kind);
        }
        const json whole = json::parse(monitorDriftJson(path("current.jsonl"), path("reference.csv"), o));
        QCOMPARE(whole["reference"]["kind"].get<std::string>(), std::string("dataset_csv"));
        QCOMPARE(whole["reference"]["label_column"].get<std::string>(), std::string("Label"));
        const json profileRef = json::parse(monitorDriftJson(path("current.jsonl"), path("bundle"), o));
        QCOMPARE(profileRef["reference"]["kind"].get<std::string>(), std::string("profile"));
        // And the shift is found on b alone, in the second window.
        auto drifted = [&](int w, const char* name) {
            for (const json& c : fromLog[static_cast<std::size_t>(w)]["columns"])
                if (c["name"] == name)
                    return c["drifted"].get<bool>();
            return false;
        };
        QVERIFY(!drifted(0, "a") && !drifted(0, "b") && !drifted(0, "c"));
        QVERIFY(!drifted(1, "a") && drifted(1, "b") && !drifted(1, "c"));
    }

    void profileSummarizesAndRoundTrips()
    {
        Data d = makeData(2000, 3);
        d.columns[0][7] = NAN;
        d.columns[0][8] = INFINITY;
        ProfileOptions o;
        o.sampleRows = 300;
        const ReferenceProfile p = ReferenceProfile::fromColumns(
            d.names, d.columns, ProfileLabels::classification("y", d.classes, d.labels), o);
        QCOMPARE(p.rows, 2000);
        QCOMPARE(p.sampleRows, 300);
        QVERIFY(p.sampled);
        const FeatureProfile& a = p.features[0];
        QCOMPARE(a.nonFinite, 2);
        QCOMPARE(a.quantiles.size(), std::size_t(11));
        std::int64_t histogram = 0;
        for (auto c : a.histogramCounts)
            histogram += c;
        QCOMPARE(histogram, 1998);
        std::vector<double> finite;
        for (double v : d.columns[0])
            if (std::isfinite(v))
                finite.push_back(v);
        std::sort(finite.begin(), finite.end());
        QCOMPARE(a.quantiles.front().value, finite.front());
        QCOMPARE(a.quantiles.back().value, finite.back());
        QCOMPARE(p.label.classCounts[0] + p.label.classCounts[1], 2000);
        // Rows are sampled together: the sample's b values and labels come from the same rows.
        QCOMPARE(p.features[1].sample.size(), std::size_t(300));
        QCOMPARE(p.label.sampleClasses.size(), std::size_t(300));
        // The same seed gives the same sample; JSON keeps every value (NaN and Inf as text).
        const ReferenceProfile again = ReferenceProfile::fromColumns(
            d.names, d.columns, ProfileLabels::classification("y", d.classes, d.labels), o);
        QVERIFY(again.features[1].sample == p.features[1].sample);
        const ReferenceProfile back = ReferenceProfile::fromJson(p.toJson());
        QCOMPARE(back.toJson(), p.toJson());
        // Regression: the target's quantiles.
        std::vector<double> target(d.columns[1]);
        const ReferenceProfile r = ReferenceProfile::fromColumns(
            d.names, d.columns, ProfileLabels::regression("price", target));
        QCOMPARE(r.task, ProfileTask::Regression);
        QCOMPARE(r.label.target.quantiles[5].value, p.features[1].quantiles[5].value);
        QCOMPARE(ReferenceProfile::fromJson(r.toJson()).toJson(), r.toJson());
    }

    void badProfileJsonNamesTheField_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<QString>("field");
        QTest::newRow("format") << "format" << "format";
        QTest::newRow("sample value") << "sample" << "features[1].sample[2]";
        QTest::newRow("sample length") << "short" << "features[0].sample";
        QTest::newRow("version") << "version" << "version";
    }

    void badProfileJsonNamesTheField()
    {
        QFETCH(QString, edit);
        QFETCH(QString, field);
        const Data d = makeData(20, 4);
        json j = json::parse(ReferenceProfile::fromColumns(d.names, d.columns).toJson());
        if (edit == QLatin1String("format"))
            j["format"] = "something else";
        else if (edit == QLatin1String("sample"))
            j["features"][1]["sample"][2] = true;
        else if (edit == QLatin1String("short"))
            j["features"][0]["sample"].erase(0);
        else
            j["version"] = 99;
        try {
            ReferenceProfile::fromJson(j.dump(), "p.json");
            QFAIL("accepted");
        } catch (const flightdeck::Error& e) {
            QCOMPARE(QString::fromStdString(e.info().field), field);
            QCOMPARE(QString::fromStdString(e.info().file), QStringLiteral("p.json"));
        }
    }

    void mismatchedFeaturesAreNamed()
    {
        QTemporaryDir dir;
        const std::string log = dir.filePath(QStringLiteral("log.jsonl")).toStdString();
        const std::string ref = dir.filePath(QStringLiteral("ref.jsonl")).toStdString();
        writeLog(ref, makeData(50, 5), 0);
        {
            std::ofstream out(log);
            out << "{\"timestamp\": 1, \"features\": {\"a\": 1, \"b\": 2, \"d\": 3}}\n";
        }
        try {
            monitorDriftJson(log, ref, DriftJsonOptions{});
            QFAIL("accepted");
        } catch (const flightdeck::Error& e) {
            const QString what = QString::fromUtf8(e.what());
            QVERIFY2(what.contains(QLatin1String("missing from the log: \"c\"")), e.what());
            QVERIFY2(what.contains(QLatin1String("not in the reference: \"d\"")), e.what());
        }
        // An array of three values matches the reference's three columns by position.
        {
            std::ofstream out(log);
            out << "{\"timestamp\": 1, \"features\": [1, 2, 3]}\n";
        }
        const json ok = json::parse(monitorDriftJson(log, ref, DriftJsonOptions{}));
        QCOMPARE(ok["windows"][0]["columns"][0]["name"].get<std::string>(), std::string("a"));
        {
            std::ofstream out(log);
            out << "{\"timestamp\": 1, \"features\": [1, 2]}\n";
        }
        QVERIFY_THROWS_EXCEPTION(flightdeck::Error, monitorDriftJson(log, ref, DriftJsonOptions{}));

        // One odd record before or after matching ones is left out and counted with its
        // reason (it once refused the whole log; first, it made the reader's layout a union
        // that every later record carried).
        for (const bool oddFirst : {false, true}) {
            writeLog(log, makeData(40, 7), 0);
            const std::string odd = "{\"timestamp\": 1, \"features\": {\"a\": 1, \"b\": 2, \"d\": 3}}\n";
            std::string text;
            {
                std::ifstream in(log);
                text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
            }
            std::ofstream(log) << (oddFirst ? odd + text : text + odd);
            json mixed;
            try {
                mixed = json::parse(monitorDriftJson(log, ref, DriftJsonOptions{}));
            } catch (const std::exception& e) {
                QFAIL(e.what());
            }
            QCOMPARE(mixed["mismatched_records"].get<int>(), 1);
            QVERIFY(mixed["mismatch"].get<std::string>().find("not in the reference: \"d\"") != std::string::npos);
            QCOMPARE(mixed["windows"][0]["rows"].get<int>(), 40);
        }
    }

    void tooFewReferenceRowsAreSaid()
    {
        QTemporaryDir dir;
        const std::string log = dir.filePath(QStringLiteral("log.jsonl")).toStdString();
        const std::string ref = dir.filePath(QStringLiteral("ref.jsonl")).toStdString();
        writeLog(ref, makeData(3, 6), 0);
        writeLog(log, makeData(40, 7), 0);
        const json j = json::parse(monitorDriftJson(log, ref, DriftJsonOptions{}));
        for (const json& c : j["windows"][0]["columns"]) {
            QVERIFY(!c["evaluated"].get<bool>());
            QCOMPARE(c["note"].get<std::string>(), std::string("too few reference rows: 3 of 5 needed"));
            QVERIFY(!c["drifted"].get<bool>());
        }
        QCOMPARE(j["windows"][0]["evaluated"].get<int>(), 0);
    }

    void anUnnamedTextLabelIsExplained()
    {
        // iris without naming "species": every row fails on the text column; the error says
        // which line and why, and how to fix it, instead of "no readable rows".
        QTemporaryDir dir;
        const std::string csv = dir.filePath(QStringLiteral("iris.csv")).toStdString();
        std::ofstream(csv) << "sepal,petal,species\n5.1,1.4,setosa\n6.2,4.5,versicolor\n";
        try {
            (void)loadReference(csv, {});
            QFAIL("a reference with no readable row was accepted");
        } catch (const flightdeck::Error& e) {
            const std::string what = e.what();
            QCOMPARE(e.info().line, std::int64_t(2));
            QVERIFY2(what.find("setosa") != std::string::npos || what.find("species") != std::string::npos,
                     e.what());
            QVERIFY2(what.find("name it") != std::string::npos, e.what());
        }
        ReferenceOptions named;
        named.labelColumn = "species";
        QCOMPARE(loadReference(csv, named).rows, std::int64_t(2));
    }
};

MONITOR_TEST(TestReference)
#include "test_reference.moc"
