// core/store's model registry: promote and roll back with their append-only history, resolve
// by alias, lineage and comparison of two versions, and alias moves from several connections
// at once that each stay whole.
#include "common/ErrorExpectations.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/store/Database.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/ModelRegistry.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <memory>
#include <thread>

using namespace flightdeck;
using namespace flightdeck::store;
using flightdeck::testing::expectError;
using flightdeck::testing::toPath;

namespace {

std::int64_t count(Project& p, const std::string& sql)
{
    auto st = p.db().prepare(sql);
    return st.step() ? st.int64(0) : -1;
}

// Two dataset versions, a run on each with final metrics, and `versions` registered versions
// of "fraud" alternating between the two runs (v1 on run A, v2 on run B, ...).
struct Fixture {
    Id dataA = 0, dataB = 0, runA = 0, runB = 0;
    std::vector<Id> ids;   // ids[i] = version i + 1
};

Fixture makeFixture(Project& p, int versions = 3)
{
    Fixture f;
    DatasetRepository datasets(p);
    const Id dataset = datasets.ensureDataset("transactions");
    for (Id* id : {&f.dataA, &f.dataB}) {
        DatasetVersionRecord v;
        v.datasetId = dataset;
        v.hash = sha256Hex(id == &f.dataA ? "a" : "b");
        v.rows = 10;
        v.features = 3;
        v.schemaJson = "{}";
        *id = datasets.addVersion(v);
    }
    RunRepository runs(p);
    for (Id* id : {&f.runA, &f.runB}) {
        RunRecord r;
        r.name = id == &f.runA ? "baseline" : "wider";
        r.versionId = id == &f.runA ? f.dataA : f.dataB;
        *id = runs.createRun(r);
        const double accuracy = id == &f.runA ? 0.8 : 0.9;
        // Earlier points must not count: the final value is the last step's.
        runs.appendMetrics(*id, {{"val/accuracy", 1, 1, 0, 0.1}, {"val/accuracy", 2, 2, 0, accuracy},
                                 {"val/loss", 2, 2, 0, 1.0 - accuracy}});
        runs.finishRun(*id, RunStatus::Completed);
    }
    runs.appendMetrics(f.runA, {{"train/only_a", 1, 1, 0, 7.0}});
    ModelRegistry registry(p);
    for (int i = 0; i < versions; ++i)
        f.ids.push_back(registry.registerModel("fraud", i % 2 == 0 ? f.runA : f.runB,
                                               "/bundles/fraud-v" + std::to_string(i + 1),
                                               "manifest" + std::to_string(i + 1)));
    return f;
}

std::string aliasOf(ModelRegistry& registry, Id id) { return registry.get(id).alias; }

}  // namespace

class TestRegistry : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void promoteMovesTheAliasAndLogsIt();
    void promoteTheHolderAgainLogsNothing();
    void promoteClearsTheVersionsOtherAlias();
    void rollbackTwiceThenPastTheFirstVersion();
    void rollbackUndoesAClear();
    void historyNewestFirstWithEverything();
    void setAliasIsLogged();
    void resolveByNameAndAlias();
    void deployedIsProductionElseTheNewest();
    void badArgumentsChangeNothing();
    void lineageLinksDataRunModelAndBundle();
    void compareSideBySide();
    void concurrentPromotesKeepTheChainWhole();
    void actorDefaultsToTheUser();

private:
    // A new project with the fixture, and its registry; each test function starts from one.
    struct Scenario {
        Project p;
        Fixture f;
        ModelRegistry registry;
        explicit Scenario(const std::filesystem::path& folder)
            : p(Project::create(folder)), f(makeFixture(p)), registry(p)
        {
        }
    };
    Scenario& fresh()
    {
        scenario_.reset();
        scenario_ = std::make_unique<Scenario>(toPath(dir_.filePath(QString::number(++projects_))));
        return *scenario_;
    }

    QTemporaryDir dir_;
    int projects_ = 0;
    std::unique_ptr<Scenario> scenario_;
};

