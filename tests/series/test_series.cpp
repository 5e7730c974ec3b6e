// core/series: the pyramid's buckets against a brute-force pass at every level, queries that
// never hide a spike, and TensorBoard's smoothing on known series (NaN, constant).
#include "flightdeck/common/Error.h"
#include "flightdeck/series/ExtremesDecimation.h"
#include "flightdeck/series/SeriesPyramid.h"
#include "flightdeck/series/Smoothing.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <random>

using namespace flightdeck;
using series::Bucket;

namespace {

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

Bucket bruteForce(const std::vector<double>& xs, const std::vector<double>& ys, std::size_t from,
                  std::size_t to)
{
    Bucket b;
    b.xFirst = xs[from];
    b.xLast = xs[to - 1];
    b.min = std::numeric_limits<double>::quiet_NaN();
    b.max = b.min;
    for (std::size_t i = from; i < to; ++i) {
        ++b.count;
        if (!std::isfinite(ys[i])) {
            ++b.nonFinite;
            continue;
        }
        b.sum += ys[i];
        b.min = std::isnan(b.min) ? ys[i] : std::min(b.min, ys[i]);
        b.max = std::isnan(b.max) ? ys[i] : std::max(b.max, ys[i]);
    }
    b.last = ys[to - 1];
    return b;
}

}  // namespace

