// Parity of every drift statistic with SciPy 1.10 / NumPy: generated inputs are written to a
// temporary folder, drift_parity.py computes the reference values in one interpreter run, and
// each of ours must agree to 1e-9 relative. Skipped (QSKIP) when no interpreter imports scipy.
#include "flightdeck/monitor/DriftStatistics.h"

#include "TestRegistry.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <functional>
#include <map>
#include <random>

using namespace flightdeck::monitor::stats;
using nlohmann::json;

namespace {

constexpr double kRelTol = 1e-9;

double fromJson(const json& v)
{
    if (v.is_string()) {
        const std::string s = v.get<std::string>();
        if (s == "nan")
            return std::nan("");
        return s == "inf" ? INFINITY : -INFINITY;
    }
    return v.get<double>();
}

bool close(double ours, double theirs, double rel = kRelTol)
{
    if (std::isnan(ours) || std::isnan(theirs))
        return std::isnan(ours) && std::isnan(theirs);
    if (ours == theirs)
        return true;
    return std::fabs(ours - theirs) <= rel * std::max(std::fabs(ours), std::fabs(theirs));
}

// Inputs for all cases: samples go to one binary file, cases reference [offset, count].
struct Batch {
    std::vector<double> data;
    json cases = json::array();
    std::vector<std::function<void(const json&, int)>> checks;

    json add(const std::vector<double>& v)
    {
        json ref = {data.size(), v.size()};
        data.insert(data.end(), v.begin(), v.end());
        return ref;
    }
};

}  // namespace

class TestDriftParity : public QObject {
    Q_OBJECT

private:
    QString python_;
    QTemporaryDir tmp_;
    std::mt19937_64 rng_{20261123};
    int compared_ = 0;

    std::vector<double> normal(std::size_t n, double mean, double sd)
    {
        std::normal_distribution<double> d(mean, sd);
        std::vector<double> v(n);
        for (double& x : v)
            x = d(rng_);
        return v;
    }
    std::vector<double> integers(std::size_t n, int lo, int hi)
    {
        std::uniform_int_distribution<int> d(lo, hi);
        std::vector<double> v(n);
        for (double& x : v)
            x = d(rng_);
        return v;
    }
    std::vector<double> rounded(std::vector<double> v, double step)
    {
        for (double& x : v)
            x = std::round(x / step) * step;
        return v;
    }

