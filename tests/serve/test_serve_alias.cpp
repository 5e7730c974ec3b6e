// flightdeck-serve --project DIR NAME@ALIAS, the real binary: it serves the version the alias
// points at (and the next one after a promote), refuses an unknown alias by name, and refuses
// a registered folder whose bundle was changed or swapped, before anything loads it.
#include "common/ExportedModels.h"
#include "serve/ServeProcess.h"
#include "flightdeck/store/ModelRegistry.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace flightdeck;

namespace {

using flightdeck::testing::Started;

Started start(QProcess& process, const QStringList& args)
{
    return flightdeck::testing::startServe(process, args);
}

int servedVersion(int port)
{
    httplib::Client c("127.0.0.1", port);
    c.set_read_timeout(10, 0);
    const auto r = c.Get("/metadata");
    if (!r || r->status != 200)
        return -1;
    return nlohmann::json::parse(r->body)["version"].get<int>();
}

void stop(QProcess& process)
{
    process.terminate();   // SIGTERM: the server stops and exits 0
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
}

}  // namespace

class TestServeAlias : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString folder_;
    std::vector<std::filesystem::path> bundles_;

private Q_SLOTS:
    void initTestCase()
    {
        folder_ = dir_.filePath(QStringLiteral("p"));
        auto project = store::Project::create(folder_.toStdString());
        bundles_ = testing::exportVersions(project, "blobs", 2);
        store::ModelRegistry(project).promote("blobs", 1, "production", "test", "first");
    }

    void servesWhatTheAliasPointsAt()
    {
        const QStringList args = {QStringLiteral("--project"), folder_,
                                  QStringLiteral("blobs@production"), QStringLiteral("--port"),
                                  QStringLiteral("0"), QStringLiteral("--threads"), QStringLiteral("1")};
        {
            QProcess process;
            const auto s = start(process, args);
            QVERIFY2(s.port > 0, qPrintable(s.out + s.err));
            QVERIFY2(s.out.contains(QStringLiteral("blobs@production is blobs v1")), qPrintable(s.out));
            QCOMPARE(servedVersion(s.port), 1);
            stop(process);
        }
        {
            auto project = store::Project::open(folder_.toStdString());
            store::ModelRegistry(project).promote("blobs", 2, "production", "test", "second");
        }
        QProcess process;
        const auto s = start(process, args);
        QVERIFY2(s.port > 0, qPrintable(s.out + s.err));
        QCOMPARE(servedVersion(s.port), 2);
        stop(process);
        // And after a roll-back, v1 again.
        {
            auto project = store::Project::open(folder_.toStdString());
            store::ModelRegistry(project).rollback("blobs", "production", "test", "back");
        }
        QProcess again;
        const auto r = start(again, args);
        QVERIFY2(r.port > 0, qPrintable(r.out + r.err));
        QCOMPARE(servedVersion(r.port), 1);
        stop(again);
    }

    void unknownAliasOrModelIsNamed()
    {
        for (const auto& [reference, expected] :
             {std::pair{QStringLiteral("blobs@canary"), QStringLiteral("blobs@canary")},
              std::pair{QStringLiteral("nobody@production"), QStringLiteral("no model is registered")},
              std::pair{QStringLiteral("blobs"), QStringLiteral("NAME@ALIAS")}}) {
            QProcess process;
            const auto s = start(process, {QStringLiteral("--project"), folder_, reference,
                                           QStringLiteral("--port"), QStringLiteral("0")});
            QCOMPARE(s.port, 0);
            QCOMPARE(s.exitCode, 1);
            QVERIFY2(s.err.contains(expected), qPrintable(s.err));
        }
        QProcess process;
        const auto s = start(process, {QStringLiteral("--project"), dir_.filePath(QStringLiteral("none")),
                                       QStringLiteral("blobs@production")});
        QCOMPARE(s.exitCode, 1);
    }

    void changedOrSwappedBundleIsRefused()
    {
        auto project = store::Project::open(folder_.toStdString());
        store::ModelRegistry registry(project);
        registry.promote("blobs", 2, "staging", "test");
        const auto v2 = bundles_[1];
        const auto saved = v2.string() + ".saved";
        std::filesystem::copy(v2, saved, std::filesystem::copy_options::recursive);
        const QStringList args = {QStringLiteral("--project"), folder_, QStringLiteral("blobs@staging"),
                                  QStringLiteral("--port"), QStringLiteral("0")};
        // A file the manifest lists changed: BundleModel's check names it.
        {
            std::fstream f(v2 / "labels.json", std::ios::in | std::ios::out | std::ios::binary);
            f.seekp(3);
            f.put('#');
        }
        {
            QProcess process;
            const auto s = start(process, args);
            QCOMPARE(s.exitCode, 1);
            QVERIFY2(s.err.contains(QStringLiteral("labels.json")), qPrintable(s.err));
        }
        // Another (intact) bundle in the registered folder: its manifest is not the registered one.
        std::filesystem::remove_all(v2);
        std::filesystem::copy(bundles_[0], v2, std::filesystem::copy_options::recursive);
        {
            QProcess process;
            const auto s = start(process, args);
            QCOMPARE(s.exitCode, 1);
            QVERIFY2(s.err.contains(QStringLiteral("another bundle than the one registered as blobs v2")),
                     qPrintable(s.err));
        }
        // The folder gone.
        std::filesystem::remove_all(v2);
        {
            QProcess process;
            const auto s = start(process, args);
            QCOMPARE(s.exitCode, 1);
            QVERIFY2(s.err.contains(QStringLiteral("not there any more")), qPrintable(s.err));
        }
        std::filesystem::rename(saved, v2);
        QProcess process;
        const auto s = start(process, args);
        QVERIFY2(s.port > 0, qPrintable(s.out + s.err));
        QCOMPARE(servedVersion(s.port), 2);
        stop(process);
    }
};

QTEST_GUILESS_MAIN(TestServeAlias)
#include "test_serve_alias.moc"
