// `flightdeck-cli registry ...` run as a process: list, promote, rollback (twice, then past the
// first version), history, compare and lineage, as text and as JSON, bad arguments, and
// promotes from several processes at once.
#include "common/CliRunner.h"

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

namespace {

QJsonDocument json(const CliResult& r)
{
    QJsonParseError error{};
    const auto doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON (%s): %s", qPrintable(error.errorString()), qPrintable(r.out));
    return doc;
}

}  // namespace

class TestCliRegistry : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString project_;

    CliResult registry(QStringList args)
    {
        args.prepend(QStringLiteral("registry"));
        args.insert(2, project_);   // registry VERB PROJECT ...
        return runCli(args);
    }

private Q_SLOTS:
    void initTestCase()
    {
        project_ = dir_.filePath(QStringLiteral("p"));
        CLI_OK(runCli({QStringLiteral("init"), project_}));
        CLI_OK(runCli({QStringLiteral("import"), project_, sample("iris.csv"), QStringLiteral("--label"),
                       QStringLiteral("species")}));
        CLI_OK(runCli({QStringLiteral("split"), project_, QStringLiteral("--version"), QStringLiteral("1")}));
        CLI_OK(runCli({QStringLiteral("arch"), project_}));
        for (const char* epochs : {"2", "4"})
            CLI_OK(runCli({QStringLiteral("train"), project_, QStringLiteral("--version"), QStringLiteral("1"),
                           QStringLiteral("--split"), QStringLiteral("1"), QStringLiteral("--arch"),
                           QStringLiteral("1"), QStringLiteral("--epochs"), QLatin1String(epochs),
                           QStringLiteral("--threads"), QStringLiteral("1")}));
        for (const char* run : {"1", "2", "1"})   // iris v1 (run 1), v2 (run 2), v3 (run 1)
            CLI_OK(runCli({QStringLiteral("export"), project_, QStringLiteral("--run"), QLatin1String(run),
                           QStringLiteral("--name"), QStringLiteral("iris")}));
    }

    void listShowsEveryVersion()
    {
        const CliResult text = registry({QStringLiteral("list")});
        CLI_OK(text);
        QVERIFY2(text.out.startsWith(QLatin1String("iris\n")), qPrintable(text.out));
        QVERIFY2(text.out.indexOf(QLatin1String("  v3 ")) < text.out.indexOf(QLatin1String("  v1 ")),
                 qPrintable(text.out));
        QVERIFY(text.out.contains(QLatin1String("exports/iris-v2")));
        const CliResult j = registry({QStringLiteral("list"), QStringLiteral("--json")});
        CLI_OK(j);
        const QJsonArray all = json(j).array();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all[0][QStringLiteral("model")][QStringLiteral("version")].toInt(), 3);
        QCOMPARE(all[1][QStringLiteral("run")][QStringLiteral("id")].toInt(), 2);
        QCOMPARE(all[1][QStringLiteral("data_version")][QStringLiteral("hash")].toString().size(), 64);
        const CliResult none = registry({QStringLiteral("list"), QStringLiteral("--name"), QStringLiteral("x")});
        CLI_OK(none);
        QVERIFY(none.out.contains(QLatin1String("no model named x")));
    }

    void promoteRollbackAndHistory()
    {
        CliResult r = registry({QStringLiteral("promote"), QStringLiteral("iris"), QStringLiteral("1"),
                                QStringLiteral("--reason"), QStringLiteral("first release")});
        CLI_OK(r);
        QVERIFY2(r.out.contains(QLatin1String("iris@production: (none) -> v1 (promote by ")),
                 qPrintable(r.out));
        r = registry({QStringLiteral("promote"), QStringLiteral("iris"), QStringLiteral("v2"),
                      QStringLiteral("--reason"), QStringLiteral("more epochs")});
        CLI_OK(r);
        QVERIFY2(r.out.contains(QLatin1String("iris@production: v1 -> v2")), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String(": more epochs)")));
        r = registry({QStringLiteral("promote"), QStringLiteral("iris"), QStringLiteral("3"),
                      QStringLiteral("--json")});
        CLI_OK(r);
        const QJsonObject moved = json(r).object();
        QCOMPARE(moved[QStringLiteral("action")].toString(), QStringLiteral("promote"));
        QCOMPARE(moved[QStringLiteral("previous_version")].toInt(), 2);
        QCOMPARE(moved[QStringLiteral("version")].toInt(), 3);
        QVERIFY(moved[QStringLiteral("changed")].toBool());
        QVERIFY(!moved[QStringLiteral("actor")].toString().isEmpty());
        r = registry({QStringLiteral("promote"), QStringLiteral("iris"), QStringLiteral("3")});
        CLI_OK(r);
        QVERIFY2(r.out.contains(QLatin1String("already points at v3; nothing changed")), qPrintable(r.out));

        // Two roll-backs in a row go two versions back; a third has nowhere to go.
        r = registry({QStringLiteral("rollback"), QStringLiteral("iris"), QStringLiteral("--reason"),
                      QStringLiteral("v3 is worse")});
        CLI_OK(r);
        QVERIFY2(r.out.contains(QLatin1String("iris@production: v3 -> v2 (rollback by ")), qPrintable(r.out));
        r = registry({QStringLiteral("rollback"), QStringLiteral("iris")});
        CLI_OK(r);
        QVERIFY2(r.out.contains(QLatin1String("v2 -> v1")), qPrintable(r.out));
        r = registry({QStringLiteral("rollback"), QStringLiteral("iris")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("iris@production has no earlier version to roll back to")),
                 qPrintable(r.err));

        r = registry({QStringLiteral("history"), QStringLiteral("iris")});
        CLI_OK(r);
        const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 5);
        QVERIFY2(lines[0].contains(QLatin1String("rollback")) && lines[0].contains(QLatin1String("v2 -> v1")),
                 qPrintable(r.out));
        QVERIFY2(lines[1].contains(QLatin1String("\"v3 is worse\"")), qPrintable(r.out));
        QVERIFY2(lines[4].contains(QLatin1String("(none) -> v1")) && lines[4].contains(QLatin1String("\"first release\"")),
                 qPrintable(r.out));
        r = registry({QStringLiteral("history"), QStringLiteral("iris"), QStringLiteral("--json")});
        CLI_OK(r);
        const QJsonArray events = json(r).array();
        QCOMPARE(events.size(), 5);
        QCOMPARE(events[0][QStringLiteral("action")].toString(), QStringLiteral("rollback"));
        QCOMPARE(events[4][QStringLiteral("reason")].toString(), QStringLiteral("first release"));
        QVERIFY(events[4][QStringLiteral("previous_version")].isNull());
        QVERIFY(events[0][QStringLiteral("created_at")].toString().endsWith(QLatin1Char('Z')));

        // staging is its own alias, with its own history.
        CLI_OK(registry({QStringLiteral("promote"), QStringLiteral("iris"), QStringLiteral("2"),
                         QStringLiteral("--alias"), QStringLiteral("staging")}));
        r = registry({QStringLiteral("history"), QStringLiteral("iris"), QStringLiteral("--alias"),
                      QStringLiteral("staging"), QStringLiteral("--json")});
        CLI_OK(r);
        QCOMPARE(json(r).array().size(), 1);
        r = registry({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(json(r).array()[1][QStringLiteral("model")][QStringLiteral("alias")].toString(),
                 QStringLiteral("staging"));
        r = registry({QStringLiteral("clear"), QStringLiteral("iris"), QStringLiteral("--alias"),
                      QStringLiteral("staging")});
        CLI_OK(r);
        QVERIFY2(r.out.contains(QLatin1String("iris@staging: v2 -> (none) (clear by ")), qPrintable(r.out));
    }

    void compareAndLineage()
    {
        CliResult r = registry({QStringLiteral("compare"), QStringLiteral("iris"), QStringLiteral("1"),
                                QStringLiteral("2")});
        CLI_OK(r);
        QVERIFY2(r.out.contains(QLatin1String("iris v1")) && r.out.contains(QLatin1String("iris v2")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("val/accuracy")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("same data")), qPrintable(r.out));
        r = registry({QStringLiteral("compare"), QStringLiteral("iris"), QStringLiteral("1"),
                      QStringLiteral("2"), QStringLiteral("--json")});
        CLI_OK(r);
        const QJsonObject c = json(r).object();
        QVERIFY(c[QStringLiteral("same_data")].toBool());
        QCOMPARE(c[QStringLiteral("a")][QStringLiteral("run")][QStringLiteral("id")].toInt(), 1);
        QCOMPARE(c[QStringLiteral("b")][QStringLiteral("run")][QStringLiteral("id")].toInt(), 2);
        bool sawAccuracy = false;
        for (const auto& m : c[QStringLiteral("metrics")].toArray()) {
            if (m[QStringLiteral("key")].toString() != QLatin1String("val/accuracy"))
                continue;
            sawAccuracy = true;
            QVERIFY(m[QStringLiteral("a")].isDouble() && m[QStringLiteral("b")].isDouble());
            QCOMPARE(m[QStringLiteral("delta")].toDouble(),
                     m[QStringLiteral("b")].toDouble() - m[QStringLiteral("a")].toDouble());
        }
        QVERIFY(sawAccuracy);

        r = registry({QStringLiteral("lineage"), QStringLiteral("iris"), QStringLiteral("2")});
        CLI_OK(r);
        const QString line = r.out.section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(line.startsWith(QLatin1String("data version 1 iris (")), qPrintable(r.out));
        QVERIFY2(line.contains(QLatin1String(" -> run 2 \"")), qPrintable(r.out));
        QVERIFY2(line.contains(QLatin1String("(completed) -> iris v2 -> ")), qPrintable(r.out));
        QVERIFY2(line.endsWith(QLatin1String("exports/iris-v2")), qPrintable(r.out));
        r = registry({QStringLiteral("lineage"), QStringLiteral("iris"), QStringLiteral("v1"),
                      QStringLiteral("--json")});
        CLI_OK(r);
        const QJsonObject l = json(r).object();
        QCOMPARE(l[QStringLiteral("data_version")][QStringLiteral("id")].toInt(), 1);
        QCOMPARE(l[QStringLiteral("run")][QStringLiteral("id")].toInt(), 1);
        QCOMPARE(l[QStringLiteral("model")][QStringLiteral("version")].toInt(), 1);
        QVERIFY(l[QStringLiteral("model")][QStringLiteral("bundle_path")].toString().endsWith(
            QLatin1String("exports/iris-v1")));
    }

    void badArgumentsAreNamed()
    {
        CliResult r = registry({QStringLiteral("promote"), QStringLiteral("iris"), QStringLiteral("9")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("iris v9 (iris has versions 1 to 3)")), qPrintable(r.err));
        r = registry({QStringLiteral("promote"), QStringLiteral("iris"), QStringLiteral("latest")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("expected a version number")), qPrintable(r.err));
        r = registry({QStringLiteral("promote"), QStringLiteral("nobody"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("no model is registered as \"nobody\"")), qPrintable(r.err));
        r = registry({QStringLiteral("promote"), QStringLiteral("iris"), QStringLiteral("1"),
                      QStringLiteral("--alias"), QStringLiteral("a b")});
        QCOMPARE(r.exitCode, 2);
        r = registry({QStringLiteral("rollback"), QStringLiteral("iris"), QStringLiteral("--alias"),
                      QStringLiteral("canary")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("no version holds it")), qPrintable(r.err));
        r = runCli({QStringLiteral("registry"), QStringLiteral("list"), dir_.filePath(QStringLiteral("none"))});
        QCOMPARE(r.exitCode, 2);
        r = runCli({QStringLiteral("registry"), QStringLiteral("promote"), project_});
        QVERIFY(r.exitCode != 0);   // CLI11: name and version are required
    }

    void concurrentPromotesFromProcesses()
    {
        // Six processes promote at once: BEGIN IMMEDIATE serialises them, so the history stays
        // one chain (each event's previous version is the version the event before set).
        QList<QProcess*> processes;
        for (int i = 0; i < 6; ++i) {
            auto* p = new QProcess(this);
            p->start(cliPath(), {QStringLiteral("registry"), QStringLiteral("promote"), project_,
                                 QStringLiteral("iris"), QString::number(1 + i % 3),
                                 QStringLiteral("--alias"), QStringLiteral("canary")});
            processes << p;
        }
        for (auto* p : processes) {
            QVERIFY(p->waitForFinished(120000));
            QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        }
        qDeleteAll(processes);
        const CliResult r = registry({QStringLiteral("history"), QStringLiteral("iris"),
                                      QStringLiteral("--alias"), QStringLiteral("canary"),
                                      QStringLiteral("--json")});
        CLI_OK(r);
        const QJsonArray events = json(r).array();
        QVERIFY(!events.isEmpty());
        QVERIFY(events.size() <= 6);   // a promote of the version already there logs nothing
        for (int i = 0; i + 1 < events.size(); ++i)
            QCOMPARE(events[i][QStringLiteral("previous_version")].toInt(),
                     events[i + 1][QStringLiteral("version")].toInt());
        QVERIFY(events.last()[QStringLiteral("previous_version")].isNull());
    }
};

QTEST_GUILESS_MAIN(TestCliRegistry)
#include "test_cli_registry.moc"
