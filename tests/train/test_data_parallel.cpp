// Data-parallel training through the real CLI on loopback: `train --nproc 2`, two ranks the
// test starts itself with RANK/WORLD_SIZE/MASTER_* (as torchrun or mpirun would), a rank whose
// peer never comes (it must fail within its timeout, not hang), and a stop request reaching
// every rank. Each rank prints its final weights' checksum; the project is read directly.
#include "common/CliRunner.h"

#include "flightdeck/store/MetricKeys.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <string>
#include <random>
#include <signal.h>

using flightdeck::testing::CliResult;
using flightdeck::testing::cliPath;
using flightdeck::testing::runCli;
using namespace flightdeck;

namespace {

int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

// 3 Gaussian blobs in 6 dimensions, 900 rows: learnable, so the loss falls, and big enough for
// a few dozen steps per epoch.
QByteArray blobsCsv(int rows)
{
    std::mt19937 rng(7);
    std::normal_distribution<double> noise(0.0, 1.0);
    QByteArray csv = "f0,f1,f2,f3,f4,f5,label\n";
    for (int r = 0; r < rows; ++r) {
        const int c = r % 3;
        for (int f = 0; f < 6; ++f)
            csv += QByteArray::number((f % 3 == c ? 2.0 : 0.0) + noise(rng), 'f', 4) + ',';
        csv += "c" + QByteArray::number(c) + '\n';
    }
    return csv;
}

// "rank R of W: completed, weights checksum X" -> {R: X}
QMap<int, QString> checksums(const QString& out)
{
    QMap<int, QString> m;
    static const QRegularExpression re(QStringLiteral("rank (\\d+) of 2: \\w+, weights checksum ([0-9a-f]+)"));
    auto it = re.globalMatch(out);
    while (it.hasNext()) {
        const auto match = it.next();
        m[match.captured(1).toInt()] = match.captured(2);
    }
    return m;
}

QStringList trainArgs(const QString& project, const QString& batch, const QString& epochs = QStringLiteral("4"))
{
    return {QStringLiteral("train"), project, QStringLiteral("--version"), QStringLiteral("1"),
            QStringLiteral("--split"), QStringLiteral("1"), QStringLiteral("--arch"), QStringLiteral("1"),
            QStringLiteral("--epochs"), epochs, QStringLiteral("--batch-size"), batch,
            QStringLiteral("--lr"), QStringLiteral("0.01"), QStringLiteral("--threads"), QStringLiteral("1"),
            QStringLiteral("--device"), QStringLiteral("cpu")};
}

// Starts one rank of a `world`-process run with the launcher environment.
void startRank(QProcess& p, const QStringList& args, int rank, int world, int port, int timeout = 60)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RANK"), QString::number(rank));
    env.insert(QStringLiteral("WORLD_SIZE"), QString::number(world));
    env.insert(QStringLiteral("LOCAL_RANK"), QString::number(rank));
    env.insert(QStringLiteral("LOCAL_WORLD_SIZE"), QString::number(world));
    env.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("MASTER_PORT"), QString::number(port));
    env.insert(QStringLiteral("FLIGHTDECK_DIST_TIMEOUT"), QString::number(timeout));
    p.setProcessEnvironment(env);
    p.start(cliPath(), args);
}

}  // namespace

