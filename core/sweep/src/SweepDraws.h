#pragma once
// Internal to core/sweep: the random search's draws. std::mt19937_64's sequence is fixed by
// the standard, but the std:: distributions are not (libstdc++ and libc++ differ), so the
// mapping from bits to values is written here and a seed means the same trials everywhere.
#include <cstddef>
#include <cstdint>
#include <random>

namespace flightdeck::sweep::detail {

class Draws {
public:
    explicit Draws(std::uint64_t seed) : rng_(seed) {}
    // Uniform in [0, 1) from the top 53 bits.
    double unit();
    // Uniform in [0, n) without modulo bias; n > 0.
    std::size_t below(std::size_t n);
    // Log-uniform in [low, high], rounded to 4 significant digits (a learning rate of
    // 0.0031622776601683794 helps nobody read a table), kept inside the range.
    double logUniform(double low, double high);

private:
    std::mt19937_64 rng_;
};

}  // namespace flightdeck::sweep::detail
