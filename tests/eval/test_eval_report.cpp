// The JSON report and its CSV input (layout, null + reason for undefined values, NaN/Inf
// cells, task detection, class order, errors with file/line/column), bootstrap intervals,
// slices and metrics by name.
#include "flightdeck/common/Error.h"
#include "flightdeck/eval/Bootstrap.h"
#include "flightdeck/eval/Classification.h"
#include "flightdeck/eval/Ranking.h"
#include "flightdeck/eval/Report.h"
#include "flightdeck/eval/Slices.h"

#include "EvalTestSupport.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <random>

using flightdeck::Error;
using flightdeck::ErrorCode;
using namespace flightdeck::eval;
using nlohmann::json;

namespace {

Predictions binaryPredictions(int n, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unit(0, 1);
    Predictions p;
    p.numClasses = 2;
    for (int i = 0; i < n; ++i) {
        const int t = unit(rng) < 0.4 ? 1 : 0;
        const double p1 = std::min(1.0, std::max(0.0, 0.35 * t + 0.65 * unit(rng)));
        p.truth.push_back(t);
        p.pred.push_back(p1 > 0.5 ? 1 : 0);
        p.probs.insert(p.probs.end(), {1 - p1, p1});
    }
    return p;
}

}  // namespace

class TestEvalReport : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    std::string write(const char* name, const std::string& text)
    {
        const std::string path = dir_.filePath(QLatin1String(name)).toStdString();
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }

    json report(const char* name, const std::string& text, CsvReportOptions o = {})
    {
        const std::string out = metricsReportFromCsv(write(name, text), o);
        if (out.find("NaN") != std::string::npos || out.find("nan,") != std::string::npos
            || out.find("Infinity") != std::string::npos)
            qWarning("non-finite number in the report");
        return json::parse(out);  // nlohmann rejects NaN literals, so this also checks that
    }

    void expectError(const char* name, const std::string& text, ErrorCode code,
                     std::int64_t line, const char* field, const char* detail,
                     CsvReportOptions o = {})
    {
        try {
            metricsReportFromCsv(write(name, text), o);
            QFAIL("expected flightdeck::Error");
        } catch (const Error& e) {
            QCOMPARE(e.code(), code);
            QCOMPARE(e.info().line, line);
            QCOMPARE(QString::fromStdString(e.info().field), QString::fromLatin1(field));
            QVERIFY2(e.info().detail.find(detail) != std::string::npos, e.info().detail.c_str());
            QVERIFY(e.info().file.find(name) != std::string::npos);
        }
    }