void TestRegistry::promoteMovesTheAliasAndLogsIt()
{
    auto& [p, f, registry] = fresh();
    const auto first = registry.promote("fraud", 1, "production", "ana", "first release");
    QVERIFY(first.id > 0);
    QCOMPARE(first.modelId, f.ids[0]);
    QCOMPARE(first.previousId, Id(0));
    QCOMPARE(first.version, 1);
    QCOMPARE(aliasOf(registry, f.ids[0]), std::string("production"));

    const auto second = registry.promote("fraud", 2, "production", "ben", "better recall");
    QCOMPARE(second.previousId, f.ids[0]);
    QCOMPARE(second.previousVersion, 1);
    QCOMPARE(second.modelId, f.ids[1]);
    QCOMPARE(aliasOf(registry, f.ids[0]), std::string());
    QCOMPARE(aliasOf(registry, f.ids[1]), std::string("production"));
    QCOMPARE(count(p, "SELECT count(*) FROM alias_events"), std::int64_t(2));
    QCOMPARE(count(p, "SELECT count(*) FROM registered_models WHERE alias = 'production'"),
             std::int64_t(1));
}

void TestRegistry::promoteTheHolderAgainLogsNothing()
{
    auto& [p, f, registry] = fresh();
    registry.promote("fraud", 2, "production", "ana");
    const auto again = registry.promote("fraud", 2, "production", "ana", "re-run of a deploy script");
    QCOMPARE(again.id, Id(0));
    QCOMPARE(registry.history("fraud").size(), std::size_t(1));
}

void TestRegistry::promoteClearsTheVersionsOtherAlias()
{
    // One alias per version (registered_models.alias): staging -> production takes staging
    // off the version, and that is on the record as well.
    auto& [p, f, registry] = fresh();
    registry.promote("fraud", 3, "staging", "ana");
    registry.promote("fraud", 3, "production", "ana", "passed staging");
    QCOMPARE(aliasOf(registry, f.ids[2]), std::string("production"));
    const auto events = registry.history("fraud");
    QCOMPARE(events.size(), std::size_t(3));
    QCOMPARE(events[0].action, AliasAction::Promote);
    QCOMPARE(events[0].alias, std::string("production"));
    QCOMPARE(events[1].action, AliasAction::Clear);
    QCOMPARE(events[1].alias, std::string("staging"));
    QCOMPARE(events[1].previousId, f.ids[2]);
    QCOMPARE(events[1].modelId, Id(0));
    QCOMPARE(expectError([&] { registry.resolve("fraud", "staging"); }).code, ErrorCode::NotFound);
}

void TestRegistry::rollbackTwiceThenPastTheFirstVersion()
{
    auto& [p, f, registry] = fresh();
    for (int v = 1; v <= 3; ++v)
        registry.promote("fraud", v, "production", "ana");
    const auto back1 = registry.rollback("fraud", "production", "ben", "v3 drifts");
    QCOMPARE(back1.action, AliasAction::Rollback);
    QCOMPARE(back1.previousId, f.ids[2]);
    QCOMPARE(back1.modelId, f.ids[1]);
    QCOMPARE(registry.resolve("fraud", "production").version, 2);
    // A second roll-back goes one further back, not forward to v3 again.
    const auto back2 = registry.rollback("fraud", "production", "ben", "v2 too");
    QCOMPARE(back2.previousId, f.ids[1]);
    QCOMPARE(back2.modelId, f.ids[0]);
    QCOMPARE(registry.resolve("fraud", "production").version, 1);
    // v1 was the first: nothing earlier, a clear error, and nothing changed or logged.
    const auto error = expectError([&] { registry.rollback("fraud", "production", "ben"); });
    QCOMPARE(error.code, ErrorCode::InvalidArgument);
    QVERIFY2(error.detail.find("no earlier version") != std::string::npos, error.detail.c_str());
    QVERIFY2(error.detail.find("fraud@production") != std::string::npos, error.detail.c_str());
    QCOMPARE(registry.resolve("fraud", "production").version, 1);
    QCOMPARE(registry.history("fraud", "production").size(), std::size_t(5));
    // A promote after roll-backs is a new move: rolling it back returns to v1.
    registry.promote("fraud", 3, "production", "ana");
    QCOMPARE(registry.rollback("fraud", "production").modelId, f.ids[0]);
    // An alias that was never set has nothing to roll back to either.
    QCOMPARE(expectError([&] { registry.rollback("fraud", "canary"); }).code,
             ErrorCode::InvalidArgument);
}

