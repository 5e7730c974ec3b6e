#pragma once
// TensorBoard's scalar smoothing, so a curve looks the same as there: a debiased exponential
// moving average (the first points are not pulled towards 0), non-finite values passed through
// and left out of the average, and a constant series left untouched.
#include <vector>

namespace flightdeck::series {

// weight in [0, 1): 0 = no smoothing. Error(InvalidArgument) outside that range.
std::vector<double> smoothDebiasedEma(const std::vector<double>& values, double weight);

}  // namespace flightdeck::series
