// I/O errors (issue 13): flightdeck-cli runs import, training and export with every write,
// pwrite, fsync and fdatasync to a file failing (EIO, or ENOSPC) from the Nth one on, through
// an LD_PRELOAD shim (FailingWrites.cpp), for a spread of N. Each run must end normally, with
// exit 0 or 2 and a clear "error:" line (never a crash), and leave the project consistent
// (ProjectInvariants.h).
#include "common/CliRunner.h"
#include "reliability/ProjectInvariants.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace flightdeck;

class TestIoErrors : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;
    std::int64_t finishedMetrics_ = 0;
    int runs_ = 0, failedCleanly_ = 0;

    // The failure points: every one of the first 40 writes, then every 25th up to 600
    // (FLIGHTDECK_IO_ERROR_POINTS keeps every k-th of them, for slow sanitizer builds).
    static QList<int> points()
    {
        QList<int> all;
        for (int i = 0; i < 40; ++i)
            all << i;
        for (int i = 40; i <= 600; i += 25)
            all << i;
        bool ok = false;
        const int wanted = qEnvironmentVariableIntValue("FLIGHTDECK_IO_ERROR_POINTS", &ok);
        if (!ok || wanted <= 0 || wanted >= all.size())
            return all;
        QList<int> some;
        for (int i = 0; i < all.size(); i += all.size() / wanted)
            some << all[i];
        return some;
    }

    void runFailing(const QStringList& args, int after, const char* errnoName, const QByteArray& where)
    {
        QProcess p;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral(FLIGHTDECK_FAILING_WRITES));
        env.insert(QStringLiteral("FLIGHTDECK_FAIL_AFTER"), QString::number(after));
        env.insert(QStringLiteral("FLIGHTDECK_FAIL_ERRNO"), QString::fromLatin1(errnoName));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(FLIGHTDECK_CLI), args);
        QVERIFY2(p.waitForFinished(300000), where.constData());
        ++runs_;
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitStatus() == QProcess::NormalExit, (where + ": crashed\n" + err.toUtf8()).constData());
        QVERIFY2(p.exitCode() == 0 || p.exitCode() == 2,
                 (where + ": exit " + QByteArray::number(p.exitCode()) + "\n" + err.toUtf8()).constData());
        if (p.exitCode() == 2) {
            ++failedCleanly_;
            QVERIFY2(err.contains(QLatin1String("error: ")), (where + ": " + err.toUtf8()).constData());
        }
        testing::verifyProjectInvariants(project_, where, finishedMetrics_);
    }

private Q_SLOTS:
    void initTestCase()
    {
        project_ = dir_.filePath(QStringLiteral("p"));
        CLI_OK(testing::runCli({QStringLiteral("loop"), project_, testing::sample("iris.csv"),
                                QStringLiteral("--label"), QStringLiteral("species"),
                                QStringLiteral("--epochs"), QStringLiteral("2")}));
        auto project = store::Project::open(project_.toStdString());
        finishedMetrics_ = static_cast<std::int64_t>(store::RunRepository(project).metrics(1).size());
    }

    void operations_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("errnoName");
        for (const char* op : {"import", "train", "export"})
            for (const char* e : {"EIO", "ENOSPC"})
                QTest::newRow((QByteArray(op) + " " + e).constData())
                    << QString::fromLatin1(op) << QString::fromLatin1(e);
    }

    void operations()
    {
        QFETCH(QString, operation);
        QFETCH(QString, errnoName);
        const QString csv = dir_.filePath(QStringLiteral("data.csv"));
        for (const int after : points()) {
            QStringList args;
            if (operation == QLatin1String("import")) {
                QFile f(csv);   // new content each time: every import writes a new version
                QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
                f.write("a,b,label\n");
                for (int i = 0; i < 200; ++i)
                    f.write(QByteArray::number(i * after) + ",1,c" + QByteArray::number(i % 3) + "\n");
                f.close();
                args = {QStringLiteral("import"), project_, csv};
            } else if (operation == QLatin1String("train")) {
                args = {QStringLiteral("train"), project_, QStringLiteral("--version"), QStringLiteral("1"),
                        QStringLiteral("--split"), QStringLiteral("1"), QStringLiteral("--arch"),
                        QStringLiteral("1"), QStringLiteral("--epochs"), QStringLiteral("2")};
            } else {
                args = {QStringLiteral("export"), project_, QStringLiteral("--run"), QStringLiteral("1"),
                        QStringLiteral("--name"), QStringLiteral("io")};
            }
            runFailing(args, after, errnoName.toLatin1().constData(),
                       (operation + QLatin1Char(' ') + errnoName + QStringLiteral(" after ")
                        + QString::number(after)).toUtf8());
            if (QTest::currentTestFailed())
                return;
        }
    }

    void cleanupTestCase()
    {
        qInfo("I/O errors: %d runs with failing writes, %d ended with a clear error, the rest "
              "finished before their failure point", runs_, failedCleanly_);
    }
};

QTEST_GUILESS_MAIN(TestIoErrors)
#include "test_io_errors.moc"
