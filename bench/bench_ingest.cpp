// Ingest benchmark for core/monitor: a generated JSONL prediction log (default 1,000,000 lines,
// ~400 MB: ts, request_id, model_version, latency_ms, 16 named float features, prediction,
// confidence) read by readLog (simdjson) and by Python's json module and
// pandas.read_json(lines=True) on the same file in the same run. Reports MB/s and peak RSS.
//   bench_ingest [--lines N] [--gb G] [--file PATH] [--no-python] [--python EXE] [--keep]
// --gb G writes a G GB log instead (the multi-GB constant-memory variant). The file goes to /tmp
// and is removed afterwards unless --keep. Peak RSS: VmHWM after resetting it through
// /proc/self/clear_refs (ours), resource.getrusage(RUSAGE_SELF).ru_maxrss (Python's).
#include "BenchSupport.h"
#include "flightdeck/monitor/LogReader.h"
#include "flightdeck/monitor/WindowAggregator.h"

#include "LogGenerator.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

using namespace flightdeck::monitor;

using flightdeck::bench::captureCommand;
using flightdeck::bench::resetPeak;
using flightdeck::bench::seconds;
using flightdeck::bench::statusKb;

namespace {

struct PyResult {
    bool ok = false;
    double seconds = 0;
    double maxRssMb = 0;
    std::string note;
};

PyResult runPython(const std::string& python, const std::string& script, const std::string& file)
{
    const std::string scriptPath = "/tmp/flightdeck_bench_ingest.py";
    std::ofstream(scriptPath) << script;
    const std::string cmd = python + " " + scriptPath + " " + file + " 2>&1";
    PyResult r;
    int status = 0;
    const std::string out = captureCommand(cmd, &status);
    std::remove(scriptPath.c_str());
    if (status == 0 && std::sscanf(out.c_str(), "RESULT %lf %lf", &r.seconds, &r.maxRssMb) == 2)
        r.ok = true;
    else
        r.note = out.substr(0, 300);
    return r;
}

const char* kPythonJson = R"(import json, resource, sys, time
t = time.perf_counter()
n = 0
s = 0.0
with open(sys.argv[1], 'rb') as f:
    for line in f:
        d = json.loads(line)
        s += sum(d['features'].values())
        n += 1
el = time.perf_counter() - t
print('RESULT', el, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, n)
)";

const char* kPandas = R"(import resource, sys, time
import pandas as pd
t = time.perf_counter()
df = pd.read_json(sys.argv[1], lines=True)
el = time.perf_counter() - t
print('RESULT', el, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, len(df))
)";

}  // namespace

int main(int argc, char** argv)
{
    std::uint64_t lines = 1000000;
    double gb = 0;
    std::string file;
    std::string python = "/usr/bin/python3";
    bool withPython = true, keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--lines" && i + 1 < argc)
            lines = std::strtoull(argv[++i], nullptr, 10);
        else if (a == "--gb" && i + 1 < argc)
            gb = std::atof(argv[++i]);
        else if (a == "--file" && i + 1 < argc)
            file = argv[++i];
        else if (a == "--python" && i + 1 < argc)
            python = argv[++i];
        else if (a == "--no-python")
            withPython = false;
        else if (a == "--keep")
            keep = true;
        else {
            std::fprintf(stderr, "usage: %s [--lines N] [--gb G] [--file PATH] [--no-python] "
                                 "[--python EXE] [--keep]\n", argv[0]);
            return 2;
        }
    }
    bool generated = false;
    if (file.empty()) {
        file = gb > 0 ? "/tmp/flightdeck_bench_ingest_big.jsonl" : "/tmp/flightdeck_bench_ingest.jsonl";
        const auto t0 = std::chrono::steady_clock::now();
        const std::uint64_t bytes = gb > 0
            ? monitortest::writePredictionLog(file, UINT64_MAX, static_cast<std::uint64_t>(gb * (1ull << 30)))
            : monitortest::writePredictionLog(file, lines);
        std::printf("generated %s: %.1f MB in %.1f s\n", file.c_str(), bytes / 1048576.0, seconds(t0));
        generated = true;
    }

    // Ours: the reader alone, then the reader feeding the window aggregator (1-minute windows).
    double mb = 0;
    for (int pass = 0; pass < 2; ++pass) {
        resetPeak();
        const long rssBefore = statusKb("VmRSS:");
        WindowAggregator agg(60);
        ReadStats stats;
        double sum = 0;
        const auto t0 = std::chrono::steady_clock::now();
        readLog(file, {}, [&](const PredictionRecord& r) {
            for (double f : r.features)
                sum += f;
            if (pass == 1)
                agg.add(r);
        }, stats);
        const double el = seconds(t0);
        if (pass == 1)
            (void)agg.windows();
        const long peak = statusKb("VmHWM:");
        mb = stats.bytes / 1048576.0;
        std::printf("%-34s %9.1f MB/s  %8.2f s  records %lld  peak RSS %.1f MB (+%.1f MB)  [checksum %.3f]\n",
                    pass == 0 ? "flightdeck readLog" : "flightdeck readLog + windows",
                    mb / el, el, static_cast<long long>(stats.records), peak / 1024.0,
                    (peak - rssBefore) / 1024.0, sum);
        if (pass == 0)
            std::printf("RESULT ours_mb_s %.1f seconds %.3f peak_mb %.1f\n", mb / el, el, peak / 1024.0);
    }
    if (withPython) {
        const PyResult js = runPython(python, kPythonJson, file);
        if (js.ok)
            std::printf("%-34s %9.1f MB/s  %8.2f s  peak RSS %.1f MB\n", "python json.loads per line",
                        mb / js.seconds, js.seconds, js.maxRssMb);
        else
            std::printf("python json: not run (%s)\n", js.note.c_str());
        const PyResult pd = runPython(python, kPandas, file);
        if (pd.ok)
            std::printf("%-34s %9.1f MB/s  %8.2f s  peak RSS %.1f MB\n",
                        "pandas.read_json(lines=True)", mb / pd.seconds, pd.seconds, pd.maxRssMb);
        else
            std::printf("pandas: not run (%s)\n", pd.note.c_str());
    }
    if (generated && !keep)
        std::remove(file.c_str());
    return 0;
}
