// bench_train_mlp: Flightdeck's Trainer against the fastest PyTorch loop we could write in
// Python and in C++, with the ceiling of the same run, for the MLP 784-256-128-10 and the
// fashion_cnn template (batch 128, Adam 1e-3, Fashion-MNIST). Every figure is the median of
// the epochs of one child process (TrainChild.h); each allocator setting is a fresh process.
// See bench/README.md.
//
//   bench_train_mlp [--models mlp,cnn] [--threads N] [--epochs E] [--limit ROWS]
//                   [--cnn-limit ROWS] [--data DIR] [--python PATH] [--no-python]
//                   [--allocs LIST] [--ideas LIST] [--loop-allocs LIST] [--log-every N]
//   bench_train_mlp --child trainer|loop:<ideas>|ceiling|val --model mlp|cnn ...
#include "TrainChild.h"

#include "flightdeck/train/Runtime.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>

using namespace flightdeck;
using namespace flightdeck::bench;

namespace {

const char* kLib = "/usr/lib/x86_64-linux-gnu/";
// Allocator settings, as an environment prefix for the child (glibc reads its tunables at
// start; MALLOC_MMAP_THRESHOLD_=N is mallopt(M_MMAP_THRESHOLD, N) in main()).
std::map<std::string, std::string> allocators()
{
    return {{"glibc", ""},
            {"mmap64", "MALLOC_MMAP_THRESHOLD_=67108864"},
            {"mmap64+trim", "MALLOC_MMAP_THRESHOLD_=67108864 MALLOC_TRIM_THRESHOLD_=268435456 "
                            "MALLOC_TOP_PAD_=67108864"},
            {"jemalloc", std::string("LD_PRELOAD=") + kLib + "libjemalloc.so.2"},
            {"tcmalloc", std::string("LD_PRELOAD=") + kLib + "libtcmalloc_minimal.so.4"},
            // libgomp's idle threads sleep instead of spinning (helps when something else,
            // such as the GUI thread, wants one of the cores).
            {"passive", "OMP_WAIT_POLICY=PASSIVE"},
            {"jemalloc+passive", std::string("OMP_WAIT_POLICY=PASSIVE LD_PRELOAD=") + kLib +
                                     "libjemalloc.so.2"}};
}

bool allocatorPresent(const std::string& name)
{
    const std::string env = allocators().at(name);
    const auto p = env.find("LD_PRELOAD=");
    return p == std::string::npos || std::filesystem::exists(env.substr(p + 11));
}

std::vector<std::string> splitList(const std::string& s)
{
    std::vector<std::string> out;
    std::stringstream in(s);
    std::string w;
    while (std::getline(in, w, ','))
        if (!w.empty())
            out.push_back(w);
    return out;
}

struct Options {
    ChildSpec child;
    bool isChild = false;
    std::vector<std::string> models{"mlp", "cnn"};
    std::vector<std::string> allocs{"glibc", "mmap64", "mmap64+trim", "jemalloc", "tcmalloc"};
    std::vector<std::string> loopAllocs{"glibc", "mmap64+trim"};
    std::vector<std::string> ideas{"baseline", "reuse", "flat", "fused", "noitem", "hoist",
                                   "prefetch", "none", "manual", "reuse+fused+noitem+hoist",
                                   "manual+reuse+noitem+hoist"};
    std::size_t limit = 0, cnnLimit = 3072;
    std::string python;
    bool runPython = true;
};

Options parse(int argc, char** argv)
{
    Options o;
    o.child.dataDir = "/usr/share/datasets/fashion-mnist";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--child") { o.isChild = true; o.child.what = value(); }
        else if (a == "--model") o.child.cnn = value() == "cnn";
        else if (a == "--models") o.models = splitList(value());
        else if (a == "--threads") o.child.threads = std::stoi(value());
        else if (a == "--epochs") o.child.epochs = std::stoi(value());
        else if (a == "--limit") o.limit = o.child.limit = std::stoull(value());
        else if (a == "--cnn-limit") o.cnnLimit = std::stoull(value());
        else if (a == "--data") o.child.dataDir = value();
        else if (a == "--python") o.python = value();
        else if (a == "--no-python") o.runPython = false;
        else if (a == "--allocs") o.allocs = splitList(value());
        else if (a == "--loop-allocs") o.loopAllocs = splitList(value());
        else if (a == "--ideas") o.ideas = splitList(value());
        else if (a == "--log-every") o.child.logEvery = std::stoi(value());
        else {
            std::puts("usage: bench_train_mlp [--models mlp,cnn] [--threads N] [--epochs E] [--limit ROWS]\n"
                      "  [--cnn-limit ROWS] [--data DIR] [--python PATH] [--no-python] [--allocs LIST]\n"
                      "  [--loop-allocs LIST] [--ideas LIST] [--log-every N]");
            std::exit(a == "--help" || a == "-h" ? 0 : 2);
        }
    }
    return o;
}

