// Issue 13's probe, replayed against the real flightdeck-cli binary: each defect the hostile
// probe found is a row here, asserting what a user now sees instead.
#include "common/CliRunner.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <random>

#include <sys/resource.h>

using flightdeck::testing::CliResult;
using flightdeck::testing::cliPath;
using flightdeck::testing::runCli;
using flightdeck::testing::sample;
using flightdeck::testing::writeText;

class TestCliReliability : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;

private Q_SLOTS:
    void initTestCase()
    {
        project_ = dir_.filePath(QStringLiteral("p"));
        CLI_OK(runCli({QStringLiteral("init"), project_}));
        CLI_OK(runCli({QStringLiteral("import"), project_, sample("iris.csv"),
                       QStringLiteral("--label"), QStringLiteral("species")}));   // version 1
        CLI_OK(runCli({QStringLiteral("split"), project_, QStringLiteral("--version"),
                       QStringLiteral("1")}));                                       // split 1
        CLI_OK(runCli({QStringLiteral("arch"), project_}));                          // arch 1
    }

    // Defect 1: export --out onto another bundle deleted the user's file and re-pointed A.
    void exportNeverReplacesABundle()
    {
        const QStringList train = {QStringLiteral("train"), project_, QStringLiteral("--version"),
                                   QStringLiteral("1"), QStringLiteral("--split"), QStringLiteral("1"),
                                   QStringLiteral("--arch"), QStringLiteral("1"),
                                   QStringLiteral("--epochs"), QStringLiteral("2")};
        CLI_OK(runCli(train));
        const CliResult a = runCli({QStringLiteral("export"), project_, QStringLiteral("--run"),
                                 QStringLiteral("1"), QStringLiteral("--name"), QStringLiteral("A")});
        CLI_OK(a);
        const QString bundle = project_ + QStringLiteral("/exports/A-v1");
        const QString mine = bundle + QStringLiteral("/mine.txt");
        writeText(mine, "keep me\n");
        const CliResult b = runCli({QStringLiteral("export"), project_, QStringLiteral("--run"),
                                 QStringLiteral("1"), QStringLiteral("--name"), QStringLiteral("B"),
                                 QStringLiteral("--out"), bundle});
        QCOMPARE(b.exitCode, 2);
        QVERIFY2(b.err.contains(QLatin1String("not empty")), qPrintable(b.err));
        QVERIFY(QFile::exists(mine));
        flightdeck::store::Project p = flightdeck::store::Project::open(project_.toStdString());
        const auto models = flightdeck::store::ModelRegistry(p).models();
        QCOMPARE(models.size(), std::size_t(1));
        QCOMPARE(models.front().name, std::string("A"));
    }

    // Defect 2: a float label became 49,999 classes silently and evaluation grew with K^2.
    void idLikeLabelWarnsAndEvaluatesInBoundedMemory()
    {
        QByteArray csv = "a,b,target\n";
        std::mt19937 rng(7);
        std::uniform_real_distribution<double> u(0, 1);
        for (int i = 0; i < 6000; ++i)
            csv += QByteArray::number(u(rng), 'f', 4) + ',' + QByteArray::number(u(rng), 'f', 4)
                   + ',' + QByteArray::number(u(rng), 'f', 7) + '\n';
        const QString file = dir_.filePath(QStringLiteral("floats.csv"));
        writeText(file, csv);
        // Detected as what it is, a continuous target (issue 6), and said so...
        const CliResult detected = runCli({QStringLiteral("import"), project_, file});
        CLI_OK(detected);
        QVERIFY2(detected.out.contains(QLatin1String("task table_regression (detected)"))
                     && detected.err.contains(QLatin1String("regression target")),
                 qPrintable(detected.out + detected.err));
        // ...and forced into classes it is warned about and stays bounded in memory.
        const CliResult imported = runCli({QStringLiteral("import"), project_, file,
                                           QStringLiteral("--name"), QStringLiteral("as-classes"),
                                           QStringLiteral("--task"), QStringLiteral("classification")});
        CLI_OK(imported);
        QVERIFY2(imported.err.contains(QLatin1String("warning:"))
                     && imported.err.contains(QLatin1String("looks like an id")),
                 qPrintable(imported.err));
        const QString version = imported.out.section(QLatin1String("dataset version "), 1)
                                    .section(QLatin1Char(' '), 0, 0);
        const CliResult split = runCli({QStringLiteral("split"), project_, QStringLiteral("--version"),
                                     version});
        CLI_OK(split);
        const QString splitId = split.out.section(QLatin1String("split "), 1).section(QLatin1Char(' '), 0, 0);
        const CliResult trained = runCli({QStringLiteral("train"), project_, QStringLiteral("--version"),
                                       version, QStringLiteral("--split"), splitId,
                                       QStringLiteral("--arch"), QStringLiteral("1"),
                                       QStringLiteral("--epochs"), QStringLiteral("1")});
        CLI_OK(trained);
        const QString run = trained.out.section(QLatin1String("run "), 1).section(QLatin1Char(' '), 0, 0);
        // One row per class: stratification keeps them all in train, so evaluate there. The
        // dense 6,000 x 6,000 matrix alone was 288 MB and its JSON several times that; the
        // peak RSS of every child so far (getrusage) stays far below.
        const CliResult ev = runCli({QStringLiteral("evaluate"), project_, QStringLiteral("--run"), run,
                                  QStringLiteral("--split"), QStringLiteral("train")});
        CLI_OK(ev);
        struct rusage usage {};
        QCOMPARE(::getrusage(RUSAGE_CHILDREN, &usage), 0);
        qInfo("peak RSS of the CLI processes: %ld MB", usage.ru_maxrss / 1024);
        QVERIFY2(usage.ru_maxrss < 700 * 1024, qPrintable(QString::number(usage.ru_maxrss)));
        const QString out = ev.out;
        const QString json = out.left(out.lastIndexOf(QLatin1String("\nevaluation ")));
        const QJsonObject report = QJsonDocument::fromJson(json.toUtf8()).object();
        QVERIFY(!report.contains(QLatin1String("confusion")));
        const QJsonArray cells = report.value(QLatin1String("confusion_cells")).toArray();
        QVERIFY(!cells.isEmpty());
        qint64 total = 0;
        for (const auto& c : cells)
            total += c.toArray().at(2).toInteger();
        QCOMPARE(total, qint64(6000));
    }

    // Defect 3: 100,000 nested brackets crashed `arch --spec` (rc 139).
    void deeplyNestedSpecIsRefused()
    {
        const QString file = dir_.filePath(QStringLiteral("deep.json"));
        writeText(file, QByteArray(100000, '[') + QByteArray(100000, ']'));
        const CliResult r = runCli({QStringLiteral("arch"), project_, QStringLiteral("--spec"), file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("nested deeper than")), qPrintable(r.err));
    }

    // Defect 4: --threads 100000 spawned 31,980 threads and hung.
    void threadCountIsBounded()
    {
        const CliResult r = runCli({QStringLiteral("train"), project_, QStringLiteral("--version"),
                                 QStringLiteral("1"), QStringLiteral("--split"), QStringLiteral("1"),
                                 QStringLiteral("--arch"), QStringLiteral("1"),
                                 QStringLiteral("--threads"), QStringLiteral("100000")},
                                60000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("cores available here")), qPrintable(r.err));
    }

    // Defect 5: --lr 1e308 ended as "database error (NOT NULL constraint failed...)".
    void divergingLossNamesTheStep()
    {
        const CliResult r = runCli({QStringLiteral("train"), project_, QStringLiteral("--version"),
                                 QStringLiteral("1"), QStringLiteral("--split"), QStringLiteral("1"),
                                 QStringLiteral("--arch"), QStringLiteral("1"),
                                 QStringLiteral("--lr"), QStringLiteral("1e308")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("diverged")) && r.err.contains(QLatin1String("at step")),
                 qPrintable(r.err));
        QVERIFY2(!r.err.contains(QLatin1String("database")), qPrintable(r.err));
        flightdeck::store::Project p = flightdeck::store::Project::open(project_.toStdString());
        const auto runs = flightdeck::store::RunRepository(p).runs();   // newest first
        QCOMPARE(runs.front().status, flightdeck::store::RunStatus::Failed);
        QVERIFY(runs.front().error.find("diverged") != std::string::npos);
    }

    // Defect 6: an empty val part printed "val loss 0, val accuracy 0"; evaluating an empty test
    // part stored accuracy 0.0 over 0 samples.
    void emptySplitPartsAreUndefinedNotZero()
    {
        const CliResult split = runCli({QStringLiteral("split"), project_, QStringLiteral("--version"),
                                     QStringLiteral("1"), QStringLiteral("--train"), QStringLiteral("0.8"),
                                     QStringLiteral("--val"), QStringLiteral("0"),
                                     QStringLiteral("--test"), QStringLiteral("0.2")});
        CLI_OK(split);
        QVERIFY2(split.err.contains(QLatin1String("val part")), qPrintable(split.err));
        const QString splitId = split.out.section(QLatin1String("split "), 1).section(QLatin1Char(' '), 0, 0);
        const CliResult trained = runCli({QStringLiteral("train"), project_, QStringLiteral("--version"),
                                       QStringLiteral("1"), QStringLiteral("--split"), splitId,
                                       QStringLiteral("--arch"), QStringLiteral("1"),
                                       QStringLiteral("--epochs"), QStringLiteral("1")});
        CLI_OK(trained);
        QVERIFY2(!trained.out.contains(QLatin1String("val loss 0")), qPrintable(trained.out));
        QVERIFY2(trained.out.contains(QLatin1String("no val metrics")), qPrintable(trained.out));
        const QString run = trained.out.section(QLatin1String("run "), 1).section(QLatin1Char(' '), 0, 0);
        const CliResult ev = runCli({QStringLiteral("evaluate"), project_, QStringLiteral("--run"), run,
                                  QStringLiteral("--split"), QStringLiteral("val")});
        QCOMPARE(ev.exitCode, 2);
        QVERIFY2(ev.err.contains(QLatin1String("is empty")), qPrintable(ev.err));
        flightdeck::store::Project p = flightdeck::store::Project::open(project_.toStdString());
        QVERIFY(flightdeck::store::RunRepository(p).evaluations(run.toLongLong()).empty());
    }

    // Defect 8: one bad timestamp aborted the summary with a 300-digit number and no line.
    void strayTimestampsAreSkippedWithTheirLine()
    {
        QByteArray log;
        for (int i = 0; i < 40; ++i) {
            if (i == 3)
                log += "{\"timestamp\": 1e300, \"latency_ms\": 5, \"prediction\": \"a\"}\n";
            else if (i == 17)
                log += "{\"timestamp\": 0, \"latency_ms\": 5, \"prediction\": \"a\"}\n";
            else if (i == 30)
                log += "{\"timestamp\": \"9999-06-01T00:00:00Z\", \"latency_ms\": 5, \"prediction\": \"a\"}\n";
            else
                log += "{\"timestamp\": " + QByteArray::number(1795420800 + i)
                       + ", \"latency_ms\": 5, \"prediction\": \"a\"}\n";
        }
        const QString file = dir_.filePath(QStringLiteral("stray.jsonl"));
        writeText(file, log);
        const CliResult r = runCli({QStringLiteral("monitor"), QStringLiteral("summary"), file});
        CLI_OK(r);
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.value(QLatin1String("records")).toInt(), 37);
        QCOMPARE(json.value(QLatin1String("skipped")).toInt(), 3);
        QList<int> lines;
        for (const auto& p : json.value(QLatin1String("problems")).toArray())
            lines << p.toObject().value(QLatin1String("line")).toInt();
        QCOMPARE(lines, (QList<int>{4, 18, 31}));
        QCOMPARE(json.value(QLatin1String("windows")).toArray().size(), 1);
        QVERIFY(!r.out.contains(QLatin1String("000000000000000000000")));
    }

    // Defect 9: `import` without --name filed every dataset under "model".
    void importNamesTheDatasetAfterTheFile()
    {
        const QString file = dir_.filePath(QStringLiteral("flowers.csv"));
        QFile::copy(sample("iris.csv"), file);
        CLI_OK(runCli({QStringLiteral("import"), project_, file, QStringLiteral("--label"),
                       QStringLiteral("species")}));
        flightdeck::store::Project p = flightdeck::store::Project::open(project_.toStdString());
        QStringList names;
        for (const auto& d : flightdeck::store::DatasetRepository(p).datasets())
            names << QString::fromStdString(d.name);
        QVERIFY2(names.contains(QLatin1String("flowers")) && names.contains(QLatin1String("iris")),
                 qPrintable(names.join(QLatin1Char(','))));
        QVERIFY(!names.contains(QLatin1String("model")));
    }

    // Defect 10 and the seed risk: values outside what the help promises are refused.
    void outOfRangeOptionsAreRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString log = sample("predictions.jsonl");
        const QString mon = QStringLiteral("monitor");
        QTest::newRow("summary --window 1")
            << QStringList{mon, QStringLiteral("summary"), log, QStringLiteral("--window"), QStringLiteral("1")};
        QTest::newRow("summary --window 86401")
            << QStringList{mon, QStringLiteral("summary"), log, QStringLiteral("--window"), QStringLiteral("86401")};
        QTest::newRow("drift --p-value 2")
            << QStringList{mon, QStringLiteral("drift"), log, QStringLiteral("--reference"), log,
                           QStringLiteral("--p-value"), QStringLiteral("2")};
        QTest::newRow("split --seed -1")
            << QStringList{QStringLiteral("split"), project_, QStringLiteral("--version"),
                           QStringLiteral("1"), QStringLiteral("--seed"), QStringLiteral("-1")};
        QTest::newRow("train --seed 2^64")
            << QStringList{QStringLiteral("train"), project_, QStringLiteral("--version"),
                           QStringLiteral("1"), QStringLiteral("--split"), QStringLiteral("1"),
                           QStringLiteral("--arch"), QStringLiteral("1"), QStringLiteral("--seed"),
                           QStringLiteral("18446744073709551616")};
    }

    void outOfRangeOptionsAreRefused()
    {
        QFETCH(QStringList, args);
        const CliResult r = runCli(args);
        QVERIFY2(r.exitCode != 0, qPrintable(r.out.left(200)));
        QVERIFY2(r.err.contains(QLatin1String("expected")), qPrintable(r.err));
    }

    // A second Project::open in a process must not drop the locks the first connection holds:
    // a plain open()/close() of project.db does (POSIX locks are per process), after which
    // another process closing the database deletes the WAL under the first connection, whose
    // next read said "database disk image is malformed" (seen while the GUI and the CLI shared
    // a project).
    void openingAgainKeepsTheFirstConnectionsLocks()
    {
        const QString folder = dir_.filePath(QStringLiteral("locks"));
        CLI_OK(runCli({QStringLiteral("init"), folder}));
        auto first = flightdeck::store::Project::open(folder.toStdString());
        flightdeck::store::RunRepository runs(first);
        QVERIFY(runs.runs().empty());   // the connection reads, so it holds the WAL open
        { auto again = flightdeck::store::Project::open(folder.toStdString()); }
        // Another process opens and closes the database; it must not see itself as the last
        // connection (which checkpoints and removes the WAL).
        CLI_OK(runCli({QStringLiteral("runs"), folder}));
        QVERIFY2(QFile::exists(folder + QStringLiteral("/project.db-wal")),
                 "the WAL was removed while this process still had the database open");
        QVERIFY(runs.runs().empty());
    }
};

QTEST_GUILESS_MAIN(TestCliReliability)
#include "test_cli_reliability.moc"
