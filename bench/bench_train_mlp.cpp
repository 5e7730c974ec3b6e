// bench_train_mlp: trains MLP 784-256-128-10 (batch 128, Adam 1e-3) on Fashion-MNIST through
// Flightdeck's own Trainer in a temporary project, then the same model in Python torch
// (bench/train_mlp.py) on the same IDX files with the same thread count, and prints samples/s
// for both and their ratio. See bench/README.md.
//
//   bench_train_mlp [--threads N] [--epochs E] [--limit ROWS] [--data DIR] [--python PATH]
//                   [--no-python] [--log-every N]
#include "flightdeck/common/Error.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/IdxReader.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/Runtime.h"
#include "flightdeck/train/Trainer.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include <unistd.h>

namespace fs = std::filesystem;
using namespace flightdeck;

namespace {

struct Options {
    int threads = 2;
    int epochs = 1;
    int batch = 128;
    int logEvery = 1;
    std::size_t limit = 0;
    std::string dataDir = "/usr/share/datasets/fashion-mnist";
    std::string python;
    bool runPython = true;
};

void usage()
{
    std::puts("usage: bench_train_mlp [--threads N] [--epochs E] [--limit ROWS] [--data DIR]\n"
              "                       [--python PATH] [--no-python] [--log-every N]");
}

Options parse(int argc, char** argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                usage();
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--threads")
            o.threads = std::stoi(value());
        else if (a == "--epochs")
            o.epochs = std::stoi(value());
        else if (a == "--limit")
            o.limit = static_cast<std::size_t>(std::stoll(value()));
        else if (a == "--data")
            o.dataDir = value();
        else if (a == "--python")
            o.python = value();
        else if (a == "--no-python")
            o.runPython = false;
        else if (a == "--log-every")
            o.logEvery = std::stoi(value());
        else {
            usage();
            std::exit(a == "--help" || a == "-h" ? 0 : 2);
        }
    }
    return o;
}

// Same shape as Fashion-MNIST's training set (784 features in [0,1), 10 classes).
data::Table synthetic(std::size_t rows)
{
    data::Table t;
    for (int i = 0; i < 784; ++i)
        t.featureNames.push_back("px" + std::to_string(i));
    t.labelName = "label";
    for (int c = 0; c < 10; ++c)
        t.classes.push_back(std::to_string(c));
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    t.features.resize(rows * 784);
    for (auto& v : t.features)
        v = u(rng);
    t.labels.resize(rows);
    for (auto& l : t.labels)
        l = static_cast<std::int32_t>(rng() % 10);
    return t;
}

