// The model card (model_card.md and .html): content, intervals and their method, escaping, and
// a well-formed self-contained page. Wilson references are scipy 1.10's
// binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson").
#include "export/CheckHtml.h"

#include "CardEvaluation.h"
#include "ModelCard.h"

#include "flightdeck/eval/Bootstrap.h"
#include "flightdeck/eval/Classification.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

#include <nlohmann/json.hpp>

using namespace flightdeck;
using namespace flightdeck::exporting;

namespace {

const std::string kHostileRun = "<script>alert(1)</script>";
const std::string kFoxClass = "dog & <b>fox</b>";

// 43 test rows, 4 classes:
//   cat 15 -> cat 12, dog 2, eel 1 | dog 15 -> dog 13, cat 2 | eel 10 -> eel 10 | yak 3 -> yak 1, cat 2
void testRows(std::vector<std::int32_t>& truth, std::vector<std::int32_t>& pred)
{
    const int cells[][3] = {{0, 0, 12}, {0, 1, 2}, {0, 2, 1}, {1, 1, 13}, {1, 0, 2},
                            {2, 2, 10}, {3, 3, 1},  {3, 0, 2}};
    for (const auto& c : cells)
        for (int i = 0; i < c[2]; ++i) {
            truth.push_back(c[0]);
            pred.push_back(c[1]);
        }
}

CardInput classifierCard()
{
    CardInput in;
    in.modelName = "pets";
    in.version = 2;
    in.exportedAt = 1700000000;
    in.run.id = 7;
    in.run.name = kHostileRun;
    in.run.status = store::RunStatus::Completed;
    in.run.startedAt = 1699990000;
    in.dataset.id = 3;
    in.dataset.hash = "ab12cd34ef56";
    in.dataset.rows = 215;
    in.dataset.features = 5;
    in.dataset.schemaJson =
        nlohmann::json{{"class_counts", {{"cat", 75}, {"dog & <b>fox</b>", 75}, {"eel", 50}, {"yak", 15}}},
                       {"unlabeled", 0}}
            .dump();
    in.datasetName = "pets-table";
    in.haveSplit = true;
    in.split.id = 4;
    in.split.strategy = "stratified";
    in.split.seed = 9;
    in.split.trainFraction = 0.6;
    in.split.valFraction = 0.2;
    in.split.testFraction = 0.2;
    in.split.trainCount = 129;
    in.split.valCount = 43;
    in.split.testCount = 43;
    in.params = {{"task", "classification"}, {"optimizer", "sgd"}, {"momentum", "0.9"},
                 {"nesterov", "true"}, {"learning_rate", "0.05"}, {"schedule", "cosine"},
                 {"min_learning_rate", "0.001"}, {"epochs", "30"}, {"batch_size", "16"},
                 {"weight_decay", "0.0001"}, {"loss", "cross_entropy"}, {"seed", "42"},
                 {"spec", "{}"}, {"dataset_version_hash", "ab12cd34ef56"}};
    in.features = {"a", "b", "c", "d", "e"};
    in.labelColumn = "species";
    in.classes = {"cat", kFoxClass, "eel", "yak"};
    in.modelSha = "feedbeef";
    std::vector<std::int32_t> truth, pred;
    testRows(truth, pred);
    store::EvaluationRecord ev;
    ev.split = "test";
    ev.createdAt = 1699999000;
    ev.reportJson = eval::toJson(eval::classificationReport(truth, pred, 4), in.classes);
    ev.accuracy = 36.0 / 43.0;
    in.evaluations = {ev};
    return in;
}

std::string interval(double lo, double hi)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "[%.4f, %.4f]", lo, hi);
    return buf;
}