std::string quote(const std::string& s)
{
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string findPython(const Options& o)
{
    std::vector<std::string> c;
    if (!o.python.empty())
        c.push_back(o.python);
    if (const char* env = std::getenv("FLIGHTDECK_PYTHON"))
        c.emplace_back(env);
    c.emplace_back("/usr/bin/python3");   // Debian's python3-torch lives here
    c.emplace_back("python3");
    for (const auto& p : c) {
        int st = 0;
        captureCommand(quote(p) + " -c 'import torch, numpy' 2>/dev/null", &st);
        if (st == 0)
            return p;
    }
    return {};
}

std::string loadNow();

struct Figure {
    std::vector<double> rates;
    double median = 0;
    std::string loss, load;
};

Figure measure(const std::string& command)
{
    int st = 0;
    const std::string load = loadNow();
    const std::string out = captureCommand(command + " 2>&1", &st);
    Figure f;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("epoch_samples_per_sec=", 0) == 0)
            for (const auto& w : splitList(line.substr(22)))
                f.rates.push_back(std::stod(w));
        else if (line.rfind("final_train_loss=", 0) == 0 || line.rfind("torch=", 0) == 0)
            f.loss = line.substr(line.find("loss") + 4);
        else if (line.rfind("val_ms", 0) == 0)
            std::printf("    %s\n", line.c_str());
    }
    f.load = load.substr(0, load.find(' '));
    if (command.find("'val'") != std::string::npos)
        return f;
    if (st != 0 || f.rates.empty()) {
        std::printf("    FAILED (%d): %s\n%s\n", st, command.c_str(), out.c_str());
        return f;
    }
    // The ceiling is a limit: another process can only lower it, so its figure is the best rep.
    f.median = command.find("'ceiling'") != std::string::npos
                   ? *std::max_element(f.rates.begin(), f.rates.end())
                   : median(f.rates);
    return f;
}

void row(const std::string& model, const std::string& side, const std::string& alloc,
         const Figure& f, double pythonBest, double ceil)
{
    if (f.rates.empty())
        return;
    const auto [lo, hi] = std::minmax_element(f.rates.begin(), f.rates.end());
    std::printf("| %s | %-34s | %-11s | %9.0f | %7.0f-%-7.0f | %s | %s | %s |%s\n", model.c_str(),
                side.c_str(), alloc.c_str(), f.median, *lo, *hi, f.load.c_str(),
                pythonBest > 0 ? (std::to_string(f.median / pythonBest).substr(0, 4) + "x").c_str() : "",
                ceil > 0 ? (std::to_string(int(100 * f.median / ceil + 0.5)) + " %").c_str() : "",
                f.loss.empty() ? "" : (" loss" + f.loss).c_str());
    std::fflush(stdout);
}

std::string loadNow()
{
    std::FILE* f = std::fopen("/proc/loadavg", "r");
    char b[64] = {};
    if (f) {
        if (!std::fgets(b, sizeof b, f))
            b[0] = 0;
        std::fclose(f);
    }
    std::string s = b;
    return s.substr(0, s.find(' ', s.find(' ', s.find(' ') + 1) + 1));
}

}  // namespace

