// Kill points (issue 13): flightdeck-cli is SIGKILLed at random moments during import, training,
// export and registry changes, FLIGHTDECK_KILL_POINTS times each (default 100). After every kill the project
// must pass SQLite's integrity_check and fsck (every referenced object present and intact),
// keep everything committed before (dataset versions, a finished run's metrics, registered
// bundles that verify), and every run must be finished or, once its lock is free, end as
// interrupted or failed with a reason: never "running" forever. After a killed alias move, the
// aliases are where the alias history's latest event says (a move and its log entry are one
// transaction).
#include "data/ImageFixtures.h"
#include "reliability/ProjectInvariants.h"

#include "flightdeck/store/ModelRegistry.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace flightdeck;

namespace {

int killPoints()
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("FLIGHTDECK_KILL_POINTS", &ok);
    return ok && n > 0 ? n : 100;
}

int runToEnd(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(FLIGHTDECK_CLI), args);
    p.waitForFinished(300000);
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

}  // namespace

class TestKillPoints : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;
    std::mt19937 rng_{20261129};
    std::int64_t completedMetrics_ = -1;   // metric rows of run 1, finished before any kill
    int kills_ = 0, finishedAnyway_ = 0;

    // Runs `args` and kills it after a random delay in [0, spanMs]; returns whether it was
    // killed (false: it finished first).
    bool killDuring(const QStringList& args, int spanMs)
    {
        QProcess p;
        p.start(QStringLiteral(FLIGHTDECK_CLI), args);
        if (!p.waitForStarted())
            return false;
        std::uniform_int_distribution<int> delay(0, spanMs);
        const bool finished = p.waitForFinished(delay(rng_));
        if (!finished) {
            p.kill();   // SIGKILL
            p.waitForFinished();
            ++kills_;
        } else {
            ++finishedAnyway_;
        }
        return !finished;
    }

    void checkProject(const char* during, int round)
    {
        testing::verifyProjectInvariants(project_, QByteArray(during) + " #" + QByteArray::number(round),
                                         completedMetrics_);
    }

    void checkAliasesMatchTheirHistory(int round)
    {
        auto project = store::Project::open(project_.toStdString());
        store::ModelRegistry registry(project);
        for (const char* alias : {"production", "staging"}) {
            int holders = 0;
            store::Id holder = 0;
            for (const auto& m : registry.versions("reg"))
                if (m.alias == alias) {
                    ++holders;
                    holder = m.id;
                }
            const auto events = registry.history("reg", alias);
            const store::Id logged = events.empty() ? 0 : events.front().modelId;
            QVERIFY2(holders <= 1, qPrintable(QStringLiteral("round %1: %2 held by %3 versions").arg(round).arg(alias).arg(holders)));
            QVERIFY2(holder == logged, qPrintable(QStringLiteral("round %1: %2 is on row %3, its history says %4")
                                                      .arg(round).arg(alias).arg(holder).arg(logged)));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        project_ = dir_.filePath(QStringLiteral("p"));
        const QString iris = QStringLiteral(FLIGHTDECK_SOURCE_DIR "/resources/samples/iris.csv");
        QCOMPARE(runToEnd({QStringLiteral("loop"), project_, iris, QStringLiteral("--label"),
                           QStringLiteral("species"), QStringLiteral("--epochs"), QStringLiteral("2")}),
                 0);
        auto project = store::Project::open(project_.toStdString());
        completedMetrics_ = static_cast<std::int64_t>(store::RunRepository(project).metrics(1).size());
        QVERIFY(completedMetrics_ > 0);
    }

    void killDuringImport()
    {
        const QString big = dir_.filePath(QStringLiteral("big.csv"));
        {
            QFile f(big);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("a,b,c,label\n");
            for (int i = 0; i < 60000; ++i)
                f.write(QByteArray::number(i) + ",0.5,1.5," + (i % 3 ? "x\n" : "y\n"));
        }
        QElapsedTimer t;
        t.start();
        QCOMPARE(runToEnd({QStringLiteral("import"), project_, big, QStringLiteral("--label"),
                           QStringLiteral("label")}), 0);
        const int span = static_cast<int>(t.elapsed()) + 20;
        for (int i = 0; i < killPoints(); ++i) {
            // A different file each round, so every import writes a new version.
            QFile f(big);
            QVERIFY(f.open(QIODevice::Append));
            f.write(QByteArray::number(100000 + i) + ",0,0,x\n");
            f.close();
            killDuring({QStringLiteral("import"), project_, big, QStringLiteral("--label"),
                        QStringLiteral("label")}, span);
            checkProject("import", i);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void killDuringImageImportAndLabelCommit()
    {
        const QString folder = dir_.filePath(QStringLiteral("img"));
        for (int i = 0; i < 1500; ++i)
            testing::writePng(folder.toStdString() + "/c" + std::to_string(i % 4) + "/"
                                  + std::to_string(i) + ".png", 24, 24, 3, i);
        QElapsedTimer t;
        t.start();
        QCOMPARE(runToEnd({QStringLiteral("data"), QStringLiteral("import-images"), project_, folder,
                           QStringLiteral("--name"), QStringLiteral("img")}), 0);
        const int span = static_cast<int>(t.elapsed()) + 20;
        const QString labels = dir_.filePath(QStringLiteral("labels.csv"));
        for (int i = 0; i < killPoints(); ++i) {
            // A new image each round, so every import writes new objects and a new version.
            testing::writePng(folder.toStdString() + "/c0/new" + std::to_string(i) + ".png", 24,
                              24, 3, 3000 + i);
            killDuring({QStringLiteral("data"), QStringLiteral("import-images"), project_, folder,
                        QStringLiteral("--name"), QStringLiteral("img")}, span);
            checkProject("image import", i);
            if (QTest::currentTestFailed())
                return;
            // Label edits and a commit of the first image version, killed at any point.
            QFile f(labels);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("sample,label\n");
            for (int k = 0; k < 600; k += 7)
                f.write(QStringLiteral("c%1/%2.png,c%3\n").arg(k % 4).arg(k).arg((k + i) % 4).toUtf8());
            f.close();
            killDuring({QStringLiteral("data"), QStringLiteral("import-labels"), project_,
                        QStringLiteral("--version"), QStringLiteral("2"), labels}, 60);
            killDuring({QStringLiteral("data"), QStringLiteral("commit"), project_,
                        QStringLiteral("--version"), QStringLiteral("2"), QStringLiteral("-m"),
                        QStringLiteral("round %1").arg(i)}, span);
            checkProject("labels", i);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void killDuringTraining()
    {
        for (int i = 0; i < killPoints(); ++i) {
            killDuring({QStringLiteral("train"), project_, QStringLiteral("--version"),
                        QStringLiteral("1"), QStringLiteral("--split"), QStringLiteral("1"),
                        QStringLiteral("--arch"), QStringLiteral("1"), QStringLiteral("--epochs"),
                        QStringLiteral("3")}, 1500);
            checkProject("train", i);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void killDuringExport()
    {
        for (int i = 0; i < killPoints(); ++i) {
            killDuring({QStringLiteral("export"), project_, QStringLiteral("--run"),
                        QStringLiteral("1"), QStringLiteral("--name"), QStringLiteral("k")}, 150);
            checkProject("export", i);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void killDuringRegistryChanges()
    {
        for (int v = 0; v < 3; ++v)
            QCOMPARE(runToEnd({QStringLiteral("export"), project_, QStringLiteral("--run"),
                               QStringLiteral("1"), QStringLiteral("--name"), QStringLiteral("reg")}), 0);
        const auto promote = [&](int version, const char* alias) {
            return QStringList{QStringLiteral("registry"), QStringLiteral("promote"), project_,
                               QStringLiteral("reg"), QString::number(version), QStringLiteral("--alias"),
                               QString::fromLatin1(alias)};
        };
        QElapsedTimer t;
        t.start();
        QCOMPARE(runToEnd(promote(1, "production")), 0);
        const int span = static_cast<int>(t.elapsed()) + 20;
        std::uniform_int_distribution<int> pick(0, 5), version(1, 3);
        for (int i = 0; i < killPoints(); ++i) {
            switch (pick(rng_)) {
            case 0: case 1: killDuring(promote(version(rng_), "production"), span); break;
            case 2: killDuring(promote(version(rng_), "staging"), span); break;
            case 3: killDuring({QStringLiteral("registry"), QStringLiteral("rollback"), project_,
                                QStringLiteral("reg")}, span); break;
            case 4: killDuring({QStringLiteral("registry"), QStringLiteral("clear"), project_,
                                QStringLiteral("reg"), QStringLiteral("--alias"), QStringLiteral("staging")}, span); break;
            default: killDuring({QStringLiteral("registry"), QStringLiteral("rollback"), project_,
                                 QStringLiteral("reg"), QStringLiteral("--alias"), QStringLiteral("staging")}, span); break;
            }
            checkProject("registry", i);
            if (QTest::currentTestFailed())
                return;
            checkAliasesMatchTheirHistory(i);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void cleanupTestCase()
    {
        qInfo("kill points: %d processes killed, %d finished before their kill time", kills_,
              finishedAnyway_);
    }
};

QTEST_GUILESS_MAIN(TestKillPoints)
#include "test_kill_points.moc"
