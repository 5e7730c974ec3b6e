// bench_eval: core/eval's metrics on 10^6 predictions next to scikit-learn's, same arrays, same
// machine, same run. Prints both timings (best of --repeat) and the ratio. Run on demand:
//   build/bench/bench_eval [--n 1000000] [--classes 10] [--repeat 3] [--python /usr/bin/python3]
// The Python side is bench/bench_eval.py; it reads the arrays this program writes.
#include "flightdeck/eval/Classification.h"
#include "flightdeck/eval/Predictions.h"
#include "flightdeck/eval/Probabilistic.h"
#include "flightdeck/eval/Ranking.h"
#include "flightdeck/eval/Regression.h"
#include "flightdeck/eval/Report.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <random>
#include <string>
#include <vector>

using namespace flightdeck::eval;

namespace {

template <class T>
void writeRaw(const std::filesystem::path& path, const std::vector<T>& v)
{
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(T)));
}

double bestSeconds(int repeat, const std::function<void()>& f)
{
    double best = 1e300;
    for (int r = 0; r < repeat; ++r) {
        const auto start = std::chrono::steady_clock::now();
        f();
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}

volatile double sink = 0;  // keeps results alive
void keep(const Metric& m) { sink = sink + m.value; }

}  // namespace

int main(int argc, char** argv)
{
    std::size_t n = 1000000;
    int k = 10, repeat = 3;
    std::string python = "/usr/bin/python3";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--n")) n = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--classes")) k = std::stoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--repeat")) repeat = std::stoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--python")) python = argv[i + 1];
    }
    const auto K = static_cast<std::size_t>(k);

    // Realistic predictions: noisy softmax scores, scores rounded to 4 decimals (ties).
    std::mt19937_64 rng(2024);
    std::normal_distribution<double> noise(0, 1);
    std::uniform_real_distribution<double> unit(0, 1);
    std::vector<std::int32_t> yb(n), pb(n), ym(n), pm(n);
    std::vector<double> sb(n), probs(n * K), t(n), e(n);
    for (std::size_t i = 0; i < n; ++i) {
        yb[i] = unit(rng) < 0.3;
        sb[i] = std::round(1 / (1 + std::exp(-(noise(rng) + 1.2 * (2 * yb[i] - 1)))) * 1e4) / 1e4;
        pb[i] = sb[i] > 0.5;
        ym[i] = static_cast<std::int32_t>(rng() % K);
        double sum = 0;
        for (std::size_t c = 0; c < K; ++c)
            sum += probs[i * K + c] = std::exp(noise(rng) + (static_cast<std::int32_t>(c) == ym[i] ? 2 : 0));
        std::size_t best = 0;
        for (std::size_t c = 0; c < K; ++c) {
            probs[i * K + c] /= sum;
            if (probs[i * K + c] > probs[i * K + best]) best = c;
        }
        pm[i] = static_cast<std::int32_t>(best);
        t[i] = 100 + 20 * noise(rng);
        e[i] = t[i] + 5 * noise(rng);
    }
    const auto dir = std::filesystem::temp_directory_path() / "flightdeck_bench_eval";
    std::filesystem::create_directories(dir);
    writeRaw(dir / "binary_truth.i32", yb);
    writeRaw(dir / "binary_pred.i32", pb);
    writeRaw(dir / "binary_score.f64", sb);
    writeRaw(dir / "multi_truth.i32", ym);
    writeRaw(dir / "multi_pred.i32", pm);
    writeRaw(dir / "multi_probs.f64", probs);
    writeRaw(dir / "reg_truth.f64", t);
    writeRaw(dir / "reg_pred.f64", e);

    const std::string ks = std::to_string(k);
    std::vector<std::pair<std::string, std::function<void()>>> cases{
        {"accuracy", [&] { keep(accuracy(ym, pm, k)); }},
        {"balanced_accuracy", [&] { keep(balancedAccuracy(ym, pm, k)); }},
        {"precision_recall_f1 (macro)", [&] { keep(precisionRecallF1(ym, pm, k).macro.f1); }},
        {"confusion_matrix", [&] { sink = sink + double(confusionMatrix(ym, pm, k)[0][0]); }},
        {"roc_curve (binary)", [&] { sink = sink + rocCurve(yb, sb).fpr.size(); }},
        {"roc_auc (binary)", [&] { keep(rocAuc(yb, sb)); }},
        {"precision_recall_curve", [&] { sink = sink + precisionRecallCurve(yb, sb).recall.size(); }},
        {"average_precision", [&] { keep(averagePrecision(yb, sb)); }},
        {"brier (binary)", [&] { keep(brierScore(yb, sb)); }},
        {"calibration_curve uniform", [&] { sink = sink + calibrationCurve(yb, sb, 1, 10).probTrue.size(); }},
        {"calibration_curve quantile",
         [&] { sink = sink + calibrationCurve(yb, sb, 1, 10, BinStrategy::Quantile).probTrue.size(); }},
        {"log_loss (" + ks + " classes)", [&] { keep(logLoss(ym, probs, k)); }},
        {"top_5_accuracy (" + ks + " classes)", [&] { keep(topKAccuracy(ym, probs, k, 5)); }},
        {"roc_auc ovr macro (" + ks + " classes)", [&] { keep(rocAucOneVsRest(ym, probs, k, false).macro); }},
        {"regression (mse, mae, r2, mape, ev)", [&] {
             keep(meanSquaredError(t, e));
             keep(meanAbsoluteError(t, e));
             keep(r2Score(t, e));
             keep(meanAbsolutePercentageError(t, e));
             keep(explainedVariance(t, e));
         }},
    };
    std::vector<double> ours;
    for (const auto& c : cases)
        ours.push_back(bestSeconds(repeat, c.second));

    Predictions all;
    all.numClasses = k;
    all.truth = ym;
    all.pred = pm;
    all.probs = probs;
    const double report = bestSeconds(1, [&] { sink = sink + metricsReportJson(all).size(); });

    // The CLI path: a predictions CSV (binary, 10^6 rows) to the JSON report.
    const auto csvPath = dir / "binary.csv";
    {
        std::ofstream csv(csvPath);
        csv << "truth,pred,prob_0,prob_1\n";
        char line[128];
        for (std::size_t i = 0; i < n; ++i) {
            std::snprintf(line, sizeof line, "%d,%d,%.17g,%.17g\n", yb[i], pb[i], 1 - sb[i], sb[i]);
            csv << line;
        }
    }
    const double csvReport = bestSeconds(1, [&] { sink = sink + metricsReportFromCsv(csvPath).size(); });

    const std::string command = python + " " + FLIGHTDECK_BENCH_DIR "/bench_eval.py --dir " + dir.string()
                                + " --n " + std::to_string(n) + " --classes " + ks + " --repeat "
                                + std::to_string(repeat);
    std::string output;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buf[4096];
        while (std::fgets(buf, sizeof buf, pipe))
            output += buf;
        pclose(pipe);
    }
    nlohmann::json ref;
    try {
        ref = nlohmann::json::parse(output);
    } catch (const std::exception&) {
        std::cerr << "bench_eval: no timings from " << command << "\n";
    }

    std::printf("core/eval vs scikit-learn %s: n = %zu predictions (%d classes for multi-class), best of %d\n",
                ref.contains("sklearn") ? ref["sklearn"].get<std::string>().c_str() : "(not run)", n, k,
                repeat);
    std::printf("%-38s %12s %12s %10s\n", "metric", "C++ ms", "sklearn ms", "speed-up");
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const std::string& name = cases[i].first;
        const bool has = ref.contains("seconds") && ref["seconds"].contains(name);
        const double theirs = has ? ref["seconds"][name].get<double>() : NAN;
        std::printf("%-38s %12.2f %12s %9s\n", name.c_str(), ours[i] * 1e3,
                    has ? std::to_string(theirs * 1e3).substr(0, 10).c_str() : "-",
                    has ? (std::to_string(theirs / ours[i]).substr(0, 6) + "x").c_str() : "-");
    }
    std::printf("%-38s %12.2f   (every metric, curves and JSON for %d classes)\n",
                "full report (metricsReportJson)", report * 1e3, k);
    std::printf("%-38s %12.2f   (parse %zu rows + every binary metric and curve)\n",
                "CSV -> JSON report (metricsReportFromCsv)", csvReport * 1e3, n);
    std::filesystem::remove_all(dir);
    return 0;
}
