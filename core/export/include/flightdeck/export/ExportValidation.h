#pragma once
// The export's proof: the bundle's model files, loaded back from disk, run on held-out rows of
// the run's own data and compared with the run's model as the trainer stored it. The result is
// validation.json; an export whose files disagree beyond the tolerance is refused.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace flightdeck::exporting {

// |bundle - reference| / max(1, max |reference|) over every output value.
inline constexpr double kValidationTolerance = 1e-5;

struct FormatCheck {
    std::string format;      // "torchscript", "onnx"
    std::string file;        // "model.pt"
    std::string runner;      // what ran the file
    double maxAbsDiff = 0;
    double maxRelDiff = 0;   // the compared quantity (see kValidationTolerance)
    bool passed = false;
    std::string note;        // why a format was not checked, or the checker's findings
};

struct ValidationSamples {
    std::string split;                 // "test", "val" or "train": the first non-empty part
    std::vector<std::uint32_t> rows;   // row indices in the dataset version
    std::vector<float> features;       // rows x inputs, raw values
    std::int64_t inputs = 0;
};

struct ExportValidation {
    ValidationSamples samples;
    std::vector<float> reference;      // the stored run model's outputs
    std::int64_t outputs = 0;
    std::vector<FormatCheck> formats;
    bool passed = false;
    std::string toJson() const;        // validation.json
};

// Runs model.pt (and model.onnx when present) in `bundleDir` on the samples and compares with
// `reference` (rows x outputs). onnxNote: why there is no model.onnx, when there is none.
ExportValidation validateBundleOutputs(const std::filesystem::path& bundleDir,
                                       const ValidationSamples& samples,
                                       const std::vector<float>& reference,
                                       const std::string& onnxNote = {});

}  // namespace flightdeck::exporting
