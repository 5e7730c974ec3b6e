#include "flightdeck/train/LrSchedule.h"

#include "flightdeck/store/MetricKeys.h"

#include <algorithm>
#include <cmath>

namespace flightdeck::train {

namespace {

constexpr double kPi = 3.14159265358979323846;
// ReduceLROnPlateau's defaults: a relative improvement threshold and the smallest change.
constexpr double kPlateauThreshold = 1e-4;
constexpr double kPlateauEps = 1e-8;

double cosineAnneal(double start, double end, double pct)
{
    return end + (start - end) / 2.0 * (std::cos(kPi * pct) + 1.0);
}

}  // namespace

LrSchedule::LrSchedule(const TrainConfig& config, std::int64_t stepsPerEpoch)
    : config_(config),
      totalSteps_(stepsPerEpoch * config.epochs),
      stepsPerEpoch_(std::max<std::int64_t>(stepsPerEpoch, 1)),
      higherIsBetter_(metric::higherIsBetter(config.monitorMetric.empty()
                                                 ? std::string(metric::ValLoss)
                                                 : config.monitorMetric))
{
    plateau_.rate = config.learningRate;
}

double LrSchedule::at(std::int64_t step) const
{
    const std::int64_t w = config_.warmupSteps;
    if (step < w) {
        const double f = config_.warmupStartFactor +
                         (1.0 - config_.warmupStartFactor) * static_cast<double>(step) /
                             static_cast<double>(w);
        return config_.learningRate * f;
    }
    return main(step - w);
}

double LrSchedule::main(std::int64_t t) const
{
    const double base = config_.learningRate;
    switch (config_.schedule) {
    case ScheduleKind::Constant:
        return base;
    case ScheduleKind::Step:
        return base * std::pow(config_.gamma,
                               static_cast<double>(t / (config_.stepEpochs * stepsPerEpoch_)));
    case ScheduleKind::Cosine: {
        const auto span = std::max<std::int64_t>(totalSteps_ - config_.warmupSteps, 1);
        const double pct = std::min(1.0, static_cast<double>(t) / static_cast<double>(span));
        return cosineAnneal(base, config_.minLearningRate, pct);
    }
    case ScheduleKind::OneCycle: {
        const double initial = base / config_.oneCycleDivFactor;
        const double final = initial / config_.oneCycleFinalDivFactor;
        const double peakStep = config_.oneCyclePctStart * static_cast<double>(totalSteps_) - 1.0;
        const double lastStep = static_cast<double>(totalSteps_) - 1.0;
        const double s = static_cast<double>(t);
        if (s <= peakStep)
            return cosineAnneal(initial, base, s / peakStep);
        return cosineAnneal(base, final, (s - peakStep) / (lastStep - peakStep));
    }
    case ScheduleKind::ReduceOnPlateau:
        return plateau_.rate;
    }
    return base;
}

void LrSchedule::epochEnded(std::optional<double> value)
{
    if (config_.schedule != ScheduleKind::ReduceOnPlateau || !value)
        return;
    const double v = *value;
    const bool better = !plateau_.hasBest ||
                        (higherIsBetter_ ? v > plateau_.best * (1.0 + kPlateauThreshold)
                                         : v < plateau_.best * (1.0 - kPlateauThreshold));
    if (better) {
        plateau_.best = v;
        plateau_.hasBest = true;
        plateau_.badEpochs = 0;
        return;
    }
    if (++plateau_.badEpochs > config_.plateauPatience) {
        const double reduced = std::max(plateau_.rate * config_.plateauFactor,
                                        config_.minLearningRate);
        if (plateau_.rate - reduced > kPlateauEps)
            plateau_.rate = reduced;
        plateau_.badEpochs = 0;
    }
}

}  // namespace flightdeck::train
