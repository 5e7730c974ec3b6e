#pragma once
// A classifier as a TorchScript module, behind a pimpl so no torch header leaks.
// The module's forward takes raw features (float32 [N, inputs]) and returns logits
// [N, classes]; feature standardization (mean/std of the training split) is a buffer inside the
// module, so the exported file needs no separate preprocessing code to be correct.
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/model/GraphSpec.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace flightdeck::model {

namespace detail { struct ModelImpl; }

class Model {
public:
    // Builds with seeded initialization; mean/std have `inputs` entries (std 0 is treated as 1).
    static Model build(const ArchitectureSpec& spec, std::int64_t inputs, std::int64_t classes,
                       std::uint64_t seed, const std::vector<float>& mean,
                       const std::vector<float>& stddev);
    // A version-2 graph: the flat input row is standardized, reshaped to `input` ([F], [C, L]
    // or [C, H, W]) and run through the nodes in topological order. Throws InvalidSpec (the
    // node named) when the graph does not fit the input.
    static Model build(const GraphSpec& graph, const std::vector<std::int64_t>& input,
                       std::int64_t classes, std::uint64_t seed, const std::vector<float>& mean,
                       const std::vector<float>& stddev);
    // A regression model predicts in the target's units: wraps `net` so forward returns
    // net(x) * stddev + mean, the network itself learning the standardized target (a target
    // in the hundreds would otherwise take its last layer many epochs to reach).
    static Model withOutputScale(Model&& net, double mean, double stddev);
    // libtorch's intra-op threads for this process. A server answering many small requests on
    // its own worker threads wants 1: splitting one row's matrix products across cores costs
    // more than it saves and the workers would fight over the same cores. It holds on every
    // thread that runs logits(), not only the caller's.
    static void setIntraOpThreads(int threads);
    // Loads a TorchScript file saved by save() (or any module with that forward contract).
    static Model load(const std::filesystem::path& file);
    static Model loadFromBytes(const std::string& bytes);

    Model(Model&&) noexcept;
    Model& operator=(Model&&) noexcept;
    ~Model();

    void save(const std::filesystem::path& file) const;
    std::string saveToBytes() const;

    std::int64_t inputs() const;
    std::int64_t classes() const;
    std::int64_t parameterCount() const;   // trainable values

    // Inference (eval mode, no grad) on the CPU; rows x inputs in, rows x classes out.
    std::vector<float> logits(const float* features, std::size_t rows) const;
    std::vector<std::int32_t> predict(const float* features, std::size_t rows) const;

    detail::ModelImpl& impl();          // for core/train only (see internal/ModelImpl.h)
    const detail::ModelImpl& impl() const;

private:
    explicit Model(std::unique_ptr<detail::ModelImpl> impl);
    std::unique_ptr<detail::ModelImpl> impl_;
};

}  // namespace flightdeck::model
