#pragma once
// The learning rate of every optimizer step, torch-free, in closed form where torch's
// schedulers have one, so a resumed run computes the same rates as one left alone. Each
// schedule equals torch.optim.lr_scheduler's, stepped once per optimizer step:
//   warm-up:  SequentialLR([LinearLR(start_factor, total_iters=W), <main>], milestones=[W])
//   step:     StepLR(step_size=step_epochs * steps_per_epoch, gamma)
//   cosine:   CosineAnnealingLR(T_max=total_steps - W, eta_min=min_lr)
//   one-cycle: OneCycleLR(max_lr=lr, total_steps, pct_start, anneal_strategy="cos",
//              div_factor, final_div_factor, cycle_momentum=False)
//   plateau:  ReduceLROnPlateau(mode by metric, factor, patience, threshold=1e-4 "rel",
//             min_lr) stepped once per epoch with the monitored validation metric.
#include "flightdeck/train/TrainConfig.h"

#include <cstdint>
#include <optional>

namespace flightdeck::train {

class LrSchedule {
public:
    LrSchedule(const TrainConfig& config, std::int64_t stepsPerEpoch);

    // The rate for optimizer step `step` (0-based over the whole run).
    double at(std::int64_t step) const;
    // Once per epoch after validation: reduce-on-plateau's bookkeeping (others ignore it).
    // `value` is the monitored metric, or none when the split has no validation rows.
    void epochEnded(std::optional<double> value);

    // What a checkpoint keeps so a resumed run continues the same schedule.
    struct PlateauState {
        double rate = 0;          // the rate plateau reductions have reached
        double best = 0;
        bool hasBest = false;
        int badEpochs = 0;
    };
    PlateauState plateauState() const { return plateau_; }
    void restore(const PlateauState& s) { plateau_ = s; }

private:
    double main(std::int64_t step) const;   // the schedule after warm-up, its own clock

    TrainConfig config_;
    std::int64_t totalSteps_;
    std::int64_t stepsPerEpoch_;
    bool higherIsBetter_;
    PlateauState plateau_;
};

}  // namespace flightdeck::train
