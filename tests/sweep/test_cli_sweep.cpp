// `flightdeck-cli sweep` end to end through the real binary: a grid prints each run as it ends
// and the best at the end, and records every run with its sweep (`sweeps` lists them); random search with a seed
// draws the same trials twice; a bad axis is refused naming its field before anything is
// written; Ctrl-C stops the run in progress as cancelled and starts no other.
#include "common/CliRunner.h"

#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/store/SweepRepository.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <random>

using namespace flightdeck;
using namespace flightdeck::testing;

namespace {

QByteArray blobsCsv(int rows)
{
    QByteArray csv = "x,y,kind\n";
    std::mt19937 rng(9);
    std::normal_distribution<double> noise(0.0, 1.0);
    for (int i = 0; i < rows; ++i) {
        const int c = i % 2;
        csv += QByteArray::number(c * 1.5 + noise(rng)) + "," + QByteArray::number(noise(rng)) + ","
               + (c ? "b" : "a") + "\n";
    }
    return csv;
}

std::vector<store::SweepTrialRecord> trialsOf(const QString& project, store::Id sweepId)
{
    store::Project p = store::Project::open(project.toStdString());
    return store::SweepRepository(p).trials(sweepId);
}

}  // namespace

class TestCliSweep : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    QString makeProject(const char* name, int rows = 200)
    {
        const QString project = dir_.filePath(QLatin1String(name));
        writeText(dir_.filePath(QStringLiteral("blobs.csv")), blobsCsv(rows));
        [&] {
            CLI_OK(runCli({"init", project}));
            CLI_OK(runCli({"import", project, dir_.filePath(QStringLiteral("blobs.csv")), "--label", "kind"}));
            CLI_OK(runCli({"split", project, "--version", "1", "--seed", "3"}));
            CLI_OK(runCli({"arch", project}));
        }();
        return project;
    }

