#include "flightdeck/monitor/LogSimulator.h"

#include "flightdeck/common/Error.h"
#include "ProfileJson.h"
#include "SimulationDraws.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace flightdeck::monitor {

namespace {

using detail::active;
using detail::Random;

[[noreturn]] void bad(const std::string& field, const std::string& why)
{
    detail::badSimulation(field, why);
}

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
    detail::checkSimulationOptions(o);
    if (!o.image.empty())
        bad("image-shift", "the source is a table; image shifts need an image dataset version "
                           "and its model's bundle");
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

        const detail::Operational op = detail::drawOperational(rng, o, t);
        const double u = rng.uniform(), draw = rng.uniform();
        const std::size_t other = rng.below(std::max<std::size_t>(1, classes.size() - 1));

        ++summary.records;
        const std::string id = detail::requestId(summary.records);
        nlohmann::json line = detail::lineStart(o, t, id, features);
        if (op.failed) {
            ++summary.errors;
            detail::markFailed(line, op.latencyMs);
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
            detail::markAnswered(line, op.latencyMs);
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

ImageShift parseImageShift(const std::string& spec)
{
    const auto p = pairs("--image-shift", spec, {"brightness", "contrast", "from", "until"});
    ImageShift s;
    if (!p.count("brightness") && !p.count("contrast"))
        bad("--image-shift", "expected brightness=<levels> and/or contrast=<factor>");
    s.brightness = number("--image-shift", p, "brightness", 0);
    s.contrast = number("--image-shift", p, "contrast", 1);
    if (!(s.brightness >= -255 && s.brightness <= 255))
        bad("--image-shift brightness", "expected pixel levels in -255..255");
    if (!(s.contrast >= 0))
        bad("--image-shift contrast", "expected a factor >= 0");
    window("--image-shift", p, &s.from, &s.until);
    return s;
}

}  // namespace flightdeck::monitor
