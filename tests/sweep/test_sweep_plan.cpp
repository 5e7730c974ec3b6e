// core/sweep's plan: a grid is the cartesian product of its axes in a fixed order, random
// search is seeded and reproducible (distinct points when the axes are lists, log-uniform
// learning rates inside the range), and a bad axis is refused naming its field.
#include "common/ErrorExpectations.h"
#include "flightdeck/sweep/SweepPlan.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <set>
#include <tuple>

using namespace flightdeck;
using flightdeck::testing::expectError;

Q_DECLARE_METATYPE(std::function<void(flightdeck::sweep::SweepPlan&)>)

namespace {

using Edit = std::function<void(sweep::SweepPlan&)>;

sweep::SweepPlan gridPlan()
{
    sweep::SweepPlan p;
    p.base.seed = 77;
    p.base.threads = 1;
    p.base.epochs = 4;
    p.architectures = {5, 9};
    p.learningRates = {1e-3, 3e-3};
    p.batchSizes = {16, 32};
    p.optimizers = {train::OptimizerKind::Adam, train::OptimizerKind::Sgd};
    return p;
}

}  // namespace

class TestSweepPlan : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void gridIsTheCartesianProduct()
    {
        const sweep::SweepPlan plan = gridPlan();
        QCOMPARE(sweep::trialCount(plan), 16);
        const auto trials = sweep::expand(plan);
        QCOMPARE(trials.size(), std::size_t(16));
        std::set<std::tuple<store::Id, double, int, int>> seen;
        for (std::size_t i = 0; i < trials.size(); ++i) {
            const sweep::Trial& t = trials[i];
            QCOMPARE(t.index, static_cast<int>(i));
            seen.insert({t.architectureId, t.config.learningRate, t.config.batchSize,
                         static_cast<int>(t.config.optimizer)});
            // What the axes leave alone is the base's.
            QCOMPARE(t.config.seed, std::uint64_t(77));
            QCOMPARE(t.config.epochs, 4);
            QCOMPARE(t.config.threads, 1);
            const auto a = nlohmann::json::parse(t.assignmentJson);
            QCOMPARE(a.size(), std::size_t(4));
            QCOMPARE(a.at("architecture").get<store::Id>(), t.architectureId);
            QCOMPARE(a.at("learning_rate").get<double>(), t.config.learningRate);
            QCOMPARE(a.at("batch_size").get<int>(), t.config.batchSize);
            QCOMPARE(a.at("optimizer").get<std::string>(),
                     std::string(train::optimizerName(t.config.optimizer)));
        }
        QCOMPARE(seen.size(), std::size_t(16));   // every combination once
        // The last axis varies fastest, the architecture slowest.
        QCOMPARE(trials[0].config.optimizer, train::OptimizerKind::Adam);
        QCOMPARE(trials[1].config.optimizer, train::OptimizerKind::Sgd);
        QCOMPARE(trials[2].config.batchSize, 32);
        QCOMPARE(trials[4].config.learningRate, 3e-3);
        QCOMPARE(trials[7].architectureId, store::Id(5));
        QCOMPARE(trials[8].architectureId, store::Id(9));
        QCOMPARE(trials[0].assignmentJson,
                 std::string(R"({"architecture":5,"learning_rate":0.001,"batch_size":16,"optimizer":"adam"})"));
    }

    void gridOfOneArchitectureKeepsTheBase()
    {
        sweep::SweepPlan p;
        p.architectures = {3};
        p.base.learningRate = 0.02;
        const auto trials = sweep::expand(p);
        QCOMPARE(trials.size(), std::size_t(1));
        QCOMPARE(trials[0].config.learningRate, 0.02);
        QCOMPARE(trials[0].assignmentJson, std::string(R"({"architecture":3})"));
    }

    void randomIsSeededAndReproducible()
    {
        sweep::SweepPlan p;
        p.kind = store::SweepKind::Random;
        p.architectures = {1, 2};
        p.learningRateRange = sweep::LogRange{1e-4, 1e-1};
        p.batchSizes = {16, 32, 64};
        p.trials = 40;
        p.seed = 7;
        const auto a = sweep::expand(p), b = sweep::expand(p);
        QCOMPARE(a.size(), std::size_t(40));
        int low = 0, high = 0;
        std::set<int> batches;
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].assignmentJson, b[i].assignmentJson);
            const double lr = a[i].config.learningRate;
            QVERIFY2(lr >= 1e-4 && lr <= 1e-1, std::to_string(lr).c_str());
            // Four significant digits, so a table reads 0.003162, not 0.0031622776601683794.
            const double scaled = lr * std::pow(10.0, 3 - std::floor(std::log10(lr)));
            QVERIFY(std::abs(scaled - std::round(scaled)) < 1e-6);
            low += lr < 1e-3 ? 1 : 0;    // log-uniform: a third of the draws per decade
            high += lr > 1e-2 ? 1 : 0;
            batches.insert(a[i].config.batchSize);
        }
        QVERIFY2(low >= 5 && high >= 5, qPrintable(QStringLiteral("%1 low, %2 high").arg(low).arg(high)));
        QCOMPARE(batches.size(), std::size_t(3));
        p.seed = 8;
        const auto c = sweep::expand(p);
        int same = 0;
        for (std::size_t i = 0; i < c.size(); ++i)
            same += c[i].assignmentJson == a[i].assignmentJson ? 1 : 0;
        QVERIFY(same < 3);
    }

    void randomOverListsDrawsDistinctPoints()
    {
        sweep::SweepPlan p = gridPlan();
        p.kind = store::SweepKind::Random;
        p.trials = 16;   // the whole grid, in a seeded order
        p.seed = 3;
        const auto trials = sweep::expand(p);
        std::set<std::string> seen;
        for (const auto& t : trials)
            seen.insert(t.assignmentJson);
        QCOMPARE(seen.size(), std::size_t(16));
        std::vector<std::string> gridOrder;
        for (const auto& t : sweep::expand(gridPlan()))
            gridOrder.push_back(t.assignmentJson);
        QVERIFY(std::set<std::string>(gridOrder.begin(), gridOrder.end()) == seen);
        QVERIFY(trials[0].assignmentJson != gridOrder[0] || trials[1].assignmentJson != gridOrder[1]);
    }

    void listsParse()
    {
        QCOMPARE(sweep::parseNumberList(" 1e-3, 0.01 ,3", "learning_rate"),
                 (std::vector<double>{1e-3, 0.01, 3}));
        QCOMPARE(sweep::parseIntList("32,64", "batch_size"), (std::vector<int>{32, 64}));
        QCOMPARE(sweep::parseOptimizerList("adam, sgd"),
                 (std::vector<train::OptimizerKind>{train::OptimizerKind::Adam, train::OptimizerKind::Sgd}));
        const sweep::LogRange r = sweep::parseLogRange("1e-4..1e-1", "learning_rate");
        QCOMPARE(r.low, 1e-4);
        QCOMPARE(r.high, 1e-1);
        QCOMPARE(expectError([] { sweep::parseNumberList("1e-3,,2", "learning_rate"); }).field,
                 std::string("learning_rate"));
        QCOMPARE(expectError([] { sweep::parseNumberList("fast", "learning_rate"); }).field,
                 std::string("learning_rate"));
        QCOMPARE(expectError([] { sweep::parseIntList("32.5", "batch_size"); }).field,
                 std::string("batch_size"));
        QCOMPARE(expectError([] { sweep::parseOptimizerList("adam,rmsprop"); }).field,
                 std::string("optimizer"));
        QCOMPARE(expectError([] { sweep::parseLogRange("1e-4", "learning_rate"); }).field,
                 std::string("learning_rate"));
    }

    void badAxesAreRefusedNamingTheField_data()
    {
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<QString>("field");
        auto row = [](const char* name, Edit e, const char* field) {
            QTest::newRow(name) << e << QString::fromLatin1(field);
        };
        row("no architecture", [](sweep::SweepPlan& p) { p.architectures.clear(); }, "architecture");
        row("architecture twice", [](sweep::SweepPlan& p) { p.architectures = {5, 5}; }, "architecture");
        row("negative rate", [](sweep::SweepPlan& p) { p.learningRates = {1e-3, -1}; }, "learning_rate");
        row("NaN rate", [](sweep::SweepPlan& p) { p.learningRates = {std::nan("")}; }, "learning_rate");
        row("range on a grid",
            [](sweep::SweepPlan& p) { p.learningRates.clear(); p.learningRateRange = sweep::LogRange{1e-4, 1e-2}; },
            "learning_rate");
        row("inverted range",
            [](sweep::SweepPlan& p) {
                p.kind = store::SweepKind::Random;
                p.trials = 2;
                p.learningRates.clear();
                p.learningRateRange = sweep::LogRange{1e-2, 1e-4};
            },
            "learning_rate");
        row("batch 0", [](sweep::SweepPlan& p) { p.batchSizes = {0, 16}; }, "batch_size");
        row("batch twice", [](sweep::SweepPlan& p) { p.batchSizes = {16, 16}; }, "batch_size");
        row("optimizer twice",
            [](sweep::SweepPlan& p) { p.optimizers = {train::OptimizerKind::Sgd, train::OptimizerKind::Sgd}; },
            "optimizer");
        row("epochs 0", [](sweep::SweepPlan& p) { p.epochs = {0}; }, "epochs");
        row("weight decay 2", [](sweep::SweepPlan& p) { p.weightDecays = {0, 2}; }, "weight_decay");
        row("training objective", [](sweep::SweepPlan& p) { p.objective = "train/loss"; }, "objective");
        row("random without trials", [](sweep::SweepPlan& p) { p.kind = store::SweepKind::Random; }, "trials");
        row("more trials than points",
            [](sweep::SweepPlan& p) { p.kind = store::SweepKind::Random; p.trials = 17; }, "trials");
        row("grid too large",
            [](sweep::SweepPlan& p) {
                p.epochs.clear();
                for (int e = 1; e <= 100; ++e)
                    p.epochs.push_back(e);
            },
            "trials");
        row("bad base recipe", [](sweep::SweepPlan& p) { p.base.momentum = 2; }, "momentum");
        row("nesterov trial without momentum",
            [](sweep::SweepPlan& p) { p.base.nesterov = true; p.base.momentum = 0; }, "nesterov");
    }

    void badAxesAreRefusedNamingTheField()
    {
        QFETCH(Edit, edit);
        QFETCH(QString, field);
        sweep::SweepPlan p = gridPlan();
        edit(p);
        const ErrorInfo e = expectError([&] { sweep::expand(p); });
        QCOMPARE(e.code, ErrorCode::InvalidArgument);
        QCOMPARE(QString::fromStdString(e.field), field);
        QVERIFY(!e.detail.empty());
    }

    void planJsonRecordsTheAxes()
    {
        sweep::SweepPlan p = gridPlan();
        p.objective = "val/loss";
        const auto j = nlohmann::json::parse(sweep::toJson(p));
        QCOMPARE(j.at("kind").get<std::string>(), std::string("grid"));
        QCOMPARE(j.at("objective").get<std::string>(), std::string("val/loss"));
        QCOMPARE(j.at("learning_rates").size(), std::size_t(2));
        QCOMPARE(j.at("optimizers").at(1).get<std::string>(), std::string("sgd"));
        QCOMPARE(j.at("base").at("seed").get<int>(), 77);
        QVERIFY(!j.contains("trials"));
    }
};

QTEST_GUILESS_MAIN(TestSweepPlan)
#include "test_sweep_plan.moc"
