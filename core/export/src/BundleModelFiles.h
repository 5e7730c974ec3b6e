#pragma once
// What a bundle holds beside model.pt that needs the model and its data: model.onnx, the
// held-out samples and the stored model's outputs on them (for validation.json), and the
// signature with an input example.
#include "flightdeck/data/Splitter.h"
#include "flightdeck/data/Table.h"
#include "flightdeck/export/ExportValidation.h"
#include "flightdeck/store/Records.h"

#include <string>
#include <utility>
#include <vector>

namespace flightdeck::store { class Project; }

namespace flightdeck::exporting {

struct BundleModelFiles {
    std::string onnxBytes;            // empty when the model has no ONNX form
    std::string onnxNote;             // why not, naming the node
    ValidationSamples samples;
    std::vector<float> reference;     // the stored model on the samples
    std::int64_t outputs = 0;
    std::string signatureJson;        // signature.json
    std::string profileJson;          // reference_profile.json
    data::Table table;                // the run's dataset version, for the reference profile
    data::Split split;
};

// Up to maxSamples rows of the run's test part (else val, else train: the first that has rows).
BundleModelFiles prepareModelFiles(store::Project& project, const store::RunRecord& run,
                                   const std::string& modelBytes,
                                   const std::vector<std::pair<std::string, std::string>>& onnxMetadata,
                                   std::size_t maxSamples = 256);

}  // namespace flightdeck::exporting
