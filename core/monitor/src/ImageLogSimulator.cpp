// The image simulator: the same arrivals, latency and failures as the table one, but the
// prediction comes from the model itself (through the caller's `serve`), so brightness or
// contrast drift changes what the model answers as it would in production.
#include "flightdeck/monitor/LogSimulator.h"

#include "ProfileJson.h"
#include "SimulationDraws.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace flightdeck::monitor {

namespace {

using detail::badSimulation;

// Requests are answered in batches: one forward pass per batch, not per record.
constexpr std::size_t kServeBatch = 256;

struct Pending {
    double t = 0;
    std::size_t row = 0;
    detail::Operational op;
};

void shiftPixels(double* px, std::size_t n, const ImageShift& s)
{
    double mean = 0;
    for (std::size_t i = 0; i < n; ++i)
        mean += px[i];
    mean /= double(n);
    for (std::size_t i = 0; i < n; ++i)
        px[i] = std::clamp(mean + (px[i] - mean) * s.contrast + s.brightness, 0.0, 255.0);
}

void checkImageSource(const ImageSimulationSource& src, const SimulationOptions& o)
{
    if (src.imageValues() == 0 || src.pixels.size() % src.imageValues() != 0)
        badSimulation("source", "the images' shape does not divide their pixels");
    if (src.images() == 0)
        badSimulation("source", "no images to draw from");
    if (!src.labels.empty() && src.labels.size() != src.images())
        badSimulation("source", "the labels are not one per image");
    if (!src.serve)
        badSimulation("source", "no model to answer the requests");
    if (!o.covariate.empty())
        badSimulation("shift", "an image model's features are its brightness and contrast: "
                               "use --image-shift brightness=...,contrast=...");
    if (!o.classes.empty())
        badSimulation("class-shift", "not available for images");
    if (o.confidencePower != 1)
        badSimulation("confidence-power", "an image model's confidences are its own");
}

}  // namespace

SimulationSummary simulateImageLog(const ImageSimulationSource& src, const SimulationOptions& o,
                                   std::ostream& out, std::ostream* truth)
{
    detail::checkSimulationOptions(o);
    checkImageSource(src, o);
    const std::size_t values = src.imageValues(), images = src.images();

    detail::Random rng(o.seed);
    SimulationSummary summary;
    std::vector<Pending> pending;
    std::vector<double> pixels;
    pending.reserve(kServeBatch);
    pixels.reserve(kServeBatch * values);
    const auto flush = [&] {
        if (pending.empty())
            return;
        const std::vector<ServedImage> answers = src.serve(pixels, pending.size());
        if (answers.size() != pending.size())
            badSimulation("serve", "the model answered " + std::to_string(answers.size())
                                       + " of " + std::to_string(pending.size()) + " requests");
        for (std::size_t i = 0; i < pending.size(); ++i) {
            const Pending& p = pending[i];
            const ServedImage& a = answers[i];
            ++summary.records;
            const std::string id = detail::requestId(summary.records);
            nlohmann::json features = nlohmann::json::array();
            for (double v : a.features)
                features.push_back(detail::numberToJson(v));
            nlohmann::json line = detail::lineStart(o, p.t, id, std::move(features));
            if (p.op.failed) {
                ++summary.errors;
                detail::markFailed(line, p.op.latencyMs);
            } else {
                line["prediction"] = a.prediction;
                if (!std::isnan(a.confidence))
                    line["confidence"] = a.confidence;
                detail::markAnswered(line, p.op.latencyMs);
                if (truth && !src.labels.empty())
                    *truth << nlohmann::json{{"request_id", id}, {"label", src.labels[p.row]}}.dump()
                           << '\n';
            }
            out << line.dump() << '\n';
        }
        pending.clear();
        pixels.clear();
    };

    for (double t = rng.exponential(o.rate); t < o.duration; t += rng.exponential(o.rate)) {
        Pending p;
        p.t = t;
        p.row = rng.below(images);
        p.op = detail::drawOperational(rng, o, t);
        const std::uint8_t* image = src.pixels.data() + p.row * values;
        pixels.insert(pixels.end(), image, image + values);
        double* px = pixels.data() + pixels.size() - values;
        bool shifted = false;
        for (const ImageShift& s : o.image)
            if (detail::active(t, s.from, s.until)) {
                shiftPixels(px, values, s);
                shifted = true;
            }
        if (shifted)   // whole levels, as an image file holds them
            std::transform(px, px + values, px, [](double v) { return std::round(v); });
        pending.push_back(p);
        if (pending.size() == kServeBatch)
            flush();
    }
    flush();
    if (!out)
        throw Error(ErrorInfo{ErrorCode::Io, {}, 0, "log", "writing the simulated log failed"});
    return summary;
}

}  // namespace flightdeck::monitor
