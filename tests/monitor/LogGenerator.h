#pragma once
// Writes a JSONL prediction log like the bench's: ts, request_id, model_version, latency_ms, a
// features object of 16 floats, prediction, confidence (~400 bytes a line). Shared by the
// constant-memory test and bench/bench_ingest.cpp.
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace monitortest {

// Returns the bytes written; stops at `lines` lines or `bytes` bytes, whichever comes first.
inline std::uint64_t writePredictionLog(const std::string& path, std::uint64_t lines,
                                        std::uint64_t bytes = UINT64_MAX, std::uint64_t seed = 1)
{
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f)
        return 0;
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> feat(0, 1);
    std::uniform_real_distribution<double> uni(0, 1);
    std::vector<char> buf(1 << 20);
    std::setvbuf(f, buf.data(), _IOFBF, buf.size());
    std::uint64_t written = 0;
    char line[1024];
    for (std::uint64_t i = 0; i < lines && written < bytes; ++i) {
        int n = std::snprintf(line, sizeof line,
                              "{\"ts\": %.3f, \"request_id\": \"req-%012llu\", \"model_version\": "
                              "\"v1.4.2\", \"latency_ms\": %.3f, \"features\": {",
                              1795420800.0 + static_cast<double>(i) * 0.01,
                              static_cast<unsigned long long>(i), 5 + 50 * uni(rng) * uni(rng));
        for (int k = 0; k < 16; ++k)
            n += std::snprintf(line + n, sizeof line - static_cast<std::size_t>(n),
                               "%s\"f%02d\": %.9f", k ? ", " : "", k, feat(rng));
        n += std::snprintf(line + n, sizeof line - static_cast<std::size_t>(n),
                           "}, \"prediction\": \"class_%d\", \"confidence\": %.6f}\n",
                           static_cast<int>(uni(rng) * 10), uni(rng));
        std::fwrite(line, 1, static_cast<std::size_t>(n), f);
        written += static_cast<std::uint64_t>(n);
    }
    std::fclose(f);
    return written;
}

}  // namespace monitortest
