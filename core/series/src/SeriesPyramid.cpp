#include "flightdeck/series/SeriesPyramid.h"

#include "flightdeck/common/Error.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace flightdeck::series {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Folds `b` (the later points) into `a`.
void merge(Bucket& a, const Bucket& b)
{
    if (a.count == 0) {
        a = b;
        return;
    }
    a.xLast = b.xLast;
    a.last = b.last;
    if (std::isnan(a.min)) {
        a.min = b.min;
        a.max = b.max;
    } else if (!std::isnan(b.min)) {
        a.min = std::min(a.min, b.min);
        a.max = std::max(a.max, b.max);
    }
    a.sum += b.sum;
    a.count += b.count;
    a.nonFinite += b.nonFinite;
}

}  // namespace

Bucket SeriesPyramid::rawBucket(std::size_t i) const
{
    const double y = ys_[i];
    const bool finite = std::isfinite(y);
    return Bucket{xs_[i], xs_[i], finite ? y : kNaN, finite ? y : kNaN, y, finite ? y : 0.0, 1,
                  finite ? 0 : 1};
}

double Bucket::mean() const
{
    const std::int64_t finite = count - nonFinite;
    return finite > 0 ? sum / static_cast<double>(finite) : kNaN;
}

void SeriesPyramid::append(double x, double y)
{
    if (!xs_.empty() && x < xs_.back())
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "x",
                              "points in non-decreasing x (a series' steps), got " +
                                  std::to_string(x) + " after " + std::to_string(xs_.back())});
    xs_.push_back(x);
    ys_.push_back(y);
    const std::size_t n = xs_.size(), i = n - 1;
    const Bucket point = rawBucket(i);
    // Level k's bucket for point i is i >> k. Levels go up until one bucket spans every point;
    // a level that appears is built from the one below, which already holds point i.
    for (std::size_t k = 1;; ++k) {
        if (levels_.size() < k) {
            const std::vector<Bucket> below = level(static_cast<int>(k - 1));
            std::vector<Bucket> fresh((below.size() + 1) / 2);
            for (std::size_t j = 0; j < below.size(); ++j)
                merge(fresh[j / 2], below[j]);
            levels_.push_back(std::move(fresh));
        } else {
            auto& buckets = levels_[k - 1];
            const std::size_t b = i >> k;
            if (buckets.size() <= b)
                buckets.emplace_back();
            merge(buckets[b], point);
        }
        if ((std::size_t(1) << k) >= n)
            break;
    }
}

void SeriesPyramid::append(const std::vector<double>& xs, const std::vector<double>& ys)
{
    if (xs.size() != ys.size())
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "points",
                              "as many x as y, got " + std::to_string(xs.size()) + " and " +
                                  std::to_string(ys.size())});
    if (!xs_.empty() || xs.size() < 2) {
        for (std::size_t i = 0; i < xs.size(); ++i)
            append(xs[i], ys[i]);
        return;
    }
    for (std::size_t i = 1; i < xs.size(); ++i)
        if (xs[i] < xs[i - 1])
            throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "x",
                                  "points in non-decreasing x (a series' steps), got " +
                                      std::to_string(xs[i]) + " after " + std::to_string(xs[i - 1])});
    xs_ = xs;
    ys_ = ys;
    // Level 1 from the raw points, then each level from the one below, until one bucket
    // spans every point (as append() leaves it).
    std::vector<Bucket> below((xs_.size() + 1) / 2);
    for (std::size_t i = 0; i < xs_.size(); ++i)
        merge(below[i / 2], rawBucket(i));
    levels_.push_back(std::move(below));
    while (levels_.back().size() > 1) {
        const auto& prev = levels_.back();
        std::vector<Bucket> next((prev.size() + 1) / 2);
        for (std::size_t j = 0; j < prev.size(); ++j)
            merge(next[j / 2], prev[j]);
        levels_.push_back(std::move(next));
    }
}

void SeriesPyramid::clear()
{
    xs_.clear();
    ys_.clear();
    levels_.clear();
}

std::vector<Bucket> SeriesPyramid::level(int k) const
{
    if (k < 0 || k >= levels())
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "level",
                              "0 to " + std::to_string(levels() - 1) + ", got " + std::to_string(k)});
    if (k > 0)
        return levels_[static_cast<std::size_t>(k - 1)];
    std::vector<Bucket> out;
    out.reserve(xs_.size());
    for (std::size_t i = 0; i < xs_.size(); ++i)
        out.push_back(rawBucket(i));
    return out;
}

std::vector<Bucket> SeriesPyramid::query(double x0, double x1, std::size_t columns) const
{
    if (xs_.empty() || x1 < x0)
        return {};
    const auto first = static_cast<std::size_t>(std::lower_bound(xs_.begin(), xs_.end(), x0) - xs_.begin());
    const auto end = static_cast<std::size_t>(std::upper_bound(xs_.begin(), xs_.end(), x1) - xs_.begin());
    if (first >= end)
        return {};
    const std::size_t n = end - first;
    columns = std::max<std::size_t>(columns, 1);
    int k = 0;
    while (k + 1 < levels() && (n >> (k + 1)) >= columns)
        ++k;
    std::vector<Bucket> out;
    if (k == 0) {
        for (std::size_t i = first; i < end; ++i)
            out.push_back(rawBucket(i));
        return out;
    }
    const auto& level = levels_[static_cast<std::size_t>(k - 1)];
    for (std::size_t b = first >> k; b <= (end - 1) >> k && b < level.size(); ++b)
        out.push_back(level[b]);
    return out;
}

}  // namespace flightdeck::series