private Q_SLOTS:
    void binaryReportLayout()
    {
        const Predictions p = binaryPredictions(300, 1);
        ReportOptions o;
        o.maxCurvePoints = 50;
        const json r = json::parse(metricsReportJson(p, o));
        QCOMPARE(r["task"], "classification");
        QCOMPARE(r["samples"], 300);
        QCOMPARE(r["positive_class"], "1");
        for (const char* key : {"accuracy", "balanced_accuracy", "f1_macro", "precision_micro",
                                "recall_weighted", "roc_auc", "average_precision", "log_loss",
                                "brier", "ece"})
            QVERIFY2(r["metrics"][key].is_number(), key);
        QCOMPARE(r["metrics"]["roc_auc"].get<double>(), rocAuc(p.truth, [&] {
                     std::vector<double> s;
                     for (std::size_t i = 0; i < p.truth.size(); ++i)
                         s.push_back(p.probs[2 * i + 1]);
                     return s;
                 }()).value);
        QCOMPARE(r["per_class"].size(), std::size_t(2));
        QCOMPARE(r["confusion_matrix"]["counts"].size(), std::size_t(2));
        // Curves are down-sampled to 50 points, first and last kept, with a warning.
        const json& roc = r["curves"]["roc"];
        QCOMPARE(roc["fpr"].size(), std::size_t(50));
        QCOMPARE(roc["fpr"].front().get<double>(), 0.0);
        QCOMPARE(roc["fpr"].back().get<double>(), 1.0);
        QVERIFY(roc["points_total"].get<std::size_t>() > 50);
        QVERIFY(r["warnings"].dump().find("roc curve: 50 of") != std::string::npos);
        QVERIFY(r["curves"]["calibration"]["prob_true"].is_array());
    }

    void singleClassCsvReportsNullWithReason()
    {
        const json r = report("one.csv", "truth,pred,prob_1\n1,1,0.9\n1,0,0.3\n1,1,0.7\n");
        // Two classes are known (0 from the predictions), one present in truth.
        QCOMPARE(r["classes"], json({"0", "1"}));
        QVERIFY(r["metrics"]["roc_auc"].is_null());
        QVERIFY(r["metrics"]["roc_auc_reason"].get<std::string>().find("only one class")
                != std::string::npos);
        QVERIFY(r["metrics"]["accuracy"].is_number());
        QVERIFY(r["curves"]["roc"]["fpr"].is_null());
        QVERIFY(r["warnings"].dump().find("class 0 is predicted but never true")
                != std::string::npos);
        // balanced accuracy leaves class 0 out: recall of class 1 only.
        QCOMPARE(r["metrics"]["balanced_accuracy"].get<double>(), 2.0 / 3);
    }

    void nanAndInfCells()
    {
        // Scores with NaN: label metrics stay, score metrics are null with line and column.
        json r = report("nan.csv", "truth,pred,prob_0,prob_1\n0,0,0.8,0.2\n1,1,nan,0.7\n1,0,0.6,0.4\n");
        QVERIFY(r["metrics"]["accuracy"].is_number());
        for (const char* key : {"roc_auc", "log_loss", "brier", "ece", "average_precision"}) {
            QVERIFY2(r["metrics"][key].is_null(), key);
            QCOMPARE(r["metrics"][std::string(key) + "_reason"], "line 3, column prob_0: nan");
        }
        // Without a prediction column the labels come from the scores: undefined too.
        r = report("inf.csv", "truth,prob_0,prob_1\n0,0.8,0.2\n1,0.1,inf\n");
        QVERIFY(r["metrics"]["accuracy"].is_null());
        QVERIFY(r["metrics"]["accuracy_reason"].get<std::string>().find("line 3, column prob_1: inf")
                != std::string::npos);
        // Regression values.
        r = report("reg_nan.csv", "target,estimate\n1.5,1.0\n2.5,-inf\n3.5,3.0\n");
        QCOMPARE(r["task"], "regression");
        for (const char* key : {"mse", "rmse", "mae", "r2", "mape", "explained_variance"})
            QCOMPARE(r["metrics"][std::string(key) + "_reason"], "line 3, column estimate: -inf");
        // The array API refuses them instead (see TestEvalEdges); the report never throws.
        Predictions p = binaryPredictions(10, 3);
        p.probs[5] = std::nan("");
        const json j = json::parse(metricsReportJson(p));
        QCOMPARE(j["metrics"]["log_loss_reason"], "scores row 2, column 1: NaN value");
    }

    void csvFormats()
    {
        // Quotes, CRLF, a BOM, text labels with commas; classes ordered as text.
        json r = report("quoted.csv",
                        "\xEF\xBB\xBF" "y_true,y_pred,note\r\n\"cat, big\",dog,\"say \"\"hi\"\"\"\r\n"
                        "dog,dog,x\r\n\r\n\"cat, big\",\"cat, big\",\"multi\nline\"\r\n");
        QCOMPARE(r["classes"], json({"cat, big", "dog"}));
        QCOMPARE(r["samples"], 3);
        QCOMPARE(r["metrics"]["accuracy"].get<double>(), 2.0 / 3);
        QVERIFY(r["metrics"]["roc_auc"].is_null());  // no scores
        // Integer class names order numerically (2 < 10), TSV by extension.
        r = report("numeric.tsv", "label\tpred\n10\t2\n2\t2\n10\t10\n");
        QCOMPARE(r["classes"], json({"2", "10"}));
        QCOMPARE(r["confusion_matrix"]["counts"], json({{1, 0}, {1, 1}}));
        // One score column for two classes: that class is the positive one.
        r = report("single.csv", "truth,prob_yes\nyes,0.9\nno,0.2\nyes,0.4\nno,0.6\n");
        QCOMPARE(r["positive_class"], "yes");
        QCOMPARE(r["metrics"]["roc_auc"].get<double>(), 0.75);
        QCOMPARE(r["metrics"]["accuracy"].get<double>(), 0.5);  // arg max of (1 - p, p)
        CsvReportOptions o;
        o.positiveClass = "no";
        r = report("single2.csv", "truth,pred,prob_no,prob_yes\nyes,yes,0.1,0.9\nno,no,0.8,0.2\n"
                                  "yes,no,0.6,0.4\nno,yes,0.4,0.6\n", o);
        QCOMPARE(r["positive_class"], "no");
        QCOMPARE(r["metrics"]["roc_auc"].get<double>(), 0.75);
    }

    void taskDetection()
    {
        QCOMPARE(report("ints.csv", "truth,pred\n1,1\n2,1\n3,3\n")["task"], "classification");
        QCOMPARE(report("floats.csv", "truth,pred\n1,1.5\n2,1\n3,3\n")["task"], "regression");
        QCOMPARE(report("text.csv", "truth,pred\na,1.5\nb,1\n")["task"], "classification");
        CsvReportOptions o;
        o.task = CsvTask::Regression;
        const json r = report("ints_reg.csv", "truth,pred\n0,1\n2,2\n4,3\n", o);
        QCOMPARE(r["task"], "regression");
        QCOMPARE(r["zero_targets"], 1);
        QVERIFY(r["warnings"].dump().find("mape: 1 zero target") != std::string::npos);
        QCOMPARE(r["residuals"]["definition"], "truth - estimate");
    }

    void csvErrors()
    {
        using E = ErrorCode;
        try {
            metricsReportFromCsv("/nonexistent/predictions.csv");
            QFAIL("expected FileNotFound");
        } catch (const Error& e) {
            QCOMPARE(e.code(), E::FileNotFound);
        }
        expectError("empty.csv", "", E::EmptyFile, 0, "", "no header");
        expectError("header.csv", "truth,pred\n", E::TooFewRows, 0, "", "no data rows");
        expectError("ragged.csv", "truth,pred\n1,1\n1\n", E::RaggedRow, 3, "", "expected 2 fields, got 1");
        expectError("text.csv", "truth,prob_0,prob_1\n0,0.5,0.5\n1,abc,0.5\n", E::NotANumber, 3,
                    "prob_0", "\"abc\"");
        expectError("blank.csv", "truth,prob_0,prob_1\n0,,0.5\n", E::NotANumber, 2, "prob_0",
                    "empty cell");
        expectError("nolabel.csv", "a,b\n1,2\n", E::NoLabelColumn, 1, "", "columns: \"a\", \"b\"");
        expectError("nopred.csv", "truth,x\n1,2\n", E::InvalidArgument, 1, "pred", "no prediction column");
        expectError("missing.csv", "truth,prob_a,prob_b\na,0.5,0.5\nc,0.2,0.8\n", E::InvalidArgument,
                    1, "probs", "missing \"prob_c\"");
        expectError("quote.csv", "truth,pred\n1,\"1\n", E::BadValue, 2, "", "unterminated");
        expectError("reg_text.csv", "truth,pred\n1.5,x\n", E::NotANumber, 2, "pred",
                    "expected a number");
        CsvReportOptions o;
        o.truthColumn = "gold";
        expectError("named.csv", "truth,pred\n1,1\n", E::NoLabelColumn, 1, "gold", "no column \"gold\"", o);
    }

    void bootstrapIntervals()
    {
        const Predictions p = binaryPredictions(2000, 5);
        const NamedMetric acc = namedMetric("accuracy");
        const BootstrapOptions options{400, 0.95, 42};
        const ConfidenceInterval a = bootstrap(p, acc, options);
        const ConfidenceInterval b = bootstrap(p, acc, options);
        QCOMPARE(a.lower.value, b.lower.value);  // seeded: identical
        QCOMPARE(a.upper.value, b.upper.value);
        const ConfidenceInterval c = bootstrap(p, acc, BootstrapOptions{400, 0.95, 43});
        QVERIFY(c.lower.value != a.lower.value || c.upper.value != a.upper.value);
        QVERIFY(a.lower.value < a.estimate.value && a.estimate.value < a.upper.value);
        // Close to the normal approximation of a proportion's interval.
        const double q = a.estimate.value, half = 1.96 * std::sqrt(q * (1 - q) / 2000);
        QVERIFY2(std::fabs((a.upper.value - a.lower.value) / (2 * half) - 1) < 0.2,
                 qPrintable(QString::number(a.upper.value - a.lower.value)));
        // bootstrapRows reproduces what a resample evaluated.
        std::vector<std::size_t> rows;
        bootstrapRows(5, 42, 0, rows);
        QCOMPARE(rows.size(), std::size_t(5));
        std::vector<std::size_t> again;
        bootstrapRows(5, 42, 0, again);
        QCOMPARE(rows, again);
        std::vector<std::vector<std::size_t>> seen;
        bootstrap(5, [&](const std::vector<std::size_t>& r) {
            seen.push_back(r);
            return Metric::of(1);
        }, BootstrapOptions{3, 0.9, 42});
        QCOMPARE(seen.size(), std::size_t(4));  // the estimate, then 3 resamples
        QCOMPARE(seen[1], rows);
        // ROC AUC on a sample with one positive: many resamples lack it and are counted.
        Predictions rare = binaryPredictions(30, 7);
        for (std::int32_t& t : rare.truth)
            t = 0;
        rare.truth[3] = 1;
        const ConfidenceInterval r = bootstrap(rare, namedMetric("roc_auc"), BootstrapOptions{200, 0.9, 1});
        QVERIFY(r.undefinedResamples > 20 && r.undefinedResamples < 200);
        QVERIFY(r.lower.defined && r.lower.value <= r.upper.value);
        // Undefined estimate: undefined bounds with its reason.
        rare.truth[3] = 0;
        const ConfidenceInterval u = bootstrap(rare, namedMetric("roc_auc"), BootstrapOptions{10, 0.9, 1});
        QVERIFY(!u.lower.defined && u.lower.reason.find("only one class") != std::string::npos);
        QVERIFY_THROWS_EXCEPTION(Error, bootstrap(p, acc, BootstrapOptions{0, 0.95, 1}));
        QVERIFY_THROWS_EXCEPTION(Error, bootstrap(p, acc, BootstrapOptions{10, 1.0, 1}));
    }

    void slicesWorstFirst()
    {
        Predictions p;
        p.numClasses = 2;
        p.truth = {0, 1, 0, 1, 0, 1, 1, 1};
        p.pred = {0, 1, 1, 0, 0, 1, 0, 1};
        p.probs = {0.9, 0.1, 0.2, 0.8, 0.4, 0.6, 0.6, 0.4, 0.7, 0.3, 0.3, 0.7, 0.5, 0.5, 0.1, 0.9};
        const std::vector<std::string> group{"a", "a", "b", "b", "c", "c", "d", "d"};
        auto s = metricBySlice(p, group, namedMetric("accuracy"));
        QCOMPARE(s.size(), std::size_t(4));
        QCOMPARE(s[0].value, "b");  // 0 of 2 right
        QCOMPARE(s[0].metric.value, 0.0);
        QCOMPARE(s[1].value, "d");
        QCOMPARE(s.back().metric.value, 1.0);
        // Losses sort descending; a slice where the metric is undefined comes last.
        s = metricBySlice(p, group, namedMetric("roc_auc"));
        QCOMPARE(s.back().value, "d");  // truth all 1 there
        QVERIFY(!s.back().metric.defined && s.back().metric.reason.find("one class") != std::string::npos);
        s = metricBySlice(p, group, namedMetric("log_loss"));
        QVERIFY(s[0].metric.value >= s[1].metric.value);
        QVERIFY_THROWS_EXCEPTION(Error, metricBySlice(p, {"a"}, namedMetric("accuracy")));
    }

    void namedMetrics()
    {
        try {
            namedMetric("auroc");
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::InvalidArgument);
            QVERIFY(e.info().detail.find("roc_auc") != std::string::npos);
        }
        const Predictions p = binaryPredictions(100, 9);
        QCOMPARE(namedMetric("top_1_accuracy").compute(p).defined, true);
        QVERIFY_THROWS_EXCEPTION(Error, namedMetric("top_0_accuracy"));
        QVERIFY(namedMetric("rmse").compute(p).reason.find("regression metric") != std::string::npos);
        QCOMPARE(namedMetric("log_loss").direction, Direction::LowerIsBetter);
        QCOMPARE(namedMetric("f1_weighted").compute(p).value,
                 precisionRecallF1(p.truth, p.pred, 2).weighted.f1.value);
    }

    void csvReportWithBootstrapAndSlices()
    {
        std::string text = "truth,pred,prob_0,prob_1,site\n";
        const Predictions p = binaryPredictions(400, 11);
        for (std::size_t i = 0; i < 400; ++i)
            text += std::to_string(p.truth[i]) + "," + std::to_string(p.pred[i]) + ","
                    + json(p.probs[2 * i]).dump() + "," + json(p.probs[2 * i + 1]).dump() + ","
                    + (i % 3 == 0 ? "north" : "south") + "\n";
        CsvReportOptions o;
        o.sliceColumn = "site";
        o.report.bootstrapResamples = 100;
        o.report.seed = 3;
        const json r = report("full.csv", text, o);
        QCOMPARE(r["source"]["slice_column"], "site");
        QCOMPARE(r["source"]["rows"], 400);
        const json& ci = r["confidence_intervals"];
        QCOMPARE(ci["resamples"], 100);
        for (const char* key : {"accuracy", "f1_macro", "roc_auc", "log_loss"}) {
            QVERIFY2(ci["metrics"][key]["lower"].get<double>() <= ci["metrics"][key]["upper"].get<double>(), key);
            QCOMPARE(ci["metrics"][key]["estimate"], r["metrics"][key]);
        }
        QCOMPARE(r["slices"]["metric"], "accuracy");
        QCOMPARE(r["slices"]["slices"].size(), std::size_t(2));
        QCOMPARE(r["slices"]["slices"][0]["count"].get<int>() + r["slices"]["slices"][1]["count"].get<int>(), 400);
        const std::string path = write("full2.csv", text);
        QCOMPARE(metricsReportFromCsv(path, o), metricsReportFromCsv(path, o));  // deterministic
    }
};

FLIGHTDECK_EVAL_TEST(TestEvalReport)
#include "test_eval_report.moc"
