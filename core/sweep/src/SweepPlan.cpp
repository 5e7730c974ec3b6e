#include "flightdeck/sweep/SweepPlan.h"

#include "SweepDraws.h"
#include "flightdeck/common/Error.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

namespace flightdeck::sweep {

namespace {

[[noreturn]] void bad(const char* field, const std::string& detail)
{
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, field, detail});
}

template <typename T>
std::string text(const T& v)
{
    std::ostringstream out;
    out << v;
    return out.str();
}

template <typename T>
void distinct(const std::vector<T>& values, const char* field)
{
    for (std::size_t i = 0; i < values.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (values[i] == values[j])
                bad(field, "distinct values, got " + text(values[i]) + " twice");
}

// The number of values each axis takes, in Axis order; 1 for an axis left to the base.
std::vector<std::size_t> axisSizes(const SweepPlan& p)
{
    const bool range = p.learningRateRange.has_value();
    return {p.architectures.size(),
            range ? std::size_t(1) : std::max<std::size_t>(1, p.learningRates.size()),
            std::max<std::size_t>(1, p.batchSizes.size()),
            std::max<std::size_t>(1, p.optimizers.size()),
            std::max<std::size_t>(1, p.epochs.size()),
            std::max<std::size_t>(1, p.weightDecays.size())};
}

// The product, saturated just above the cap so a huge grid cannot overflow.
std::size_t gridSize(const SweepPlan& p)
{
    std::size_t n = 1;
    for (const std::size_t s : axisSizes(p))
        n = std::min<std::size_t>(n * std::max<std::size_t>(s, 1), kMaxTrials + 1);
    return n;
}

// The trial whose axis values are `choice` (one index per axis).
Trial makeTrial(const SweepPlan& p, int index, const std::vector<std::size_t>& choice,
                std::optional<double> drawnRate)
{
    Trial t;
    t.index = index;
    t.config = p.base;
    nlohmann::ordered_json a;
    t.architectureId = p.architectures.at(choice[0]);
    a[axisName(Axis::Architecture)] = t.architectureId;
    if (drawnRate || !p.learningRates.empty()) {
        t.config.learningRate = drawnRate ? *drawnRate : p.learningRates.at(choice[1]);
        a[axisName(Axis::LearningRate)] = t.config.learningRate;
    }
    if (!p.batchSizes.empty()) {
        t.config.batchSize = p.batchSizes.at(choice[2]);
        a[axisName(Axis::BatchSize)] = t.config.batchSize;
    }
    if (!p.optimizers.empty()) {
        t.config.optimizer = p.optimizers.at(choice[3]);
        a[axisName(Axis::Optimizer)] = train::optimizerName(t.config.optimizer);
    }
    if (!p.epochs.empty()) {
        t.config.epochs = p.epochs.at(choice[4]);
        a[axisName(Axis::Epochs)] = t.config.epochs;
    }
    if (!p.weightDecays.empty()) {
        t.config.weightDecay = p.weightDecays.at(choice[5]);
        a[axisName(Axis::WeightDecay)] = *t.config.weightDecay;
    }
    t.assignmentJson = a.dump();
    return t;
}

}  // namespace

const char* axisName(Axis axis)
{
    switch (axis) {
    case Axis::Architecture: return "architecture";
    case Axis::LearningRate: return "learning_rate";
    case Axis::BatchSize: return "batch_size";
    case Axis::Optimizer: return "optimizer";
    case Axis::Epochs: return "epochs";
    case Axis::WeightDecay: return "weight_decay";
    }
    return "architecture";
}