std::string shellQuote(const std::string& s)
{
    std::string out = "'";
    for (char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

bool hasTorch(const std::string& python)
{
    const std::string cmd = shellQuote(python) + " -c 'import torch, numpy' >/dev/null 2>&1";
    return std::system(cmd.c_str()) == 0;
}

std::string findPython(const Options& o)
{
    std::vector<std::string> candidates;
    if (!o.python.empty())
        candidates.push_back(o.python);
    if (const char* env = std::getenv("FLIGHTDECK_PYTHON"))
        candidates.emplace_back(env);
    candidates.emplace_back("/usr/bin/python3");   // Debian's python3-torch lives here
    candidates.emplace_back("python3");
    for (const auto& c : candidates)
        if (hasTorch(c))
            return c;
    return {};
}

// Runs the command and returns the value printed as "samples_per_sec=<x>" (0 on failure).
double runPythonBench(const std::string& cmd)
{
    std::FILE* pipe = ::popen(cmd.c_str(), "r");
    if (!pipe)
        return 0;
    double sps = 0;
    char line[512];
    while (std::fgets(line, sizeof line, pipe)) {
        std::fputs(("  python: " + std::string(line)).c_str(), stdout);
        double v = 0;
        if (std::sscanf(line, "samples_per_sec=%lf", &v) == 1)
            sps = v;
    }
    const int rc = ::pclose(pipe);
    return rc == 0 ? sps : 0;
}

}  // namespace

int main(int argc, char** argv)
{
    const Options o = parse(argc, argv);
    const fs::path images = fs::path(o.dataDir) / "train-images-idx3-ubyte.gz";
    const fs::path labels = fs::path(o.dataDir) / "train-labels-idx1-ubyte.gz";
    const bool real = fs::exists(images) && fs::exists(labels);

    try {
        data::Table table;
        if (real) {
            table = data::readIdxPair(images, labels, o.limit);
            std::printf("data: Fashion-MNIST %s, %zu rows x %zu features\n", o.dataDir.c_str(),
                        table.rows(), table.cols());
        } else {
            table = synthetic(o.limit ? o.limit : 60000);
            std::printf("data: %s not found; synthetic %zu rows x 784 (install dataset-fashion-mnist "
                        "for the real set)\n", o.dataDir.c_str(), table.rows());
        }

        const fs::path folder = fs::temp_directory_path() /
                                ("flightdeck-bench-" + std::to_string(::getpid()));
        struct Cleanup {
            fs::path p;
            ~Cleanup()
            {
                std::error_code ec;
                fs::remove_all(p, ec);
            }
        } cleanup{folder};
        auto project = store::Project::create(folder);
        data::DatasetCatalog catalog(project);
        const auto version = catalog.addVersion("fashion-mnist", table, "bench");
        const auto split = catalog.createSplit(version.id, {1.0, 0.0, 0.0}, 1);
        const auto spec = model::ArchitectureSpec::fromJson(
            R"({"name":"mlp-256-128","layers":[{"type":"linear","units":256},{"type":"relu"},)"
            R"({"type":"linear","units":128},{"type":"relu"}]})");
        const auto archId = store::ArchitectureRepository(project).save(spec.name, spec.toJson(),
                                                                         spec.hash());

        train::TrainConfig config;
        config.epochs = o.epochs;
        config.batchSize = o.batch;
        config.learningRate = 1e-3;
        config.threads = o.threads;
        config.device = "cpu";
        config.logEverySteps = o.logEvery;
        const auto t0 = std::chrono::steady_clock::now();
        const auto result = train::Trainer(project).run(version.id, split.id, archId, config);
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const auto info = train::runtimeInfo();
        std::printf("runtime: libtorch %s, %d threads, BLAS %s%s\n", info.torchVersion.c_str(),
                    info.threads, info.blas.c_str(),
                    info.blasIsReference ? "  <-- reference BLAS: expect ~30x slower" : "");
        std::printf("flightdeck: %d epoch(s), batch %d, final train loss %.4f, run wall %.2f s\n",
                    o.epochs, o.batch, result.finalTrainLoss, wall);
        std::printf("flightdeck samples/s: %.1f\n", result.samplesPerSecond);

        if (!o.runPython)
            return 0;
        const std::string python = findPython(o);
        if (python.empty()) {
            std::printf("python: no python3 with torch and numpy found; skipped\n");
            return 0;
        }
        std::string cmd = shellQuote(python) + " " +
                          shellQuote(std::string(FLIGHTDECK_BENCH_DIR) + "/train_mlp.py") +
                          " --threads " + std::to_string(o.threads) + " --epochs " +
                          std::to_string(o.epochs) + " --batch " + std::to_string(o.batch);
        if (real)
            cmd += " --images " + shellQuote(images.string()) + " --labels " + shellQuote(labels.string());
        else
            cmd += " --synthetic " + std::to_string(table.rows());
        if (o.limit)
            cmd += " --limit " + std::to_string(o.limit);
        const double py = runPythonBench(cmd);
        if (py <= 0) {
            std::printf("python: the reference run failed\n");
            return 1;
        }
        std::printf("python samples/s: %.1f\n", py);
        std::printf("ratio flightdeck/python: %.2f\n", result.samplesPerSecond / py);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_train_mlp: %s\n", e.what());
        return 1;
    }
    return 0;
}
