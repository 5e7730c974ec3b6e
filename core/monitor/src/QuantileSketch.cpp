#include "flightdeck/monitor/QuantileSketch.h"

#include "flightdeck/common/Error.h"

#include <cmath>

namespace flightdeck::monitor {

namespace {
constexpr double kZeroBelow = 1e-9;
}

QuantileSketch::QuantileSketch(double relativeError)
    : alpha_(relativeError),
      gamma_((1 + relativeError) / (1 - relativeError)),
      logGamma_(std::log((1 + relativeError) / (1 - relativeError)))
{
    if (!(relativeError > 0 && relativeError < 1))
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "relativeError",
                              "must be between 0 and 1"});
}

void QuantileSketch::add(double value, std::int64_t count)
{
    if (!(value >= 0) || !std::isfinite(value))
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "latency_ms",
                              "not a finite non-negative number"});
    count_ += count;
    if (value <= kZeroBelow) {
        zeros_ += count;
        return;
    }
    bins_[static_cast<int>(std::ceil(std::log(value) / logGamma_))] += count;
}

void QuantileSketch::merge(const QuantileSketch& other)
{
    if (other.alpha_ != alpha_)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "relativeError",
                              "sketches with different accuracy cannot be merged"});
    zeros_ += other.zeros_;
    count_ += other.count_;
    for (const auto& [k, c] : other.bins_)
        bins_[k] += c;
}

double QuantileSketch::percentile(double percent) const
{
    if (count_ == 0)
        return 0;
    auto rank = static_cast<std::int64_t>(std::ceil(percent / 100.0 * static_cast<double>(count_)
                                                    - 1e-9));
    rank = std::max<std::int64_t>(1, std::min(rank, count_));
    std::int64_t seen = zeros_;
    if (seen >= rank)
        return 0;
    for (const auto& [k, c] : bins_) {
        seen += c;
        if (seen >= rank)
            return 2 * std::pow(gamma_, k) / (gamma_ + 1);
    }
    return 2 * std::pow(gamma_, bins_.rbegin()->first) / (gamma_ + 1);
}

}  // namespace flightdeck::monitor