void validate(const SweepPlan& p)
{
    train::validate(p.base);
    if (p.architectures.empty())
        bad("architecture", "at least one architecture to train");
    for (const store::Id id : p.architectures)
        if (id <= 0)
            bad("architecture", "architecture ids above 0, got " + text(id));
    distinct(p.architectures, "architecture");
    for (const double lr : p.learningRates)
        if (!(lr > 0) || !std::isfinite(lr))
            bad("learning_rate", "positive learning rates, got " + text(lr));
    distinct(p.learningRates, "learning_rate");
    if (p.learningRateRange) {
        const LogRange& r = *p.learningRateRange;
        if (p.kind == store::SweepKind::Grid)
            bad("learning_rate", "a list of values for a grid (a range is drawn from by random search)");
        if (!p.learningRates.empty())
            bad("learning_rate", "either a list or a range, not both");
        if (!(r.low > 0) || !(r.high > r.low) || !std::isfinite(r.high))
            bad("learning_rate", "a range 0 < low < high, got " + text(r.low) + ".." + text(r.high));
    }
    for (const int b : p.batchSizes)
        if (b < 1)
            bad("batch_size", "batch sizes of at least 1, got " + text(b));
    distinct(p.batchSizes, "batch_size");
    std::vector<std::string> optimizers;
    for (const auto o : p.optimizers)
        optimizers.push_back(train::optimizerName(o));
    distinct(optimizers, "optimizer");
    for (const int e : p.epochs)
        if (e < 1)
            bad("epochs", "epoch counts of at least 1, got " + text(e));
    distinct(p.epochs, "epochs");
    for (const double w : p.weightDecays)
        if (!(w >= 0 && w <= 1))
            bad("weight_decay", "weight decays from 0 to 1, got " + text(w));
    distinct(p.weightDecays, "weight_decay");
    if (!p.objective.empty() && p.objective.rfind("val/", 0) != 0)
        bad("objective", "a validation metric such as val/accuracy, val/loss or val/rmse (a "
                         "sweep ranked on training metrics picks the run that overfits), got \""
                             + p.objective + "\"");
    const std::size_t grid = gridSize(p);
    if (p.kind == store::SweepKind::Grid) {
        if (grid > static_cast<std::size_t>(kMaxTrials))
            bad("trials", "a grid of at most " + text(kMaxTrials) + " runs; these lists make more");
        return;
    }
    if (p.trials < 1 || p.trials > kMaxTrials)
        bad("trials", "from 1 to " + text(kMaxTrials) + " random trials, got " + text(p.trials));
    // Without a range every trial is a point of the grid, and none is run twice.
    if (!p.learningRateRange && static_cast<std::size_t>(p.trials) > grid)
        bad("trials", text(p.trials) + " distinct trials, but the lists make only " + text(grid)
                          + " combinations (use the grid, or fewer trials)");
}

int trialCount(const SweepPlan& p)
{
    validate(p);
    return p.kind == store::SweepKind::Grid ? static_cast<int>(gridSize(p)) : p.trials;
}

std::vector<Trial> expand(const SweepPlan& p)
{
    const int count = trialCount(p);
    const std::vector<std::size_t> sizes = axisSizes(p);
    std::vector<Trial> out;
    out.reserve(static_cast<std::size_t>(count));
    if (p.kind == store::SweepKind::Grid) {
        for (int i = 0; i < count; ++i) {
            std::vector<std::size_t> choice(sizes.size());
            std::size_t rest = static_cast<std::size_t>(i);
            for (std::size_t a = sizes.size(); a-- > 0;) {   // the last axis varies fastest
                choice[a] = rest % sizes[a];
                rest /= sizes[a];
            }
            out.push_back(makeTrial(p, i, choice, std::nullopt));
        }
    } else {
        detail::Draws draws(p.seed);
        std::set<std::vector<std::size_t>> seen;
        while (static_cast<int>(out.size()) < count) {
            std::vector<std::size_t> choice;
            for (const std::size_t n : sizes)
                choice.push_back(draws.below(n));
            std::optional<double> rate;
            if (p.learningRateRange)
                rate = draws.logUniform(p.learningRateRange->low, p.learningRateRange->high);
            else if (!seen.insert(choice).second)
                continue;   // validate() made sure enough distinct points exist
            out.push_back(makeTrial(p, static_cast<int>(out.size()), choice, rate));
        }
    }
    for (const Trial& t : out)
        train::validate(t.config);
    return out;
}

std::string toJson(const SweepPlan& p)
{
    nlohmann::ordered_json j;
    j["kind"] = store::sweepKindName(p.kind);
    j["objective"] = p.objective;
    j["architectures"] = p.architectures;
    j["learning_rates"] = p.learningRates;
    if (p.learningRateRange)
        j["learning_rate_range"] = {p.learningRateRange->low, p.learningRateRange->high};
    j["batch_sizes"] = p.batchSizes;
    std::vector<std::string> optimizers;
    for (const auto o : p.optimizers)
        optimizers.push_back(train::optimizerName(o));
    j["optimizers"] = optimizers;
    j["epochs"] = p.epochs;
    j["weight_decays"] = p.weightDecays;
    if (p.kind == store::SweepKind::Random) {
        j["trials"] = p.trials;
        j["seed"] = p.seed;
    }
    j["base"] = nlohmann::json::parse(train::toJson(p.base));
    return j.dump();
}

}  // namespace flightdeck::sweep