class TestDataParallel : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString project_;

    void checkRecorded(int expectedRuns)
    {
        auto project = store::Project::open(project_.toStdString());
        store::RunRepository runs(project);
        const auto all = runs.runs();
        QCOMPARE(static_cast<int>(all.size()), expectedRuns);   // once, not once per rank
        const auto run = all.front();
        QCOMPARE(run.status, store::RunStatus::Completed);
        const auto params = runs.params(run.id);
        QCOMPARE(params.at("world_size"), std::string("2"));
        QCOMPARE(params.at("batch_size"), std::string("16"));
        QCOMPARE(params.at("global_batch_size"), std::string("32"));
        const auto losses = runs.metrics(run.id, std::string(metric::TrainEpochLoss));
        QCOMPARE(static_cast<int>(losses.size()), 4);
        QVERIFY2(losses.back().value < 0.5 * losses.front().value,
                 qPrintable(QStringLiteral("epoch loss %1 -> %2").arg(losses.front().value).arg(losses.back().value)));
        QVERIFY(!runs.metrics(run.id, std::string(metric::ValAccuracy)).empty());
        int models = 0;
        for (const auto& a : runs.artifacts(run.id))
            models += a.kind == "model";
        QCOMPARE(models, 1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        project_ = dir_.filePath(QStringLiteral("p"));
        const QString csv = dir_.filePath(QStringLiteral("blobs.csv"));
        flightdeck::testing::writeText(csv, blobsCsv(900));
        // CLI_OK reads its argument more than once: each call's result is held first.
        const QList<QStringList> steps = {
            {QStringLiteral("init"), project_},
            {QStringLiteral("import"), project_, csv},
            {QStringLiteral("split"), project_, QStringLiteral("--version"), QStringLiteral("1")},
            {QStringLiteral("arch"), project_}};
        for (const auto& args : steps) {
            const CliResult r = runCli(args);
            CLI_OK(r);
        }
    }

    void nprocTwoTrainsInStep()
    {
        const CliResult r = runCli(trainArgs(project_, QStringLiteral("16")) << QStringLiteral("--nproc")
                                                                            << QStringLiteral("2"), 120000);
        CLI_OK(r);
        const auto sums = checksums(r.out);
        QVERIFY2(sums.size() == 2, qPrintable(r.out));
        QCOMPARE(sums[0], sums[1]);   // identical weights on both ranks
        QVERIFY2(r.out.contains(QLatin1String("all 2 ranks finished")), qPrintable(r.out));
        checkRecorded(1);
    }

    void ranksStartedByTheirLauncher()
    {
        // As torchrun or mpirun would: two processes, the environment only.
        const int port = freePort();
        QProcess rank0, rank1;
        const QStringList args = trainArgs(project_, QStringLiteral("16"));
        startRank(rank1, args, 1, 2, port);   // the non-zero rank first: it waits for the store
        startRank(rank0, args, 0, 2, port);
        QVERIFY(rank0.waitForFinished(120000));
        QVERIFY(rank1.waitForFinished(120000));
        const QString out0 = QString::fromUtf8(rank0.readAllStandardOutput());
        const QString out1 = QString::fromUtf8(rank1.readAllStandardOutput());
        QVERIFY2(rank0.exitCode() == 0, qPrintable(out0 + rank0.readAllStandardError()));
        QVERIFY2(rank1.exitCode() == 0, qPrintable(out1 + rank1.readAllStandardError()));
        const auto a = checksums(out0), b = checksums(out1);
        QVERIFY2(a.contains(0) && b.contains(1), qPrintable(out0 + out1));
        QCOMPARE(a[0], b[1]);
        QVERIFY2(!out1.contains(QLatin1String("run ")), qPrintable(out1));   // rank 1 reports no run
        checkRecorded(2);
    }

    void matchesOneProcessWithTheGlobalBatch()
    {
        // 2 ranks x 16 rows per step is the single-process gradient of 32 rows: same order,
        // same weights, same steps; only the summation order differs.
        const CliResult r = runCli(trainArgs(project_, QStringLiteral("32")), 120000);
        CLI_OK(r);
        auto project = store::Project::open(project_.toStdString());
        store::RunRepository runs(project);
        const auto all = runs.runs();
        QCOMPARE(static_cast<int>(all.size()), 3);
        const auto single = runs.metrics(all[0].id, std::string(metric::TrainEpochLoss));
        const auto parallel = runs.metrics(all[1].id, std::string(metric::TrainEpochLoss));
        QCOMPARE(single.size(), parallel.size());
        for (std::size_t i = 0; i < single.size(); ++i) {
            QCOMPARE(single[i].step, parallel[i].step);
            QVERIFY2(std::abs(single[i].value - parallel[i].value) < 1e-4 * std::abs(single[i].value) + 1e-6,
                     qPrintable(QStringLiteral("epoch %1: %2 vs %3").arg(i + 1).arg(single[i].value, 0, 'g', 10)
                                    .arg(parallel[i].value, 0, 'g', 10)));
        }
    }

    void aMissingRankFailsWithinTheTimeout()
    {
        // Rank 1 of 2 whose rank 0 never starts: it must give up after its timeout and say so.
        QProcess alone;
        QElapsedTimer clock;
        clock.start();
        startRank(alone, trainArgs(project_, QStringLiteral("16")), 1, 2, freePort(), 3);
        QVERIFY(alone.waitForFinished(60000));
        const QString err = QString::fromUtf8(alone.readAllStandardError());
        QCOMPARE(alone.exitCode(), 2);
        QVERIFY2(err.contains(QLatin1String("rank 1 of 2")) && err.contains(QLatin1String("3 s")), qPrintable(err));
        QVERIFY2(clock.elapsed() < 30000, qPrintable(QString::number(clock.elapsed())));
    }

    void aStopReachesEveryRank()
    {
        // SIGTERM to the launcher: it passes it on, the ranks agree to stop at the same step,
        // and rank 0 records the run as cancelled with a checkpoint to resume from.
        QProcess launcher;
        launcher.start(cliPath(), trainArgs(project_, QStringLiteral("4"), QStringLiteral("200"))
                                      << QStringLiteral("--nproc") << QStringLiteral("2"));
        QVERIFY(launcher.waitForStarted());
        // Wait until rank 0 has recorded two epochs (its stdout is a pipe, so block-buffered).
        QElapsedTimer clock;
        clock.start();
        bool twoEpochs = false;
        while (!twoEpochs && clock.elapsed() < 60000 && launcher.state() == QProcess::Running) {
            QTest::qWait(100);
            auto project = store::Project::open(project_.toStdString());
            store::RunRepository runs(project);
            const auto all = runs.runs();
            twoEpochs = all.size() == 4 &&   // this run is the fourth
                        runs.metrics(all.front().id, std::string(metric::TrainEpochLoss)).size() >= 2;
        }
        QVERIFY(twoEpochs);
        ::kill(static_cast<pid_t>(launcher.processId()), SIGTERM);
        QVERIFY(launcher.waitForFinished(60000));
        const QString out = QString::fromUtf8(launcher.readAllStandardOutput());
        const auto sums = checksums(out);
        QVERIFY2(sums.size() == 2 && sums[0] == sums[1], qPrintable(out + launcher.readAllStandardError()));
        QVERIFY2(out.contains(QLatin1String("cancelled")), qPrintable(out));
        auto project = store::Project::open(project_.toStdString());
        store::RunRepository runs(project);
        const auto run = runs.runs().front();
        QCOMPARE(run.status, store::RunStatus::Cancelled);
        QCOMPARE(static_cast<int>(runs.runs().size()), 4);
    }

    void moreRanksThanMemoryAreRefused()
    {
        // Each rank loads libtorch (~200 MB) before data: 1024 of them are refused before any
        // starts, naming how many fit (skipped on a machine where 200 GB are free).
        std::ifstream meminfo("/proc/meminfo");
        std::string key, unit;
        unsigned long long kib = 0, available = 0;
        while (meminfo >> key >> kib >> unit)
            if (key == "MemAvailable:")
                available = kib * 1024;
        if (available == 0 || available >= 1024ull * (200ull << 20))
            QSKIP("this machine has the memory for 1024 ranks");
        const CliResult r = runCli(trainArgs(project_, QStringLiteral("16")) << QStringLiteral("--nproc")
                                                                            << QStringLiteral("1024"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("ranks fit")), qPrintable(r.err));
        QVERIFY2(!r.out.contains(QLatin1String("launching")), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestDataParallel)
#include "test_data_parallel.moc"
