#include "SweepDraws.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace flightdeck::sweep::detail {

double Draws::unit()
{
    return static_cast<double>(rng_() >> 11) * 0x1.0p-53;
}

std::size_t Draws::below(std::size_t n)
{
    const std::uint64_t bound = static_cast<std::uint64_t>(n);
    const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t limit = max - max % bound;   // draws at or above it would favour low values
    std::uint64_t v = rng_();
    while (v >= limit)
        v = rng_();
    return static_cast<std::size_t>(v % bound);
}

double Draws::logUniform(double low, double high)
{
    const double v = std::exp(std::log(low) + unit() * (std::log(high) - std::log(low)));
    const double scale = std::pow(10.0, 3 - std::floor(std::log10(v)));
    return std::clamp(std::round(v * scale) / scale, low, high);
}

}  // namespace flightdeck::sweep::detail
