// Drift statistics benchmark: two-sample KS (scipy.stats.ks_2samp, method 'auto' -> asymptotic
// here) and PSI (10 quantile bins, NumPy) on 10^6 vs 10^6 values, ours next to SciPy / NumPy
// on the same data in the same run, with the values side by side.
//   bench_monitor_drift [--n N] [--shift S] [--python EXE]
#include "flightdeck/monitor/DriftStatistics.h"

#include <chrono>
#include <cstdio>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace flightdeck::monitor::stats;

namespace {

double seconds(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

const char* kScript = R"(import sys, time
import numpy as np
from scipy import stats
n = int(sys.argv[2])
d = np.fromfile(sys.argv[1], dtype=np.float64)
a, b = d[:n].copy(), d[n:].copy()
t = time.perf_counter(); r = stats.ks_2samp(a, b); ks_t = time.perf_counter() - t
t = time.perf_counter()
edges = np.unique(np.quantile(a, np.linspace(0, 1, 11)))
inner = edges[1:-1]
nb = len(inner) + 1
rr = np.maximum(np.bincount(np.searchsorted(inner, a, side='right'), minlength=nb) / len(a), 1e-4)
cc = np.maximum(np.bincount(np.searchsorted(inner, b, side='right'), minlength=nb) / len(b), 1e-4)
psi = float(np.sum((cc - rr) * np.log(cc / rr)))
psi_t = time.perf_counter() - t
print('RESULT %.17g %.17g %.6f %.17g %.6f' % (r.statistic, r.pvalue, ks_t, psi, psi_t))
)";

}  // namespace

int main(int argc, char** argv)
{
    std::size_t n = 1000000;
    double shift = 0.003;
    std::string python = "/usr/bin/python3";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--n")
            n = std::strtoull(argv[i + 1], nullptr, 10);
        else if (a == "--shift")
            shift = std::atof(argv[i + 1]);
        else if (a == "--python")
            python = argv[i + 1];
    }
    std::mt19937_64 rng(42);
    std::normal_distribution<double> ref(0, 1), cur(shift, 1);
    std::vector<double> a(n), b(n);
    for (double& x : a)
        x = ref(rng);
    for (double& x : b)
        x = cur(rng);

    auto t0 = std::chrono::steady_clock::now();
    const KsResult ks = ks2samp(a, b);
    const double ksT = seconds(t0);
    t0 = std::chrono::steady_clock::now();
    const PsiResult p = psi(a, b, 10, 1e-4);
    const double psiT = seconds(t0);
    std::printf("flightdeck  KS  D=%.17g p=%.17g  %.3f s (%s)\n", ks.statistic, ks.pValue, ksT,
                ks.method == KsMethod::Exact ? "exact" : "asymptotic");
    std::printf("flightdeck  PSI %.17g  %.3f s\n", p.psi, psiT);

    const std::string data = "/tmp/flightdeck_bench_drift.bin";
    const std::string script = "/tmp/flightdeck_bench_drift.py";
    {
        std::ofstream out(data, std::ios::binary);
        out.write(reinterpret_cast<const char*>(a.data()), static_cast<std::streamsize>(n * 8));
        out.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(n * 8));
        std::ofstream(script) << kScript;
    }
    const std::string cmd = python + " " + script + " " + data + " " + std::to_string(n) + " 2>&1";
    std::FILE* pipe = popen(cmd.c_str(), "r");
    std::string out;
    char buf[4096];
    while (pipe && std::fgets(buf, sizeof buf, pipe))
        out += buf;
    if (pipe)
        pclose(pipe);
    std::remove(data.c_str());
    std::remove(script.c_str());
    double sd, sp, st, spsi, spsiT;
    if (std::sscanf(out.c_str(), "RESULT %lf %lf %lf %lf %lf", &sd, &sp, &st, &spsi, &spsiT) == 5) {
        std::printf("scipy       KS  D=%.17g p=%.17g  %.3f s\n", sd, sp, st);
        std::printf("numpy       PSI %.17g  %.3f s\n", spsi, spsiT);
        std::printf("speed-up: KS %.1fx, PSI %.1fx; relative differences: D %.2g, p %.2g, PSI %.2g\n",
                    st / ksT, spsiT / psiT, std::abs(ks.statistic - sd) / sd,
                    std::abs(ks.pValue - sp) / sp, std::abs(p.psi - spsi) / spsi);
    } else {
        std::printf("python reference not run: %s\n", out.substr(0, 300).c_str());
    }
    return 0;
}
