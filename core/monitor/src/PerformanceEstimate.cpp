#include "flightdeck/monitor/PerformanceEstimate.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "ProfileJson.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace flightdeck::monitor {

namespace {

[[noreturn]] void badArgument(const std::string& field, const std::string& detail)
{
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, field, detail});
}

// scikit-learn's fit: the distinct x ascending, y = weighted mean of the rows at each x, then
// pool adjacent violators (a block's value is its weighted mean), then the points inside flat
// runs dropped (they change nothing under linear interpolation).
void fitIsotonic(const std::vector<double>& x, const std::vector<std::uint8_t>& y,
                 std::vector<double>* knots, std::vector<double>* values)
{
    std::vector<std::size_t> order(x.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return x[a] < x[b] || (x[a] == x[b] && y[a] < y[b]);
    });
    std::vector<double> ux, uy, uw;
    for (std::size_t i : order) {
        if (ux.empty() || x[i] != ux.back()) {
            ux.push_back(x[i]);
            uy.push_back(0);
            uw.push_back(0);
        }
        uy.back() += y[i];
        uw.back() += 1;
    }
    for (std::size_t i = 0; i < uy.size(); ++i)
        uy[i] /= uw[i];
    // PAV over blocks [start, end).
    struct Block { double sumWy, sumW; std::size_t start, end; };
    std::vector<Block> blocks;
    for (std::size_t i = 0; i < ux.size(); ++i) {
        blocks.push_back({uy[i] * uw[i], uw[i], i, i + 1});
        while (blocks.size() > 1) {
            Block& b = blocks[blocks.size() - 1];
            Block& a = blocks[blocks.size() - 2];
            if (a.sumWy / a.sumW <= b.sumWy / b.sumW)
                break;
            a.sumWy += b.sumWy;
            a.sumW += b.sumW;
            a.end = b.end;
            blocks.pop_back();
        }
    }
    std::vector<double> fitted(ux.size());
    for (const Block& b : blocks)
        std::fill(fitted.begin() + static_cast<std::ptrdiff_t>(b.start),
                  fitted.begin() + static_cast<std::ptrdiff_t>(b.end), b.sumWy / b.sumW);
    for (std::size_t i = 0; i < ux.size(); ++i) {
        const bool inner = i > 0 && i + 1 < ux.size();
        if (inner && fitted[i - 1] == fitted[i] && fitted[i] == fitted[i + 1])
            continue;
        knots->push_back(ux[i]);
        values->push_back(fitted[i]);
    }
}

// numpy.interp with the ends clipped.
double interpolate(const std::vector<double>& x, const std::vector<double>& y, double t)
{
    if (t <= x.front())
        return y.front();
    if (t >= x.back())
        return y.back();
    const std::size_t j = static_cast<std::size_t>(
        std::upper_bound(x.begin(), x.end(), t) - x.begin());  // x[j-1] <= t < x[j]
    const double slope = (y[j] - y[j - 1]) / (x[j] - x[j - 1]);
    return slope * (t - x[j - 1]) + y[j - 1];
}

}  // namespace

const char* calibrationMethodName(CalibrationMethod method)
{
    return method == CalibrationMethod::Isotonic ? "isotonic" : "histogram";
}

ConfidenceCalibration ConfidenceCalibration::fit(const std::vector<double>& confidence,
                                                 const std::vector<std::uint8_t>& correct,
                                                 CalibrationMethod method, int bins)
{
    if (confidence.size() != correct.size())
        badArgument("correct", std::to_string(correct.size()) + " outcomes for "
                                   + std::to_string(confidence.size()) + " confidences");
    if (confidence.empty())
        badArgument("confidence", "no reference predictions to calibrate on");
    for (std::size_t i = 0; i < confidence.size(); ++i) {
        if (!(confidence[i] >= 0 && confidence[i] <= 1))
            badArgument("confidence[" + std::to_string(i) + "]",
                        "expected a number in [0, 1], got " + std::to_string(confidence[i]));
        if (correct[i] > 1)
            badArgument("correct[" + std::to_string(i) + "]", "expected 0 or 1");
    }
    ConfidenceCalibration c;
    c.method_ = method;
    c.samples_ = static_cast<std::int64_t>(confidence.size());
    c.accuracy_ = static_cast<double>(std::accumulate(correct.begin(), correct.end(), 0.0))
                  / static_cast<double>(correct.size());
    if (method == CalibrationMethod::Isotonic) {
        fitIsotonic(confidence, correct, &c.x_, &c.y_);
        return c;
    }
    if (bins < 1 || bins > 10000)
        badArgument("bins", "expected 1 .. 10000, got " + std::to_string(bins));
    std::vector<double> hits(static_cast<std::size_t>(bins)), n(static_cast<std::size_t>(bins));
    for (std::size_t i = 0; i < confidence.size(); ++i) {
        const auto b = std::min(static_cast<std::size_t>(confidence[i] * bins),
                                static_cast<std::size_t>(bins - 1));
        hits[b] += correct[i];
        n[b] += 1;
    }
    for (int b = 0; b <= bins; ++b)
        c.x_.push_back(static_cast<double>(b) / bins);
    for (std::size_t b = 0; b < n.size(); ++b)
        c.y_.push_back(n[b] > 0 ? hits[b] / n[b] : (c.x_[b] + c.x_[b + 1]) / 2);
    return c;
}

