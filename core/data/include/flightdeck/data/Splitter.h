#pragma once
// Seeded stratified train/val/test split. Deterministic across platforms and library versions:
// it uses its own Fisher-Yates shuffle on a std::mt19937_64 stream, not std::shuffle.
#include <cstdint>
#include <string>
#include <vector>

namespace flightdeck::data {

struct SplitFractions {
    double train = 0.7;
    double val = 0.15;
    double test = 0.15;
};

struct Split {
    std::vector<std::uint32_t> train, val, test;   // row indices, each sorted ascending
};

// Per class: shuffle its rows with the seed, then take round(n*val) for val, round(n*test) for
// test and the rest for train. Fractions must be >= 0 and sum to 1 (+-1e-6), else
// Error(InvalidArgument).
Split stratifiedSplit(const std::vector<std::int32_t>& labels, int numClasses,
                      const SplitFractions& fractions, std::uint64_t seed);

std::string serializeSplit(const Split& split);
Split deserializeSplit(const std::string& bytes);

}  // namespace flightdeck::data