void TestRegistry::rollbackUndoesAClear()
{
    auto& [p, f, registry] = fresh();
    registry.promote("fraud", 1, "production");
    registry.promote("fraud", 2, "production");
    const auto cleared = registry.clearAlias("fraud", "production", "ana", "incident 42");
    QCOMPARE(cleared.action, AliasAction::Clear);
    QCOMPARE(cleared.previousId, f.ids[1]);
    QCOMPARE(expectError([&] { registry.resolve("fraud@production"); }).code, ErrorCode::NotFound);
    QCOMPARE(registry.clearAlias("fraud", "production").id, Id(0));   // already clear
    QCOMPARE(registry.rollback("fraud", "production").modelId, f.ids[1]);
    QCOMPARE(registry.rollback("fraud", "production").modelId, f.ids[0]);
}

void TestRegistry::historyNewestFirstWithEverything()
{
    auto& [p, f, registry] = fresh();
    registry.promote("fraud", 1, "production", "ana", "first");
    registry.promote("fraud", 1, "staging", "ana", "try");   // takes production off v1
    registry.promote("fraud", 2, "production", "ben", "second");
    registry.rollback("fraud", "production", "cy", "oops");
    QCOMPARE(aliasOf(registry, f.ids[0]), std::string("production"));
    const Id other = registry.registerModel("digits", f.runA, "/b/d1", "h");
    registry.setAlias(other, "production");

    // promote, clear (production off v1), promote staging, promote, clear (staging off v1 as
    // production returns to it), rollback.
    const auto all = registry.history("fraud");
    QCOMPARE(all.size(), std::size_t(6));
    QCOMPARE(all[1].action, AliasAction::Clear);
    QCOMPARE(all[1].alias, std::string("staging"));
    for (std::size_t i = 1; i < all.size(); ++i)
        QVERIFY(all[i - 1].id > all[i].id);
    const auto& last = all.front();
    QCOMPARE(last.name, std::string("fraud"));
    QCOMPARE(last.alias, std::string("production"));
    QCOMPARE(last.action, AliasAction::Rollback);
    QCOMPARE(last.actor, std::string("cy"));
    QCOMPARE(last.reason, std::string("oops"));
    // production pointed nowhere just before v2 (v1 lost it to staging): the roll-back passes
    // over that and goes back to v1.
    QCOMPARE(last.version, 1);
    QCOMPARE(last.previousVersion, 2);
    QVERIFY(std::abs(last.createdAt - unixTimeNow()) < 60);

    const auto production = registry.history("fraud", "production");
    QCOMPARE(production.size(), std::size_t(4));
    for (const auto& e : production)
        QCOMPARE(e.alias, std::string("production"));
    QCOMPARE(production.back().reason, std::string("first"));
    QCOMPARE(registry.history("digits").size(), std::size_t(1));
    QCOMPARE(registry.history().size(), std::size_t(7));   // every model
    QVERIFY(registry.history("nobody").empty());
}

void TestRegistry::setAliasIsLogged()
{
    auto& [p, f, registry] = fresh();
    registry.setAlias(f.ids[0], "production");
    registry.setAlias(f.ids[1], "production");
    registry.setAlias(f.ids[1], "");   // clears it
    const auto events = registry.history("fraud");
    QCOMPARE(events.size(), std::size_t(3));
    QCOMPARE(events[0].action, AliasAction::Clear);
    QCOMPARE(events[1].previousId, f.ids[0]);
    QCOMPARE(events[2].reason, std::string());
    QCOMPARE(events[2].actor, currentUserName());
    QCOMPARE(aliasOf(registry, f.ids[1]), std::string());
    registry.setAlias(f.ids[2], "");   // had none: nothing to log
    QCOMPARE(registry.history("fraud").size(), std::size_t(3));
}

