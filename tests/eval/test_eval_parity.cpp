// Parity with scikit-learn 1.2 on generated inputs: every classification, ranking, probability
// and regression metric, computed here and by tests/eval/sklearn_reference.py on the same data.
// Cases cover ties, imbalance, scores on bin edges, absent classes, one and two rows, and sizes
// past NumPy's 8192-element summation blocks. Skipped when no python3 with sklearn exists.
#include "flightdeck/eval/Classification.h"
#include "flightdeck/eval/Probabilistic.h"
#include "flightdeck/eval/Ranking.h"
#include "flightdeck/eval/Regression.h"

#include "EvalTestSupport.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace flightdeck::eval;
using evaltest::doubles;

namespace {

struct ClassCase {
    const char* name;
    unsigned seed;
    int k;
    int n;
    int decimals = 0;          // round scores to this many decimals (ties); 0 = no rounding
    double positiveRate = 0;   // binary: fraction of class 1 (0 = uniform classes)
    int absentClass = -1;      // never true, but predicted now and then
    bool grid = false;         // binary: scores exactly j / 10 (calibration bin edges)
    bool oneHot = false;       // probabilities exactly 0 and 1
};

struct Generated {
    std::vector<std::int32_t> truth, pred;
    std::vector<double> probs;
};

Generated generate(const ClassCase& c)
{
    std::mt19937_64 rng(c.seed);
    std::normal_distribution<double> noise(0, 1);
    std::uniform_int_distribution<int> anyClass(0, c.k - 1);
    std::uniform_real_distribution<double> unit(0, 1);
    Generated g;
    const auto k = static_cast<std::size_t>(c.k);
    for (int i = 0; i < c.n; ++i) {
        int t = c.positiveRate > 0 ? (unit(rng) < c.positiveRate ? 1 : 0) : anyClass(rng);
        if (t == c.absentClass)
            t = (t + 1) % c.k;
        std::vector<double> p(k);
        if (c.grid) {
            const double p1 = std::uniform_int_distribution<int>(0, 10)(rng) / 10.0;
            p = {1 - p1, p1};
        } else if (c.oneHot) {
            const int guess = unit(rng) < 0.8 ? t : anyClass(rng);
            for (std::size_t j = 0; j < k; ++j)
                p[j] = static_cast<int>(j) == guess ? 1.0 : 0.0;
        } else {
            double sum = 0;
            for (std::size_t j = 0; j < k; ++j) {
                p[j] = std::exp(noise(rng) + (static_cast<int>(j) == t ? 1.5 : 0.0));
                sum += p[j];
            }
            for (double& v : p) {
                v /= sum;
                if (c.decimals > 0)
                    v = std::round(v * std::pow(10, c.decimals)) / std::pow(10, c.decimals);
            }
        }
        int pred = static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
        if (unit(rng) < 0.1)
            pred = anyClass(rng);
        if (c.absentClass >= 0 && unit(rng) < 0.05)
            pred = c.absentClass;
        g.truth.push_back(t);
        g.pred.push_back(pred);
        g.probs.insert(g.probs.end(), p.begin(), p.end());
    }
    return g;
}

const ClassCase kClassCases[] = {
    {"binary 200", 1, 2, 200},
    {"binary ties 500", 2, 2, 500, 1},
    {"binary imbalanced 3000", 3, 2, 3000, 0, 0.03},
    {"binary grid scores 400", 4, 2, 400, 0, 0, -1, true},
    {"binary 2 rows", 5, 2, 2, 0, 0.5},
    {"binary 20000", 6, 2, 20000, 3},
    {"binary only negatives", 7, 2, 50, 0, 1e-9},
    {"binary one-hot", 8, 2, 300, 0, 0, -1, false, true},
    {"3 classes 60", 9, 3, 60},
    {"5 classes 1000", 10, 5, 1000},
    {"10 classes 777 ties", 11, 10, 777, 2},
    {"4 classes, class 3 predicted never true", 12, 4, 400, 0, 0, 3},
    {"4 classes 1 row", 13, 4, 1},
    {"6 classes 12000", 14, 6, 12000},
    {"3 classes one-hot", 15, 3, 200, 0, 0, -1, false, true},
    {"12 classes 150", 16, 12, 150, 1},
};

struct RegCase {
    const char* name;
    std::vector<double> truth, pred;
};

std::vector<RegCase> regressionCases()
{
    std::mt19937_64 rng(99);
    std::normal_distribution<double> noise(0, 1);
    auto random = [&](const char* name, int n, double offset, double scale) {
        RegCase c{name, {}, {}};
        for (int i = 0; i < n; ++i) {
            const double t = offset + scale * noise(rng);
            c.truth.push_back(t);
            c.pred.push_back(t + 0.3 * scale * noise(rng) + 0.1 * scale);
        }
        return c;
    };
    std::vector<RegCase> cases{random("random 100", 100, 0, 1),
                               random("random 10000", 10000, 5, 2),
                               random("large magnitudes", 500, 1e8, 1e3),
                               random("2 samples", 2, 0, 1),
                               {"1 sample", {2.5}, {3.0}},
                               {"constant truth, imperfect", {3, 3, 3, 3}, {3, 2.5, 3, 4}},
                               {"constant truth, perfect", {3, 3, 3}, {3, 3, 3}},
                               {"zero targets (MAPE)", {0, 1, 2, 0, -3}, {0.5, 1, 2.5, 0, -2}},
                               {"integers", {1, 2, 3, 4, 5, 6}, {1, 3, 3, 5, 4, 6}}};
    return cases;
}

const std::vector<int> kBins{5, 10};

}  // namespace