    // Runs the batch through Python and applies each check to its result.
    void run(Batch& b)
    {
        const QString cases = tmp_.filePath(QStringLiteral("cases.json"));
        const QString data = tmp_.filePath(QStringLiteral("data.bin"));
        const QString out = tmp_.filePath(QStringLiteral("out.json"));
        std::ofstream(cases.toStdString()) << b.cases.dump();
        std::ofstream(data.toStdString(), std::ios::binary)
            .write(reinterpret_cast<const char*>(b.data.data()),
                   static_cast<std::streamsize>(b.data.size() * sizeof(double)));
        QProcess p;
        p.start(python_, {QStringLiteral(FLIGHTDECK_SOURCE_DIR "/tests/monitor/drift_parity.py"),
                          cases, data, out});
        QVERIFY(p.waitForFinished(300000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const json result = json::parse(std::ifstream(out.toStdString()));
        QCOMPARE(result.at("scipy").get<std::string>().substr(0, 4), std::string("1.10"));
        const json& rs = result.at("results");
        QCOMPARE(rs.size(), b.cases.size());
        for (std::size_t i = 0; i < rs.size(); ++i) {
            b.checks[i](rs[i], static_cast<int>(i));
            if (QTest::currentTestFailed())
                return;
        }
    }

    void expectClose(double ours, const json& theirs, const std::string& what, double rel = kRelTol)
    {
        const double t = fromJson(theirs);
        ++compared_;
        if (!close(ours, t, rel))
            QFAIL(qPrintable(QStringLiteral("%1: ours %2, scipy %3")
                                 .arg(QString::fromStdString(what))
                                 .arg(ours, 0, 'g', 17)
                                 .arg(t, 0, 'g', 17)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        QStringList candidates;
        const QString fromEnv = qEnvironmentVariable("FLIGHTDECK_PYTHON");
        if (!fromEnv.isEmpty())
            candidates << fromEnv;
        else
            candidates << QStringLiteral("/usr/bin/python3") << QStringLiteral("python3");
        for (const QString& exe : candidates) {
            QProcess probe;
            probe.start(exe, {QStringLiteral("-c"),
                              QStringLiteral("import scipy, numpy; "
                                             "assert scipy.__version__.startswith('1.10')")});
            if (probe.waitForFinished(60000) && probe.exitStatus() == QProcess::NormalExit
                && probe.exitCode() == 0) {
                python_ = exe;
                break;
            }
        }
    }

    void init()
    {
        if (python_.isEmpty())
            QSKIP("no python3 with SciPy 1.10 (Debian's python3-scipy) to compare with");
    }

    void ks2sampMatchesScipy()
    {
        Batch b;
        struct Size { int n1, n2; const char* method; };
        // Exact region: equal sizes (closed form), unequal (inside recursion), ties; the
        // asymptotic region above 10,000 (and forced methods on both sides of it).
        const Size sizes[] = {
            {5, 5, "auto"},       {7, 13, "auto"},       {20, 20, "auto"},    {37, 100, "auto"},
            {250, 250, "auto"},   {999, 1000, "auto"},   {1000, 3000, "auto"}, {64, 48, "auto"},
            {2000, 2000, "auto"}, {500, 10000, "auto"},  {10000, 10000, "auto"},
            {12000, 8000, "auto"}, {10001, 9000, "auto"}, {30000, 700, "auto"},
            {20000, 20000, "auto"}, {300, 400, "asymp"}, {3, 150, "asymp"}, {60, 60, "asymp"},
            {150, 170, "asymp"},  {1500, 1200, "exact"}, {11000, 400, "exact"}};
        const double shifts[] = {0.0, 0.05, 0.2, 0.6};
        int caseNo = 0;
        for (const Size& s : sizes)
            for (double shift : shifts) {
                const bool ties = (caseNo++ % 3) == 0;
                std::vector<double> a = normal(s.n1, 0, 1), c = normal(s.n2, shift, 1.1);
                if (ties) {
                    a = rounded(a, 0.25);
                    c = rounded(c, 0.25);
                }
                b.cases.push_back({{"kind", "ks"}, {"a", b.add(a)}, {"b", b.add(c)},
                                   {"method", s.method}});
                const KsMethod m = std::string(s.method) == "auto" ? KsMethod::Auto
                                   : std::string(s.method) == "exact" ? KsMethod::Exact
                                                                      : KsMethod::Asymptotic;
                const KsResult ours = ks2samp(a, c, m);
                const std::string what = "ks " + std::to_string(s.n1) + "x" + std::to_string(s.n2)
                                         + " " + s.method + " shift " + std::to_string(shift);
                b.checks.push_back([=](const json& r, int) {
                    expectClose(ours.statistic, r.at("statistic"), what + " statistic");
                    expectClose(ours.pValue, r.at("pvalue"), what + " pvalue");
                });
            }
        run(b);
        // The method choice itself: exact up to 10,000, asymptotic beyond.
        QCOMPARE(ks2samp(normal(10000, 0, 1), normal(10, 0, 1)).method, KsMethod::Exact);
        QCOMPARE(ks2samp(normal(10001, 0, 1), normal(10, 0, 1)).method, KsMethod::Asymptotic);
    }

    void ksDistributionsMatchScipy()
    {
        Batch b;
        for (double x = 0.01; x < 3.5; x *= 1.13) {
            b.cases.push_back({{"kind", "kolmogorov"}, {"x", x}});
            const double ours = kolmogorovSf(x);
            b.checks.push_back([=](const json& r, int) {
                expectClose(ours, r.at("value"), "kolmogorov " + std::to_string(x));
            });
        }
        // SciPy's double-double Smirnov sum takes seconds for n near 10^6: few such cases.
        for (int n : {1, 2, 3, 5, 10, 37, 140, 141, 1000, 12345, 100000, 999999, 2000000})
            for (double x : {1e-4, 0.001, 0.5 / n, 1.0 / n, 0.013, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7,
                             0.9, 0.999, 1.5 / std::sqrt(n), 2.5 / std::sqrt(n),
                             6.0 / std::sqrt(n)}) {
                if (x > 1 || (n >= 100000 && n <= 1000000 && x != 0.013 && x != 0.001))
                    continue;
                b.cases.push_back({{"kind", "smirnov"}, {"n", n}, {"x", x}});
                const double ours = smirnovSf(n, x);
                b.checks.push_back([=](const json& r, int) {
                    expectClose(ours, r.at("value"),
                                "smirnov n=" + std::to_string(n) + " x=" + std::to_string(x));
                });
            }
        for (std::int64_t n : {1, 2, 3, 4, 10, 33, 100, 140, 141, 500, 1000, 4000, 25000, 100000,
                               100001, 400000, 1000000})
            for (double z : {0.3, 0.5, 0.7, 0.8, 0.87, 1.0, 1.2, 1.5, 1.9, 2.3, 3.0, 4.5, 8.0}) {
                const double x = z / std::sqrt(static_cast<double>(n));
                for (double xx : {x, 0.75 / n, 1.0 - 0.5 / n, 0.6}) {
                    if (!(xx > 0 && xx < 1))
                        continue;
                    // The smirnov region (n x^2 >= 2.2) is slow in SciPy for large n.
                    if (n >= 100000 && xx == x && z >= 1.45 && z != 2.3 && z != 8.0)
                        continue;
                    if (n >= 1000000 && xx == x && z >= 1.45)
                        continue;
                    b.cases.push_back({{"kind", "kstwo"}, {"n", n}, {"x", xx}});
                    const double ours = kstwoSf(xx, n);
                    b.checks.push_back([=](const json& r, int) {
                        expectClose(ours, r.at("value"),
                                    "kstwo n=" + std::to_string(n) + " x=" + std::to_string(xx));
                    });
                }
            }
        run(b);
    }

    void chiSquaredMatchesScipy()
    {
        Batch b;
        for (double a : {0.5, 1.0, 1.5, 2.0, 3.5, 10.0, 49.5, 100.0, 500.0, 4999.5})
            for (double f : {0.01, 0.3, 0.8, 0.97, 1.0, 1.03, 1.3, 2.0, 5.0}) {
                const double x = a * f;
                b.cases.push_back({{"kind", "gammaincc"}, {"a", a}, {"x", x}});
                const double ours = gammaincc(a, x);
                b.checks.push_back([=](const json& r, int) {
                    expectClose(ours, r.at("value"),
                                "gammaincc a=" + std::to_string(a) + " x=" + std::to_string(x));
                });
                b.cases.push_back({{"kind", "chi2sf"}, {"dof", 2 * a}, {"x", 2 * x}});
                const double sf = chi2Sf(2 * x, 2 * a);
                b.checks.push_back([=](const json& r, int) {
                    expectClose(sf, r.at("value"), "chi2.sf dof=" + std::to_string(2 * a));
                });
            }
        // Evidently's chisquare drift test on categorical samples (category = integer value).
        for (int i = 0; i < 40; ++i) {
            const int k = 2 + i % 9;
            std::vector<double> ref = integers(50 + 37 * i, 0, k - 1);
            std::vector<double> cur = integers(30 + 53 * i, i % 4 == 0 ? 1 : 0, k - 1 + i % 2);
            b.cases.push_back({{"kind", "chisquare"}, {"ref", b.add(ref)}, {"cur", b.add(cur)}});
            // counts over the union of values, ascending
            std::map<double, std::pair<double, double>> counts;
            for (double x : ref)
                counts[x].first += 1;
            for (double x : cur)
                counts[x].second += 1;
            std::vector<double> rc, cc;
            for (const auto& [key, c] : counts) {
                rc.push_back(c.first);
                cc.push_back(c.second);
            }
            const ChiSquareResult ours = chiSquareCounts(rc, cc);
            b.checks.push_back([=](const json& r, int) {
                expectClose(ours.statistic, r.at("statistic"), "chisquare stat " + std::to_string(i));
                expectClose(ours.pValue, r.at("pvalue"), "chisquare p " + std::to_string(i));
            });
        }
        // chi2_contingency: 2 x k tables of reference / current counts, with and without Yates.
        for (int i = 0; i < 30; ++i) {
            const int rows = 2 + (i % 5 == 4), cols = 2 + i % 4;
            std::vector<double> table = integers(static_cast<std::size_t>(rows) * cols, 1,
                                                 5 + 40 * (i % 3));
            const bool correction = i % 2 == 0;
            b.cases.push_back({{"kind", "contingency"}, {"table", table}, {"rows", rows},
                               {"cols", cols}, {"correction", correction}});
            const ChiSquareResult ours = chi2Contingency(table, rows, cols, correction);
            b.checks.push_back([=](const json& r, int) {
                expectClose(ours.statistic, r.at("statistic"), "contingency stat " + std::to_string(i));
                expectClose(ours.pValue, r.at("pvalue"), "contingency p " + std::to_string(i));
                expectClose(ours.dof, r.at("dof"), "contingency dof");
            });
        }
        run(b);
    }

    void distancesMatchScipy()
    {
        Batch b;
        for (int i = 0; i < 30; ++i) {
            const std::size_t n1 = 1 + static_cast<std::size_t>(i * i * 7 + i),
                              n2 = 2 + static_cast<std::size_t>(i * 13);
            std::vector<double> u = normal(n1, 0, 1), v = normal(n2, 0.1 * i, 1 + 0.05 * i);
            if (i % 4 == 1) {
                u = rounded(u, 0.5);
                v = rounded(v, 0.5);
            }
            b.cases.push_back({{"kind", "wasserstein"}, {"a", b.add(u)}, {"b", b.add(v)}});
            const double ours = wasserstein1(u, v);
            b.checks.push_back([=](const json& r, int) {
                expectClose(ours, r.at("value"), "wasserstein " + std::to_string(i));
            });
        }
        // Jensen-Shannon on Evidently's binning: Sturges bins for numeric columns with > 20
        // distinct reference values, the union of values otherwise; base e and base 2.
        for (int i = 0; i < 30; ++i) {
            std::vector<double> ref, cur;
            if (i % 3 == 2) {
                ref = integers(200 + 10 * i, 0, 3 + i % 5);
                cur = integers(150 + 7 * i, i % 2, 4 + i % 5);
            } else {
                ref = normal(1001 + 97 * i, 0, 1);
                cur = normal(300 + 51 * i, 0.03 * i, 1 + 0.02 * i);
                if (i % 3 == 1)
                    ref = rounded(ref, 0.01);
            }
            const double base = i % 2 ? 2.0 : 0.0;
            b.cases.push_back({{"kind", "jensenshannon"}, {"ref", b.add(ref)}, {"cur", b.add(cur)},
                               {"base", base}});
            const BinnedShares shares = binnedShares(ref, cur);
            const double ours = jensenShannon(shares.reference, shares.current, base);
            b.checks.push_back([=](const json& r, int) {
                QCOMPARE(shares.edges.size(), r.at("edges").size());
                for (std::size_t k = 0; k < shares.edges.size(); ++k)
                    QCOMPARE(shares.edges[k], fromJson(r.at("edges")[k]));  // bit-exact edges
                QCOMPARE(shares.reference.size(), r.at("ref").size());
                for (std::size_t k = 0; k < shares.reference.size(); ++k) {
                    QCOMPARE(shares.reference[k], fromJson(r.at("ref")[k]));
                    QCOMPARE(shares.current[k], fromJson(r.at("cur")[k]));
                }
                expectClose(ours, r.at("value"), "jensenshannon " + std::to_string(i));
            });
        }
        for (int i = 0; i < 30; ++i) {
            std::vector<double> ref = normal(50 + 331 * i, 0, 1);
            std::vector<double> cur = normal(40 + 97 * i, 0.04 * i, 1 + 0.03 * i);
            if (i % 5 == 3)
                ref = rounded(ref, 0.5);  // tied quantiles collapse bins
            const int bins = 2 + i % 19;
            const double eps = i % 2 ? 1e-4 : 1e-6;
            b.cases.push_back({{"kind", "psi"}, {"ref", b.add(ref)}, {"cur", b.add(cur)},
                               {"bins", bins}, {"eps", eps}});
            const PsiResult ours = psi(ref, cur, bins, eps);
            b.checks.push_back([=](const json& r, int) {
                QCOMPARE(ours.edges.size(), r.at("edges").size());
                for (std::size_t k = 0; k < ours.edges.size(); ++k)
                    QCOMPARE(ours.edges[k], fromJson(r.at("edges")[k]));
                expectClose(ours.psi, r.at("value"), "psi " + std::to_string(i));
            });
        }
        run(b);
    }

    void cleanupTestCase() { qInfo("%d values compared with SciPy / NumPy", compared_); }
};

MONITOR_TEST(TestDriftParity)
#include "test_drift_parity.moc"
