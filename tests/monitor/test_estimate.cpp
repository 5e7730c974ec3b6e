// Label-free performance estimate: the isotonic fit equals scikit-learn's; on a calibrated
// synthetic case (P(correct | c) = c) the estimate equals the direct computation and covers the
// realized accuracy; an over-confident model is corrected by calibration.
#include "flightdeck/common/Error.h"
#include "flightdeck/monitor/PerformanceEstimate.h"

#include "TestRegistry.h"

#include <QtTest>

#include <cmath>
#include <numeric>
#include <random>

using namespace flightdeck::monitor;

namespace {

struct Draw {
    std::vector<double> truth;       // P(correct)
    std::vector<double> logged;      // what the model reports
    std::vector<std::uint8_t> correct;
};

// c ~ U(lo, 1), correct ~ Bernoulli(c); the model logs c^power.
Draw draw(std::size_t n, double lo, double power, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    Draw d;
    for (std::size_t i = 0; i < n; ++i) {
        const double c = lo + (1 - lo) * u(rng);
        d.truth.push_back(c);
        d.logged.push_back(std::pow(c, power));
        d.correct.push_back(u(rng) < c ? 1 : 0);
    }
    return d;
}

double mean(const std::vector<double>& v)
{
    return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

double realized(const Draw& d)
{
    return std::accumulate(d.correct.begin(), d.correct.end(), 0.0) / double(d.correct.size());
}

}  // namespace

class TestEstimate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // sklearn.isotonic.IsotonicRegression(increasing=True, out_of_bounds='clip') on the same
    // ten points (values printed by scikit-learn 1.2).
    void isotonicMatchesScikitLearn()
    {
        const ConfidenceCalibration c = ConfidenceCalibration::fit(
            {0.1, 0.2, 0.2, 0.3, 0.5, 0.6, 0.8, 0.9, 0.95, 0.95}, {0, 1, 0, 0, 1, 0, 1, 1, 1, 0});
        const std::vector<double> t{0, 0.15, 0.25, 0.4, 0.55, 0.7, 0.85, 0.925, 1};
        const std::vector<double> sklearn{0.0, 0.1666666666666666, 0.3333333333333333,
                                          0.4166666666666667, 0.5, 0.6249999999999999,
                                          0.75, 0.75, 0.75};
        for (std::size_t i = 0; i < t.size(); ++i)
            QVERIFY2(std::fabs(c(t[i]) - sklearn[i]) <= 1e-15, qPrintable(QString::number(t[i])));
        QCOMPARE(c.x(), (std::vector<double>{0.1, 0.2, 0.3, 0.5, 0.6, 0.8, 0.95}));
        QCOMPARE(ConfidenceCalibration::fromJson(c.toJson()).toJson(), c.toJson());
        QVERIFY_THROWS_EXCEPTION(flightdeck::Error, ConfidenceCalibration::fit({1.5}, {1}));
        QVERIFY_THROWS_EXCEPTION(flightdeck::Error, ConfidenceCalibration::fit({0.5}, {}));
    }

    void calibratedCaseMatchesTheDirectComputation()
    {
        const Draw reference = draw(50000, 0.5, 1, 1);
        const ConfidenceCalibration cal =
            ConfidenceCalibration::fit(reference.logged, reference.correct);
        const Draw current = draw(5000, 0.7, 1, 2);
        const EstimateWindow e = estimateAccuracy(cal, current.logged);
        // Direct: the mean of the calibrated confidences, and the Poisson-binomial interval.
        double sum = 0, var = 0;
        for (double c : current.logged) {
            sum += cal(c);
            var += cal(c) * (1 - cal(c));
        }
        const double n = double(current.logged.size());
        QVERIFY(std::fabs(e.expectedAccuracy - sum / n) < 1e-12);
        const double half = 1.959963984540054 * std::sqrt(var) / n;
        QVERIFY(std::fabs(e.high - e.low - 2 * half) < 1e-12);
        QCOMPARE(e.records, 5000);
        // The truth: P(correct) = c, so the expected accuracy is mean(c) = 0.85.
        QVERIFY2(std::fabs(e.expectedAccuracy - mean(current.truth)) < 0.01,
                 qPrintable(QString::number(e.expectedAccuracy)));
        QVERIFY(e.low <= realized(current) && realized(current) <= e.high);
        QVERIFY(std::fabs(normalQuantileTwoSided(0.95) - 1.959963984540054) < 1e-14);
        // Histogram binning agrees within its bin width's bias.
        const ConfidenceCalibration bins = ConfidenceCalibration::fit(
            reference.logged, reference.correct, CalibrationMethod::HistogramBinning, 20);
        QVERIFY(std::fabs(estimateAccuracy(bins, current.logged).expectedAccuracy
                          - mean(current.truth)) < 0.01);
    }

    void miscalibratedModelIsCorrected()
    {
        // Over-confident: logs sqrt(c) where c is its real chance of being right.
        const Draw reference = draw(50000, 0.4, 0.5, 3);
        const Draw current = draw(4000, 0.6, 0.5, 4);
        const double raw = mean(current.logged);
        const double truth = mean(current.truth);
        QVERIFY(raw - truth > 0.05);   // the raw confidence overstates accuracy
        const ConfidenceCalibration cal =
            ConfidenceCalibration::fit(reference.logged, reference.correct);
        const EstimateWindow e = estimateAccuracy(cal, current.logged);
        QVERIFY2(std::fabs(e.expectedAccuracy - truth) < 0.01,
                 qPrintable(QString::number(e.expectedAccuracy) + " vs " + QString::number(truth)));
        QVERIFY(e.low <= realized(current) && realized(current) <= e.high);
    }

    void perWindowEstimator()
    {
        const Draw reference = draw(20000, 0.5, 1, 5);
        const ConfidenceCalibration cal =
            ConfidenceCalibration::fit(reference.logged, reference.correct);
        PerformanceEstimator estimator(cal, 60);
        const Draw a = draw(300, 0.5, 1, 6), b = draw(300, 0.9, 1, 7);
        PredictionRecord r;
        for (std::size_t i = 0; i < 300; ++i) {
            r.timestamp = 600 + i * 0.1;
            r.confidence = a.logged[i];
            estimator.add(r);
            r.timestamp = 720 + i * 0.1;
            r.confidence = b.logged[i];
            estimator.add(r);
        }
        r.confidence = 1.5;   // out of range: counted, not used
        estimator.add(r);
        const auto windows = estimator.windows();
        QCOMPARE(windows.size(), std::size_t(2));
        QCOMPARE(windows[0].start, 600.0);
        QCOMPARE(windows[1].start, 720.0);
        QVERIFY(std::fabs(windows[0].expectedAccuracy
                          - estimateAccuracy(cal, a.logged).expectedAccuracy) < 1e-12);
        QVERIFY(std::fabs(windows[1].expectedAccuracy
                          - estimateAccuracy(cal, b.logged).expectedAccuracy) < 1e-12);
        QCOMPARE(estimator.outOfRange(), 1);
    }
};

MONITOR_TEST(TestEstimate)
#include "test_estimate.moc"
