// flightdeck-serve's start-up, the real binary, from the probe of issue 13: options whose value
// would leave the server open or useless (--token "", --max-batch 0, --max-body 0 or -1,
// --log-max-bytes 0) are refused before it serves, naming the option; the start-up line says
// when a bearer token is required and writes an IPv6 host in brackets; a log on a full disk is
// reported on stderr once, not once a line, while every prediction is answered; SIGHUP reopens
// the prediction log (logrotate's postrotate) instead of ending the server, also during start-up.
#include "common/ExportedModels.h"
#include "serve/ServeProcess.h"

#include <httplib.h>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <signal.h>

using namespace flightdeck;

namespace {

using flightdeck::testing::Started;

Started start(QProcess& process, const QStringList& args)
{
    return flightdeck::testing::startServe(process, args);
}

int lineCount(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return int(file.readAll().count('\n'));
}

QString stop(QProcess& process)
{
    process.terminate();
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardError());
}

}  // namespace

class TestServeOptions : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString bundle_;

    QStringList serving(const QStringList& extra) const
    {
        return QStringList{bundle_, QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--threads"),
                           QStringLiteral("1")}
               + extra;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto project = store::Project::create(dir_.filePath(QStringLiteral("p")).toStdString());
        bundle_ = QString::fromStdString(testing::exportVersions(project, "blobs", 1).front().string());
    }

    void valuesThatDisableAGuardAreRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty token") << QStringList{QStringLiteral("--token"), QString()} << QStringLiteral("--token");
        QTest::newRow("token with a space") << QStringList{QStringLiteral("--token"), QStringLiteral("a b")}
                                            << QStringLiteral("--token");
        QTest::newRow("max-batch 0") << QStringList{QStringLiteral("--max-batch"), QStringLiteral("0")}
                                     << QStringLiteral("--max-batch");
        QTest::newRow("max-body 0") << QStringList{QStringLiteral("--max-body"), QStringLiteral("0")}
                                    << QStringLiteral("--max-body");
        QTest::newRow("max-body -1") << QStringList{QStringLiteral("--max-body"), QStringLiteral("-1")}
                                     << QStringLiteral("--max-body");
        QTest::newRow("log-max-bytes 0") << QStringList{QStringLiteral("--log-max-bytes"), QStringLiteral("0")}
                                         << QStringLiteral("--log-max-bytes");
        QTest::newRow("request-timeout 0") << QStringList{QStringLiteral("--request-timeout"), QStringLiteral("0")}
                                           << QStringLiteral("--request-timeout");
    }

    void valuesThatDisableAGuardAreRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        QProcess process;
        const auto s = start(process, serving(args));
        QCOMPARE(s.port, 0);
        QVERIFY2(s.exitCode != 0, qPrintable(s.out));
        QVERIFY2(s.err.contains(expected), qPrintable(s.err));
    }

    void theStartUpLineSaysATokenIsRequired()
    {
        QProcess open;
        auto s = start(open, serving({}));
        QVERIFY2(s.port > 0, qPrintable(s.out + s.err));
        QVERIFY2(!s.out.contains(QStringLiteral("token")), qPrintable(s.out));
        stop(open);
        QProcess guarded;
        s = start(guarded, serving({QStringLiteral("--token"), QStringLiteral("s3cret")}));
        QVERIFY2(s.port > 0, qPrintable(s.out + s.err));
        QVERIFY2(s.out.contains(QStringLiteral("bearer token required")), qPrintable(s.out));
        httplib::Client c("127.0.0.1", s.port);
        QCOMPARE(c.Get("/metadata")->status, 401);
        stop(guarded);
    }

    void anIpv6HostIsWrittenInBrackets()
    {
        QProcess process;
        const auto s = start(process, serving({QStringLiteral("--host"), QStringLiteral("::1")}));
        if (s.port == 0 && s.err.contains(QStringLiteral("cannot listen")))
            QSKIP("no IPv6 loopback here");
        QVERIFY2(s.port > 0, qPrintable(s.out + s.err));
        QVERIFY2(s.out.contains(QStringLiteral("on http://[::1]:") + QString::number(s.port) + QLatin1Char(' ')),
                 qPrintable(s.out));
        stop(process);
    }

    void aFullDiskIsReportedOnceOnStderr()
    {
        QProcess process;
        const auto s = start(process, serving({QStringLiteral("--log"), QStringLiteral("/dev/full")}));
        QVERIFY2(s.port > 0, qPrintable(s.out + s.err));
        httplib::Client c("127.0.0.1", s.port);
        c.set_read_timeout(10, 0);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(c.Post("/predict", R"({"features": [1, 1]})", "application/json")->status, 200);
        QVERIFY(c.Get("/metrics")->body.find("flightdeck_log_errors_total{model=\"blobs\",version=\"1\"} 5\n")
                != std::string::npos);
        const QString err = stop(process);
        QCOMPARE(err.count(QStringLiteral("prediction log /dev/full: cannot write to it")), 1);
    }

    // Probe #25: SIGHUP ended the server (rc 129), and logrotate's usual postrotate is
    // `kill -HUP`. It reopens the prediction log: once the file has been moved away, the next
    // line starts a new file at the old path, the moved file keeps what it had, and the server
    // serves on; a HUP with nothing moved carries on in the same file.
    void hangUpReopensThePredictionLog()
    {
        const QString log = dir_.filePath(QStringLiteral("hup.jsonl"));
        QProcess process;
        const auto s = start(process, serving({QStringLiteral("--log"), log}));
        QVERIFY2(s.port > 0, qPrintable(s.out + s.err));
        httplib::Client c("127.0.0.1", s.port);
        c.set_read_timeout(10, 0);
        const auto predict = [&] {
            const auto r = c.Post("/predict", R"({"features": [1, 1]})", "application/json");
            return r ? r->status : 0;   // 0: no answer (SIGHUP's default ended the server)
        };
        QCOMPARE(predict(), 200);
        QVERIFY(QFile::rename(log, log + QStringLiteral(".1")));
        QCOMPARE(::kill(pid_t(process.processId()), SIGHUP), 0);
        QTest::qWait(300);   // the signal is delivered asynchronously
        QCOMPARE(predict(), 200);
        QCOMPARE(process.state(), QProcess::Running);
        QCOMPARE(lineCount(log + QStringLiteral(".1")), 1);
        QCOMPARE(lineCount(log), 1);
        QCOMPARE(::kill(pid_t(process.processId()), SIGHUP), 0);
        QTest::qWait(300);
        QCOMPARE(predict(), 200);
        QCOMPARE(lineCount(log), 2);
        QCOMPARE(lineCount(log + QStringLiteral(".1")), 1);
        stop(process);
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

    // Probe 3 #7: a HUP during start-up ended the server (rc 129): its handler came only after
    // the dynamic loader had spent most of a second on libtorch's libraries. HUPs every 10 ms from
    // the moment libtorch is mapped (the earliest a HUP can find the server itself loading) until
    // it serves: it serves, answers, and stays up.
    void hangUpsDuringStartUpAreSurvived()
    {
        QProcess process;
        process.start(QStringLiteral(FLIGHTDECK_SERVE), serving({}));
        QVERIFY(process.waitForStarted());
        const QString maps = QStringLiteral("/proc/%1/maps").arg(process.processId());
        const QRegularExpression servingLine(QStringLiteral("serving .* on http://\\S+:(\\d+) "));
        QString out;
        int hangUps = 0, port = 0;
        QElapsedTimer timer;
        timer.start();
        while (port == 0 && process.state() == QProcess::Running && timer.elapsed() < 120000) {
            QFile map(maps);
            if (map.open(QIODevice::ReadOnly) && map.readAll().contains("libtorch")) {
                QCOMPARE(::kill(pid_t(process.processId()), SIGHUP), 0);
                ++hangUps;
            }
            process.waitForReadyRead(10);
            out += QString::fromUtf8(process.readAllStandardOutput());
            if (const auto m = servingLine.match(out); m.hasMatch())
                port = m.captured(1).toInt();
        }
        process.waitForFinished(300);
        const QString ended = process.exitStatus() == QProcess::CrashExit
                                  ? QStringLiteral("killed by a signal")
                                  : QStringLiteral("exit code %1").arg(process.exitCode());
        QVERIFY2(port > 0, qPrintable(QStringLiteral("%1 after %2 HUPs: %3 %4")
                                          .arg(ended).arg(hangUps).arg(out,
                                               QString::fromUtf8(process.readAllStandardError()))));
        QVERIFY(hangUps > 0);
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(10, 0);
        const auto r = c.Post("/predict", R"({"features": [1, 1]})", "application/json");
        QVERIFY(r && r->status == 200);
        QCOMPARE(process.state(), QProcess::Running);
        stop(process);
        QCOMPARE(process.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServeOptions)
#include "test_serve_options.moc"
