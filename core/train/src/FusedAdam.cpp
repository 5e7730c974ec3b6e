#include "FusedAdam.h"

#include <ATen/Parallel.h>

#include <cmath>
#include <sstream>
#include <string>
#include <type_traits>

namespace flightdeck::train::detail {

namespace {

// torch keys a parameter's state by its TensorImpl: the address printed to a string
// (c10::guts::to_string, an ostream <<) in libtorch 1.x, the address itself in later ones. The
// key has to be torch's own for a checkpoint to load. Written without c10::guts, which newer
// libtorch no longer has.
template <class StateMap>
typename StateMap::key_type stateKey(const StateMap&, const torch::Tensor& p)
{
    if constexpr (std::is_same_v<typename StateMap::key_type, std::string>) {
        std::ostringstream key;
        key << p.unsafeGetTensorImpl();
        return key.str();
    } else {
        return p.unsafeGetTensorImpl();
    }
}

template <class Options>
bool fusable(const std::vector<torch::optim::OptimizerParamGroup>& groups)
{
    for (const auto& group : groups) {
        if (static_cast<const Options&>(group.options()).amsgrad())
            return false;
        for (const auto& p : group.params()) {
            const auto& g = p.grad();
            if (!g.defined())
                continue;
            if (!p.device().is_cpu() || p.scalar_type() != torch::kFloat32 || !p.is_contiguous() ||
                g.is_sparse() || g.scalar_type() != torch::kFloat32 || !g.is_contiguous() ||
                g.sizes() != p.sizes())
                return false;
        }
    }
    return true;
}

struct Coefficients {
    float beta1, beta2, oneMinusBeta1, oneMinusBeta2, sqrtCorrection2, eps, negStepSize;
    float weightDecay;   // Adam: added to the gradient (L2); 0 when decoupled
    float decayFactor;   // AdamW: the parameter's shrink before the update; 1 for Adam
};

// Per element, in float as torch's CPU kernels compute it:
//   g += wd * p (Adam) | p *= 1 - lr * wd (AdamW)
//   m = m * b1 + (1 - b1) * g;  v = v * b2 + (1 - b2) * g * g
//   p += -lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
// The decay terms are template arguments rather than a multiplication by 0 or 1: torch skips
// them when the decay is 0, and 0 * inf would turn an infinite weight into NaN.
template <bool L2, bool Shrink>
void update(float* __restrict p, const float* __restrict g, float* __restrict m,
            float* __restrict v, std::int64_t n, const Coefficients& c)
{
    // Chunks big enough that a thread's share is worth the hand-off; small biases run inline.
    at::parallel_for(0, n, 32768, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t i = begin; i < end; ++i) {
            const float grad = L2 ? g[i] + c.weightDecay * p[i] : g[i];
            const float param = Shrink ? p[i] * c.decayFactor : p[i];
            const float mi = m[i] * c.beta1 + c.oneMinusBeta1 * grad;
            const float vi = v[i] * c.beta2 + c.oneMinusBeta2 * grad * grad;
            m[i] = mi;
            v[i] = vi;
            p[i] = param + c.negStepSize * (mi / (std::sqrt(vi) / c.sqrtCorrection2 + c.eps));
        }
    });
}

// torch's step: the closure (if any) evaluated with gradients on, then every parameter updated.
template <class State, class Options>
torch::Tensor fusedStep(std::vector<torch::optim::OptimizerParamGroup>& groups,
                        decltype(std::declval<torch::optim::Optimizer&>().state())& states,
                        const torch::optim::Optimizer::LossClosure& closure, bool decoupled)
{
    torch::NoGradGuard noGrad;
    torch::Tensor loss;
    if (closure) {
        at::AutoGradMode enableGrad(true);
        loss = closure();
    }
    for (auto& group : groups) {
        const auto& o = static_cast<const Options&>(group.options());
        for (auto& p : group.params()) {
            if (!p.grad().defined())
                continue;
            const auto key = stateKey(states, p);
            auto it = states.find(key);
            if (it == states.end()) {
                auto fresh = std::make_unique<State>();
                fresh->step(0);
                fresh->exp_avg(torch::zeros_like(p, torch::MemoryFormat::Preserve));
                fresh->exp_avg_sq(torch::zeros_like(p, torch::MemoryFormat::Preserve));
                it = states.emplace(key, std::move(fresh)).first;
            }
            auto& state = static_cast<State&>(*it->second);
            state.step(state.step() + 1);
            const double beta1 = std::get<0>(o.betas()), beta2 = std::get<1>(o.betas());
            const double correction1 = 1 - std::pow(beta1, static_cast<double>(state.step()));
            const double correction2 = 1 - std::pow(beta2, static_cast<double>(state.step()));
            const double decay = o.weight_decay();
            const Coefficients c{static_cast<float>(beta1),
                                 static_cast<float>(beta2),
                                 static_cast<float>(1 - beta1),
                                 static_cast<float>(1 - beta2),
                                 static_cast<float>(std::sqrt(correction2)),
                                 static_cast<float>(o.eps()),
                                 static_cast<float>(-o.lr() / correction1),
                                 decoupled ? 0.0f : static_cast<float>(decay),
                                 decoupled ? static_cast<float>(1 - o.lr() * decay) : 1.0f};
            float* const pp = p.template data_ptr<float>();
            const float* const gp = p.grad().template data_ptr<float>();
            float* const mp = state.exp_avg().template data_ptr<float>();
            float* const vp = state.exp_avg_sq().template data_ptr<float>();
            if (decay == 0)
                update<false, false>(pp, gp, mp, vp, p.numel(), c);
            else if (decoupled)
                update<false, true>(pp, gp, mp, vp, p.numel(), c);
            else
                update<true, false>(pp, gp, mp, vp, p.numel(), c);
            // As an in-place op would: autograd refuses a graph that saved the old values.
            p.unsafeGetTensorImpl()->bump_version();
        }
    }
    return loss;
}

}  // namespace

torch::Tensor FusedAdam::step(LossClosure closure)
{
    if (!fusable<torch::optim::AdamOptions>(param_groups_))
        return torch::optim::Adam::step(std::move(closure));
    return fusedStep<torch::optim::AdamParamState, torch::optim::AdamOptions>(param_groups_, state_,
                                                                             closure, false);
}

torch::Tensor FusedAdamW::step(LossClosure closure)
{
    if (!fusable<torch::optim::AdamWOptions>(param_groups_))
        return torch::optim::AdamW::step(std::move(closure));
    return fusedStep<torch::optim::AdamWParamState, torch::optim::AdamWOptions>(param_groups_, state_,
                                                                               closure, true);
}

}  // namespace flightdeck::train::detail
