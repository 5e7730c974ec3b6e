// Runs the real flightdeck-cli binary: the whole loop on the bundled CSV, and bad input.
#include "common/CliRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using flightdeck::testing::CliResult;
using flightdeck::testing::cliPath;
using flightdeck::testing::runCli;
using flightdeck::testing::sample;
using flightdeck::testing::writeText;

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void loopRunsEndToEnd()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p"));
        const CliResult r = runCli({QStringLiteral("loop"), project, sample("iris.csv"),
                                 QStringLiteral("--label"), QStringLiteral("species"),
                                 QStringLiteral("--epochs"), QStringLiteral("30"),
                                 QStringLiteral("--log"), sample("predictions.jsonl")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QVERIFY(r.out.contains(QLatin1String("150 rows, 4 features, 3 classes")));
        QVERIFY(QFile::exists(project + QStringLiteral("/project.db")));

        // The export folder the CLI names exists and holds a manifest listing model.pt.
        const auto exportLine = r.out.section(QLatin1String("export     "), 1).section(QLatin1Char(' '), 0, 0);
        QVERIFY2(QFile::exists(exportLine + QStringLiteral("/manifest.json")), qPrintable(r.out));
        QFile manifest(exportLine + QStringLiteral("/manifest.json"));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        QVERIFY(manifest.readAll().contains("model.pt"));

        // Test accuracy on iris after 30 epochs is high; the number is parsed from the output.
        const double accuracy = r.out.section(QLatin1String("test accuracy "), 1)
                                    .section(QLatin1Char(' '), 0, 0).toDouble();
        QVERIFY2(accuracy > 0.85, qPrintable(r.out));
        // 3 broken lines in the sample log are counted, not fatal.
        QVERIFY2(r.out.contains(QLatin1String("3 broken lines skipped")), qPrintable(r.out));

        const CliResult runs = runCli({QStringLiteral("runs"), project});
        QCOMPARE(runs.exitCode, 0);
        QVERIFY(runs.out.contains(QLatin1String("completed")));

        // The bundle verifies; one changed byte is named, with exit 1.
        const CliResult intact = runCli({QStringLiteral("bundle"), QStringLiteral("verify"), exportLine});
        QVERIFY2(intact.exitCode == 0, qPrintable(intact.out + intact.err));
        QVERIFY(intact.out.contains(QLatin1String("ok      model.pt")));
        {
            QFile labels(exportLine + QStringLiteral("/labels.json"));
            QVERIFY(labels.open(QIODevice::ReadWrite));
            labels.seek(2);
            labels.write("#");
        }
        const CliResult tampered = runCli({QStringLiteral("bundle"), QStringLiteral("verify"), exportLine});
        QCOMPARE(tampered.exitCode, 1);
        QVERIFY2(tampered.out.contains(QLatin1String("FAILED  labels.json")), qPrintable(tampered.out));
    }

    void monitorPrintsJson()
    {
        const CliResult r = runCli({QStringLiteral("monitor"), QStringLiteral("summary"), sample("predictions.jsonl"),
                                 QStringLiteral("--window"), QStringLiteral("300")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("records")).toInt(), 3000);
        QCOMPARE(json.value(QStringLiteral("skipped")).toInt(), 3);
        QVERIFY(json.value(QStringLiteral("windows")).toArray().size() > 3);
    }

    void evalMetricsMatchesConfusionCounts()
    {
        const CliResult r = runCli({QStringLiteral("eval"), QStringLiteral("metrics"),
                                 QStringLiteral(FLIGHTDECK_TEST_DATA "/eval_wine.csv")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonArray counts =
            json.value(QStringLiteral("confusion_matrix")).toObject().value(QStringLiteral("counts")).toArray();
        QCOMPARE(counts.size(), 3);
        int total = 0;
        for (const auto& row : counts)
            for (const auto& cell : row.toArray())
                total += cell.toInt();
        QCOMPARE(total, 178);   // the wine data set
    }

    void monitorDriftFlagsTheShiftedFeature()
    {
        // The sample log shifts feature_2 by +0.8 from its 1,500th request on; the first 1,000
        // lines are the reference.
        QTemporaryDir dir;
        QFile log(sample("predictions.jsonl"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QFile reference(dir.filePath(QStringLiteral("reference.jsonl")));
        QVERIFY(reference.open(QIODevice::WriteOnly));
        for (int i = 0; i < 1000; ++i)
            reference.write(log.readLine());
        reference.close();
        const CliResult r = runCli({QStringLiteral("monitor"), QStringLiteral("drift"), sample("predictions.jsonl"),
                                 QStringLiteral("--reference"), reference.fileName(),
                                 QStringLiteral("--window"), QStringLiteral("300")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray windows =
            QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("windows")).toArray();
        QVERIFY(windows.size() >= 4);
        auto drifted = [](const QJsonObject& window, const QString& column) {
            for (const auto& c : window.value(QStringLiteral("columns")).toArray())
                if (c.toObject().value(QStringLiteral("name")).toString() == column)
                    return c.toObject().value(QStringLiteral("drifted")).toBool();
            return false;
        };
        QVERIFY(!drifted(windows.first().toObject(), QStringLiteral("feature_2")));
        QVERIFY(drifted(windows.last().toObject(), QStringLiteral("feature_2")));
        QVERIFY(!drifted(windows.last().toObject(), QStringLiteral("feature_0")));
    }

    void badCsvNamesFileAndLine()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("bad.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("a,b,label\n1,2,x\n3,oops,y\n");
        file.close();
        const QString project = dir.filePath(QStringLiteral("p"));
        QCOMPARE(runCli({QStringLiteral("init"), project}).exitCode, 0);
        const CliResult r = runCli({QStringLiteral("import"), project, csv});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(csv + QStringLiteral(":3")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("\"b\"")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("oops")), qPrintable(r.err));
    }

    void modelSummaryValidateAndGraphArchitectures()
    {
        const CliResult summary = runCli({QStringLiteral("model"), QStringLiteral("summary"),
                                          QStringLiteral("--template"), QStringLiteral("fashion_cnn"),
                                          QStringLiteral("--input-shape"), QStringLiteral("1,28,28")});
        CLI_OK(summary);
        QVERIFY2(summary.out.contains(QLatin1String("maxpool2d_2           MaxPool2d           [64, 7, 7]"))
                     && summary.out.contains(QLatin1String("total: 3274634 parameters")),
                 qPrintable(summary.out));
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        writeText(bad, R"({"version":2,"name":"bad","nodes":[{"id":"in","type":"input"},)"
                       R"({"id":"c","type":"conv2d","inputs":["in"],"out_channels":8,"kernel":3},)"
                       R"({"id":"fc","type":"linear","inputs":["c"],"units":10},)"
                       R"({"id":"out","type":"output","inputs":["fc"]}]})");
        const CliResult invalid = runCli({QStringLiteral("model"), QStringLiteral("validate"), bad,
                                          QStringLiteral("--input-shape"), QStringLiteral("1,28,28")});
        QCOMPARE(invalid.exitCode, 1);
        QVERIFY2(invalid.err.contains(QLatin1String("node \"fc\"")) && invalid.err.contains(QLatin1String("Flatten")),
                 qPrintable(invalid.err));
        const QString project = dir.filePath(QStringLiteral("p"));
        CLI_OK(runCli({QStringLiteral("init"), project}));
        const CliResult a = runCli({QStringLiteral("arch"), project, QStringLiteral("--template"),
                                    QStringLiteral("resnet_block")});
        CLI_OK(a);
        QVERIFY2(a.out.contains(QLatin1String("graph of 14 nodes")), qPrintable(a.out));

        // A trailing comma is a missing size, not "4"; a spec file of a newer version says so
        // without calling it a project.
        const CliResult comma = runCli({QStringLiteral("model"), QStringLiteral("validate"), QStringLiteral("--template"),
                                        QStringLiteral("mlp"), QStringLiteral("--input-shape"), QStringLiteral("4,")});
        QCOMPARE(comma.exitCode, 2);
        QVERIFY2(comma.err.contains(QLatin1String("\"4,\"")), qPrintable(comma.err));
        const QString newer = dir.filePath(QStringLiteral("v3.json"));
        writeText(newer, R"({"version":3,"name":"later","nodes":[]})");
        const CliResult v3 = runCli({QStringLiteral("model"), QStringLiteral("validate"), newer,
                                     QStringLiteral("--input-shape"), QStringLiteral("4")});
        QVERIFY(v3.exitCode != 0);
        QVERIFY2(v3.err.contains(QLatin1String("spec version 3")) && !v3.err.contains(QLatin1String("project")),
                 qPrintable(v3.err));

        // Ids are whole numbers from 1: "-1" is refused by name, not looked up as 0.
        const CliResult resume = runCli({QStringLiteral("train"), project, QStringLiteral("--resume"), QStringLiteral("-1")});
        QVERIFY(resume.exitCode != 0);   // CLI11 validation
        QVERIFY2(resume.err.contains(QLatin1String("a run id")), qPrintable(resume.err));
    }

    void missingProjectIsRefused()
    {
        QTemporaryDir dir;
        const CliResult r = runCli({QStringLiteral("runs"), dir.filePath(QStringLiteral("nope"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("file_not_found")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
