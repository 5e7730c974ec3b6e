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

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>
#include <thread>

#include <csignal>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace flightdeck;
using Clock = std::chrono::steady_clock;

namespace {

struct Load {
    double p50Ms = 0, p99Ms = 0, perSecond = 0;
    int failures = 0;
};

// A lean keep-alive client: the request's bytes are built once, and an answer is read as far
// as its Content-Length. The load generator shares the cores with the server under test, so it
// must cost little per request; both servers gain the same from it.
class RawClient {
public:
    explicit RawClient(int port) : port_(port) { connect(); }
    ~RawClient() { ::close(fd_); }

    // The answer's status code, 0 when the connection failed. A server may close a keep-alive
    // connection after so many requests (httplib: 1000); then the request goes again on a new one.
    int post(const std::string& request)
    {
        const int status = exchange(request);
        if (status != 0)
            return status;
        connect();
        return exchange(request);
    }

private:
    void connect()
    {
        if (fd_ >= 0)
            ::close(fd_);
        buffer_.clear();
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        const int one = 1;
        ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(static_cast<std::uint16_t>(port_));
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ok_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    }

    int exchange(const std::string& request)
    {
        for (std::size_t sent = 0; ok_ && sent < request.size();) {
            const ssize_t n = ::send(fd_, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
            if (n <= 0)
                return ok_ = false, 0;
            sent += std::size_t(n);
        }
        std::size_t headerEnd;
        while (ok_ && (headerEnd = buffer_.find("\r\n\r\n")) == std::string::npos)
            fill();
        if (!ok_)
            return 0;
        const int status = std::atoi(buffer_.c_str() + 9);   // "HTTP/1.1 200"
        std::size_t length = 0;
        for (const char* key : {"Content-Length:", "content-length:"})
            if (const auto at = buffer_.find(key); at != std::string::npos && at < headerEnd)
                length = std::strtoul(buffer_.c_str() + at + 15, nullptr, 10);
        while (ok_ && buffer_.size() < headerEnd + 4 + length)
            fill();
        buffer_.erase(0, headerEnd + 4 + length);
        return ok_ ? status : 0;
    }

    void fill()
    {
        char chunk[16384];
        const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
        if (n <= 0)
            ok_ = false;
        else
            buffer_.append(chunk, std::size_t(n));
    }

    int port_;
    int fd_ = -1;
    bool ok_ = false;
    std::string buffer_;
};

std::vector<std::string> predictRequests(const std::vector<std::string>& bodies)
{
    std::vector<std::string> requests;
    for (const auto& b : bodies)
        requests.push_back("POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                           "Content-Length: " + std::to_string(b.size()) + "\r\n\r\n" + b);
    return requests;
}

Load hammer(int port, int clients, int perClient, const std::vector<std::string>& requests)
{
    std::vector<std::vector<double>> latencies(static_cast<std::size_t>(clients));
    std::atomic<int> failures{0};
    const auto start = Clock::now();
    std::vector<std::thread> threads;
    for (int t = 0; t < clients; ++t)
        threads.emplace_back([&, t] {
            RawClient c(port);
            latencies[std::size_t(t)].reserve(std::size_t(perClient));
            for (int i = 0; i < perClient; ++i) {
                const auto t0 = Clock::now();
                const int status = c.post(requests[std::size_t(t * perClient + i) % requests.size()]);
                latencies[std::size_t(t)].push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
                if (status != 200)
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
    // bench_serve [REQUESTS [--no-python]]
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
    // The floor: the forward in process, no HTTP, no JSON, per row at the batch sizes the
    // server's passes reach (a small model's pass is bound by reading its weights).
    const auto raw = model::Model::load(bundle / "model.pt");
    auto forwardUsPerRow = [&](int batch) {
        std::vector<float> rows;
        for (int b = 0; b < batch; ++b)
            rows.insert(rows.end(), first.begin(), first.end());
        const int calls = std::max(50, 2000 / batch);
        const auto f0 = Clock::now();
        for (int i = 0; i < calls; ++i)
            raw.logits(rows.data(), std::size_t(batch));
        return std::chrono::duration<double, std::micro>(Clock::now() - f0).count() / calls / batch;
    };
    raw.logits(first.data(), 1);
    const double forwardUs = forwardUsPerRow(1), forward16Us = forwardUsPerRow(16), forward64Us = forwardUsPerRow(64);

    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    serve::ServerOptions options;
    options.port = 0;
    // threads and batching: flightdeck-serve's defaults (ServerOptions)
    serve::PredictionServer server(model, options);
    const int port = server.bind();
    std::thread serving([&] { server.listen(); });

    // Python's two standard-library servers, each measured and the better one per row taken:
    // ThreadingHTTPServer (one process, the GIL) and ForkingMixIn (a process per connection).
    // OMP_NUM_THREADS=1 is their best setting: torch.set_num_threads(1) holds only on the main
    // thread, and request threads would run each product on every core.
    const bool withPython = !(argc > 2 && std::string(argv[2]) == "--no-python");
    struct Peer {
        const char* name;
        const char* mode;
        int port = 0;
        FILE* process = nullptr;
        bool ready = false;
    };
    Peer peers[2] = {{"python threading", ""}, {"python forking", " fork"}};
    for (int p = 0; p < 2 && withPython; ++p) {
        peers[p].port = port + 1 + p;
        const std::string py = "OMP_NUM_THREADS=1 /usr/bin/python3 " FLIGHTDECK_BENCH_DIR "/serve_python.py " +
                               bundle.string() + " " + std::to_string(peers[p].port) + peers[p].mode;
        peers[p].process = popen((py + " 2>&1").c_str(), "r");
        char ready[64] = {};
        peers[p].ready = peers[p].process && std::fgets(ready, sizeof ready, peers[p].process) &&
                         std::string(ready).rfind("ready", 0) == 0;
    }
    const bool pyReady = peers[0].ready || peers[1].ready;

    std::printf("model 784-256-128-10 (TorchScript), %d requests per row, %d cores\n"
                "in-process forward per row (the ceiling, one thread): %.1f us alone, %.1f us in 16, "
                "%.1f us in 64\n\n", requests, cores, forwardUs, forward16Us, forward64Us);
    std::printf("%-22s %7s %10s %10s %12s %8s\n", "server", "clients", "p50 ms", "p99 ms", "requests/s", "failed");
    constexpr int kRows = 3;
    const int clientCounts[kRows] = {1, 16, 64};
    Load ours[kRows], theirs[kRows];
    double bestOurs = 0, bestTheirs = 0;
    const auto requestsOut = predictRequests(bodies);
    for (int k = 0; k < kRows; ++k) {
        const int c = clientCounts[k];
        hammer(port, c, 50, requestsOut);   // warm-up
        const auto before = server.batchStats();
        ours[k] = hammer(port, c, requests / c, requestsOut);
        const auto after = server.batchStats();
        const double perPass = after.forwards > before.forwards
                                   ? double(after.rows - before.rows) / double(after.forwards - before.forwards)
                                   : 0.0;
        row("flightdeck-serve", c, ours[k]);
        std::printf("%-22s rows per forward pass: %.1f\n", "", perPass);
        bestOurs = std::max(bestOurs, ours[k].perSecond);
        for (const Peer& peer : peers) {
            if (!peer.ready)
                continue;
            hammer(peer.port, c, 50, requestsOut);
            const Load l = hammer(peer.port, c, requests / c, requestsOut);
            row(peer.name, c, l);
            if (l.perSecond > theirs[k].perSecond)
                theirs[k] = l;
        }
        bestTheirs = std::max(bestTheirs, theirs[k].perSecond);
    }
    // The HTTP floor of this machine: the same server and load generator on GET /health, no
    // body, no JSON, no model (what is left for the rest when the model costs nothing).
    const std::vector<std::string> health = {"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"};
    hammer(port, 16, 50, health);
    const Load floor16 = hammer(port, 16, requests / 16, health);
    row("GET /health (floor)", 16, floor16);
    if (pyReady) {
        for (int k = 0; k < kRows; ++k)
            std::printf("\n%2d client(s): throughput %.1fx Python's best, p99 %.3f ms vs %.3f ms", clientCounts[k],
                        ours[k].perSecond / theirs[k].perSecond, ours[k].p99Ms, theirs[k].p99Ms);
        std::printf("\nmaximum throughput: %.0f vs %.0f requests/s: %.1fx Python's", bestOurs, bestTheirs,
                    bestOurs / bestTheirs);
    } else {
        std::printf("\n(python3-torch missing or --no-python: no Python peer)");
    }
    std::printf("\n");
    server.stop();
    serving.join();
    if (withPython) {
        std::system(("pkill -f 'serve_python.py " + bundle.string() + "'").c_str());
        for (const Peer& peer : peers)
            if (peer.process)
                pclose(peer.process);
    }
    std::filesystem::remove_all(dir);
    return 0;
}
