#include "Recipe.h"

#include "FusedAdam.h"

#include "flightdeck/common/Error.h"

#include <sstream>

namespace flightdeck::train::detail {

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const std::vector<torch::Tensor>& params,
                                                       const TrainConfig& c)
{
    const double decay = effectiveWeightDecay(c);
    switch (c.optimizer) {
    case OptimizerKind::Sgd:
        return std::make_unique<torch::optim::SGD>(
            params, torch::optim::SGDOptions(c.learningRate)
                        .momentum(c.momentum)
                        .nesterov(c.nesterov)
                        .weight_decay(decay));
    case OptimizerKind::Adam:
        return std::make_unique<FusedAdam>(
            params, torch::optim::AdamOptions(c.learningRate)
                        .betas({c.beta1, c.beta2})
                        .eps(c.eps)
                        .weight_decay(decay));
    case OptimizerKind::AdamW:
        return std::make_unique<FusedAdamW>(
            params, torch::optim::AdamWOptions(c.learningRate)
                        .betas({c.beta1, c.beta2})
                        .eps(c.eps)
                        .weight_decay(decay));
    }
    throw Error(ErrorCode::InvalidArgument, "unknown optimizer");
}

void setLearningRate(torch::optim::Optimizer& optimizer, double rate)
{
    for (auto& group : optimizer.param_groups())
        group.options().set_lr(rate);
}

torch::Tensor Loss::operator()(const torch::Tensor& output, const torch::Tensor& target) const
{
    namespace F = torch::nn::functional;
    switch (type) {
    case model::LossType::CrossEntropy: {
        F::CrossEntropyFuncOptions options;
        if (classWeights.defined())
            options.weight(classWeights);
        return F::cross_entropy(output, target, options);
    }
    case model::LossType::MSE:
        return F::mse_loss(output.view({-1}), target);
    case model::LossType::L1:
        return F::l1_loss(output.view({-1}), target);
    case model::LossType::Huber:
        return F::huber_loss(output.view({-1}), target, F::HuberLossFuncOptions().delta(huberDelta));
    case model::LossType::BinaryCrossEntropy:
        break;
    }
    throw Error(ErrorCode::InvalidArgument, "the trainer does not build BCE outputs");
}

torch::Tensor balancedClassWeights(const torch::Tensor& trainLabels, std::int64_t classes)
{
    auto counts = torch::bincount(trainLabels.to(torch::kCPU), {}, classes).to(torch::kFloat64);
    const double n = static_cast<double>(trainLabels.numel());
    auto w = (n / (static_cast<double>(classes) * counts));
    w = torch::where(counts > 0, w, torch::ones_like(w));
    return w.to(torch::kFloat32);
}

Augmenter::Augmenter(const TrainConfig& config, const std::vector<std::int64_t>& shape)
    : rng_(config.seed ^ 0xA5A5A5A55A5A5A5AULL)
{
    if (shape.size() != 3)
        return;   // tables: nothing to crop or flip
    c_ = shape[0];
    h_ = shape[1];
    w_ = shape[2];
    padding_ = config.augmentCropPadding;
    flip_ = config.augmentFlip;
    active_ = padding_ > 0 || flip_;
}

torch::Tensor Augmenter::apply(const torch::Tensor& batch)
{
    if (!active_)
        return batch;
    const std::int64_t n = batch.size(0);
    auto images = batch.view({n, c_, h_, w_});
    const std::int64_t p = padding_;
    auto padded = p > 0 ? torch::constant_pad_nd(images, {p, p, p, p}, 0) : images;
    auto out = torch::empty_like(images);
    for (std::int64_t i = 0; i < n; ++i) {
        // Two draws per image whatever the options, so turning one off does not shift the
        // other's stream.
        const auto dy = static_cast<std::int64_t>(rng_() % static_cast<std::uint64_t>(2 * p + 1));
        const auto dx = static_cast<std::int64_t>(rng_() % static_cast<std::uint64_t>(2 * p + 1));
        const bool flip = flip_ && (rng_() & 1U);
        auto img = padded[i].narrow(1, dy, h_).narrow(2, dx, w_);
        out[i].copy_(flip ? img.flip({2}) : img);
    }
    return out.view({n, c_ * h_ * w_});
}

std::string Augmenter::state() const
{
    std::ostringstream s;
    s << rng_;
    return s.str();
}

void Augmenter::restore(const std::string& state)
{
    std::istringstream s(state);
    s >> rng_;
}

}  // namespace flightdeck::train::detail
