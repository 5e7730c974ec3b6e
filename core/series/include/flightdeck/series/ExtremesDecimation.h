#pragma once
// A long series cut down for a first draw without losing what a plot must show: the points are
// split into at most `buckets` runs of consecutive points, and each run keeps its first point,
// its lowest and highest finite value, and its last point (up to 4 per run, the M4 rule of
// Jugel et al., VLDB 2014). Drawn at up to `buckets` pixel columns, the kept points give the
// same min/max band and the same last values as the whole series, so a spike always shows.
// Not finite values are kept wherever they are a run's first or last point.
#include <cstddef>
#include <vector>

namespace flightdeck::series {

// Indices into values[0..n), ascending and distinct; all of them when n <= 4 * buckets.
// buckets == 0 is taken as 1.
std::vector<std::size_t> keepExtremes(const double* values, std::size_t n, std::size_t buckets);

}  // namespace flightdeck::series
