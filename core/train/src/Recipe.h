#pragma once
// Private to core/train (torch): the recipe's torch pieces. The optimizers are torch::optim's
// own (Adam and AdamW with a one-pass update, FusedAdam.h), whose updates follow torch.optim's
// formulas; the loss and the augmentation are written
// so their results equal PyTorch's for the same inputs.
#include "flightdeck/train/TrainConfig.h"

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace flightdeck::train::detail {

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const std::vector<torch::Tensor>& params,
                                                       const TrainConfig& config);
void setLearningRate(torch::optim::Optimizer& optimizer, double rate);

// The training loss: cross-entropy (optionally class-weighted, torch's weighted mean) on class
// indices, or MSE / L1 / Huber on a [N, 1] output against [N] targets.
struct Loss {
    model::LossType type = model::LossType::CrossEntropy;
    torch::Tensor classWeights;   // undefined = unweighted
    double huberDelta = 1.0;

    torch::Tensor operator()(const torch::Tensor& output, const torch::Tensor& target) const;
    bool regression() const { return type != model::LossType::CrossEntropy; }
};

// scikit-learn's "balanced": n / (classes * count), 1 for a class the train part lacks.
torch::Tensor balancedClassWeights(const torch::Tensor& trainLabels, std::int64_t classes);

// Random crop after zero padding and horizontal flip on a batch of flat [N, C*H*W] rows, drawn
// from its own seeded stream so the run's seed fixes every augmentation.
class Augmenter {
public:
    Augmenter(const TrainConfig& config, const std::vector<std::int64_t>& inputShape);
    bool active() const { return active_; }
    torch::Tensor apply(const torch::Tensor& batch);
    std::string state() const;             // the stream's state, for checkpoints
    void restore(const std::string& state);

private:
    bool active_ = false;
    int padding_ = 0;
    bool flip_ = false;
    std::int64_t c_ = 1, h_ = 1, w_ = 1;
    std::mt19937_64 rng_;
};

}  // namespace flightdeck::train::detail
