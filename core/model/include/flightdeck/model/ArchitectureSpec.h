#pragma once
// The architecture spec: a JSON document, torch-free, so the ui can edit it and infer shapes
// without libtorch. The foundation's spec is a layer stack (an MLP); the graph builder issue
// extends it to a DAG under the same "layers" key with a "version" bump.
//
//   {"name": "mlp", "layers": [{"type": "linear", "units": 64}, {"type": "relu"},
//                              {"type": "dropout", "p": 0.1}]}
//
// A final Linear to the number of classes (the head) is always appended, so one spec fits any
// dataset with the right input width.
#include <cstdint>
#include <string>
#include <vector>

namespace flightdeck::model {

// Limits with clear errors instead of an hours-long build or an allocation failure.
constexpr int kMaxLayers = 1000;
constexpr std::int64_t kMaxParameters = std::int64_t(1) << 30;   // 4 GiB of float32

enum class LayerType { Linear, ReLU, Tanh, Sigmoid, GELU, Dropout };

const char* layerTypeName(LayerType type);          // "linear", "relu", ...
bool parseLayerType(const std::string& name, LayerType* out);

struct LayerSpec {
    LayerType type = LayerType::Linear;
    std::int64_t units = 0;   // Linear only, >= 1
    double p = 0.0;           // Dropout only, in [0, 1)
};

struct ArchitectureSpec {
    std::string name = "mlp";
    std::vector<LayerSpec> layers;

    // Throws Error(InvalidSpec) with field = JSON path (e.g. "layers[2].units") and what was
    // expected.
    static ArchitectureSpec fromJson(const std::string& json);
    std::string toJson() const;         // canonical: same spec -> same bytes
    std::string hash() const;           // SHA-256 of toJson()
};

struct LayerShape {
    std::string label;                  // "Linear 784→64", "ReLU" (technical names, not prose)
    bool head = false;                  // the appended output layer (the ui labels it)
    std::vector<std::int64_t> outputShape;   // without the batch dimension
    std::int64_t parameters = 0;
};

// Shapes for input width `inputs` and `classes` outputs, head included. Throws
// Error(InvalidSpec) if inputs < 1 or classes < 2.
std::vector<LayerShape> inferShapes(const ArchitectureSpec& spec, std::int64_t inputs,
                                    std::int64_t classes);
std::int64_t parameterCount(const std::vector<LayerShape>& shapes);

// A sensible default: two hidden layers of 64 and 32 with ReLU.
ArchitectureSpec defaultMlp();

}  // namespace flightdeck::model