bool has(const std::string& haystack, const std::string& needle)
{
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

class TestModelCard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void wilsonMatchesScipy()
    {
        struct Case { std::int64_t k, n; double lo, hi; };
        const Case cases[] = {{36, 43, 0.7002759410625284, 0.9188337265293799},
                              {12, 15, 0.5481455128483065, 0.9295245065301844},
                              {0, 10, 0.0, 0.27753279986288926},
                              {10, 10, 0.7224672001371109, 1.0},
                              {1, 3, 0.06149194472039626, 0.7923403991979523}};
        for (const auto& c : cases) {
            const auto w = card::wilson(c.k, c.n);
            QVERIFY(w);
            QVERIFY2(std::abs(w->lower - c.lo) < 1e-12 && std::abs(w->upper - c.hi) < 1e-12,
                     qPrintable(QStringLiteral("%1/%2").arg(c.k).arg(c.n)));
        }
        QVERIFY(!card::wilson(0, 0));
        QVERIFY(!card::wilson(5, 4));
    }

    void classifierCardCarriesEverySection()
    {
        const CardInput in = classifierCard();
        const std::string md = modelCardMarkdown(in);
        const std::string html = modelCardHtml(in);
        for (const std::string& s : {md, html}) {
            for (const char* section : {"Intended use and limitations", "Data", "Training recipe",
                                        "Evaluation", "Per-class results", "Using the bundle"})
                QVERIFY2(has(s, section), section);
            QVERIFY(has(s, "not evaluated on data outside this distribution"));
            QVERIFY(has(s, "Small test split"));
            QVERIFY(has(s, "ab12cd34ef56"));                // the version hash
            QVERIFY(has(s, "129 / 43 / 43"));               // split counts
            QVERIFY(has(s, "34.9 %"));                      // 75 of 215 rows
            QVERIFY(has(s, "fewer than 10 evaluation rows"));
            QVERIFY(has(s, "yak (3)"));
            QVERIFY(has(s, "Wilson score intervals"));
            QVERIFY(has(s, "percentile bootstrap"));
            QVERIFY(has(s, "cosine"));                      // the schedule and its floor
            QVERIFY(has(s, "min_learning_rate"));
            QVERIFY(has(s, "nesterov"));
            // Accuracy 36/43, recall and precision per class, Wilson at 95 %.
            QVERIFY(has(s, interval(0.7002759410625284, 0.9188337265293799)));
            QVERIFY(has(s, interval(0.5481455128483065, 0.9295245065301844)));   // cat recall
            QVERIFY(has(s, interval(0.5050168346449122, 0.8981793250878696)));   // cat precision
            QVERIFY(has(s, interval(0.6211801716767764, 0.9626387408969346)));   // dog recall
            QVERIFY(has(s, interval(0.7224672001371109, 1.0)));                  // eel recall
            QVERIFY(has(s, interval(0.6226415635484043, 0.9837678271141151)));   // eel precision
            QVERIFY(has(s, interval(0.06149194472039626, 0.7923403991979523)));  // yak recall
        }
        QVERIFY(has(md, "| Accuracy | 0.8372 |"));
        QVERIFY(!has(md, "| spec |"));   // shown as the architecture, not as a parameter
    }

    void macroF1IntervalIsCoreEvalBootstrapOverTheCounts()
    {
        std::vector<std::int32_t> truth, pred;
        testRows(truth, pred);
        store::EvaluationRecord ev = classifierCard().evaluations.front();
        const auto view = card::readEvaluation(ev, false, std::nullopt);
        const card::MetricRow* f1 = nullptr;
        for (const auto& m : view.metrics)
            if (m.name == "f1_macro")
                f1 = &m;
        QVERIFY(f1 && f1->interval);
        // The rebuilt pairs are the sorted (true, predicted) cells; bootstrap them directly.
        std::vector<std::pair<int, int>> pairs;
        for (std::size_t i = 0; i < truth.size(); ++i)
            pairs.emplace_back(truth[i], pred[i]);
        std::sort(pairs.begin(), pairs.end());
        eval::PrfOptions all{{0, 1, 2, 3}, eval::ZeroDivision::Zero};
        const auto ci = eval::bootstrap(
            pairs.size(),
            [&](const std::vector<std::size_t>& rows) {
                std::vector<std::int32_t> t, p;
                for (auto r : rows) {
                    t.push_back(pairs[r].first);
                    p.push_back(pairs[r].second);
                }
                return eval::precisionRecallF1(t, p, 4, all).macro.f1;
            },
            {card::kBootstrapResamples, 0.95, card::kBootstrapSeed});
        QCOMPARE(f1->interval->lower, ci.lower.value);
        QCOMPARE(f1->interval->upper, ci.upper.value);
        QVERIFY(ci.estimate.defined);
        QVERIFY(f1->interval->lower < ci.estimate.value && ci.estimate.value < f1->interval->upper);
        QVERIFY(std::abs(f1->value.value - ci.estimate.value) < 1e-12);   // the report's macro F1
    }

    void storedIntervalsArePrintedAsStored()
    {
        CardInput in = classifierCard();
        auto report = nlohmann::json::parse(in.evaluations.front().reportJson);
        report["confidence_intervals"] = {
            {"method", "percentile bootstrap"}, {"resamples", 2000}, {"confidence", 0.95},
            {"seed", 5},
            {"metrics", {{"accuracy", {{"estimate", 0.8372}, {"lower", 0.71}, {"upper", 0.93}}}}}};
        in.evaluations.front().reportJson = report.dump();
        const std::string md = modelCardMarkdown(in);
        QVERIFY(has(md, "[0.7100, 0.9300]"));
        QVERIFY(has(md, "as stored in the evaluation report"));
        QVERIFY(has(md, "2000 resamples"));
    }

    void regressionCardBootstrapsPredictions()
    {
        CardInput in = classifierCard();
        in.params["task"] = "regression";
        in.params["loss"] = "mse";
        in.classes = {"1.5", "2", "7.25"};
        in.dataset.schemaJson = "{}";
        in.labelColumn = "price";
        eval::Predictions p;
        p.task = eval::Task::Regression;
        for (int i = 0; i < 60; ++i) {
            p.target.push_back(1.5 + 0.1 * i);
            p.estimate.push_back(1.5 + 0.1 * i + ((i * 7) % 5 - 2) * 0.05);
        }
        store::EvaluationRecord ev;
        ev.split = "test";
        ev.reportJson = nlohmann::json{{"task", "regression"}, {"samples", 60}, {"rmse", 0.07},
                                       {"mae", 0.06}, {"r2", 0.99},
                                       {"mape", {{"undefined", "no reason"}}}}
                            .dump();
        in.evaluations = {ev};

        const std::string without = modelCardMarkdown(in);
        QVERIFY(has(without, "Regression: predicts the numeric target"));
        QVERIFY(has(without, "from 1.5000 to 7.2500"));
        QVERIFY(has(without, "| RMSE | 0.0700 | — | none |"));
        QVERIFY(has(without, "No intervals"));
        QVERIFY(!has(without, "Per-class results"));

        in.predictions = p;
        const std::string md = modelCardMarkdown(in);
        const auto ci = eval::bootstrap(p, eval::namedMetric("rmse"),
                                        {card::kBootstrapResamples, 0.95, card::kBootstrapSeed});
        char row[160];
        std::snprintf(row, sizeof row, "| RMSE | %.4f | [%.4f, %.4f] | bootstrap |",
                      ci.estimate.value, ci.lower.value, ci.upper.value);
        QVERIFY2(has(md, row), row);
        QVERIFY(has(md, "| R² |"));
        QVERIFY(has(md, "| MAE |"));
        QVERIFY(has(md, "over the per-sample predictions (60 rows"));

        p.target.pop_back();   // not the report's rows: not trusted
        p.estimate.pop_back();
        in.predictions = p;
        QVERIFY(has(modelCardMarkdown(in), "do not match the report"));
    }

    void htmlIsWellFormedEscapedAndSelfContained()
    {
        const CardInput in = classifierCard();
        const std::string html = modelCardHtml(in);
        QVERIFY(!has(html, "<script"));
        QVERIFY(!has(html, "<b>"));
        QVERIFY(has(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
        QVERIFY(has(html, "dog &amp; &lt;b&gt;fox&lt;/b&gt;"));
        QVERIFY(has(html, "<style>"));
        // Markdown passes raw HTML through to its viewers: the names are entities there too.
        const std::string md = modelCardMarkdown(in);
        QVERIFY(!has(md, "<script"));
        QVERIFY(has(md, "&lt;script&gt;alert(1)&lt;/script&gt;"));

        QTemporaryDir dir;
        // FLIGHTDECK_KEEP_CARD=1 keeps the page and its Markdown to look at.
        dir.setAutoRemove(!qEnvironmentVariableIsSet("FLIGHTDECK_KEEP_CARD"));
        if (!dir.autoRemove())
            qInfo("card kept in %s", qPrintable(dir.path()));
        std::ofstream(dir.filePath(QStringLiteral("model_card.md")).toStdString()) << md;
        const QString file = dir.filePath(QStringLiteral("model_card.html"));
        const QString textFile = dir.filePath(QStringLiteral("text.txt"));
        std::ofstream(file.toStdString(), std::ios::binary) << html;
        const auto check = test::checkHtmlFile(file, textFile);
        QVERIFY2(check.ok, qPrintable(check.errors));
        if (!check.xmllintRan)
            qInfo("xmllint not installed: checked with Python's html.parser only");
        QFile text(textFile);
        QVERIFY(text.open(QIODevice::ReadOnly));
        const std::string visible = text.readAll().toStdString();
        // What a reader sees: the run name as text, the intervals, the method.
        QVERIFY(has(visible, kHostileRun));
        QVERIFY(has(visible, kFoxClass));
        QVERIFY(has(visible, interval(0.7002759410625284, 0.9188337265293799)));
        QVERIFY(has(visible, "Wilson score intervals"));
    }

    void cardsAreReproducibleAndEquivalent()
    {
        const CardInput in = classifierCard();
        QCOMPARE(modelCardMarkdown(in), modelCardMarkdown(in));
        QCOMPARE(modelCardHtml(in), modelCardHtml(in));
        // Every number the Markdown shows in a table row is in the page too.
        const std::string md = modelCardMarkdown(in), html = modelCardHtml(in);
        std::size_t rows = 0;
        for (std::size_t at = md.find("| "); at != std::string::npos; at = md.find("| ", at + 1)) {
            const std::size_t end = md.find(" |", at + 2);
            const std::string cell = md.substr(at + 2, end - at - 2);
            if (!cell.empty() && cell.find_first_not_of("0123456789.[], ") == std::string::npos) {
                QVERIFY2(has(html, cell), cell.c_str());
                ++rows;
            }
        }
        QVERIFY(rows > 30);
    }

    void noEvaluationIsSaid()
    {
        CardInput in = classifierCard();
        in.evaluations.clear();
        in.split.testCount = 0;
        const std::string md = modelCardMarkdown(in);
        QVERIFY(has(md, "No evaluation was run before export"));
        QVERIFY(has(md, "There is no test split"));
        QVERIFY(!has(md, "Wilson"));
    }
};

QTEST_APPLESS_MAIN(TestModelCard)
#include "test_model_card.moc"
