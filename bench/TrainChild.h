#pragma once
// One measurement of bench_train_mlp, run in a child process of its own so that each gets a
// fresh allocator (glibc tunables through the environment, or an LD_PRELOAD'ed allocator):
// Flightdeck's Trainer in a temporary project, a hand-written loop (TrainLoops.h), the ceiling,
// or the validation pass. Prints `epoch_samples_per_sec=a,b,c` and `samples_per_sec=<median>`.
#include "TrainLoops.h"

#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/IdxReader.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/model/GraphTemplates.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/Trainer.h"

#include <filesystem>
#include <random>

#include <unistd.h>

namespace flightdeck::bench {

struct ChildSpec {
    std::string what;        // trainer | loop:<ideas> | ceiling | val
    bool cnn = false;
    int threads = 2, epochs = 3, batch = 128, logEvery = 1;
    std::size_t limit = 0;   // rows (0 = all)
    std::string dataDir;
};

inline data::Table syntheticTable(std::size_t rows)
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

inline bool realData(const std::string& dir, std::filesystem::path* images, std::filesystem::path* labels)
{
    *images = std::filesystem::path(dir) / "train-images-idx3-ubyte.gz";
    *labels = std::filesystem::path(dir) / "train-labels-idx1-ubyte.gz";
    return std::filesystem::exists(*images) && std::filesystem::exists(*labels);
}

inline data::Table loadTable(const ChildSpec& s)
{
    std::filesystem::path images, labels;
    if (realData(s.dataDir, &images, &labels))
        return data::readIdxPair(images, labels, s.limit);
    return syntheticTable(s.limit ? s.limit : 60000);
}

// The table as 28x28 one-channel images (bytes), for an image version the CNN can train on.
inline data::ImageSet imagesOf(const data::Table& t)
{
    data::ImageSet set;
    set.channels = 1;
    set.height = set.width = 28;
    set.classes = t.classes;
    set.pixels.resize(t.features.size());
    for (std::size_t i = 0; i < t.features.size(); ++i)
        set.pixels[i] = static_cast<std::uint8_t>(std::lround(t.features[i] * 255.0f));
    for (std::size_t r = 0; r < t.rows(); ++r)
        set.names.push_back("train/" + std::to_string(r));
    set.labels = t.labels;
    return set;
}

inline std::string joinRates(const std::vector<double>& v)
{
    std::string out;
    for (double r : v)
        out += (out.empty() ? "" : ",") + std::to_string(r);
    return out;
}

inline double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

inline void printRates(const std::vector<double>& rates)
{
    std::printf("epoch_samples_per_sec=%s\nsamples_per_sec=%.1f\n", joinRates(rates).c_str(),
                median(rates));
}

inline int runTrainerChild(const ChildSpec& s, const data::Table& table)
{
    namespace fs = std::filesystem;
    const fs::path folder = fs::temp_directory_path() / ("flightdeck-bench-" + std::to_string(::getpid()));
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
    store::Id archId = 0;
    store::DatasetVersionRecord version;
    if (s.cnn) {
        version = catalog.addImageVersion("fashion-mnist", imagesOf(table), "bench");
        const auto graph = model::graphTemplate("fashion_cnn");
        archId = store::ArchitectureRepository(project).save(graph.name, graph.toJson(), graph.hash());
    } else {
        version = catalog.addVersion("fashion-mnist", table, "bench");
        const auto spec = model::ArchitectureSpec::fromJson(
            R"({"name":"mlp-256-128","layers":[{"type":"linear","units":256},{"type":"relu"},)"
            R"({"type":"linear","units":128},{"type":"relu"}]})");
        archId = store::ArchitectureRepository(project).save(spec.name, spec.toJson(), spec.hash());
    }
    const auto split = catalog.createSplit(version.id, {1.0, 0.0, 0.0}, 1);
    train::TrainConfig config;
    config.epochs = s.epochs;
    config.batchSize = s.batch;
    config.learningRate = 1e-3;
    config.threads = s.threads;
    config.device = "cpu";
    config.logEverySteps = s.logEvery;
    std::vector<double> rates;
    train::TrainCallbacks cb;
    cb.onMetric = [&](const store::MetricRecord& m) {
        if (m.key == "train/samples_per_second")
            rates.push_back(m.value);
    };
    const auto result = train::Trainer(project).run(version.id, split.id, archId, config, cb);
    std::printf("final_train_loss=%.4f\n", result.finalTrainLoss);
    printRates(rates);
    return 0;
}

inline int runChild(const ChildSpec& s)
{
    torch::set_num_threads(s.threads);
    const data::Table table = loadTable(s);
    if (s.what == "trainer")
        return runTrainerChild(s, table);
    if (s.what == "ceiling") {
        std::vector<double> r;
        for (int i = 0; i < 5; ++i)
            r.push_back(ceiling(s.cnn, s.batch, s.cnn ? 20 : 400));
        printRates(r);
        return 0;
    }
    auto x = torch::from_blob(const_cast<float*>(table.features.data()),
                              {std::int64_t(table.rows()), std::int64_t(table.cols())}, torch::kFloat).clone();
    std::vector<std::int64_t> y64(table.labels.begin(), table.labels.end());
    const auto y = torch::tensor(y64, torch::kLong);
    if (s.what == "val") {
        const ValTimes t = validationTimes(s.cnn, x.narrow(0, 0, std::min<std::int64_t>(x.size(0), 10240)), 5);
        std::printf("val_ms grad=%.1f no_grad=%.1f inference_mode=%.1f\n", t.grad, t.noGrad, t.inference);
        return 0;
    }
    if (s.what.rfind("loop:", 0) == 0) {
        const LoopResult r = runLoop(s.cnn, parseIdeas(s.what.substr(5)), x, y, s.epochs, s.batch, 1e-3, 42);
        std::printf("final_train_loss=%.4f\n", r.lastEpochLoss);
        printRates(r.rates);
        return 0;
    }
    std::fprintf(stderr, "unknown child %s\n", s.what.c_str());
    return 2;
}

}  // namespace flightdeck::bench
