// `flightdeck-cli monitor` with a project: a dataset version's train split as the reference
// equals those rows passed as a log, a CSV or a profile; `monitor check` exit codes; the
// project's alert rules (AlertRuleRepository); the label-free estimate against realized
// accuracy on simulated logs.
#include "common/CliRunner.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/store/AlertRuleRepository.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/Project.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstdio>
#include <random>

using flightdeck::testing::CliResult;
using flightdeck::testing::runCli;
using flightdeck::testing::writeText;

namespace {

QByteArray exact(float v)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", static_cast<double>(v));
    return buf;
}

QJsonObject json(const CliResult& r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }

QByteArray readText(const QString& file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestCliMonitor : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString path(const char* name) const { return dir_.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void datasetVersionReferenceEqualsItsRowsAsALog()
    {
        std::mt19937_64 rng(3);
        std::normal_distribution<float> n(0, 1);
        QByteArray csv = "a,b,label\n";
        for (int i = 0; i < 500; ++i) {
            const float a = n(rng), b = 10 + 3 * n(rng);
            csv += exact(a) + "," + exact(b) + "," + (a + n(rng) > 0 ? "up" : "down") + "\n";
        }
        writeText(path("data.csv"), csv);
        const QString project = path("p");
        CLI_OK(runCli({QStringLiteral("init"), project}));
        CLI_OK(runCli({QStringLiteral("import"), project, path("data.csv")}));
        CLI_OK(runCli({QStringLiteral("split"), project, QStringLiteral("--version"),
                       QStringLiteral("1"), QStringLiteral("--seed"), QStringLiteral("7")}));
        // The train rows, read back through core/data, as a log and as a CSV.
        QByteArray log, trainCsv = "a,b,label\n";
        {
            auto p = flightdeck::store::Project::open(project.toStdString());
            flightdeck::data::DatasetCatalog catalog(p);
            const auto table = catalog.load(1);
            const auto split = catalog.loadSplit(flightdeck::store::DatasetRepository(p).splits(1)[0].id);
            QVERIFY(split.train.size() > 300);
            for (auto r : split.train) {
                const QByteArray cls = QByteArray::fromStdString(table.classes[table.labels[r]]);
                log += "{\"features\": {\"a\": " + exact(table.row(r)[0]) + ", \"b\": "
                       + exact(table.row(r)[1]) + "}, \"prediction\": \"" + cls + "\"}\n";
                trainCsv += exact(table.row(r)[0]) + "," + exact(table.row(r)[1]) + "," + cls + "\n";
            }
        }
        writeText(path("train.jsonl"), log);
        writeText(path("train.csv"), trainCsv);
        CLI_OK(runCli({QStringLiteral("monitor"), QStringLiteral("profile"), QStringLiteral("--reference"),
                       QStringLiteral("project:") + project + QStringLiteral(":1"),
                       QStringLiteral("--out"), path("profile.json")}));
        // A current log from the same data, b shifted after half an hour.
        CLI_OK(runCli({QStringLiteral("monitor"), QStringLiteral("simulate"), QStringLiteral("--from"),
                       path("data.csv"), QStringLiteral("--out"), path("current.jsonl"),
                       QStringLiteral("--duration"), QStringLiteral("3600"), QStringLiteral("--rate"),
                       QStringLiteral("0.5"), QStringLiteral("--shift"),
                       QStringLiteral("feature=b,add=4,from=1800")}));
        auto drift = [&](const QStringList& reference) {
            const CliResult r = runCli(QStringList{QStringLiteral("monitor"), QStringLiteral("drift"),
                                                   path("current.jsonl"), QStringLiteral("--window"),
                                                   QStringLiteral("900")} + reference);
            [&] { QVERIFY2(r.exitCode == 0, qPrintable(r.err)); }();
            return json(r).value(QLatin1String("windows")).toArray();
        };
        const QJsonArray fromLog = drift({QStringLiteral("--reference"), path("train.jsonl")});
        QCOMPARE(fromLog.size(), 4);
        QCOMPARE(drift({QStringLiteral("--reference"), QStringLiteral("project:") + project + QStringLiteral(":1")}), fromLog);
        QCOMPARE(drift({QStringLiteral("--project"), project, QStringLiteral("--version"), QStringLiteral("1")}), fromLog);
        QCOMPARE(drift({QStringLiteral("--reference"), path("train.csv")}), fromLog);
        QCOMPARE(drift({QStringLiteral("--reference"), path("profile.json")}), fromLog);
        for (int w = 0; w < 4; ++w)
            for (const auto& c : fromLog[w].toObject().value(QLatin1String("columns")).toArray()) {
                const QJsonObject col = c.toObject();
                const bool shifted = w >= 2 && col.value(QLatin1String("name")).toString() == QLatin1String("b");
                QVERIFY2(col.value(QLatin1String("drifted")).toBool() == shifted,
                         qPrintable(QString::number(w) + col.value(QLatin1String("name")).toString()));
            }
        // A version without a split, a bad project: text: exit 2 with the reason.
        const CliResult bad = runCli({QStringLiteral("monitor"), QStringLiteral("drift"), path("current.jsonl"),
                                      QStringLiteral("--reference"), QStringLiteral("project:") + project + QStringLiteral(":x")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QLatin1String("project:DIR:VERSION")), qPrintable(bad.err));

        // monitor check on the same log: exit 1 when a rule fires, 0 when none, 2 for bad input.
        writeText(path("fires.json"), R"([{"name": "b moved", "metric": "feature_psi", "feature": "b",
                                           "op": ">", "threshold": 0.5, "window": "15m"}])");
        writeText(path("quiet.json"), R"([{"name": "a moved", "metric": "feature_psi", "feature": "a",
                                           "op": ">", "threshold": 0.5, "window": "15m"}])");
        writeText(path("broken.json"), R"([{"name": "x", "metric": "latency_p99", "op": ">", "window": 60}])");
        const QStringList check{QStringLiteral("monitor"), QStringLiteral("check"), path("current.jsonl"),
                                QStringLiteral("--reference"), path("train.csv"), QStringLiteral("--rules")};
        const CliResult fires = runCli(check + QStringList{path("fires.json")});
        QCOMPARE(fires.exitCode, 1);
        QVERIFY2(fires.err.contains(QLatin1String("ALERT b moved")), qPrintable(fires.err));
        const QJsonArray firing = json(fires).value(QLatin1String("alerts")).toArray()[0].toObject()
                                      .value(QLatin1String("firing")).toArray();
        QCOMPARE(firing.size(), 2);
        QCOMPARE(firing[0].toObject().value(QLatin1String("start_iso")).toString(),
                 QStringLiteral("2026-11-23T00:30:00Z"));
        QCOMPARE(runCli(check + QStringList{path("quiet.json")}).exitCode, 0);
        const CliResult broken = runCli(check + QStringList{path("broken.json")});
        QCOMPARE(broken.exitCode, 2);
        QVERIFY2(broken.err.contains(QLatin1String("rules[0].threshold")), qPrintable(broken.err));
        QCOMPARE(runCli({QStringLiteral("monitor"), QStringLiteral("check"), path("current.jsonl")}).exitCode, 2);
    }

    void alertRulesAreStoredInTheProject()
    {
        auto project = flightdeck::store::Project::create(path("rules").toStdString());
        flightdeck::store::AlertRuleRepository rules(project);
        const auto id = rules.save(R"({"name": "slow", "metric": "latency_p99", "op": ">", "threshold": 50, "window": "5m"})");
        rules.save(R"({"name": "drift", "metric": "drift_share", "op": ">=", "threshold": 0.5, "window": 3600})");
        QCOMPARE(rules.list().size(), std::size_t(2));
        // Same name: replaced in place, id kept; the window stored in seconds.
        QCOMPARE(rules.save(R"({"name": "slow", "metric": "latency_p95", "op": ">", "threshold": 80, "window": "1m"})"), id);
        const auto slow = rules.get("slow");
        QVERIFY(slow.ruleJson.find("\"latency_p95\"") != std::string::npos);
        QVERIFY(slow.ruleJson.find("\"window\":60.0") != std::string::npos);
        rules.setEnabled("slow", false);
        QVERIFY(!rules.get("slow").enabled);
        QVERIFY(rules.get("slow").ruleJson.find("\"enabled\":false") != std::string::npos);
        try {
            rules.save(R"({"name": "bad", "metric": "latency", "op": ">", "threshold": 1, "window": 60})");
            QFAIL("accepted");
        } catch (const flightdeck::Error& e) {
            QCOMPARE(e.info().field, std::string("metric"));
        }
        rules.remove("drift");
        QCOMPARE(rules.list().size(), std::size_t(1));
        QVERIFY_THROWS_EXCEPTION(flightdeck::Error, rules.remove("drift"));
    }

    // A simulation that fails (a record limit, an unknown feature) leaves the files it would
    // have replaced as they were and no .partial beside them; a start outside the years the
    // monitor reads is refused before anything is written.
    void failedSimulationKeepsExistingFiles()
    {
        QByteArray csv = "x,label\n";
        for (int i = 0; i < 30; ++i)
            csv += QByteArray::number(i) + "," + QByteArray::number(i % 2) + "\n";
        writeText(path("sim_src.csv"), csv);
        writeText(path("sim_log.jsonl"), "{\"keep\":1}\n");
        writeText(path("sim_truth.jsonl"), "{\"request_id\":\"precious\",\"label\":\"1\"}\n");
        const auto simulate = [&](QStringList extra) {
            QStringList a{QStringLiteral("monitor"), QStringLiteral("simulate"), QStringLiteral("--from"),
                          path("sim_src.csv"), QStringLiteral("--out"), path("sim_log.jsonl"),
                          QStringLiteral("--truth-out"), path("sim_truth.jsonl")};
            return runCli(a + extra);
        };
        const QList<QStringList> failing{
            {QStringLiteral("--duration"), QStringLiteral("1e9"), QStringLiteral("--rate"), QStringLiteral("1e6")},
            {QStringLiteral("--shift"), QStringLiteral("feature=nosuch,add=1")},
            {QStringLiteral("--start"), QStringLiteral("1e300")},
            {QStringLiteral("--start"), QStringLiteral("-5")},
            {QStringLiteral("--start"), QStringLiteral("9999-12-31T23:59:59Z")}};
        for (const QStringList& extra : failing) {
            const CliResult r = simulate(extra);
            QVERIFY2(r.exitCode == 2, qPrintable(extra.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.err));
            QCOMPARE(readText(path("sim_log.jsonl")), QByteArray("{\"keep\":1}\n"));
            QCOMPARE(readText(path("sim_truth.jsonl")),
                     QByteArray("{\"request_id\":\"precious\",\"label\":\"1\"}\n"));
            QVERIFY(!QFile::exists(path("sim_log.jsonl.partial")));
            QVERIFY(!QFile::exists(path("sim_truth.jsonl.partial")));
        }
        QVERIFY(simulate({QStringLiteral("--start"), QStringLiteral("9999-12-30T00:00:00Z")}).exitCode == 0);
        QVERIFY(readText(path("sim_truth.jsonl")).contains("request_id"));
        QVERIFY(!readText(path("sim_truth.jsonl")).contains("precious"));
        QVERIFY(!QFile::exists(path("sim_truth.jsonl.partial")));
    }

    void estimateTracksRealizedAccuracy()
    {
        std::mt19937_64 rng(5);
        std::normal_distribution<double> n(0, 1);
        QByteArray csv = "x,label\n";
        for (int i = 0; i < 400; ++i)
            csv += QByteArray::number(n(rng)) + "," + QByteArray::number(i % 3) + "\n";
        writeText(path("three.csv"), csv);
        // Over-confident logs (confidence = c^0.5): calibrated on one, estimated on another.
        auto simulate = [&](const char* out, const char* truth, const char* seed) {
            CLI_OK(runCli({QStringLiteral("monitor"), QStringLiteral("simulate"), QStringLiteral("--from"),
                           path("three.csv"), QStringLiteral("--out"), path(out), QStringLiteral("--truth-out"),
                           path(truth), QStringLiteral("--rate"), QStringLiteral("3"), QStringLiteral("--seed"),
                           QLatin1String(seed), QStringLiteral("--confidence-power"), QStringLiteral("0.5")}));
        };
        simulate("cal.jsonl", "cal_truth.jsonl", "11");
        simulate("cur.jsonl", "cur_truth.jsonl", "12");
        const CliResult r = runCli({QStringLiteral("monitor"), QStringLiteral("estimate"), path("cur.jsonl"),
                                    QStringLiteral("--calibration"), path("cal.jsonl"),
                                    QStringLiteral("--calibration-truth"), path("cal_truth.jsonl"),
                                    QStringLiteral("--ground-truth"), path("cur_truth.jsonl"),
                                    QStringLiteral("--window"), QStringLiteral("900")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray windows = json(r).value(QLatin1String("windows")).toArray();
        QCOMPARE(windows.size(), 4);
        for (const auto& w : windows) {
            const QJsonObject o = w.toObject();
            const QJsonObject e = o.value(QLatin1String("estimated_accuracy")).toObject();
            const double estimated = e.value(QLatin1String("value")).toDouble();
            const double realized = o.value(QLatin1String("accuracy")).toDouble();
            QVERIFY2(std::fabs(estimated - realized) < 0.04,
                     qPrintable(QString::number(estimated) + " vs " + QString::number(realized)));
            QVERIFY(e.value(QLatin1String("low")).toDouble() < estimated);
        }
        // Without --calibration-truth a log cannot calibrate: exit 2, said.
        const CliResult bad = runCli({QStringLiteral("monitor"), QStringLiteral("estimate"), path("cur.jsonl"),
                                      QStringLiteral("--calibration"), path("cal.jsonl")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QLatin1String("--calibration-truth")), qPrintable(bad.err));

        // A profile carries a fitted calibration: another --calibration-method is refused,
        // not silently ignored.
        CLI_OK(runCli({QStringLiteral("monitor"), QStringLiteral("profile"), QStringLiteral("--reference"),
                       path("three.csv"), QStringLiteral("--calibration"), path("cal.jsonl"),
                       QStringLiteral("--calibration-truth"), path("cal_truth.jsonl"),
                       QStringLiteral("--out"), path("calibrated.json")}));
        auto estimate = [&](const char* method) {
            return runCli({QStringLiteral("monitor"), QStringLiteral("estimate"), path("cur.jsonl"),
                           QStringLiteral("--calibration"), path("calibrated.json"),
                           QStringLiteral("--calibration-method"), QLatin1String(method)});
        };
        const CliResult other = estimate("histogram");
        QCOMPARE(other.exitCode, 2);
        QVERIFY2(other.err.contains(QLatin1String("fitted with isotonic")), qPrintable(other.err));
        CLI_OK(estimate("isotonic"));
        // check takes the same option, with the same rule.
        writeText(path("acc_rules.json"),
                  R"([{"name": "acc", "metric": "estimated_accuracy", "op": "<", "threshold": 0.1, "window": 900}])");
        const CliResult check = runCli({QStringLiteral("monitor"), QStringLiteral("check"), path("cur.jsonl"),
                                        QStringLiteral("--rules"), path("acc_rules.json"),
                                        QStringLiteral("--calibration"), path("calibrated.json"),
                                        QStringLiteral("--calibration-method"), QStringLiteral("histogram")});
        QCOMPARE(check.exitCode, 2);
        QVERIFY2(check.err.contains(QLatin1String("fitted with isotonic")), qPrintable(check.err));
    }
};

QTEST_GUILESS_MAIN(TestCliMonitor)
#include "test_cli_monitor.moc"