void TestRegistry::resolveByNameAndAlias()
{
    auto& [p, f, registry] = fresh();
    registry.promote("fraud", 2, "production");
    registry.promote("fraud", 3, "staging");
    const auto r = registry.resolve("fraud@production");
    QCOMPARE(r.id, f.ids[1]);
    QCOMPARE(r.bundlePath, std::string("/bundles/fraud-v2"));
    QCOMPARE(r.manifestHash, std::string("manifest2"));
    QCOMPARE(registry.resolve("fraud", "staging").version, 3);

    const auto missing = expectError([&] { registry.resolve("fraud@canary"); });
    QCOMPARE(missing.code, ErrorCode::NotFound);
    QVERIFY2(missing.detail.find("fraud@canary") != std::string::npos, missing.detail.c_str());
    QVERIFY2(missing.detail.find("production") != std::string::npos, missing.detail.c_str());
    const auto unknown = expectError([&] { registry.resolve("nobody@production"); });
    QVERIFY2(unknown.detail.find("no model is registered") != std::string::npos, unknown.detail.c_str());
    for (const char* bad : {"fraud", "@production", "fraud@", ""})
        QCOMPARE(expectError([&] { registry.resolve(std::string(bad)); }).code,
                 ErrorCode::InvalidArgument);
    // The last '@' separates: a name may contain one.
    const Id odd = registry.registerModel("team@fraud", f.runA, "/b/odd", "h");
    registry.promote("team@fraud", 1, "production");
    QCOMPARE(registry.resolve("team@fraud@production").id, odd);
}

void TestRegistry::deployedIsProductionElseTheNewest()
{
    auto& [p, f, registry] = fresh();
    QVERIFY(registry.deployed());
    QCOMPARE(registry.deployed()->id, f.ids.back());   // no alias yet: the newest version
    registry.promote("fraud", 2, "production");
    registry.promote("fraud", 3, "staging");
    QCOMPARE(registry.deployed()->id, f.ids[1]);
    registry.clearAlias("fraud", "production");
    QCOMPARE(registry.deployed()->id, f.ids.back());
}

void TestRegistry::badArgumentsChangeNothing()
{
    auto& [p, f, registry] = fresh();
    registry.promote("fraud", 1, "production");
    const auto noVersion = expectError([&] { registry.promote("fraud", 9, "production"); });
    QCOMPARE(noVersion.code, ErrorCode::NotFound);
    QVERIFY2(noVersion.detail.find("versions 1 to 3") != std::string::npos, noVersion.detail.c_str());
    QCOMPARE(expectError([&] { registry.promote("nobody", 1, "production"); }).code, ErrorCode::NotFound);
    for (const char* alias : {"", "prod uction", "a@b", "tab\there"})
        QCOMPARE(expectError([&] { registry.promote("fraud", 2, alias); }).code,
                 ErrorCode::InvalidArgument);
    QCOMPARE(expectError([&] { registry.promote("fraud", 2, std::string(65, 'x')); }).code,
             ErrorCode::InvalidArgument);
    QCOMPARE(registry.resolve("fraud@production").version, 1);
    QCOMPARE(registry.history().size(), std::size_t(1));
    QCOMPARE(expectError([&] { registry.setAlias(999, "x"); }).code, ErrorCode::NotFound);
}

void TestRegistry::lineageLinksDataRunModelAndBundle()
{
    auto& [p, f, registry] = fresh();
    const auto l = registry.lineage(f.ids[1]);
    QCOMPARE(l.model.id, f.ids[1]);
    QCOMPARE(l.model.version, 2);
    QCOMPARE(l.model.bundlePath, std::string("/bundles/fraud-v2"));
    QCOMPARE(l.runId, f.runB);
    QCOMPARE(l.runName, std::string("wider"));
    QCOMPARE(l.runStatus, RunStatus::Completed);
    QCOMPARE(l.datasetVersionId, f.dataB);
    QCOMPARE(l.datasetName, std::string("transactions"));
    QCOMPARE(l.datasetHash, sha256Hex("b"));
    // A version registered without a run has a lineage with the missing links at 0.
    const Id bare = registry.registerModel("bare", 0, "/b/bare", "h");
    const auto b = registry.lineage(bare);
    QCOMPARE(b.runId, Id(0));
    QCOMPARE(b.datasetVersionId, Id(0));
    QVERIFY(b.datasetHash.empty());
    QCOMPARE(expectError([&] { registry.lineage(999); }).code, ErrorCode::NotFound);
    const auto all = registry.lineages();
    QCOMPARE(all.size(), std::size_t(4));
    QCOMPARE(all.front().model.id, bare);
}

