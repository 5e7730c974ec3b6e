#pragma once
// A Triton Inference Server model repository entry laid out from an exported bundle:
//
//   <repoDir>/<name>/config.pbtxt
//   <repoDir>/<name>/labels.txt              (classifiers: one class per line)
//   <repoDir>/<name>/<version>/model.onnx    (platform "onnxruntime_onnx")
//                          or  model.pt      (platform "pytorch_libtorch")
//
// so that a user who outgrows one machine serves the same artifact on Triton. The bundle is
// verified against its manifest first and the copied model is re-hashed, so Triton gets exactly
// the bytes the manifest names. The entry is written into a hidden sibling folder and renamed
// into place: an existing non-empty <name> folder is refused, and a failure leaves nothing.
// Torch-free.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace flightdeck::exporting {

enum class TritonFormat { Onnx, TorchScript };

struct TritonModel {
    std::string name;                      // the model folder's name: [A-Za-z0-9_.-], no leading '.'
    int version = 1;                       // Triton's numeric version folder, >= 1
    std::filesystem::path bundleDir;       // an exported bundle with manifest.json
    TritonFormat format = TritonFormat::Onnx;
    // Without the batch dimension (Triton adds it when max_batch_size > 0): {F} and {classes}.
    // -1 marks a variable dimension.
    std::vector<std::int64_t> inputDims;
    std::vector<std::int64_t> outputDims;
    // The class names in output order; empty for a regression model (no labels.txt).
    std::vector<std::string> classes;
    int maxBatchSize = 64;                 // >= 1; requests are batched dynamically up to it
};

struct TritonLayoutResult {
    std::filesystem::path modelDir;            // <repoDir>/<name>
    std::vector<std::string> files;            // relative to modelDir, in writing order
};

// The config.pbtxt text for `m` (validates `m` as writeTritonRepository does; no file access).
std::string tritonConfigText(const TritonModel& m);

// Error(InvalidArgument, field) for a bad TritonModel; Error(FileNotFound / CorruptObject) for a
// bundle without the model file or one that fails its manifest (naming the file);
// Error(FileUnwritable) for a target that exists and is not empty, is a file, or cannot be
// written.
TritonLayoutResult writeTritonRepository(const TritonModel& m,
                                         const std::filesystem::path& repoDir);

}  // namespace flightdeck::exporting
