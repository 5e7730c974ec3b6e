#include "flightdeck/series/Smoothing.h"

#include "flightdeck/common/Error.h"

#include <algorithm>
#include <cmath>

namespace flightdeck::series {

std::vector<double> smoothDebiasedEma(const std::vector<double>& values, double weight)
{
    if (!(weight >= 0.0 && weight < 1.0))
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "smoothing",
                              "a weight from 0 to below 1, got " + std::to_string(weight)});
    const bool constant = std::all_of(values.begin(), values.end(),
                                      [&](double v) { return v == values.front(); });
    std::vector<double> out(values.size());
    double last = 0;
    int accumulated = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double v = values[i];
        if (constant || !std::isfinite(v)) {
            out[i] = v;
            continue;
        }
        last = last * weight + (1.0 - weight) * v;
        ++accumulated;
        out[i] = last / (1.0 - std::pow(weight, accumulated));
    }
    return out;
}

}  // namespace flightdeck::series
