// flightdeck-serve under a bounded loopback load next to the same TorchScript model served by
// Python's standard-library HTTP server (bench/serve_python.py) in the same run: p50/p99
// latency at 1 and 16 concurrent keep-alive clients, and throughput. The model is the
// Fashion-MNIST MLP shape (784-256-128-10) trained briefly on synthetic rows (serving cost does
// not depend on what the weights learned). The floor printed beside them is the model's own
// forward for one row, in process, without HTTP or JSON.
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/export/BundleExporter.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/model/Model.h"
#include "flightdeck/serve/BundleModel.h"
#include "flightdeck/serve/PredictionServer.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/Trainer.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>
#include <thread>

#include <csignal>
#include <unistd.h>

using namespace flightdeck;
using Clock = std::chrono::steady_clock;

namespace {

struct Load {
    double p50Ms = 0, p99Ms = 0, perSecond = 0;
    int failures = 0;
};

Load hammer(int port, int clients, int perClient, const std::vector<std::string>& bodies)
{
    std::vector<std::vector<double>> latencies(static_cast<std::size_t>(clients));
    std::atomic<int> failures{0};
    const auto start = Clock::now();
    std::vector<std::thread> threads;
    for (int t = 0; t < clients; ++t)
        threads.emplace_back([&, t] {
            httplib::Client c("127.0.0.1", port);
            c.set_keep_alive(true);
            c.set_tcp_nodelay(true);   // else Nagle + delayed ACK add 40 ms to every request
            c.set_read_timeout(30, 0);
            for (int i = 0; i < perClient; ++i) {
                const auto t0 = Clock::now();
                const auto r = c.Post("/predict", bodies[std::size_t(t * perClient + i) % bodies.size()],
                                      "application/json");
                latencies[std::size_t(t)].push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
                if (!r || r->status != 200)
                    ++failures;
            }
        });
    for (auto& t : threads)
        t.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::vector<double> all;
    for (const auto& l : latencies)
        all.insert(all.end(), l.begin(), l.end());
    std::sort(all.begin(), all.end());
    auto pct = [&](double p) { return all[std::min(all.size() - 1, std::size_t(p * double(all.size())))]; };
    return {pct(0.50), pct(0.99), double(all.size()) / seconds, failures.load()};
}

std::filesystem::path makeBundle(const std::filesystem::path& dir)
{
    auto project = store::Project::create(dir / "project");
    data::Table t;
    for (int f = 0; f < 784; ++f)
        t.featureNames.push_back("px" + std::to_string(f));
    t.labelName = "label";
    for (int c = 0; c < 10; ++c)
        t.classes.push_back("class" + std::to_string(c));
    std::mt19937 rng(1);
    std::uniform_real_distribution<float> u(0, 1);
    for (int r = 0; r < 2000; ++r) {
        for (int f = 0; f < 784; ++f)
            t.features.push_back(u(rng));
        t.labels.push_back(r % 10);
    }
    data::DatasetCatalog catalog(project);
    const auto v = catalog.addVersion("synthetic", t, "bench");
    const auto split = catalog.createSplit(v.id, {0.8, 0.1, 0.1}, 1);
    const auto spec = model::ArchitectureSpec::fromJson(
        R"({"name":"mlp","layers":[{"type":"linear","units":256},{"type":"relu"},)"
        R"({"type":"linear","units":128},{"type":"relu"}]})");
    const auto arch = store::ArchitectureRepository(project).save(spec.name, spec.toJson(), spec.hash());
    train::TrainConfig config;
    config.epochs = 1;
    const auto run = train::Trainer(project).run(v.id, split.id, arch, config);
    return exporting::BundleExporter(project).exportRun(run.runId, "fashion_mlp").bundleDir;
}

void row(const char* who, int clients, const Load& l)
{
    std::printf("%-22s %7d %10.3f %10.3f %12.0f %8d\n", who, clients, l.p50Ms, l.p99Ms, l.perSecond, l.failures);
}

}  // namespace

int main(int argc, char** argv)
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const int requests = argc > 1 ? std::atoi(argv[1]) : 4000;
    const auto dir = std::filesystem::temp_directory_path() / ("bench_serve_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto bundle = makeBundle(dir);
    std::mt19937 rng(2);
    std::uniform_real_distribution<float> u(0, 1);
    std::vector<std::string> bodies;
    std::vector<float> first;
    for (int b = 0; b < 64; ++b) {
        std::string s = "{\"features\":[";
        for (int f = 0; f < 784; ++f) {
            const float x = u(rng);
            if (b == 0)
                first.push_back(x);
            s += (f ? "," : "") + std::to_string(x);
        }
        bodies.push_back(s + "]}");
    }
    const auto model = serve::BundleModel::load(bundle);
    model::Model::setIntraOpThreads(1);   // as flightdeck-serve runs (its --intra-op-threads)
    // The floor: one row's forward in process, no HTTP, no JSON.
    const auto raw = model::Model::load(bundle / "model.pt");
    const auto f0 = Clock::now();
    for (int i = 0; i < 2000; ++i)
        raw.logits(first.data(), 1);
    const double forwardUs = std::chrono::duration<double, std::micro>(Clock::now() - f0).count() / 2000;

    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    serve::ServerOptions options;
    options.port = 0;
    options.threads = cores;
    serve::PredictionServer server(model, options);
    const int port = server.bind();
    std::thread serving([&] { server.listen(); });

    const int pyPort = port + 1;
    const std::string py = "/usr/bin/python3 " FLIGHTDECK_BENCH_DIR "/serve_python.py " + bundle.string() +
                           " " + std::to_string(pyPort);
    FILE* python = popen((py + " 2>&1").c_str(), "r");
    char ready[64] = {};
    const bool pyReady = python && std::fgets(ready, sizeof ready, python) && std::string(ready).rfind("ready", 0) == 0;

    std::printf("model 784-256-128-10 (TorchScript), %d requests per row, %d cores, in-process forward "
                "of one row: %.1f us\n\n", requests, cores, forwardUs);
    std::printf("%-22s %7s %10s %10s %12s %8s\n", "server", "clients", "p50 ms", "p99 ms", "requests/s", "failed");
    Load ours[2], theirs[2];
    const int clientCounts[2] = {1, 16};
    for (int k = 0; k < 2; ++k) {
        const int c = clientCounts[k];
        hammer(port, c, 50, bodies);   // warm-up
        ours[k] = hammer(port, c, requests / c, bodies);
        row("flightdeck-serve", c, ours[k]);
        if (pyReady) {
            hammer(pyPort, c, 50, bodies);
            theirs[k] = hammer(pyPort, c, requests / c, bodies);
            row("python http.server", c, theirs[k]);
        }
    }
    if (pyReady)
        for (int k = 0; k < 2; ++k)
            std::printf("\n%d client(s): throughput %.1fx Python's, p99 %.3f ms vs %.3f ms", clientCounts[k],
                        ours[k].perSecond / theirs[k].perSecond, ours[k].p99Ms, theirs[k].p99Ms);
    else
        std::printf("\n(python3-torch missing: no Python peer)");
    std::printf("\n");
    server.stop();
    serving.join();
    if (python) {
        std::system(("pkill -f 'serve_python.py " + bundle.string() + "'").c_str());
        pclose(python);
    }
    std::filesystem::remove_all(dir);
    return 0;
}
