#pragma once
// Internal: doubles as order-preserving 64-bit keys, and an LSD radix sort for them. Sorting
// plain keys (no payload) is what makes a 10^6-sample ROC curve take milliseconds.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

namespace flightdeck::eval::detail {

// Ascending keys <=> ascending doubles. -0.0 is folded into +0.0 first (NumPy treats them as one
// value when it looks for distinct thresholds). NaN must be rejected before.
inline std::uint64_t sortKey(double v)
{
    v += 0.0;
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    return (bits >> 63) ? ~bits : bits | 0x8000000000000000ULL;
}

inline double fromSortKey(std::uint64_t key)
{
    const std::uint64_t bits = (key >> 63) ? key & 0x7fffffffffffffffULL : ~key;
    double v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
}

// Sorts ascending: LSD radix sort with 8-bit digits (8 passes at most; a digit that is the same
// in every key is skipped, e.g. the top byte of probabilities). 8-bit digits measured faster
// than 11 or 16 here (the counters stay in L1). `scratch` is resized as needed and can be
// reused between calls.
inline void radixSort(std::vector<std::uint64_t>& keys, std::vector<std::uint64_t>& scratch)
{
    const std::size_t n = keys.size();
    if (n < 1024) {
        std::sort(keys.begin(), keys.end());
        return;
    }
    constexpr int kBits = 8, kPasses = 8;
    constexpr std::size_t kBuckets = std::size_t(1) << kBits;
    std::vector<std::array<std::size_t, kBuckets>> hist(kPasses);
    for (auto& h : hist)
        h.fill(0);
    for (const std::uint64_t k : keys)
        for (int b = 0; b < kPasses; ++b)
            ++hist[b][(k >> (kBits * b)) & (kBuckets - 1)];
    scratch.resize(n);
    std::uint64_t* src = keys.data();
    std::uint64_t* dst = scratch.data();
    for (int b = 0; b < kPasses; ++b) {
        auto& h = hist[b];
        if (std::any_of(h.begin(), h.end(), [n](std::size_t c) { return c == n; }))
            continue;
        std::size_t offset = 0;
        for (auto& c : h) {
            const std::size_t count = c;
            c = offset;
            offset += count;
        }
        const int shift = kBits * b;
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint64_t k = src[i];
            dst[h[(k >> shift) & (kBuckets - 1)]++] = k;
        }
        std::swap(src, dst);
    }
    if (src != keys.data())
        std::memcpy(keys.data(), src, n * sizeof(std::uint64_t));
}

}  // namespace flightdeck::eval::detail
