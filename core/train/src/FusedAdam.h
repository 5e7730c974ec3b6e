#pragma once
// Private to core/train (torch): torch::optim::Adam and AdamW with their update done in one
// pass over each parameter instead of eight tensor operations. libtorch's C++ Adam reads and
// writes the parameter, its gradient and both moments in separate kernels (mul_, add_, mul_,
// addcmul_, sqrt, div, add_, addcdiv_), which made the optimizer 13 % of an MLP step; one
// loop touches each array once. The formulas, the state (AdamParamState / AdamWParamState
// under the same keys) and the checkpoint format are torch's, so a checkpoint written before
// resumes here and the other way round; anything the loop does not cover (a CUDA or
// non-float parameter, amsgrad, a sparse or strided gradient) takes the base class's step.
#include <torch/torch.h>

namespace flightdeck::train::detail {

class FusedAdam : public torch::optim::Adam {
public:
    using torch::optim::Adam::Adam;
    torch::Tensor step(LossClosure closure = nullptr) override;
};

class FusedAdamW : public torch::optim::AdamW {
public:
    using torch::optim::AdamW::AdamW;
    torch::Tensor step(LossClosure closure = nullptr) override;
};

}  // namespace flightdeck::train::detail
