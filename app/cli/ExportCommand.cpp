// `flightdeck-cli export`: in the libtorch executable, because an export writes model.onnx and
// runs the bundle's models on held-out rows (validation.json) before it is called good.
#include "CliCommands.h"
#include "CliSupport.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/export/BundleExporter.h"
#include "flightdeck/export/TritonExport.h"
#include "flightdeck/store/Project.h"

#include <cstdio>
#include <iostream>

namespace flightdeck::cli {

int cmdExport(const std::string& folder, std::int64_t runId, const std::string& name,
              const std::string& out, const std::string& format, const std::string& tritonRepo)
{
    auto project = openForWriting(folder);
    const std::filesystem::path repo =
        tritonRepo.empty() ? project.folder() / "triton" : std::filesystem::path(tritonRepo);
    // What can be told before a version is registered is told before: a file where the model
    // repository or its entry should be once failed only after the bundle was written.
    if (format == "triton") {
        std::error_code ec;
        for (const auto& p : {repo, repo / name})
            if (std::filesystem::exists(p, ec) && !std::filesystem::is_directory(p, ec))
                throw flightdeck::Error(flightdeck::ErrorInfo{flightdeck::ErrorCode::FileUnwritable, p.string(), 0, "--triton-repo",
                                      "a file is in the way of the Triton model repository"});
    }
    const auto result = exporting::BundleExporter(project).exportRun(runId, name, out);
    for (const auto& file : result.files)
        std::cout << "  " << file.sha256 << "  " << file.name << " (" << file.bytes << " bytes)\n";
    for (const auto& f : result.validation.formats) {
        char line[256];
        if (f.file.empty())
            std::snprintf(line, sizeof line, "  validation %-11s %s\n", f.format.c_str(), f.note.c_str());
        else
            std::snprintf(line, sizeof line, "  validation %-11s max |diff| %.3g on %zu %s rows: %s\n",
                          f.format.c_str(), f.maxAbsDiff, result.validation.samples.rows.size(),
                          result.validation.samples.split.c_str(), f.passed ? "ok" : "FAILED");
        std::cout << line;
    }
    for (const auto& w : result.warnings)
        std::cerr << "warning: " << w << "\n";
    std::cout << "bundle " << name << " v" << result.version << " at " << result.bundleDir.string()
              << "\n";
    if (format == "triton") {
        const auto triton = exporting::exportTriton(result.bundleDir, repo);
        std::cout << "triton model repository entry at " << triton.modelDir.string() << " ("
                  << (triton.onnx ? "onnxruntime_onnx, model.onnx" : "pytorch_libtorch, model.pt")
                  << ")\n";
    }
    return 0;
}

}  // namespace flightdeck::cli