int main(int argc, char** argv)
{
    Options o = parse(argc, argv);
    try {
        if (o.isChild)
            return runChild(o.child);
        std::filesystem::path images, labels;
        const bool real = realData(o.child.dataDir, &images, &labels);
        const auto info = train::runtimeInfo();
        std::printf("data: %s; threads %d; libtorch %s; BLAS %s%s; load %s\n",
                    real ? ("Fashion-MNIST " + o.child.dataDir).c_str() : "synthetic (no Fashion-MNIST)",
                    o.child.threads, info.torchVersion.c_str(), info.blas.c_str(),
                    info.blasIsReference ? " <-- reference BLAS: expect ~30x slower" : "",
                    loadNow().c_str());
        const std::string python = o.runPython ? findPython(o) : std::string();
        if (o.runPython && python.empty())
            std::printf("python: no python3 with torch and numpy; skipped\n");
        const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
        for (const auto& model : o.models) {
            const bool cnn = model == "cnn";
            const std::size_t limit = cnn ? o.cnnLimit : o.limit;
            auto childCmd = [&](const std::string& alloc, const std::string& what) {
                std::string c = "env " + allocators().at(alloc) + " " + quote(self) + " --child " +
                                quote(what) + " --model " + model + " --threads " +
                                std::to_string(o.child.threads) + " --epochs " +
                                std::to_string(o.child.epochs) + " --data " + quote(o.child.dataDir) +
                                " --log-every " + std::to_string(o.child.logEvery);
                return limit ? c + " --limit " + std::to_string(limit) : c;
            };
            std::printf("\n%s (%zu rows, %d epochs each; figures are the median epoch; load %s)\n",
                        model.c_str(), limit ? limit : std::size_t(60000), o.child.epochs,
                        loadNow().c_str());
            const Figure ceil = measure(childCmd("glibc", "ceiling"));
            measure(childCmd("glibc", "val"));
            // Python first: its best figure is what every ratio is against.
            std::vector<std::pair<std::string, std::pair<std::string, Figure>>> py;
            double pyBest = 0;
            if (!python.empty()) {
                for (const std::string variant : {"plain", "shipped"})
                    for (const auto& alloc : o.allocs) {
                        if (!allocatorPresent(alloc) || (variant == "shipped" && alloc != "glibc" && alloc != "mmap64"))
                            continue;
                        std::string c = "env " + allocators().at(alloc) + " " + quote(python) + " " +
                                        quote(std::string(FLIGHTDECK_BENCH_DIR) + "/train_mlp.py") +
                                        " --model " + model + " --variant " + variant + " --threads " +
                                        std::to_string(o.child.threads) + " --epochs " +
                                        std::to_string(o.child.epochs);
                        c += real ? " --images " + quote(images.string()) + " --labels " + quote(labels.string())
                                  : " --synthetic " + std::to_string(limit ? limit : 60000);
                        if (limit)
                            c += " --limit " + std::to_string(limit);
                        py.push_back({variant, {alloc, measure(c)}});
                        pyBest = std::max(pyBest, py.back().second.second.median);
                    }
            }
            std::printf("| model | side | allocator | samples/s | epochs min-max | load | vs best Python | of ceiling |\n"
                        "|---|---|---|---|---|---|---|---|\n");
            row(model, "ceiling (products alone, best of 5)", "glibc", ceil, pyBest, 0);
            for (const auto& [variant, f] : py)
                row(model, "Python " + variant, f.first, f.second, pyBest, ceil.median);
            for (const auto& alloc : o.allocs)
                if (allocatorPresent(alloc))
                    row(model, "Flightdeck Trainer", alloc, measure(childCmd(alloc, "trainer")), pyBest,
                        ceil.median);
            for (const auto& alloc : o.loopAllocs)
                for (const auto& idea : o.ideas) {
                    if (cnn && idea.find("manual") != std::string::npos)
                        continue;
                    row(model, "C++ loop " + idea, alloc, measure(childCmd(alloc, "loop:" + idea)),
                        pyBest, ceil.median);
                }
        }
        std::printf("\nload at the end %s\n", loadNow().c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_train_mlp: %s\n", e.what());
        return 1;
    }
    return 0;
}