class TestSeries : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyLevelEqualsBruteForce()
    {
        std::mt19937 rng(5);
        std::normal_distribution<double> noise(0, 1);
        for (std::size_t n : {1u, 2u, 3u, 7u, 64u, 1000u, 1025u}) {
            series::SeriesPyramid p;
            std::vector<double> xs, ys;
            for (std::size_t i = 0; i < n; ++i) {
                double y = noise(rng);
                if (i % 97 == 5) y = std::numeric_limits<double>::quiet_NaN();
                if (i % 331 == 7) y = std::numeric_limits<double>::infinity();
                const double x = static_cast<double>(i / 2);   // repeated x are allowed
                xs.push_back(x);
                ys.push_back(y);
                p.append(x, y);
            }
            QCOMPARE(p.size(), n);
            // The top level is one bucket over everything.
            QCOMPARE(p.level(p.levels() - 1).size(), std::size_t(1));
            for (int k = 0; k < p.levels(); ++k) {
                const auto level = p.level(k);
                const std::size_t width = std::size_t(1) << k;
                QCOMPARE(level.size(), (n + width - 1) / width);
                for (std::size_t j = 0; j < level.size(); ++j) {
                    const Bucket e = bruteForce(xs, ys, j * width, std::min(n, (j + 1) * width));
                    const Bucket& a = level[j];
                    QVERIFY2(same(a.min, e.min) && same(a.max, e.max) && same(a.last, e.last) &&
                                 a.xFirst == e.xFirst && a.xLast == e.xLast &&
                                 a.count == e.count && a.nonFinite == e.nonFinite &&
                                 std::abs(a.sum - e.sum) <= 1e-9 * (1.0 + std::abs(e.sum)) &&
                                 (same(a.mean(), e.mean()) ||
                                  std::abs(a.mean() - e.mean()) <= 1e-9),
                             qPrintable(QStringLiteral("n %1 level %2 bucket %3").arg(n).arg(k).arg(j)));
                }
            }
        }
    }

    void bulkAppendEqualsOneByOne()
    {
        std::mt19937 rng(8);
        std::normal_distribution<double> noise(0, 1);
        for (std::size_t n : {2u, 3u, 5u, 64u, 65u, 1000u, 4097u}) {
            std::vector<double> xs, ys;
            series::SeriesPyramid one, bulk;
            for (std::size_t i = 0; i < n; ++i) {
                xs.push_back(static_cast<double>(i / 3));
                ys.push_back(i % 101 == 4 ? std::numeric_limits<double>::infinity() : noise(rng));
                one.append(xs.back(), ys.back());
            }
            bulk.append(xs, ys);
            QCOMPARE(bulk.levels(), one.levels());
            for (int k = 0; k < one.levels(); ++k) {
                const auto a = bulk.level(k), e = one.level(k);
                QCOMPARE(a.size(), e.size());
                for (std::size_t j = 0; j < a.size(); ++j)
                    QVERIFY2(same(a[j].min, e[j].min) && same(a[j].max, e[j].max) &&
                                 same(a[j].last, e[j].last) && a[j].count == e[j].count &&
                                 a[j].nonFinite == e[j].nonFinite && a[j].xFirst == e[j].xFirst &&
                                 a[j].xLast == e[j].xLast &&
                                 std::abs(a[j].sum - e[j].sum) <= 1e-9 * (1 + std::abs(e[j].sum)),
                             qPrintable(QStringLiteral("n %1 level %2 bucket %3").arg(n).arg(k).arg(j)));
            }
            bulk.append(xs.back() + 1, 7.0);   // and it keeps growing one by one
            QCOMPARE(bulk.size(), n + 1);
            QCOMPARE(bulk.query(xs.back() + 1, xs.back() + 1, 1).back().last, 7.0);
        }
        series::SeriesPyramid bad;
        QVERIFY_THROWS_EXCEPTION(Error, bad.append(std::vector<double>{1, 0}, std::vector<double>{1, 1}));
        QVERIFY_THROWS_EXCEPTION(Error, bad.append(std::vector<double>{0, 1}, std::vector<double>{1}));
    }

    void queriesGiveAColumnEachAndKeepTheSpike()
    {
        series::SeriesPyramid p;
        const std::size_t n = 1000000;
        for (std::size_t i = 0; i < n; ++i)
            p.append(static_cast<double>(i), i == 612345 ? 1e6 : std::sin(double(i) * 1e-4));
        const auto all = p.query(0, double(n), 1000);
        QVERIFY(all.size() >= 1000 && all.size() < 2000);
        double top = -1;
        std::int64_t points = 0;
        for (const auto& b : all) {
            top = std::max(top, b.max);
            points += b.count;
        }
        QCOMPARE(top, 1e6);
        QCOMPARE(points, std::int64_t(n));
        // Zoomed in: finer buckets, still covering the range.
        const auto zoom = p.query(612000, 613000, 500);
        QVERIFY(zoom.size() >= 500);
        QVERIFY(zoom.front().xFirst <= 612000 && zoom.back().xLast >= 613000);
        // Fewer points than columns: the raw points.
        QCOMPARE(p.query(10, 19, 100).size(), std::size_t(10));
        QVERIFY(p.query(5, 4, 10).empty());
        QVERIFY_THROWS_EXCEPTION(Error, p.append(3, 0));   // x went backwards
    }

    // What a first draw reads of a finished run: every run of points keeps its first, lowest,
    // highest and last point, so the band over those runs equals the whole series' band.
    void extremesDecimationKeepsEveryRunsBand()
    {
        std::mt19937 rng(11);
        std::normal_distribution<double> noise(0, 1);
        for (const std::size_t n : {std::size_t(0), std::size_t(7), std::size_t(4096), std::size_t(100003)}) {
            std::vector<double> v(n);
            for (auto& x : v)
                x = noise(rng);
            if (n > 100) {
                v[n / 3] = 1e6;   // a spike
                v[n / 2] = std::numeric_limits<double>::quiet_NaN();
                v[n - 5] = -1e6;
            }
            const std::size_t buckets = 512;
            const auto kept = series::keepExtremes(v.data(), n, buckets);
            QVERIFY(kept.size() <= std::max(n, std::size_t(0)) && kept.size() <= std::max(n, 4 * buckets));
            QVERIFY(std::is_sorted(kept.begin(), kept.end()));
            QVERIFY(std::adjacent_find(kept.begin(), kept.end()) == kept.end());
            if (n <= 4 * buckets) {
                QCOMPARE(kept.size(), n);
                continue;
            }
            for (std::size_t b = 0; b < buckets; ++b) {
                const std::size_t begin = b * n / buckets, end = (b + 1) * n / buckets;
                double lo = INFINITY, hi = -INFINITY, keptLo = INFINITY, keptHi = -INFINITY;
                for (std::size_t i = begin; i < end; ++i)
                    if (std::isfinite(v[i]))
                        lo = std::min(lo, v[i]), hi = std::max(hi, v[i]);
                bool first = false, last = false;
                for (const std::size_t i : kept) {
                    if (i < begin || i >= end)
                        continue;
                    first |= i == begin;
                    last |= i == end - 1;
                    if (std::isfinite(v[i]))
                        keptLo = std::min(keptLo, v[i]), keptHi = std::max(keptHi, v[i]);
                }
                QVERIFY(first && last);
                QCOMPARE(keptLo, lo);
                QCOMPARE(keptHi, hi);
            }
            const auto has = [&](std::size_t i) { return std::binary_search(kept.begin(), kept.end(), i); };
            QVERIFY(has(n / 3) && has(n - 5));
        }
    }

    void smoothingIsTensorBoards()
    {
        const auto s = series::smoothDebiasedEma({1, 2, 3}, 0.5);
        QCOMPARE(s[0], 1.0);   // debiased: the first point is itself, not half of it
        QVERIFY(std::abs(s[1] - 1.25 / 0.75) < 1e-12);
        QVERIFY(std::abs(s[2] - 2.125 / 0.875) < 1e-12);
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const auto withNan = series::smoothDebiasedEma({1, nan, 3}, 0.5);
        QVERIFY(std::isnan(withNan[1]));   // passed through, left out of the average
        QVERIFY(std::abs(withNan[2] - 1.75 / 0.75) < 1e-12);
        QCOMPARE(series::smoothDebiasedEma({4, 4, 4}, 0.9), (std::vector<double>{4, 4, 4}));
        QCOMPARE(series::smoothDebiasedEma({1, 5, 2}, 0.0), (std::vector<double>{1, 5, 2}));
        QVERIFY_THROWS_EXCEPTION(Error, series::smoothDebiasedEma({1}, 1.0));
    }
};

QTEST_GUILESS_MAIN(TestSeries)
#include "test_series.moc"
