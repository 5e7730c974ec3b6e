#pragma once
// ONNX for a Model, written from the same TorchScript graph that model.pt holds (frozen in
// eval mode, so weights are constants and dropout is off), not from the architecture spec: the
// v1 layer stacks, v2 graphs and the regression output scale all export through one path, and
// what runs in ONNX is what was trained. Torch-free header.
//
// The file has one input "features" (float32 [batch, F], raw feature values: standardization
// is inside the graph as in model.pt) and one output "logits" (float32 [batch, classes]).
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace flightdeck::model {

class Model;

struct OnnxExportOptions {
    int opset = 17;   // LayerNormalization is opset 17
    std::string graphName = "flightdeck";
    std::string producerVersion;
    // Stored in the model's metadata_props (labels, preprocessing, name, version).
    std::vector<std::pair<std::string, std::string>> metadata;
};

struct OnnxExport {
    std::string bytes;                       // a serialized ModelProto; empty when unsupported
    // One entry per TorchScript operation with no ONNX mapping, naming the graph node it
    // belongs to ("node pool1 (aten::adaptive_avg_pool2d): ..."). Non-empty = no file.
    std::vector<std::string> unsupported;
    int opset = 0;
};

OnnxExport exportOnnx(const Model& model, const OnnxExportOptions& options = {});

// onnx::checker (full check) and strict shape inference; the problems found (empty = valid).
std::vector<std::string> checkOnnx(const std::string& bytes);

// Runs an ONNX file of the operator subset exportOnnx writes, with libtorch's kernels on the
// CPU, reading every weight back from the file: the export's own check that the file computes
// what model.pt computes. rows x inputs in; rows x outputs out (*outputs set). Error(BadValue)
// naming the operator for anything outside the subset.
std::vector<float> runOnnx(const std::string& bytes, const float* features, std::size_t rows,
                           std::int64_t inputs, std::int64_t* outputs);

}  // namespace flightdeck::model