void TestRegistry::compareSideBySide()
{
    auto& [p, f, registry] = fresh();
    const auto c = registry.compare(f.ids[0], f.ids[1]);
    QCOMPARE(c.a.lineage.model.version, 1);
    QCOMPARE(c.b.lineage.model.version, 2);
    QCOMPARE(c.a.lineage.datasetHash, sha256Hex("a"));
    QCOMPARE(c.b.lineage.datasetHash, sha256Hex("b"));
    QVERIFY(!c.sameData());
    QCOMPARE(c.metrics.size(), std::size_t(3));
    QCOMPARE(c.metrics[0].key, std::string("train/only_a"));
    QCOMPARE(*c.metrics[0].a, 7.0);
    QVERIFY(!c.metrics[0].b);
    QCOMPARE(c.metrics[1].key, std::string("val/accuracy"));
    QCOMPARE(*c.metrics[1].a, 0.8);   // the last step's value, not the first
    QCOMPARE(*c.metrics[1].b, 0.9);
    QCOMPARE(c.metrics[2].key, std::string("val/loss"));
    QVERIFY(registry.compare(f.ids[0], f.ids[2]).sameData());
    QCOMPARE(expectError([&] { registry.compare(f.ids[0], 999); }).code, ErrorCode::NotFound);
}

void TestRegistry::concurrentPromotesKeepTheChainWhole()
{
    // Four connections (as four processes would have) move one alias 25 times each. Each move
    // reads the holder and writes both rows and the event in one BEGIN IMMEDIATE transaction,
    // so the log is one unbroken chain: every event's previous is the event before's model.
    const QString folder = dir_.filePath(QStringLiteral("concurrent"));
    {
        Project p = Project::create(toPath(folder));
        makeFixture(p, 4);
    }
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            try {
                Project p = Project::open(toPath(folder));
                ModelRegistry registry(p);
                for (int i = 0; i < 25; ++i) {
                    // Alternate so that (nearly) every promote is a real move.
                    registry.promote("fraud", 1 + (t + i) % 4, "production",
                                     "worker" + std::to_string(t));
                    if (i % 5 == 4)
                        try {
                            registry.rollback("fraud", "production", "worker" + std::to_string(t));
                        } catch (const Error& e) {
                            if (e.code() != ErrorCode::InvalidArgument)
                                throw;
                        }
                }
            } catch (const std::exception& e) {
                qWarning("worker %d: %s", t, e.what());
                ++failures;
            }
        });
    for (auto& t : threads)
        t.join();
    QCOMPARE(failures.load(), 0);
    Project p = Project::open(toPath(folder));
    ModelRegistry registry(p);
    auto events = registry.history("fraud", "production");
    QVERIFY(events.size() >= 50);
    std::reverse(events.begin(), events.end());
    QCOMPARE(events.front().previousId, Id(0));
    for (std::size_t i = 1; i < events.size(); ++i)
        QVERIFY2(events[i].previousId == events[i - 1].modelId,
                 qPrintable(QStringLiteral("event %1 does not follow event %2")
                                .arg(events[i].id)
                                .arg(events[i - 1].id)));
    QCOMPARE(registry.resolve("fraud@production").id, events.back().modelId);
    QCOMPARE(count(p, "SELECT count(*) FROM registered_models WHERE alias = 'production'"),
             std::int64_t(1));
}

void TestRegistry::actorDefaultsToTheUser()
{
    const std::string user = currentUserName();
    QVERIFY(!user.empty());
    auto& [p, f, registry] = fresh();
    QCOMPARE(registry.promote("fraud", 1, "production").actor, user);
    QCOMPARE(registry.history("fraud").front().actor, user);
    QCOMPARE(registry.promote("fraud", 2, "production", "ci-bot").actor, std::string("ci-bot"));
}

QTEST_GUILESS_MAIN(TestRegistry)
#include "test_registry.moc"