private Q_SLOTS:
    void gridPrintsEachRunAndTheBest()
    {
        const QString project = makeProject("grid");
        const CliResult r = runCli({"sweep", project, "--version", "1", "--split", "1", "--arch", "1",
                                    "--lr", "1e-4,3e-2", "--optimizer", "adam,sgd", "--epochs", "2",
                                    "--threads", "1", "--name", "lr-opt", "--no-checkpoints"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QVERIFY2(r.out.contains("sweep 1: 4 runs (grid)"), qPrintable(r.out));
        for (int i = 1; i <= 4; ++i)
            QVERIFY2(r.out.contains(QStringLiteral("trial %1/4  run %1  arch 1 ").arg(i)), qPrintable(r.out));
        QVERIFY(r.out.contains("learning_rate=0.0001 optimizer=sgd epochs=2  completed  score "));
        QVERIFY(r.out.contains("sweep 1 completed: 4 of 4 runs, ranked by val/accuracy"));

        const auto trials = trialsOf(project, 1);
        QCOMPARE(trials.size(), std::size_t(4));
        store::Project p = store::Project::open(project.toStdString());
        const auto best = store::SweepRepository(p).best(1);
        QVERIFY(best.has_value());
        const QRegularExpression bestLine(QStringLiteral("best: run (\\d+) \\(trial (\\d+)\\) val/accuracy ([0-9.]+)"));
        const auto m = bestLine.match(r.out);
        QVERIFY2(m.hasMatch(), qPrintable(r.out));
        QCOMPARE(m.captured(1).toLongLong(), best->runId);
        QCOMPARE(m.captured(2).toInt(), best->trial + 1);
        QCOMPARE(m.captured(3).toDouble(), std::round(*best->score * 10000) / 10000);
        // `sweeps` lists it (without libtorch), and one sweep's runs with the best starred.
        const CliResult listed = runCli({"sweeps", project});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        QVERIFY2(listed.out.startsWith(QStringLiteral("1\tlr-opt\tgrid\tcompleted\t4 runs\tval/accuracy\tbest run %1 ")
                                           .arg(best->runId)),
                 qPrintable(listed.out));
        const CliResult one = runCli({"sweeps", project, "--sweep", "1"});
        QVERIFY2(one.out.contains(QStringLiteral("* trial %1\trun %2\t").arg(best->trial + 1).arg(best->runId)),
                 qPrintable(one.out));
        QCOMPARE(one.out.count(QStringLiteral("\n")), 5);
        for (const auto& t : trials) {
            QVERIFY(t.score.has_value());
            QVERIFY(*t.score <= *best->score);
            QCOMPARE(store::RunRepository(p).run(t.runId).name, "lr-opt #" + std::to_string(t.trial + 1));
        }
    }

    void randomSearchIsReproducible()
    {
        const QStringList args = {"--version", "1", "--split", "1", "--arch", "1", "--random", "3",
                                  "--lr", "1e-4..1e-1", "--batch-size", "16,32", "--search-seed", "5",
                                  "--epochs", "1", "--threads", "1", "--no-checkpoints"};
        const QString a = makeProject("random-a"), b = makeProject("random-b");
        CLI_OK(runCli(QStringList{"sweep", a} + args));
        CLI_OK(runCli(QStringList{"sweep", b} + args));
        const auto ta = trialsOf(a, 1), tb = trialsOf(b, 1);
        QCOMPARE(ta.size(), std::size_t(3));
        for (std::size_t i = 0; i < ta.size(); ++i)
            QCOMPARE(ta[i].assignmentJson, tb[i].assignmentJson);
        QVERIFY(ta[0].assignmentJson != ta[1].assignmentJson);
    }

    void badAxisIsRefusedNamingIt()
    {
        const QString project = makeProject("bad");
        const CliResult r = runCli({"sweep", project, "--version", "1", "--split", "1", "--arch", "1",
                                    "--batch-size", "0,16"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("batch_size"), qPrintable(r.err));
        store::Project p = store::Project::open(project.toStdString());
        QVERIFY(store::SweepRepository(p).sweeps().empty());
        QVERIFY(store::RunRepository(p).runs().empty());
        const CliResult range = runCli({"sweep", project, "--version", "1", "--split", "1", "--arch", "1",
                                        "--lr", "1e-4..1e-2"});
        QCOMPARE(range.exitCode, 2);
        QVERIFY2(range.err.contains("learning_rate") && range.err.contains("grid"), qPrintable(range.err));
    }

    void interruptCancelsTheSweep()
    {
        const QString project = makeProject("stop", 3000);
        QProcess process;
        process.start(cliPath(), {"sweep", project, "--version", "1", "--split", "1", "--arch", "1",
                                  "--lr", "1e-3,2e-3,3e-3,4e-3", "--epochs", "1,400", "--batch-size", "8",
                                  "--threads", "1"});
        QVERIFY(process.waitForStarted());
        // The first trial (1 epoch) ends; the second (400 epochs) is stopped in its first ones.
        QString out;
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(process.readAllStandardOutput())).contains("trial 1/8"),
                                 120000);
        QTest::qWait(1500);
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(120000));
        out += QString::fromUtf8(process.readAllStandardOutput());
        QCOMPARE(process.exitCode(), 128 + SIGINT);
        QVERIFY2(out.contains("trial 2/8  run 2  arch 1 learning_rate=0.001 batch_size=8 epochs=400  cancelled"), qPrintable(out));
        QVERIFY2(out.contains("sweep 1 cancelled: 2 of 8 runs"), qPrintable(out));
        QVERIFY(!out.contains("trial 3/8"));
        store::Project p = store::Project::open(project.toStdString());
        QCOMPARE(store::RunRepository(p).runs().size(), std::size_t(2));
        QCOMPARE(store::RunRepository(p).run(2).status, store::RunStatus::Cancelled);
        QCOMPARE(store::SweepRepository(p).sweep(1).status, store::RunStatus::Cancelled);
        QCOMPARE(store::SweepRepository(p).best(1)->runId, store::Id(1));
    }
};

QTEST_GUILESS_MAIN(TestCliSweep)
#include "test_cli_sweep.moc"
