#include "flightdeck/export/TritonExport.h"

#include "TritonLayout.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"

#include <nlohmann/json.hpp>

namespace flightdeck::exporting {

TritonExport exportTriton(const std::filesystem::path& bundleDir,
                          const std::filesystem::path& repoDir, int maxBatchSize)
{
    const nlohmann::json manifest = readJsonFile(bundleDir / "manifest.json");
    const nlohmann::json signature = readJsonFile(bundleDir / "signature.json");
    const nlohmann::json labels = readJsonFile(bundleDir / "labels.json");
    TritonModel m;
    TritonExport out;
    try {
        m.name = manifest.at("model").at("name").get<std::string>();
        m.version = manifest.at("model").at("version").get<int>();
        m.inputDims = {signature.at("inputs").at(0).at("shape").at(1).get<std::int64_t>()};
        m.outputDims = {signature.at("outputs").at(0).at("shape").at(1).get<std::int64_t>()};
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorInfo{ErrorCode::BadValue, bundleDir.string(), 0, "bundle", e.what()});
    }
    out.onnx = std::filesystem::exists(bundleDir / "model.onnx");
    m.format = out.onnx ? TritonFormat::Onnx : TritonFormat::TorchScript;
    m.bundleDir = bundleDir;
    m.maxBatchSize = maxBatchSize;
    // A regression output is one value, not classes (labels.json lists its distinct targets).
    if (m.outputDims.front() > 1)
        m.classes = labels.value("classes", std::vector<std::string>{});
    out.modelDir = writeTritonRepository(m, repoDir).modelDir;
    return out;
}

}  // namespace flightdeck::exporting