double ConfidenceCalibration::operator()(double confidence) const
{
    if (method_ == CalibrationMethod::Isotonic)
        return interpolate(x_, y_, confidence);
    const std::size_t bins = y_.size();
    const auto b = static_cast<std::size_t>(std::clamp(confidence, 0.0, 1.0) * double(bins));
    return y_[std::min(b, bins - 1)];
}

std::string ConfidenceCalibration::toJson() const
{
    return nlohmann::json{{"method", calibrationMethodName(method_)},
                          {"x", x_},
                          {"y", y_},
                          {"samples", samples_},
                          {"reference_accuracy", accuracy_}}
        .dump();
}

ConfidenceCalibration ConfidenceCalibration::fromJson(std::string_view text,
                                                      const std::string& where)
{
    const nlohmann::json doc = parseJson(std::string(text), where);
    detail::JsonReader in(doc, where);
    ConfidenceCalibration c;
    const std::string method = in.text(doc, "method", "calibration.method");
    if (method == "isotonic")
        c.method_ = CalibrationMethod::Isotonic;
    else if (method == "histogram")
        c.method_ = CalibrationMethod::HistogramBinning;
    else
        in.fail("calibration.method", "expected isotonic or histogram, got \"" + method + "\"");
    c.x_ = in.numbers(doc, "x", "calibration.x");
    c.y_ = in.numbers(doc, "y", "calibration.y");
    c.samples_ = in.integer(doc, "samples", "calibration.samples");
    c.accuracy_ = in.number(doc, "reference_accuracy", "calibration.reference_accuracy");
    const bool iso = c.method_ == CalibrationMethod::Isotonic;
    if (c.y_.empty() || c.x_.size() != c.y_.size() + (iso ? 0 : 1))
        in.fail("calibration.y", iso ? "expected one value per knot (at least one)"
                                     : "expected one value per bin (one fewer than edges)");
    for (std::size_t i = 0; i < c.y_.size(); ++i)
        if (!(c.y_[i] >= 0 && c.y_[i] <= 1))
            in.fail("calibration.y[" + std::to_string(i) + "]", "expected a number in [0, 1]");
    for (std::size_t i = 1; i < c.x_.size(); ++i)
        if (!(c.x_[i] > c.x_[i - 1]))
            in.fail("calibration.x[" + std::to_string(i) + "]", "expected ascending values");
    return c;
}

double normalQuantileTwoSided(double level)
{
    if (!(level > 0 && level < 1))
        badArgument("confidence level", "expected a number in (0, 1)");
    // Solve erfc(z / sqrt 2) = 1 - level by bisection: 200 halvings reach the double's limit.
    const double tail = 1 - level;
    double lo = 0, hi = 40;
    for (int i = 0; i < 200; ++i) {
        const double mid = (lo + hi) / 2;
        (std::erfc(mid / std::sqrt(2.0)) > tail ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
}

EstimateWindow estimateAccuracy(const ConfidenceCalibration& calibration,
                                const std::vector<double>& confidences, double level)
{
    EstimateWindow w;
    long double p = 0, var = 0;
    for (double c : confidences) {
        if (!(c >= 0 && c <= 1))
            continue;
        const double q = calibration(c);
        p += q;
        var += q * (1 - q);
        ++w.records;
    }
    if (w.records == 0)
        return w;
    const double n = static_cast<double>(w.records);
    const double z = normalQuantileTwoSided(level);
    w.expectedAccuracy = static_cast<double>(p / n);
    const double sd = std::sqrt(static_cast<double>(var)) / n;
    w.low = std::max(0.0, w.expectedAccuracy - z * sd);
    w.high = std::min(1.0, w.expectedAccuracy + z * sd);
    return w;
}

PerformanceEstimator::PerformanceEstimator(ConfidenceCalibration calibration,
                                           double widthSeconds, double level)
    : calibration_(std::move(calibration)), width_(widthSeconds), level_(level)
{
    if (!(widthSeconds > 0) || !std::isfinite(widthSeconds))
        badArgument("window", "expected a positive number of seconds");
    normalQuantileTwoSided(level);  // validates the level now, not at the first window
}

void PerformanceEstimator::add(const PredictionRecord& r)
{
    if (std::isnan(r.confidence))
        return;
    if (!(r.confidence >= 0 && r.confidence <= 1)) {
        ++outOfRange_;
        return;
    }
    const double k = std::floor(r.timestamp / width_);
    if (!std::isfinite(k))
        return;
    Sums& s = windows_[static_cast<std::int64_t>(k)];
    const double q = calibration_(r.confidence);
    ++s.n;
    s.p += q;
    s.var += q * (1 - q);
}

std::vector<EstimateWindow> PerformanceEstimator::windows() const
{
    const double z = normalQuantileTwoSided(level_);
    std::vector<EstimateWindow> out;
    for (const auto& [key, s] : windows_) {
        EstimateWindow w;
        w.start = static_cast<double>(key) * width_;
        w.width = width_;
        w.records = s.n;
        const double n = static_cast<double>(s.n);
        w.expectedAccuracy = static_cast<double>(s.p / n);
        const double sd = std::sqrt(static_cast<double>(s.var)) / n;
        w.low = std::max(0.0, w.expectedAccuracy - z * sd);
        w.high = std::min(1.0, w.expectedAccuracy + z * sd);
        out.push_back(w);
    }
    return out;
}

}  // namespace flightdeck::monitor