class TestEvalParity : public QObject {
    Q_OBJECT

    std::vector<Generated> generated_;
    std::vector<RegCase> regression_;
    QJsonArray results_;
    QString skip_;

    QJsonObject result(int index) const { return results_.at(index).toObject(); }

private Q_SLOTS:
    void initTestCase()
    {
        if (evaltest::python().isEmpty()) {
            skip_ = QStringLiteral("python3 with sklearn is not installed");
            return;
        }
        QJsonArray cases;
        for (const ClassCase& c : kClassCases) {
            generated_.push_back(generate(c));
            const Generated& g = generated_.back();
            cases.append(QJsonObject{{"kind", "classification"},
                                     {"k", c.k},
                                     {"truth", evaltest::toJson(g.truth)},
                                     {"pred", evaltest::toJson(g.pred)},
                                     {"probs", evaltest::toJson(g.probs)},
                                     {"bins", QJsonArray{kBins[0], kBins[1]}}});
        }
        regression_ = regressionCases();
        for (const RegCase& c : regression_)
            cases.append(QJsonObject{{"kind", "regression"},
                                     {"truth", evaltest::toJson(c.truth)},
                                     {"pred", evaltest::toJson(c.pred)}});
        QString error;
        const QJsonObject out =
            evaltest::runPythonScript(QStringLiteral("sklearn_reference.py"),
                                      QJsonObject{{"cases", cases}}, &error);
        QVERIFY2(!out.isEmpty(), qPrintable(error));
        QCOMPARE(out.value(QLatin1String("sklearn")).toString(), QStringLiteral("1.2.1"));
        results_ = out.value(QLatin1String("results")).toArray();
        QCOMPARE(results_.size(), cases.size());
    }

