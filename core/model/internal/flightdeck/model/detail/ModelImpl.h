#pragma once
// Torch side of flightdeck::model::Model. Only torch-linked core targets (model, train) put
// core/model/internal on their PRIVATE include path; no public header includes this file.
#include <torch/script.h>

namespace flightdeck::model::detail {

struct ModelImpl {
    torch::jit::Module module;      // forward(x) -> logits; buffers "mean", "std"
    std::int64_t inputs = 0;
    std::int64_t classes = 0;
};

}  // namespace flightdeck::model::detail
