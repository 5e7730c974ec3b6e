#pragma once
// `flightdeck-cli export --format triton`: an exported bundle laid out as a Triton Inference
// Server model repository entry (see core/export/src/TritonLayout.h for the layout), its name,
// version, dims and classes read from the bundle itself.
#include <filesystem>

namespace flightdeck::exporting {

struct TritonExport {
    std::filesystem::path modelDir;   // <repoDir>/<name>
    bool onnx = false;                // false: the bundle has no model.onnx, model.pt was used
};

// ONNX when the bundle has model.onnx, else TorchScript. Errors as writeTritonRepository's.
TritonExport exportTriton(const std::filesystem::path& bundleDir,
                          const std::filesystem::path& repoDir, int maxBatchSize = 64);

}  // namespace flightdeck::exporting
