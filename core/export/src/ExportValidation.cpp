#include "flightdeck/export/ExportValidation.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/model/Model.h"
#include "flightdeck/model/OnnxExport.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

namespace flightdeck::exporting {

namespace fs = std::filesystem;

namespace {

void compare(FormatCheck& check, const std::vector<float>& got, const std::vector<float>& reference)
{
    if (got.size() != reference.size()) {
        check.note = "produced " + std::to_string(got.size()) + " values, the reference has "
                     + std::to_string(reference.size());
        return;
    }
    double scale = 1.0;
    for (float v : reference)
        scale = std::max(scale, std::abs(static_cast<double>(v)));
    double diff = 0.0;
    bool finite = true;
    for (std::size_t i = 0; i < got.size(); ++i) {
        finite = finite && std::isfinite(got[i]) == std::isfinite(reference[i]);
        diff = std::max(diff, std::abs(static_cast<double>(got[i]) - reference[i]));
    }
    check.maxAbsDiff = diff;
    check.maxRelDiff = diff / scale;
    check.passed = finite && check.maxRelDiff <= kValidationTolerance;
    if (!finite)
        check.note = "non-finite outputs where the reference has finite ones (or the reverse)";
}

std::string readAll(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(ErrorInfo{ErrorCode::FileUnreadable, file.string(), 0, {}, "cannot open"});
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

ExportValidation validateBundleOutputs(const fs::path& bundleDir, const ValidationSamples& samples,
                                       const std::vector<float>& reference,
                                       const std::string& onnxNote)
{
    ExportValidation v;
    v.samples = samples;
    v.reference = reference;
    const std::size_t rows = samples.rows.size();
    v.outputs = rows ? static_cast<std::int64_t>(reference.size() / rows) : 0;

    FormatCheck ts{"torchscript", "model.pt", "libtorch (torch::jit::load)"};
    try {
        const auto model = model::Model::load(bundleDir / ts.file);
        compare(ts, model.logits(samples.features.data(), rows), reference);
    } catch (const std::exception& e) {
        ts.note = e.what();
    }
    v.formats.push_back(ts);

    FormatCheck onnx{"onnx", "model.onnx", "Flightdeck's ONNX runner (libtorch kernels, weights read from the file)"};
    if (!fs::exists(bundleDir / onnx.file)) {
        onnx.file.clear();
        onnx.note = onnxNote.empty() ? "not exported" : onnxNote;
        onnx.passed = true;   // a missing format is reported, not a disagreement
    } else {
        try {
            const std::string bytes = readAll(bundleDir / onnx.file);
            const auto problems = model::checkOnnx(bytes);
            if (!problems.empty()) {
                onnx.note = problems.front();
            } else {
                std::int64_t outputs = 0;
                compare(onnx, model::runOnnx(bytes, samples.features.data(), rows, samples.inputs, &outputs),
                        reference);
                if (onnx.note.empty())
                    onnx.note = "onnx::checker (full) and strict shape inference passed";
            }
        } catch (const std::exception& e) {
            onnx.note = e.what();
        }
    }
    v.formats.push_back(onnx);
    v.passed = rows > 0 && std::all_of(v.formats.begin(), v.formats.end(),
                                       [](const FormatCheck& f) { return f.passed; });
    return v;
}

std::string ExportValidation::toJson() const
{
    nlohmann::json j;
    j["passed"] = passed;
    j["tolerance"] = kValidationTolerance;
    j["compared"] = "max |bundle - reference| / max(1, max |reference|) over every output value";
    j["reference"] = "the run's stored model, evaluated by libtorch as the trainer evaluates it";
    j["samples"] = {{"split", samples.split}, {"count", samples.rows.size()},
                    {"rows", samples.rows}, {"inputs", samples.inputs}, {"outputs", outputs}};
    nlohmann::json formats = nlohmann::json::object();
    for (const auto& f : this->formats) {
        nlohmann::json e = {{"runner", f.runner}, {"passed", f.passed}};
        if (!f.file.empty()) {
            e["file"] = f.file;
            e["max_abs_diff"] = f.maxAbsDiff;
            e["max_rel_diff"] = f.maxRelDiff;
        }
        if (!f.note.empty())
            e["note"] = f.note;
        formats[f.format] = e;
    }
    j["formats"] = formats;
    return j.dump(2) + "\n";
}

}  // namespace flightdeck::exporting
