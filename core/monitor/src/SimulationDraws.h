#pragma once
// Internal: what the table and the image simulators share. The random source (own transforms
// on std::mt19937_64, so the bytes are the same on every standard library), the options'
// checks, the operational part of a record (latency, failure) and the line's common fields.
#include "flightdeck/common/Error.h"
#include "flightdeck/monitor/LogSimulator.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

namespace flightdeck::monitor::detail {

[[noreturn]] inline void badSimulation(const std::string& field, const std::string& detail)
{
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, field, detail});
}

class Random {
public:
    explicit Random(std::uint64_t seed) : rng_(seed) {}
    double uniform() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }   // [0, 1)
    double open() { return (static_cast<double>(rng_() >> 11) + 0.5) * 0x1.0p-53; }  // (0, 1)
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(uniform() * double(n)); }
    double normal()   // Box-Muller, one value per call
    {
        return std::sqrt(-2 * std::log(open())) * std::cos(2 * M_PI * uniform());
    }
    double exponential(double rate) { return -std::log(open()) / rate; }

private:
    std::mt19937_64 rng_;
};

inline bool active(double t, double from, double until) { return t >= from && t < until; }

inline void checkSimulationOptions(const SimulationOptions& o)
{
    if (!(o.duration > 0) || !(o.rate > 0) || !std::isfinite(o.duration * o.rate))
        badSimulation("duration/rate", "expected positive numbers");
    if (o.duration * o.rate > 1e8)
        badSimulation("duration/rate", "more than 100,000,000 records expected");
    if (!(o.latencyMedianMs > 0) || !(o.latencySigma >= 0))
        badSimulation("latency", "expected a positive median and a sigma >= 0");
    if (!(o.errorRate >= 0 && o.errorRate <= 1) || !(o.confidencePower > 0))
        badSimulation("error-rate/confidence-power", "expected a rate in [0, 1] and a power > 0");
}

struct Operational {
    double latencyMs = 0;
    bool failed = false;
};

// Two draws per record (latency, then failure), in this order in both simulators.
inline Operational drawOperational(Random& rng, const SimulationOptions& o, double t)
{
    Operational op;
    op.latencyMs = o.latencyMedianMs * std::exp(o.latencySigma * rng.normal());
    for (const LatencySpike& s : o.latency)
        if (active(t, s.from, s.until))
            op.latencyMs = op.latencyMs * s.factor + s.addMs;
    double errorRate = o.errorRate;
    for (const ErrorBurst& e : o.errors)
        if (active(t, e.from, e.until))
            errorRate = std::max(errorRate, e.rate);
    op.failed = rng.uniform() < errorRate;
    return op;
}

inline std::string requestId(std::int64_t record)
{
    char id[32];
    std::snprintf(id, sizeof id, "sim-%08lld", static_cast<long long>(record));
    return id;
}

inline nlohmann::json lineStart(const SimulationOptions& o, double t, const std::string& id,
                                nlohmann::json features)
{
    return nlohmann::json{{"timestamp", std::round((o.start + t) * 1000) / 1000},
                          {"request_id", id},
                          {"model", o.model},
                          {"version", 1},
                          {"features", std::move(features)}};
}

// A failed request's fields (the server answers 500 with no prediction).
inline void markFailed(nlohmann::json& line, double latencyMs)
{
    line["latency_ms"] = std::round(latencyMs * 1000) / 1000;
    line["status"] = 500;
    line["error"] = "simulated failure";
}

inline void markAnswered(nlohmann::json& line, double latencyMs)
{
    line["latency_ms"] = std::round(latencyMs * 1000) / 1000;
    line["status"] = 200;
}

}  // namespace flightdeck::monitor::detail
