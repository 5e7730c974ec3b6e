#pragma once
// What every benchmark here measures the same way: peak RSS of this process (VmHWM, reset
// through /proc/self/clear_refs before each measured step) and wall time.
#include <chrono>
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

}  // namespace flightdeck::bench