    void labels_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < static_cast<int>(std::size(kClassCases)); ++i)
            QTest::newRow(kClassCases[i].name) << i;
    }

    // accuracy, balanced accuracy, P/R/F1 (both zero_division values), confusion matrices.
    void labels()
    {
        QFETCH(int, index);
        if (!skip_.isEmpty())
            QSKIP(qPrintable(skip_));
        const ClassCase& c = kClassCases[index];
        const Generated& g = generated_[static_cast<std::size_t>(index)];
        const QJsonObject r = result(index);

        EVAL_METRIC(accuracy(g.truth, g.pred, c.k), r["accuracy"].toDouble(), "accuracy");
        EVAL_METRIC(balancedAccuracy(g.truth, g.pred, c.k), r["balanced_accuracy"].toDouble(),
                    "balanced_accuracy");
        for (const int zd : {0, 1}) {
            const QJsonObject ref = r[QStringLiteral("prf%1").arg(zd)].toObject();
            const ZeroDivision z = zd ? ZeroDivision::One : ZeroDivision::Zero;
            const PrfScores s = precisionRecallF1(g.truth, g.pred, c.k, PrfOptions{{}, z});
            std::vector<double> labels(s.labels.begin(), s.labels.end());
            EVAL_ARRAY(labels, doubles(ref["labels"]), "labels");
            EVAL_ARRAY(s.precision, doubles(ref["precision"]), "precision");
            EVAL_ARRAY(s.recall, doubles(ref["recall"]), "recall");
            EVAL_ARRAY(s.f1, doubles(ref["f1"]), "f1");
            std::vector<double> support(s.support.begin(), s.support.end());
            EVAL_ARRAY(support, doubles(ref["support"]), "support");
            for (const auto& [name, avg] : {std::pair<const char*, const AveragedPrf*>{
                                                "macro", &s.macro},
                                            {"micro", &s.micro},
                                            {"weighted", &s.weighted}}) {
                const std::vector<double> want = doubles(ref[QLatin1String(name)]);
                EVAL_METRIC(avg->precision, want[0], QStringLiteral("%1 precision").arg(name));
                EVAL_METRIC(avg->recall, want[1], QStringLiteral("%1 recall").arg(name));
                EVAL_METRIC(avg->f1, want[2], QStringLiteral("%1 f1").arg(name));
            }
            EVAL_METRIC(s.macro.f1, ref["f1_score_macro"].toDouble(), "f1_score macro");

            PrfOptions all{{}, z};
            for (int l = 0; l < c.k; ++l)
                all.labels.push_back(l);
            const PrfScores a = precisionRecallF1(g.truth, g.pred, c.k, all);
            const QJsonObject refAll = ref["all"].toObject();
            EVAL_ARRAY(a.precision, doubles(refAll["precision"]), "labels=all precision");
            EVAL_ARRAY(a.recall, doubles(refAll["recall"]), "labels=all recall");
            EVAL_ARRAY(a.f1, doubles(refAll["f1"]), "labels=all f1");
            const std::vector<double> macro = doubles(refAll["macro"]);
            EVAL_METRIC(a.macro.precision, macro[0], "labels=all macro precision");
            EVAL_METRIC(a.macro.f1, macro[2], "labels=all macro f1");
            if (zd == 0) {  // the classic report uses labels=all, zero_division=0
                const ClassificationReport old = classificationReport(g.truth, g.pred, c.k);
                EVAL_CLOSE(old.macroF1, macro[2], "classificationReport macro f1");
            }
        }
        const ConfusionCounts cm = confusionMatrix(g.truth, g.pred, c.k);
        const QJsonArray refCm = r["confusion"].toArray();
        for (int t = 0; t < c.k; ++t)
            for (int p = 0; p < c.k; ++p)
                QCOMPARE(cm[t][p], refCm.at(t).toArray().at(p).toInteger());
        for (const auto& [name, how] : {std::pair<const char*, Normalize>{"true", Normalize::True},
                                        {"pred", Normalize::Pred},
                                        {"all", Normalize::All}}) {
            std::vector<double> flat;
            for (const auto& row : normalizeConfusion(cm, how))
                flat.insert(flat.end(), row.begin(), row.end());
            EVAL_ARRAY(flat, doubles(r[QStringLiteral("confusion_%1").arg(name)]),
                       QStringLiteral("confusion normalize=%1").arg(name));
        }
    }

    void scores_data() { labels_data(); }

    // ROC / PR curves, AUC, AP (binary and one-vs-rest), log loss, Brier, top-k, calibration,
    // ECE.
    void scores()
    {
        QFETCH(int, index);
        if (!skip_.isEmpty())
            QSKIP(qPrintable(skip_));
        const ClassCase& c = kClassCases[index];
        const Generated& g = generated_[static_cast<std::size_t>(index)];
        const QJsonObject r = result(index);

        EVAL_METRIC(logLoss(g.truth, g.probs, c.k), r["log_loss"].toDouble(), "log_loss");
        EVAL_METRIC(brierScoreMulticlass(g.truth, g.probs, c.k), r["brier_multiclass"].toDouble(),
                    "multi-class Brier (NumPy)");
        const std::vector<double> topK = doubles(r["top_k"]);
        for (int kk = 1; kk <= c.k; ++kk)
            EVAL_METRIC(topKAccuracy(g.truth, g.probs, c.k, kk), topK[kk - 1],
                        QStringLiteral("top-%1 accuracy").arg(kk));
        if (r.contains(QLatin1String("top_k_sklearn"))) {
            const std::vector<double> sk = doubles(r["top_k_sklearn"]);
            for (int kk = 1; kk <= c.k; ++kk)
                EVAL_METRIC(topKAccuracy(g.truth, g.probs, c.k, kk), sk[kk - 1],
                            QStringLiteral("top_k_accuracy_score k=%1").arg(kk));
        }
        for (const int nb : kBins) {
            EVAL_METRIC(expectedCalibrationError(g.truth, g.probs, c.k, nb),
                        r["ece"].toObject()[QString::number(nb)].toDouble(),
                        QStringLiteral("ECE %1 bins (NumPy)").arg(nb));
            for (const auto strategy : {BinStrategy::Uniform, BinStrategy::Quantile})
                checkCalibration(
                    topLabelCalibrationCurve(g.truth, g.probs, c.k, nb, strategy),
                    r["top_label_calibration"].toObject(), nb, strategy, "top-label");
        }

        if (c.k == 2) {
            std::vector<double> s;
            for (std::size_t i = 0; i < g.truth.size(); ++i)
                s.push_back(g.probs[2 * i + 1]);
            EVAL_METRIC(brierScore(g.truth, s), r["brier"].toDouble(), "brier_score_loss");
            EVAL_METRIC(logLossBinary(g.truth, s), r["log_loss_1d"].toDouble(),
                        "log_loss with 1-D scores");
            for (const int nb : kBins)
                for (const auto strategy : {BinStrategy::Uniform, BinStrategy::Quantile})
                    checkCalibration(calibrationCurve(g.truth, s, 1, nb, strategy),
                                     r["calibration"].toObject(), nb, strategy, "binary");
            const RocCurve roc = rocCurve(g.truth, s);
            const RocCurve rocAll = rocCurve(g.truth, s, 1, false);
            const Metric auc = rocAuc(g.truth, s);
            if (r.contains(QLatin1String("roc"))) {
                QVERIFY(roc.defined);
                const QJsonObject ref = r["roc"].toObject();
                EVAL_ARRAY(roc.fpr, doubles(ref["fpr"]), "roc fpr");
                EVAL_ARRAY(roc.tpr, doubles(ref["tpr"]), "roc tpr");
                EVAL_ARRAY(roc.thresholds, doubles(ref["thresholds"]), "roc thresholds");
                const QJsonObject refAll = r["roc_all"].toObject();
                EVAL_ARRAY(rocAll.fpr, doubles(refAll["fpr"]), "roc fpr (all points)");
                EVAL_ARRAY(rocAll.thresholds, doubles(refAll["thresholds"]),
                           "roc thresholds (all points)");
                EVAL_METRIC(auc, r["roc_auc"].toDouble(), "roc_auc_score");
                EVAL_CLOSE(areaUnderCurve(roc.fpr, roc.tpr), r["roc_auc"].toDouble(), "auc()");
            } else {
                QVERIFY(!roc.defined && !auc.defined);
                QVERIFY(QString::fromStdString(auc.reason).contains(QLatin1String("one class")));
            }
            const PrCurve pr = precisionRecallCurve(g.truth, s);
            const Metric ap = averagePrecision(g.truth, s);
            if (r.contains(QLatin1String("pr"))) {
                const QJsonObject ref = r["pr"].toObject();
                EVAL_ARRAY(pr.precision, doubles(ref["precision"]), "pr precision");
                EVAL_ARRAY(pr.recall, doubles(ref["recall"]), "pr recall");
                EVAL_ARRAY(pr.thresholds, doubles(ref["thresholds"]), "pr thresholds");
                EVAL_METRIC(ap, r["average_precision"].toDouble(), "average_precision_score");
            } else {
                QVERIFY(!pr.defined && !ap.defined);
            }
            return;
        }

        const OneVsRest auc = rocAucOneVsRest(g.truth, g.probs, c.k);
        const OneVsRest ap = averagePrecisionOneVsRest(g.truth, g.probs, c.k);
        if (!r.contains(QLatin1String("ovr_auc"))) {  // fewer than two classes in truth
            QVERIFY(!auc.macro.defined && !auc.weighted.defined && !ap.macro.defined);
            QVERIFY(!auc.macro.reason.empty());
            return;
        }
        for (const auto& [name, got] : {std::pair<const char*, const OneVsRest*>{"ovr_auc", &auc},
                                        {"ovr_ap", &ap}}) {
            const QJsonObject ref = r[QLatin1String(name)].toObject();
            const QJsonObject perClass = ref["per_class"].toObject();
            for (int cls = 0; cls < c.k; ++cls) {
                const QString key = QString::number(cls);
                if (perClass.contains(key))
                    EVAL_METRIC(got->perClass[cls], perClass[key].toDouble(),
                                QStringLiteral("%1 class %2").arg(name, key));
                else
                    QVERIFY(!got->perClass[cls].defined);
            }
            EVAL_METRIC(got->macro, ref["macro"].toDouble(), QStringLiteral("%1 macro").arg(name));
            EVAL_METRIC(got->weighted, ref["weighted"].toDouble(),
                        QStringLiteral("%1 weighted").arg(name));
            EVAL_METRIC(got->micro, ref["micro"].toDouble(), QStringLiteral("%1 micro").arg(name));
            if (ref.contains(QLatin1String("multiclass_macro"))) {
                // roc_auc_score(y, P, multi_class="ovr") itself, where it accepts the input.
                EVAL_METRIC(got->macro, ref["multiclass_macro"].toDouble(), "ovr macro (multiclass)");
                EVAL_METRIC(got->weighted, ref["multiclass_weighted"].toDouble(),
                            "ovr weighted (multiclass)");
                EVAL_METRIC(got->micro, ref["multiclass_micro"].toDouble(), "ovr micro (multiclass)");
            }
        }
        if (c.absentClass >= 0)
            QVERIFY(QString::fromStdString(auc.note).contains(QString::number(c.absentClass)));
    }

    void regression_data()
    {
        QTest::addColumn<int>("index");
        const std::vector<RegCase> cases = regressionCases();
        for (int i = 0; i < static_cast<int>(cases.size()); ++i)
            QTest::newRow(cases[i].name) << i;
    }

    void regression()
    {
        QFETCH(int, index);
        if (!skip_.isEmpty())
            QSKIP(qPrintable(skip_));
        const RegCase& c = regression_[static_cast<std::size_t>(index)];
        const QJsonObject r = result(static_cast<int>(std::size(kClassCases)) + index);
        EVAL_METRIC(meanSquaredError(c.truth, c.pred), r["mse"].toDouble(), "mse");
        EVAL_METRIC(rootMeanSquaredError(c.truth, c.pred), r["rmse"].toDouble(), "rmse");
        EVAL_METRIC(meanAbsoluteError(c.truth, c.pred), r["mae"].toDouble(), "mae");
        EVAL_METRIC(meanAbsolutePercentageError(c.truth, c.pred), r["mape"].toDouble(), "mape");
        EVAL_METRIC(explainedVariance(c.truth, c.pred), r["explained_variance"].toDouble(),
                    "explained_variance");
        const Metric r2 = r2Score(c.truth, c.pred);
        if (r["r2"].isNull()) {
            QVERIFY(!r2.defined);
            QVERIFY(QString::fromStdString(r2.reason).contains(QLatin1String("two samples")));
        } else {
            EVAL_METRIC(r2, r["r2"].toDouble(), "r2");
        }
    }

private:
    static void checkCalibration(const CalibrationCurve& got, const QJsonObject& refs, int nb,
                                 BinStrategy strategy, const char* what)
    {
        const QString key = QStringLiteral("%1%2")
                                .arg(strategy == BinStrategy::Uniform ? "uniform" : "quantile")
                                .arg(nb);
        const QJsonObject ref = refs[key].toObject();
        const QString label = QStringLiteral("%1 calibration %2").arg(QLatin1String(what), key);
        QVERIFY2(got.defined, qPrintable(label));
        EVAL_ARRAY(got.probTrue, doubles(ref["prob_true"]), label + " prob_true");
        EVAL_ARRAY(got.probPred, doubles(ref["prob_pred"]), label + " prob_pred");
        EVAL_ARRAY(got.edges, doubles(ref["edges"]), label + " edges");
        std::vector<double> counts(got.counts.begin(), got.counts.end());
        EVAL_ARRAY(counts, doubles(ref["counts"]), label + " counts");
    }
};

FLIGHTDECK_EVAL_TEST(TestEvalParity)
#include "test_eval_parity.moc"
