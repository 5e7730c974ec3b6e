// Bad and degenerate input, with the documented decisions: empty arrays, a single class, classes
// predicted but never true, NaN/Inf scores, scores that are not probabilities, zero targets for
// MAPE, R^2 on constant or single targets, ties; plus scikit-learn's documented examples.
#include "flightdeck/common/Error.h"
#include "flightdeck/eval/Classification.h"
#include "flightdeck/eval/Probabilistic.h"
#include "flightdeck/eval/Ranking.h"
#include "flightdeck/eval/Regression.h"

#include "EvalTestSupport.h"

#include <QtTest>

#include <cfloat>
#include <cmath>
#include <functional>

using flightdeck::Error;
using flightdeck::ErrorCode;
using namespace flightdeck::eval;

using Labels = std::vector<std::int32_t>;
using Doubles = std::vector<double>;

namespace {

bool undefinedBecause(const Metric& m, const char* text)
{
    return !m.defined && m.reason.find(text) != std::string::npos && m.value == 0;
}

// Runs f, expecting Error(InvalidArgument) about `field` whose detail contains `detail`.
void expectInvalid(const std::function<void()>& f, const char* field, const char* detail)
{
    try {
        f();
        QFAIL(qPrintable(QStringLiteral("no error for field %1").arg(QLatin1String(field))));
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidArgument);
        QCOMPARE(QString::fromStdString(e.info().field), QString::fromLatin1(field));
        QVERIFY2(e.info().detail.find(detail) != std::string::npos, e.info().detail.c_str());
    }
}

}  // namespace

