#pragma once
// A realistic prediction log for demos and tests (`flightdeck-cli monitor simulate`), in the
// format flightdeck-serve writes and `monitor summary|drift|check` read: one JSON line per
// request with timestamp, request_id, model, version, features (an object by name),
// prediction, confidence, latency_ms, status (and error).
//
// Rows are drawn uniformly with replacement from a source (a dataset CSV's rows or a
// profile's row sample), so features keep their joint distribution. Arrivals are a Poisson
// process at `rate` per second over `duration` seconds. Latency is log-normal (median, sigma).
//
// Predictions follow a documented rule, not a model (core/monitor stays torch-free):
//   with labels: the row's label is the truth; a confidence c is drawn as
//     c = 1/K + (1 - 1/K) sqrt(u), u uniform (K classes, at least 2),
//   the prediction is the truth with probability c, else another class chosen uniformly; so
//   the model is calibrated by construction (P(correct | c) = c), and the logged confidence
//   is c^confidencePower (a power below 1 makes it over-confident, for calibration demos);
//   without labels: "high" when the first feature is at or above its median in the source,
//   else "low", with no confidence.
// Shifts apply from their time (seconds after the start) until their end (default: the end):
//   covariate: feature' = feature * scale + add; latency spike: latency * factor + addMs;
//   error burst: a request fails with probability rate (status 500, no prediction);
//   class shift: a row of class `label` is drawn with probability share, other rows otherwise.
// Deterministic: the same source, options and seed give the same bytes (own uniform, normal
// and exponential transforms on std::mt19937_64, not the library's distributions).
//
// Images (simulateImageLog): images are drawn the same way from an image dataset version, an
// image shift changes their 8-bit pixels (contrast scales each pixel's distance from the
// image's mean, then brightness adds levels; clamped to 0..255 and rounded, as a real image
// file would hold them), and the caller's `serve` does what flightdeck-serve does with a
// {"pixels": [...]} request: the bundle's model gives the prediction and confidence, and the
// logged features are the input's brightness and contrast, a JSON array as the server writes.
#include "flightdeck/monitor/ReferenceSample.h"

#include <cstdint>
#include <functional>
#include <limits>
#include <ostream>
#include <string>
#include <vector>

namespace flightdeck::monitor {

struct SimulationSource {
    std::vector<std::string> features;
    std::vector<std::vector<double>> columns;   // columns[f][row]
    std::vector<std::string> labels;           // per row; empty without labels
    std::size_t rows() const { return columns.empty() ? labels.size() : columns[0].size(); }
    // A reference whose columns hold whole rows (a dataset CSV read with maxValuesPerColumn 0,
    // or a profile): Error(InvalidArgument) when its columns differ in length or it has none.
    static SimulationSource fromReference(const ReferenceSample& reference);
};

constexpr double kUntilEnd = std::numeric_limits<double>::infinity();

struct CovariateShift {
    std::string feature;
    double add = 0, scale = 1;
    double from = 0, until = kUntilEnd;
};
struct LatencySpike {
    double factor = 1, addMs = 0;
    double from = 0, until = kUntilEnd;
};
struct ErrorBurst {
    double rate = 0;
    double from = 0, until = kUntilEnd;
};
struct ClassShift {
    std::string label;
    double share = 0;
    double from = 0, until = kUntilEnd;
};

// Pixel levels added (brightness, -255..255) and a factor on each pixel's distance from the
// image's mean pixel (contrast, >= 0), both on the 0..255 scale of an 8-bit image.
struct ImageShift {
    double brightness = 0, contrast = 1;
    double from = 0, until = kUntilEnd;
};

struct SimulationOptions {
    double start = 1795392000;     // Unix seconds (2026-11-23T00:00:00Z)
    double duration = 3600;        // seconds
    double rate = 10;              // requests per second
    std::uint64_t seed = 1;
    double latencyMedianMs = 8, latencySigma = 0.35;
    double errorRate = 0;          // outside bursts
    double confidencePower = 1;
    std::string model = "simulated";
    std::vector<CovariateShift> covariate;
    std::vector<LatencySpike> latency;
    std::vector<ErrorBurst> errors;
    std::vector<ClassShift> classes;
    std::vector<ImageShift> image;     // simulateImageLog only
};

struct SimulationSummary {
    std::int64_t records = 0, errors = 0;
};

// Error(InvalidArgument) naming the option for a bad value, an unknown feature or class.
// `truth`, when given, receives {"request_id", "label"} lines for `--ground-truth`.
SimulationSummary simulateLog(const SimulationSource& source, const SimulationOptions& options,
                              std::ostream& out, std::ostream* truth = nullptr);

// What the server answers and logs for one image request.
struct ServedImage {
    std::vector<double> features;      // logged: the model input's brightness and contrast
    std::string prediction;
    double confidence = std::numeric_limits<double>::quiet_NaN();   // NaN: not logged
};

struct ImageSimulationSource {
    std::uint32_t channels = 1, height = 0, width = 0;
    std::vector<std::uint8_t> pixels;  // images x C x H x W, 8-bit
    std::vector<std::string> labels;   // the truth per image; empty without labels
    std::vector<std::string> features; // the logged features' names (the bundle's metadata)
    // `count` requests' pixels (count x C*H*W values in 0..255) -> one answer per request.
    std::function<std::vector<ServedImage>(const std::vector<double>& pixels, std::size_t count)>
        serve;
    std::size_t imageValues() const { return std::size_t(channels) * height * width; }
    std::size_t images() const { return imageValues() ? pixels.size() / imageValues() : 0; }
};

// As simulateLog, for an image model (covariate, class shifts and a confidence power are
// refused: the model answers). Error(InvalidArgument) for a bad source or option.
SimulationSummary simulateImageLog(const ImageSimulationSource& source,
                                   const SimulationOptions& options, std::ostream& out,
                                   std::ostream* truth = nullptr);

// "feature=age,add=5,scale=1,from=600,until=1200" and the like, one place that validates:
// Error(InvalidArgument, field = the option and key) for an unknown key or a bad number.
CovariateShift parseCovariateShift(const std::string& spec);
LatencySpike parseLatencySpike(const std::string& spec);
ErrorBurst parseErrorBurst(const std::string& spec);
ClassShift parseClassShift(const std::string& spec);
ImageShift parseImageShift(const std::string& spec);   // "brightness=+40,contrast=0.5,from=600"

}  // namespace flightdeck::monitor
