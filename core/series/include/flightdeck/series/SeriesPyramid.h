#pragma once
// One metric series (x = step, epoch or time; y = value) kept at every power-of-two
// resolution: level k holds, for each run of 2^k consecutive points, their first and last x,
// min, max and last value. A plot asks for the buckets covering its x range at about one per
// pixel column and draws the min/max band plus the last values, so a 1,000,000-step curve
// draws in O(pixels) and a single spike always shows (TensorBoard's 1,000 random samples hide
// it). Appending a point updates one bucket per level: O(log n), so live training streams in.
//
// Not finite values (NaN, +-inf) are counted per bucket and left out of min/max; a bucket of
// only such values has NaN min/max. Points must come in non-decreasing x (a metric's steps).
#include <cstdint>
#include <vector>

namespace flightdeck::series {

struct Bucket {
    double xFirst = 0, xLast = 0;
    double min = 0, max = 0;      // over the finite values; NaN when there are none
    double last = 0;              // the last value (finite or not)
    double sum = 0;               // of the finite values, for the bucket's mean
    std::int64_t count = 0;       // points in the bucket
    std::int64_t nonFinite = 0;   // NaN / inf among them

    // The mean of the finite values; NaN when there are none. A plot's line through the band.
    double mean() const;
};

class SeriesPyramid {
public:
    // Error(InvalidArgument) when x goes backwards.
    void append(double x, double y);
    // Many points at once: into an empty pyramid each level is built from the one below in
    // one pass (O(n), where n appends cost O(n log n)); the same buckets as appending one by
    // one. Error(InvalidArgument) when x goes backwards or the sizes differ.
    void append(const std::vector<double>& xs, const std::vector<double>& ys);
    void clear();

    std::size_t size() const { return xs_.size(); }
    int levels() const { return static_cast<int>(levels_.size()) + 1; }   // level 0 = raw
    // Level k's buckets (k = 0: one per point). Error(InvalidArgument) for a level not held.
    std::vector<Bucket> level(int k) const;

    // The buckets of the coarsest level that still gives at least `columns` buckets over the
    // points with x in [x0, x1] (all of them when there are fewer), so a plot gets one bucket
    // per pixel column or finer. Buckets are whole: the first and last may reach outside.
    std::vector<Bucket> query(double x0, double x1, std::size_t columns) const;

private:
    Bucket rawBucket(std::size_t i) const;
    std::vector<double> xs_, ys_;
    std::vector<std::vector<Bucket>> levels_;   // levels_[k - 1] is level k
};

}  // namespace flightdeck::series