class TestEvalEdges : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void emptyInputsAreUndefined()
    {
        const Labels none;
        const Doubles nothing;
        for (const Metric& m :
             {accuracy(none, none, 3), balancedAccuracy(none, none, 3),
              precisionRecallF1(none, none, 3).macro.f1,
              precisionRecallF1(none, none, 3).weighted.precision,
              precisionRecallF1(none, none, 3).micro.recall, rocAuc(none, nothing),
              averagePrecision(none, nothing), rocAucOneVsRest(none, nothing, 3).macro,
              rocAucOneVsRest(none, nothing, 3).micro, averagePrecisionOneVsRest(none, nothing, 3).weighted,
              logLoss(none, nothing, 3), logLossBinary(none, nothing), brierScore(none, nothing),
              brierScoreMulticlass(none, nothing, 3), topKAccuracy(none, nothing, 3, 2),
              expectedCalibrationError(none, nothing, 3), meanSquaredError(nothing, nothing),
              rootMeanSquaredError(nothing, nothing), meanAbsoluteError(nothing, nothing),
              r2Score(nothing, nothing), meanAbsolutePercentageError(nothing, nothing),
              explainedVariance(nothing, nothing)})
            QVERIFY2(undefinedBecause(m, "no samples"), m.reason.c_str());
        QVERIFY(!rocCurve(none, nothing).defined);
        QVERIFY(!precisionRecallCurve(none, nothing).defined);
        QVERIFY(!calibrationCurve(none, nothing).defined);
        QCOMPARE(calibrationCurve(none, nothing).reason, std::string("no samples"));
        const ConfusionCounts cm = confusionMatrix(none, none, 2);
        QCOMPARE(cm, (ConfusionCounts{{0, 0}, {0, 0}}));
        QCOMPARE(normalizeConfusion(cm, Normalize::True), (std::vector<Doubles>{{0, 0}, {0, 0}}));
        const RegressionMetrics r = regressionMetrics(nothing, nothing);
        QVERIFY(!r.residualMean.defined && r.residualPercentiles.empty());
        // The classic report keeps its documented empty behaviour (accuracy 0).
        QCOMPARE(classificationReport(none, none, 2).accuracy, 0.0);
    }

    void singleClassMakesRankingUndefined()
    {
        const Doubles s{0.1, 0.7, 0.4};
        QVERIFY(undefinedBecause(rocAuc({1, 1, 1}, s), "only one class present in truth"));
        QVERIFY(undefinedBecause(rocAuc({0, 0, 0}, s), "no positive samples"));
        QVERIFY(!rocCurve({0, 0, 0}, s).defined);
        QVERIFY(rocCurve({0, 0, 0}, s).reason.find("only one class") != std::string::npos);
        // AP: no positives is undefined (scikit-learn: 0 with a warning); only positives is 1.
        QVERIFY(undefinedBecause(averagePrecision({0, 0, 0}, s), "no positive samples"));
        QCOMPARE(averagePrecision({1, 1, 1}, s).value, 1.0);
        QVERIFY(!precisionRecallCurve({0, 0, 0}, s).defined);

        const Doubles probs{0.5, 0.3, 0.2, 0.1, 0.6, 0.3};  // 2 rows, 3 classes, truth all 1
        const OneVsRest o = rocAucOneVsRest({1, 1}, probs, 3);
        QVERIFY(undefinedBecause(o.macro, "only one class present in truth"));
        QVERIFY(undefinedBecause(o.weighted, "only one class present in truth"));
        QVERIFY(undefinedBecause(o.perClass[0], "no samples in truth"));
        QVERIFY(undefinedBecause(o.perClass[1], "no negative samples"));
        QVERIFY(o.micro.defined);  // 2 positive and 4 negative cells
        QVERIFY(undefinedBecause(logLoss({0, 0}, {1.0, 1.0}, 1), "at least two classes"));
        QCOMPARE(balancedAccuracy({1, 1, 1}, {1, 0, 1}, 2).value, 2.0 / 3);
        // Brier and log loss stay defined: the negative class is known from positiveClass.
        QCOMPARE(brierScore({0, 0}, {0.5, 0.0}).value, 0.125);
    }

    void classPredictedButNeverTrue()
    {
        const Labels truth{0, 0, 1, 1}, pred{0, 2, 1, 2};
        // Class 2 has no recall; balanced accuracy averages the classes present in truth.
        QCOMPARE(balancedAccuracy(truth, pred, 3).value, 0.5);
        const PrfScores z = precisionRecallF1(truth, pred, 3);
        QCOMPARE(z.labels, (Labels{0, 1, 2}));
        QCOMPARE(z.precision, (Doubles{1, 1, 0}));
        QCOMPARE(z.recall, (Doubles{0.5, 0.5, 0}));
        QCOMPARE(z.macro.precision.value, 2.0 / 3);
        QCOMPARE(z.weighted.recall.value, 0.5);  // class 2 has weight (support) 0
        const PrfScores one = precisionRecallF1(truth, pred, 3, PrfOptions{{}, ZeroDivision::One});
        QCOMPARE(one.recall, (Doubles{0.5, 0.5, 1}));
        QCOMPARE(one.macro.recall.value, 2.0 / 3);
        // Labels absent from truth and pred only count when asked for.
        const PrfScores declared = precisionRecallF1({0, 1}, {0, 1}, 3, PrfOptions{{0, 1, 2}, {}});
        QCOMPARE(declared.macro.f1.value, 2.0 / 3);
        QCOMPARE(precisionRecallF1({0, 1}, {0, 1}, 3).macro.f1.value, 1.0);
        // All scored classes absent from truth: scikit-learn's weighted special case.
        const PrfScores absent = precisionRecallF1({0, 0}, {0, 1}, 2, PrfOptions{{1}, {}});
        QCOMPARE(absent.weighted.precision.value, 0.0);

        const Doubles probs{0.7, 0.2, 0.1, 0.2, 0.3, 0.5, 0.1, 0.8, 0.1, 0.3, 0.3, 0.4};
        const OneVsRest o = rocAucOneVsRest(truth, probs, 3);
        QVERIFY(undefinedBecause(o.perClass[2], "class 2 has no samples in truth"));
        QVERIFY(o.macro.defined && o.weighted.defined);
        QCOMPARE(o.macro.value, (o.perClass[0].value + o.perClass[1].value) / 2);
        QVERIFY(o.note.find("class 2 has no samples") != std::string::npos);
    }

    void nonFiniteScoresThrow()
    {
        const Labels t{0, 1, 1};
        for (const double bad : {std::nan(""), HUGE_VAL, -HUGE_VAL}) {
            const Doubles s{0.2, bad, 0.9};
            expectInvalid([&] { rocAuc(t, s); }, "scores", "index 1");
            expectInvalid([&] { rocCurve(t, s); }, "scores", "index 1");
            expectInvalid([&] { averagePrecision(t, s); }, "scores", std::isnan(bad) ? "NaN" : "infinite");
            expectInvalid([&] { brierScore(t, s); }, "pPositive", "index 1");
            expectInvalid([&] { logLossBinary(t, s); }, "pPositive", "index 1");
            expectInvalid([&] { calibrationCurve(t, s); }, "pPositive", "index 1");
            const Doubles m{0.5, 0.5, 0.5, bad, 0.1, 0.9};
            expectInvalid([&] { logLoss(t, m, 2); }, "probs", "row 1, column 1");
            expectInvalid([&] { rocAucOneVsRest(t, m, 2); }, "probs", "row 1, column 1");
            expectInvalid([&] { topKAccuracy(t, m, 2, 1); }, "scores", "row 1");
            expectInvalid([&] { expectedCalibrationError(t, m, 2); }, "probs", "row 1");
            expectInvalid([&] { meanSquaredError({1, bad}, {1, 2}); }, "truth", "index 1");
            expectInvalid([&] { r2Score({1, 2}, {bad, 2}); }, "estimate", "index 0");
        }
    }

    void scoresThatAreNotProbabilities()
    {
        const Labels t{0, 1, 1, 0};
        const Doubles s{-0.5, 1.5, 0.9, 0.2};  // decision values, not probabilities
        QVERIFY(undefinedBecause(brierScore(t, s), "not probabilities (index 0: -0.5"));
        QVERIFY(!calibrationCurve(t, s).defined);
        QVERIFY(rocAuc(t, s).defined);  // ranking metrics only need an order
        QCOMPARE(rocAuc(t, s).value, 1.0);
        // log loss clips to [eps, 1 - eps] as scikit-learn does.
        const Metric clipped = logLossBinary(t, s);
        const Metric reference = logLossBinary(t, {DBL_EPSILON, 1 - DBL_EPSILON, 0.9, 0.2});
        QCOMPARE(clipped.value, reference.value);
        const Doubles m{1.2, -0.2, 0.5, 0.5};
        QVERIFY(undefinedBecause(expectedCalibrationError({0, 1}, m, 2), "row 0, column 0"));
        QVERIFY(undefinedBecause(brierScoreMulticlass({0, 1}, m, 2), "not probabilities"));
    }

    void regressionDecisions()
    {
        // MAPE: a zero target is divided by machine epsilon, as scikit-learn does.
        const Metric mape = meanAbsolutePercentageError({0, 2}, {1, 2});
        QCOMPARE(mape.value, (1 / DBL_EPSILON + 0) / 2);
        QCOMPARE(regressionMetrics({0, 2, 0}, {1, 2, 0}).zeroTargets, std::int64_t(2));
        QVERIFY(meanAbsolutePercentageError({0, 0}, {0, 0}).value == 0);
        // R^2: one sample is undefined; constant truth gives 1 (perfect) or 0 (force_finite).
        QVERIFY(undefinedBecause(r2Score({3}, {3}), "fewer than two samples"));
        QCOMPARE(r2Score({3, 3, 3}, {3, 3, 3}).value, 1.0);
        QCOMPARE(r2Score({3, 3, 3}, {3, 2, 3}).value, 0.0);
        QCOMPARE(explainedVariance({3, 3}, {3, 3}).value, 1.0);
        QCOMPARE(explainedVariance({3, 3}, {2, 4}).value, 0.0);
        QCOMPARE(explainedVariance({3, 3}, {2, 2}).value, 1.0);  // a constant offset
        QCOMPARE(explainedVariance({2.5}, {3.0}).value, 1.0);
        QCOMPARE(residuals({1, 2}, {0.5, 3}), (Doubles{0.5, -1}));
        const RegressionMetrics r = regressionMetrics({1, 2, 3, 4, 5}, {1, 1, 1, 1, 1});
        QCOMPARE(r.residualMean.value, 2.0);
        QCOMPARE(r.residualStd.value, std::sqrt(2.0));
        QCOMPARE(r.residualPercentiles.front(), (std::pair<double, double>{0, 0}));
        QCOMPARE(r.residualPercentiles[3], (std::pair<double, double>{50, 2}));
        QCOMPARE(r.residualPercentiles.back(), (std::pair<double, double>{100, 4}));
    }

    void topK()
    {
        const Doubles s{0.2, 0.5, 0.3, 0.4, 0.4, 0.2};
        QCOMPARE(topKAccuracy({0, 0}, s, 3, 1).value, 0.0);
        // Row 1 ties classes 0 and 1: the higher index ranks first (scikit-learn's argsort).
        QCOMPARE(topKAccuracy({1, 1}, s, 3, 1).value, 1.0);
        QCOMPARE(topKAccuracy({1, 0}, s, 3, 1).value, 0.5);
        QCOMPARE(topKAccuracy({1, 0}, s, 3, 2).value, 1.0);
        QCOMPARE(topKAccuracy({2, 2}, s, 3, 2).value, 0.5);
        QCOMPARE(topKAccuracy({2, 2}, s, 3, 3).value, 1.0);  // k >= classes: always a hit
        QCOMPARE(topKAccuracy({2, 2}, s, 3, 7).value, 1.0);
        expectInvalid([&] { topKAccuracy({0, 0}, s, 3, 0); }, "k", "at least 1");
    }

    void ties()
    {
        // One threshold for all: a diagonal ROC, AUC 1/2; -0.0 and 0.0 are one value.
        const RocCurve r = rocCurve({0, 1, 0, 1}, {0.5, 0.5, 0.5, 0.5});
        QCOMPARE(r.fpr, (Doubles{0, 1}));
        QCOMPARE(r.tpr, (Doubles{0, 1}));
        QCOMPARE(r.thresholds, (Doubles{1.5, 0.5}));
        QCOMPARE(rocAuc({0, 1}, {-0.0, 0.0}).value, 0.5);
        QCOMPARE(rocCurve({0, 1, 1}, {-0.0, 0.0, 1.0}).thresholds.size(), std::size_t(3));
        const PrCurve pr = precisionRecallCurve({0, 1, 0, 1}, {0.5, 0.5, 0.5, 0.5});
        QCOMPARE(pr.precision, (Doubles{0.5, 1}));
        QCOMPARE(averagePrecision({0, 1, 0, 1}, {0.5, 0.5, 0.5, 0.5}).value, 0.5);
        // Large enough for the radix sort path, all tied but one.
        Labels t(5000, 0);
        Doubles s(5000, 0.25);
        t[17] = 1;
        s[17] = 0.75;
        t[18] = 1;
        QCOMPARE(rocAuc(t, s).value, 0.75);  // (1 + 0.5) / 2: one clear win, one tie
    }

    // The examples in scikit-learn 1.2's own docstrings.
    void sklearnDocumentedExamples()
    {
        const RocCurve r = rocCurve({1, 1, 2, 2}, {0.1, 0.4, 0.35, 0.8}, 2);
        QCOMPARE(r.fpr, (Doubles{0, 0, 0.5, 0.5, 1}));
        QCOMPARE(r.tpr, (Doubles{0, 0.5, 0.5, 1, 1}));
        QCOMPARE(r.thresholds, (Doubles{1.8, 0.8, 0.4, 0.35, 0.1}));
        QCOMPARE(areaUnderCurve(r.fpr, r.tpr), 0.75);
        const Metric ap = averagePrecision({0, 0, 1, 1}, {0.1, 0.4, 0.35, 0.8});
        QVERIFY(std::fabs(ap.value - 0.8333333333333333) < 1e-15);
        const PrCurve pr = precisionRecallCurve({0, 0, 1, 1}, {0.1, 0.4, 0.35, 0.8});
        QCOMPARE(pr.precision, (Doubles{0.5, 2.0 / 3, 0.5, 1, 1}));
        QCOMPARE(pr.recall, (Doubles{1, 1, 0.5, 0.5, 0}));
        QCOMPARE(pr.thresholds, (Doubles{0.1, 0.35, 0.4, 0.8}));
        // log_loss(["spam", "ham", "ham", "spam"], [[.1, .9], [.9, .1], [.8, .2], [.35, .65]]).
        const Metric ll = logLoss({1, 0, 0, 1}, {.1, .9, .9, .1, .8, .2, .35, .65}, 2);
        QVERIFY(std::fabs(ll.value - 0.21616187468057912) < 1e-15);
        QCOMPARE(brierScore({0, 1, 1, 0}, {0.1, 0.9, 0.8, 0.3}).value, 0.037500000000000006);
        QCOMPARE(balancedAccuracy({0, 1, 0, 0, 1, 0}, {0, 1, 0, 0, 0, 1}, 2).value, 0.625);
        const Doubles topScores{0.5, 0.2, 0.2, 0.3, 0.4, 0.2, 0.2, 0.4, 0.3, 0.7, 0.2, 0.1};
        QCOMPARE(topKAccuracy({0, 1, 2, 2}, topScores, 3, 2).value, 0.75);
        QCOMPARE(r2Score({3, -0.5, 2, 7}, {2.5, 0.0, 2, 8}).value, 0.9486081370449679);
        QCOMPARE(explainedVariance({3, -0.5, 2, 7}, {2.5, 0.0, 2, 8}).value, 0.9571734475374732);
        QCOMPARE(meanAbsolutePercentageError({3, -0.5, 2, 7}, {2.5, 0.0, 2, 8}).value,
                 0.3273809523809524);
        const CalibrationCurve c = calibrationCurve({0, 0, 0, 0, 1, 1, 1, 1, 1},
                                                    {0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1.},
                                                    1, 3);
        QCOMPARE(c.probTrue, (Doubles{0, 0.5, 1}));
        EVAL_ARRAY(c.probPred, (Doubles{0.2, 0.525, 0.85}), "calibration_curve example");
    }

    void argumentErrors()
    {
        expectInvalid([] { accuracy({0, 1}, {0}, 2); }, "pred", "1 values but 2");
        expectInvalid([] { accuracy({0, 2}, {0, 1}, 2); }, "truth", "label 2 outside [0, 2)");
        expectInvalid([] { precisionRecallF1({0}, {0}, 2, PrfOptions{{5}, {}}); }, "labels",
                      "label 5");
        expectInvalid([] { rocAuc({0, 1}, {0.5}); }, "scores", "1 values but 2");
        expectInvalid([] { logLoss({0, 1}, {0.5, 0.5, 0.5}, 2); }, "probs", "expected 2 rows x 2");
        expectInvalid([] { calibrationCurve({0}, {0.5}, 1, 0); }, "nBins", "at least 1");
        expectInvalid([] { meanAbsoluteError({1, 2}, {1}); }, "estimate", "1 values but 2");
        expectInvalid([] { areaUnderCurve({0}, {1}); }, "x", "at least 2 points");
        expectInvalid([] { areaUnderCurve({0, 1, 0.5}, {0, 1, 1}); }, "x", "neither");
        expectInvalid([] { normalizeConfusion({{1, 2}}, Normalize::All); }, "counts", "square");
        QCOMPARE(areaUnderCurve({1, 0.5, 0}, {1, 1, 0}), 0.75);  // decreasing x
    }
};

FLIGHTDECK_EVAL_TEST(TestEvalEdges)
#include "test_eval_edges.moc"
