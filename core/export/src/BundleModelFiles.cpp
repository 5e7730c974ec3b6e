#include "BundleModelFiles.h"

#include "BundleProfile.h"

#include "flightdeck/common/BuildInfo.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/model/Model.h"
#include "flightdeck/model/OnnxExport.h"

#include <nlohmann/json.hpp>

namespace flightdeck::exporting {

namespace {

nlohmann::json tensorSpec(const char* name, std::int64_t width, const char* meaning)
{
    return {{"name", name}, {"dtype", "float32"}, {"shape", {-1, width}}, {"meaning", meaning}};
}

}  // namespace

BundleModelFiles prepareModelFiles(store::Project& project, const store::RunRecord& run,
                                   const std::string& modelBytes,
                                   const std::vector<std::pair<std::string, std::string>>& onnxMetadata,
                                   std::size_t maxSamples)
{
    BundleModelFiles out;
    const model::Model model = model::Model::loadFromBytes(modelBytes);
    data::DatasetCatalog catalog(project);
    out.table = catalog.load(run.versionId);
    if (run.splitId != 0)
        out.split = catalog.loadSplit(run.splitId);
    const std::pair<const char*, const std::vector<std::uint32_t>*> parts[] = {
        {"test", &out.split.test}, {"val", &out.split.val}, {"train", &out.split.train}};
    for (const auto& [name, rows] : parts) {
        if (rows->empty())
            continue;
        out.samples.split = name;
        out.samples.rows.assign(rows->begin(), rows->begin() + std::min(maxSamples, rows->size()));
        break;
    }
    if (out.samples.rows.empty()) {   // no split: the version's first rows
        out.samples.split = "all";
        for (std::uint32_t r = 0; r < std::min<std::size_t>(maxSamples, out.table.rows()); ++r)
            out.samples.rows.push_back(r);
    }
    const std::size_t cols = out.table.cols();
    out.samples.inputs = static_cast<std::int64_t>(cols);
    for (auto r : out.samples.rows)
        out.samples.features.insert(out.samples.features.end(), out.table.row(r), out.table.row(r) + cols);
    out.reference = model.logits(out.samples.features.data(), out.samples.rows.size());
    out.outputs = model.classes();

    model::OnnxExportOptions options;
    options.producerVersion = appVersion();
    options.metadata = onnxMetadata;
    const model::OnnxExport onnx = model::exportOnnx(model, options);
    out.onnxBytes = onnx.bytes;
    for (const auto& u : onnx.unsupported)
        out.onnxNote += (out.onnxNote.empty() ? "" : "; ") + u;

    nlohmann::json sig;
    sig["inputs"] = {tensorSpec("features", model.inputs(),
                                "raw feature values in preprocessing.json's order")};
    sig["outputs"] = {tensorSpec("logits", model.classes(),
                                 model.classes() == 1 && out.table.classes.size() != 1
                                     ? "the prediction, in the target's units"
                                     : "class scores; argmax indexes labels.json's classes")};
    sig["formats"] = {{"torchscript", "model.pt: forward(features) -> logits"}};
    if (!onnx.bytes.empty())
        sig["formats"]["onnx"] = "model.onnx: input \"features\", output \"logits\", opset "
                                 + std::to_string(onnx.opset) + ", dynamic batch";
    const std::size_t n = std::min<std::size_t>(2, out.samples.rows.size());
    sig["example"] = {
        {"input", std::vector<float>(out.samples.features.begin(), out.samples.features.begin() + n * cols)},
        {"output", std::vector<float>(out.reference.begin(),
                                      out.reference.begin() + n * static_cast<std::size_t>(out.outputs))},
        {"rows", n}};
    out.signatureJson = sig.dump(2) + "\n";
    const bool regression = model.classes() == 1 && out.table.classes.size() != 1;
    const bool images = catalog.task(run.versionId) == data::DatasetTask::ImageClassification;
    out.profileJson = referenceProfileJson(model, out.table, out.split, regression, images,
                                           "dataset version " + std::to_string(run.versionId)
                                               + ", train split " + std::to_string(run.splitId));
    return out;
}

}  // namespace flightdeck::exporting
