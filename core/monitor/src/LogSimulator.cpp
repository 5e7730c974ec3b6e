#include "flightdeck/monitor/LogSimulator.h"

#include "flightdeck/common/Error.h"
#include "ProfileJson.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <set>

namespace flightdeck::monitor {

namespace {

[[noreturn]] void bad(const std::string& field, const std::string& detail)
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

bool active(double t, double from, double until) { return t >= from && t < until; }

// key=value pairs separated by commas; each key once.
std::map<std::string, std::string> pairs(const std::string& option, const std::string& spec,
                                         const std::set<std::string>& keys)
{
    std::map<std::string, std::string> out;
    std::size_t pos = 0;
    while (pos <= spec.size()) {
        const std::size_t comma = std::min(spec.find(',', pos), spec.size());
        const std::string item = spec.substr(pos, comma - pos);
        const std::size_t eq = item.find('=');
        if (eq == std::string::npos || eq == 0)
            bad(option, "expected key=value pairs separated by commas, got \"" + item + "\"");
        const std::string key = item.substr(0, eq);
        if (!keys.count(key)) {
            std::string list;
            for (const std::string& k : keys)
                list += (list.empty() ? "" : ", ") + k;
            bad(option + " " + key, "unknown key (expected " + list + ")");
        }
        if (!out.emplace(key, item.substr(eq + 1)).second)
            bad(option + " " + key, "given twice");
        pos = comma + 1;
    }
    return out;
}

double number(const std::string& option, const std::map<std::string, std::string>& p,
              const std::string& key, double fallback)
{
    const auto it = p.find(key);
    if (it == p.end())
        return fallback;
    std::size_t used = 0;
    double v = 0;
    try {
        v = std::stod(it->second, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != it->second.size() || !std::isfinite(v))
        bad(option + " " + key, "expected a finite number, got \"" + it->second + "\"");
    return v;
}

void window(const std::string& option, const std::map<std::string, std::string>& p,
            double* from, double* until)
{
    *from = number(option, p, "from", 0);
    *until = number(option, p, "until", kUntilEnd);
    if (*from < 0 || *until <= *from)
        bad(option, "expected 0 <= from < until (seconds after the start)");
}

}  // namespace

SimulationSource SimulationSource::fromReference(const ReferenceSample& ref)
{
    SimulationSource s;
    for (const DriftColumn& c : ref.columns) {
        if (c.name == "prediction") {
            if (c.categorical) {
                s.labels = c.labels;
            } else {
                for (double v : c.numbers) {
                    char buf[32];
                    std::snprintf(buf, sizeof buf, "%.17g", v);
                    s.labels.emplace_back(buf);
                }
            }
            continue;
        }
        s.features.push_back(c.name);
        s.columns.push_back(c.numbers);
    }
    const std::size_t n = s.rows();
    for (std::size_t f = 0; f < s.columns.size(); ++f)
        if (s.columns[f].size() != n)
            bad("source", "column \"" + s.features[f] + "\" has " +
                              std::to_string(s.columns[f].size()) + " values, not " +
                              std::to_string(n) + ": the rows are not whole");
    if (!s.labels.empty() && s.labels.size() != n)
        bad("source", "the labels are not one per row");
    if (n == 0)
        bad("source", "no rows to draw from");
    return s;
}

SimulationSummary simulateLog(const SimulationSource& src, const SimulationOptions& o,
                              std::ostream& out, std::ostream* truth)
{
    if (!(o.duration > 0) || !(o.rate > 0) || !std::isfinite(o.duration * o.rate))
        bad("duration/rate", "expected positive numbers");
    if (o.duration * o.rate > 1e8)
        bad("duration/rate", "more than 100,000,000 records expected");
    if (!(o.latencyMedianMs > 0) || !(o.latencySigma >= 0))
        bad("latency", "expected a positive median and a sigma >= 0");
    if (!(o.errorRate >= 0 && o.errorRate <= 1) || !(o.confidencePower > 0))
        bad("error-rate/confidence-power", "expected a rate in [0, 1] and a power > 0");
    const std::size_t rows = src.rows();
    std::vector<std::size_t> shifted;   // feature index per covariate shift
    for (const CovariateShift& c : o.covariate) {
        const auto it = std::find(src.features.begin(), src.features.end(), c.feature);
        if (it == src.features.end())
            bad("covariate feature", "\"" + c.feature + "\" is not a feature of the source");
        shifted.push_back(static_cast<std::size_t>(it - src.features.begin()));
    }
    // Classes in first-appearance order, and the rows of each.
    std::vector<std::string> classes;
    std::map<std::string, std::vector<std::size_t>> rowsOf;
    for (std::size_t r = 0; r < src.labels.size(); ++r) {
        auto& list = rowsOf[src.labels[r]];
        if (list.empty())
            classes.push_back(src.labels[r]);
        list.push_back(r);
    }
    for (const ClassShift& c : o.classes) {
        if (src.labels.empty())
            bad("class-shift", "the source has no labels");
        if (!rowsOf.count(c.label))
            bad("class-shift label", "\"" + c.label + "\" is not a class of the source");
        if (!(c.share >= 0 && c.share <= 1))
            bad("class-shift share", "expected a share in [0, 1]");
    }
    double median0 = 0;
    if (src.labels.empty() && !src.columns.empty()) {
        std::vector<double> v = src.columns[0];
        std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
        median0 = v[v.size() / 2];
    }
    const double k = std::max<double>(2, static_cast<double>(classes.size()));

    Random rng(o.seed);
    SimulationSummary summary;
    nlohmann::json features = nlohmann::json::object();
    for (double t = rng.exponential(o.rate); t < o.duration; t += rng.exponential(o.rate)) {
        // The row: class shifts pick the class first.
        std::size_t row = rng.below(rows);
        for (const ClassShift& c : o.classes) {
            if (!active(t, c.from, c.until))
                continue;
            const auto& target = rowsOf[c.label];
            if (rng.uniform() < c.share || target.size() == rows) {
                row = target[rng.below(target.size())];
            } else {
                do
                    row = rng.below(rows);
                while (src.labels[row] == c.label);
            }
            break;
        }
        for (std::size_t f = 0; f < src.features.size(); ++f)
            features[src.features[f]] = src.columns[f][row];
        for (std::size_t i = 0; i < o.covariate.size(); ++i) {
            const CovariateShift& c = o.covariate[i];
            if (!active(t, c.from, c.until))
                continue;
            auto& v = features[src.features[shifted[i]]];
            v = v.get<double>() * c.scale + c.add;
        }
        for (auto& [name, v] : features.items())
            v = detail::numberToJson(v.get<double>());   // NaN in the data as "NaN"

        double latency = o.latencyMedianMs * std::exp(o.latencySigma * rng.normal());
        for (const LatencySpike& s : o.latency)
            if (active(t, s.from, s.until))
                latency = latency * s.factor + s.addMs;
        double errorRate = o.errorRate;
        for (const ErrorBurst& e : o.errors)
            if (active(t, e.from, e.until))
                errorRate = std::max(errorRate, e.rate);
        const bool failed = rng.uniform() < errorRate;
        const double u = rng.uniform(), draw = rng.uniform();
        const std::size_t other = rng.below(std::max<std::size_t>(1, classes.size() - 1));

        ++summary.records;
        char id[32];
        std::snprintf(id, sizeof id, "sim-%08lld", static_cast<long long>(summary.records));
        nlohmann::json line{{"timestamp", std::round((o.start + t) * 1000) / 1000},
                            {"request_id", id},
                            {"model", o.model},
                            {"version", 1},
                            {"features", features}};
        if (failed) {
            ++summary.errors;
            line["latency_ms"] = std::round(latency * 1000) / 1000;
            line["status"] = 500;
            line["error"] = "simulated failure";
        } else {
            if (!src.labels.empty()) {
                const std::string& truthLabel = src.labels[row];
                const double c = 1 / k + (1 - 1 / k) * std::sqrt(u);
                std::string prediction = truthLabel;
                if (draw >= c && classes.size() > 1) {
                    const auto at = std::find(classes.begin(), classes.end(), truthLabel);
                    std::size_t pick = other;
                    if (pick >= static_cast<std::size_t>(at - classes.begin()))
                        ++pick;
                    prediction = classes[pick];
                }
                line["prediction"] = prediction;
                line["confidence"] = std::pow(c, o.confidencePower);
                if (truth)
                    *truth << nlohmann::json{{"request_id", id}, {"label", truthLabel}}.dump()
                           << '\n';
            } else if (!src.columns.empty()) {
                line["prediction"] = src.columns[0][row] >= median0 ? "high" : "low";
            }
            line["latency_ms"] = std::round(latency * 1000) / 1000;
            line["status"] = 200;
        }
        out << line.dump() << '\n';
    }
    if (!out)
        throw Error(ErrorInfo{ErrorCode::Io, {}, 0, "log", "writing the simulated log failed"});
    return summary;
}

CovariateShift parseCovariateShift(const std::string& spec)
{
    const auto p = pairs("--shift", spec, {"feature", "add", "scale", "from", "until"});
    CovariateShift c;
    if (!p.count("feature") || p.at("feature").empty())
        bad("--shift feature", "expected feature=<name>");
    c.feature = p.at("feature");
    c.add = number("--shift", p, "add", 0);
    c.scale = number("--shift", p, "scale", 1);
    window("--shift", p, &c.from, &c.until);
    return c;
}

LatencySpike parseLatencySpike(const std::string& spec)
{
    const auto p = pairs("--latency-spike", spec, {"factor", "add", "from", "until"});
    LatencySpike s;
    s.factor = number("--latency-spike", p, "factor", 1);
    s.addMs = number("--latency-spike", p, "add", 0);
    if (s.factor < 0 || s.addMs < 0)
        bad("--latency-spike", "expected factor >= 0 and add >= 0 (ms)");
    window("--latency-spike", p, &s.from, &s.until);
    return s;
}

ErrorBurst parseErrorBurst(const std::string& spec)
{
    const auto p = pairs("--error-burst", spec, {"rate", "from", "until"});
    ErrorBurst e;
    e.rate = number("--error-burst", p, "rate", -1);
    if (!(e.rate >= 0 && e.rate <= 1))
        bad("--error-burst rate", "expected rate=<share of failing requests in [0, 1]>");
    window("--error-burst", p, &e.from, &e.until);
    return e;
}

ClassShift parseClassShift(const std::string& spec)
{
    const auto p = pairs("--class-shift", spec, {"label", "share", "from", "until"});
    ClassShift c;
    if (!p.count("label") || p.at("label").empty())
        bad("--class-shift label", "expected label=<class>");
    c.label = p.at("label");
    c.share = number("--class-shift", p, "share", -1);
    if (!(c.share >= 0 && c.share <= 1))
        bad("--class-shift share", "expected share=<a share in [0, 1]>");
    window("--class-shift", p, &c.from, &c.until);
    return c;
}

}  // namespace flightdeck::monitor
