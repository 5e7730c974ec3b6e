#pragma once
// What the benchmarks here do the same way: peak RSS of this process (VmHWM, reset through
// /proc/self/clear_refs before each measured step), wall time, and running the Python peer.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

namespace flightdeck::bench {

// A /proc/self/status field in kB ("VmRSS:", "VmHWM:"), -1 when absent.
inline long statusKb(const char* key)
{
    std::ifstream in("/proc/self/status");
    std::string k;
    while (in >> k) {
        if (k == key) {
            long v = -1;
            in >> v;
            return v;
        }
        std::getline(in, k);
    }
    return -1;
}

// Makes VmHWM start again from the current RSS.
inline void resetPeak() { std::ofstream("/proc/self/clear_refs") << "5"; }

inline double seconds(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Runs a shell command and returns its standard output; *status is pclose's (-1 when the
// command could not be started).
inline std::string captureCommand(const std::string& command, int* status)
{
    std::string out;
    std::FILE* p = popen(command.c_str(), "r");
    if (!p) {
        *status = -1;
        return out;
    }
    char buf[4096];
    while (std::fgets(buf, sizeof buf, p))
        out += buf;
    *status = pclose(p);
    return out;
}

}  // namespace flightdeck::bench
