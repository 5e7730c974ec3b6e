#pragma once
// One-click export of a run: a folder with model.pt (TorchScript, loads in Python's
// torch.jit.load and in libtorch), labels.json, preprocessing.json, model_card.md and
// manifest.json (SHA-256 and size of every other file). The bundle is written to a temporary
// sibling folder and renamed into place, so a crash never leaves a half bundle. The export is
// registered as a new version of the model name in the project's registry.
#include "flightdeck/export/BundleVerify.h"
#include "flightdeck/export/ExportValidation.h"
#include "flightdeck/store/Records.h"

#include <functional>

#include <filesystem>
#include <string>
#include <vector>

namespace flightdeck::store { class Project; }

namespace flightdeck::exporting {

struct BundleFile {
    std::string name;
    std::string sha256;
    std::int64_t bytes = 0;
};

struct ExportResult {
    std::filesystem::path bundleDir;
    std::vector<BundleFile> files;   // manifest entries
    store::Id registeredModelId = 0;
    int version = 0;
    ExportValidation validation;        // also in the bundle as validation.json
    std::vector<std::string> warnings;  // e.g. why there is no model.onnx
};

struct ExportOptions {
    std::filesystem::path outDir;   // empty = <project>/exports/<modelName>-v<version>
    // Called on the staging folder after the model files are written and before they are
    // validated: fault injection for tests (a deliberately broken file must be refused).
    std::function<void(const std::filesystem::path& stagingDir)> beforeValidation;
};

class BundleExporter {
public:
    explicit BundleExporter(store::Project& project);
    // outDir empty = <project>/exports/<modelName>-v<version>. Error(NotFound) for a run with
    // no model artifact; Error(FileUnwritable) for an unwritable destination.
    ExportResult exportRun(store::Id runId, const std::string& modelName,
                           const std::filesystem::path& outDir = {});
    // The export validates model.pt and model.onnx on held-out rows of the run's split and
    // refuses (Error BadValue, field "validation", nothing written or registered) when either
    // disagrees with the run's stored model beyond kValidationTolerance.
    ExportResult exportRun(store::Id runId, const std::string& modelName,
                           const ExportOptions& options);

private:
    store::Project& project_;
};


}  // namespace flightdeck::exporting
