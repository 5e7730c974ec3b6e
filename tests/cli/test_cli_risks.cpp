// Issue 13's risks, checked through the real flightdeck-cli binary: repair (fsck), damaged
// databases, signals, hostile text, torn logs, bounded drift memory, a torch-free CLI.
// (The ten probe defects are in test_cli_reliability.cpp.)
#include "common/CliRunner.h"
#include "flightdeck/store/Database.h"
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

#include <filesystem>
#include <random>

using flightdeck::testing::CliResult;
using flightdeck::testing::cliPath;
using flightdeck::testing::runCli;
using flightdeck::testing::sample;
using flightdeck::testing::writeText;

class TestCliRisks : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;

private Q_SLOTS:
    void initTestCase()
    {
        // Run 1 trained on iris and exported as model v1 (the bundle fsck restores from).
        project_ = dir_.filePath(QStringLiteral("p"));
        CLI_OK(runCli({QStringLiteral("loop"), project_, sample("iris.csv"), QStringLiteral("--label"),
                       QStringLiteral("species"), QStringLiteral("--epochs"), QStringLiteral("2")}));
    }

    // Risk: no way to find or repair a damaged object. fsck finds a flipped byte in run 1's
    // model, and --repair brings the model back from the bundle exported above.
    void fsckRestoresAModelFromItsBundle()
    {
        QString modelHash;
        {
            auto p = flightdeck::store::Project::open(project_.toStdString());
            for (const auto& a : flightdeck::store::RunRepository(p).artifacts(1))
                if (a.kind == "model")
                    modelHash = QString::fromStdString(a.objectHash);
        }
        QVERIFY(!modelHash.isEmpty());
        const QString file = project_ + QStringLiteral("/objects/") + modelHash.left(2)
                             + QLatin1Char('/') + modelHash.mid(2);
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(100);
            f.write("\x01\x02\x03");
        }
        const CliResult found = runCli({QStringLiteral("fsck"), project_});
        QCOMPARE(found.exitCode, 1);
        QVERIFY2(found.out.contains(QLatin1String("corrupt ") + modelHash)
                     && found.out.contains(QLatin1String("needed by run 1 (model)")),
                 qPrintable(found.out));
        const CliResult repaired = runCli({QStringLiteral("fsck"), project_, QStringLiteral("--repair")});
        QVERIFY2(repaired.exitCode == 0 && repaired.out.contains(QLatin1String("restored from")),
                 qPrintable(repaired.out + repaired.err));
        CLI_OK(runCli({QStringLiteral("fsck"), project_}));
        CLI_OK(runCli({QStringLiteral("evaluate"), project_, QStringLiteral("--run"), QStringLiteral("1")}));
    }

    // Risk: a page-corrupted project.db was used and written to with no check. Write commands
    // run quick_check first; once found damaged the project opens read-only until fsck finds
    // the database whole (here: after the good file is put back).
    void damagedDatabaseIsNeverWritten()
    {
        const QString project = dir_.filePath(QStringLiteral("damaged"));
        CLI_OK(runCli({QStringLiteral("loop"), project, sample("iris.csv"), QStringLiteral("--label"),
                       QStringLiteral("species"), QStringLiteral("--epochs"), QStringLiteral("1")}));
        const QString db = project + QStringLiteral("/project.db");
        QFile file(db);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const QByteArray good = file.readAll();
        file.seek(4096 * 3);
        file.write(QByteArray(4096 * 2, '\xff'));
        file.close();

        const CliResult split = runCli({QStringLiteral("split"), project, QStringLiteral("--version"),
                                        QStringLiteral("1")});
        QCOMPARE(split.exitCode, 2);
        QVERIFY2(split.err.contains(QLatin1String("corrupt_project")), qPrintable(split.err));
        const CliResult imported = runCli({QStringLiteral("import"), project, sample("iris.csv"),
                                           QStringLiteral("--label"), QStringLiteral("species")});
        QCOMPARE(imported.exitCode, 2);
        QVERIFY2(imported.err.contains(QLatin1String("found damaged")), qPrintable(imported.err));
        const CliResult fsck = runCli({QStringLiteral("fsck"), project});
        QCOMPARE(fsck.exitCode, 1);
        QVERIFY2(fsck.out.contains(QLatin1String("DAMAGED")), qPrintable(fsck.out));

        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(good);
        file.close();
        const CliResult whole = runCli({QStringLiteral("fsck"), project});
        CLI_OK(whole);
        QVERIFY2(whole.out.contains(QLatin1String("writable again")), qPrintable(whole.out));
        CLI_OK(runCli({QStringLiteral("split"), project, QStringLiteral("--version"), QStringLiteral("1")}));
    }

    // Risk: a torn last line (a log still being written) read as "invalid JSON" with the
    // report claiming complete; a last line that parses but lacks its newline is fine.
    void tornLastLineMakesTheReportIncomplete()
    {
        QByteArray log;
        for (int i = 0; i < 5; ++i)
            log += "{\"timestamp\": " + QByteArray::number(1795420800 + i)
                   + ", \"latency_ms\": 5, \"prediction\": \"a\"}\n";
        const QString whole = dir_.filePath(QStringLiteral("whole.jsonl"));
        writeText(whole, log + "{\"timestamp\": 1795420806, \"latency_ms\": 5, \"prediction\": \"a\"}");
        const QString torn = dir_.filePath(QStringLiteral("torn.jsonl"));
        writeText(torn, log + "{\"timestamp\": 1795420806, \"latency_ms\": 5, \"predic");
        const CliResult a = runCli({QStringLiteral("monitor"), QStringLiteral("summary"), whole});
        CLI_OK(a);
        const QJsonObject wholeJson = QJsonDocument::fromJson(a.out.toUtf8()).object();
        QCOMPARE(wholeJson.value(QLatin1String("records")).toInt(), 6);
        QCOMPARE(wholeJson.value(QLatin1String("complete")).toBool(), true);
        const CliResult b = runCli({QStringLiteral("monitor"), QStringLiteral("summary"), torn});
        CLI_OK(b);
        const QJsonObject tornJson = QJsonDocument::fromJson(b.out.toUtf8()).object();
        QCOMPARE(tornJson.value(QLatin1String("records")).toInt(), 5);
        QCOMPARE(tornJson.value(QLatin1String("skipped")).toInt(), 1);
        QCOMPARE(tornJson.value(QLatin1String("complete")).toBool(), false);
        QCOMPARE(tornJson.value(QLatin1String("incomplete_last_line")).toBool(), true);
        QVERIFY2(b.out.contains(QLatin1String("incomplete last line")), qPrintable(b.out));
    }

    // Risk: `monitor drift --window 0` held every value of the log (1.17 GB for 1.95 GB).
    // Columns are now uniform samples past --max-values; the shift is still found.
    void driftMemoryIsBoundedBySampling()
    {
        std::mt19937 rng(11);
        std::normal_distribution<double> normal(0, 1);
        auto line = [&](int i, double shift) {
            return "{\"timestamp\": " + QByteArray::number(1795420800 + i)
                   + ", \"latency_ms\": 5, \"prediction\": \"a\", \"features\": {\"x\": "
                   + QByteArray::number(normal(rng) + shift, 'f', 6) + ", \"y\": "
                   + QByteArray::number(normal(rng), 'f', 6) + "}}\n";
        };
        QByteArray reference, current;
        for (int i = 0; i < 3000; ++i)
            reference += line(i, 0);
        for (int i = 0; i < 30000; ++i)
            current += line(i, 1.0);
        const QString ref = dir_.filePath(QStringLiteral("ref.jsonl"));
        const QString cur = dir_.filePath(QStringLiteral("cur.jsonl"));
        writeText(ref, reference);
        writeText(cur, current);
        const CliResult r = runCli({QStringLiteral("monitor"), QStringLiteral("drift"), cur,
                                    QStringLiteral("--reference"), ref, QStringLiteral("--max-values"),
                                    QStringLiteral("2000")});
        CLI_OK(r);
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonObject window = json.value(QLatin1String("windows")).toArray().at(0).toObject();
        QCOMPARE(window.value(QLatin1String("rows")).toInt(), 30000);
        QCOMPARE(window.value(QLatin1String("sampled")).toBool(), true);
        QCOMPARE(json.value(QLatin1String("reference")).toObject().value(QLatin1String("sampled")).toBool(), true);
        QMap<QString, bool> drifted;
        for (const auto& c : window.value(QLatin1String("columns")).toArray())
            drifted[c.toObject().value(QLatin1String("name")).toString()] =
                c.toObject().value(QLatin1String("drifted")).toBool();
        QCOMPARE(drifted.value(QStringLiteral("x")), true);
        QCOMPARE(drifted.value(QStringLiteral("y")), false);
    }

    // Risk: Ctrl-C or SIGTERM during train lost the whole run.
    void sigtermStopsTrainingGracefully()
    {
        QProcess trainer;
        trainer.start(cliPath(), {QStringLiteral("train"), project_, QStringLiteral("--version"),
                                  QStringLiteral("1"), QStringLiteral("--split"), QStringLiteral("1"),
                                  QStringLiteral("--arch"), QStringLiteral("1"),
                                  QStringLiteral("--epochs"), QStringLiteral("100000"),
                                  QStringLiteral("--batch-size"), QStringLiteral("4")});
        QVERIFY(trainer.waitForStarted());
        flightdeck::store::Id runId = 0;
        for (int i = 0; i < 600 && runId == 0; ++i) {
            QTest::qWait(100);
            try {
                auto p = flightdeck::store::Project::open(project_.toStdString());
                flightdeck::store::RunRepository runs(p);
                const auto all = runs.runs();   // newest first
                if (!all.empty() && all.front().status == flightdeck::store::RunStatus::Running
                    && !runs.metrics(all.front().id, "val/accuracy").empty())
                    runId = all.front().id;
            } catch (const std::exception&) {
            }
        }
        QVERIFY(runId != 0);
        trainer.terminate();   // SIGTERM
        QVERIFY(trainer.waitForFinished(60000));
        const QString out = QString::fromUtf8(trainer.readAllStandardOutput());
        QCOMPARE(trainer.exitStatus(), QProcess::NormalExit);
        QCOMPARE(trainer.exitCode(), 128 + 15);
        QVERIFY2(out.contains(QLatin1String("stopped by signal 15")), qPrintable(out));
        auto p = flightdeck::store::Project::open(project_.toStdString());
        flightdeck::store::RunRepository runs(p);
        QCOMPARE(runs.run(runId).status, flightdeck::store::RunStatus::Cancelled);
        bool model = false;
        for (const auto& a : runs.artifacts(runId))
            model = model || a.kind == "model";
        QVERIFY(model);
    }

    // Risk: raw control characters from a file were echoed into the terminal.
    void controlCharactersAreEscaped()
    {
        const QString file = dir_.filePath(QStringLiteral("escape.csv"));
        writeText(file, "a,label\n1,x\n\x1b[2J\x07,y\n");
        const CliResult r = runCli({QStringLiteral("import"), project_, file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(!r.err.contains(QChar(0x1b)) && !r.err.contains(QChar(0x07)), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("\\x1b[2J\\x07")), qPrintable(r.err));
    }

    // Risk: every command paid ~0.6 s and 165 MB to load libtorch, even `runs`.
    void torchFreeCommandsDoNotLinkTorch()
    {
        auto needed = [](const QString& binary) {
            QProcess p;
            p.start(QStringLiteral("readelf"), {QStringLiteral("-d"), binary});
            if (!p.waitForFinished(60000) || p.exitCode() != 0)
                return QString();
            return QString::fromUtf8(p.readAllStandardOutput());
        };
        const QString light = needed(QStringLiteral(FLIGHTDECK_CLI));
        const QString heavy = needed(QStringLiteral(FLIGHTDECK_CLI) + QStringLiteral("-torch"));
        if (light.isEmpty() || heavy.isEmpty())
            QSKIP("readelf (binutils) is not available");
        QVERIFY2(heavy.contains(QLatin1String("libtorch")), qPrintable(heavy));
        QVERIFY2(!light.contains(QLatin1String("libtorch")) && !light.contains(QLatin1String("libc10")),
                 qPrintable(light));
        // And the commands that need torch still work through the light one (exec).
        const CliResult info = runCli({QStringLiteral("info")});
        CLI_OK(info);
        QVERIFY2(info.out.contains(QLatin1String("libtorch")), qPrintable(info.out));
    }


    // Probe defect 16: the registry stored absolute bundle paths, so a project moved or
    // restored elsewhere could serve none of its aliases and a copy served the original's
    // bundles; fsck said "clean" with a registered bundle folder gone. Now a bundle inside the
    // project is stored relative to it, an old absolute .../exports/NAME-vN row resolves to the
    // project's own copy, and fsck names a missing bundle folder.
    void registryFollowsAMovedProject()
    {
        const std::filesystem::path from = project_.toStdString();
        const std::filesystem::path moved = dir_.filePath(QStringLiteral("moved elsewhere")).toStdString();
        std::filesystem::copy(from, moved, std::filesystem::copy_options::recursive);
        const QString movedText = QString::fromStdString(moved.string());
        const auto bundlePath = [&] {
            const CliResult r = runCli({QStringLiteral("registry"), QStringLiteral("list"), movedText,
                                        QStringLiteral("--json")});
            const QJsonArray models = QJsonDocument::fromJson(r.out.toUtf8()).array();
            return models.isEmpty() ? QString()
                                    : models.first()
                                          .toObject()
                                          .value(QLatin1String("model"))
                                          .toObject()
                                          .value(QLatin1String("bundle_path"))
                                          .toString();
        };
        QVERIFY2(bundlePath().startsWith(movedText + QStringLiteral("/exports/")), qPrintable(bundlePath()));
        QVERIFY(QDir(bundlePath()).exists());

        {   // a row as versions before this one wrote it: the folder the project had then
            auto project = flightdeck::store::Project::open(moved);
            project.db().prepare("UPDATE registered_models SET bundle_path = "
                                 "'/gone/old place/exports/' || name || '-v' || version").run();
        }
        QVERIFY2(bundlePath().startsWith(movedText + QStringLiteral("/exports/")), qPrintable(bundlePath()));
        const CliResult verify = runCli({QStringLiteral("bundle"), QStringLiteral("verify"), bundlePath()});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.err + verify.out));

        std::filesystem::remove_all(bundlePath().toStdString());
        const CliResult fsck = runCli({QStringLiteral("fsck"), movedText});
        QVERIFY2(fsck.exitCode == 0, qPrintable(fsck.out + fsck.err));   // not damage to the project
        QVERIFY2(fsck.out.contains(QLatin1String("registered versions whose folder is gone"))
                     && fsck.out.contains(QLatin1String("model v1")),
                 qPrintable(fsck.out));
    }
};

QTEST_GUILESS_MAIN(TestCliRisks)
#include "test_cli_risks.moc"
