#include "flightdeck/export/BundleExporter.h"

#include "BundleModelFiles.h"
#include "ModelCard.h"

#include "flightdeck/common/BuildInfo.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/eval/Classification.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include <unistd.h>

#include <nlohmann/json.hpp>

namespace flightdeck::exporting {

namespace fs = std::filesystem;

namespace {

constexpr const char* kManifest = "manifest.json";

[[noreturn]] void unwritable(const fs::path& where, const std::string& why)
{
    throw Error(ErrorInfo{ErrorCode::FileUnwritable, where.string(), 0, {}, why});
}

void writeFile(const fs::path& file, const std::string& bytes)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out)
        unwritable(file, "cannot create the file");
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out)
        unwritable(file, "write failed");
}

int nextVersion(store::Project& project, const std::string& name)
{
    int v = 0;
    for (const auto& m : store::ModelRegistry(project).models())
        if (m.name == name)
            v = std::max(v, m.version);
    return v + 1;
}

}  // namespace

BundleExporter::BundleExporter(store::Project& project) : project_(project) {}

ExportResult BundleExporter::exportRun(store::Id runId, const std::string& modelName,
                                       const fs::path& outDir)
{
    ExportOptions options;
    options.outDir = outDir;
    return exportRun(runId, modelName, options);
}

ExportResult BundleExporter::exportRun(store::Id runId, const std::string& modelName,
                                       const ExportOptions& options)
{
    const fs::path& outDir = options.outDir;
    if (modelName.empty() || modelName.find('/') != std::string::npos ||
        modelName.find('\\') != std::string::npos || modelName == "." || modelName == "..")
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "model name",
                              "a non-empty name without slashes"});

    store::RunRepository runs(project_);
    store::DatasetRepository datasets(project_);
    CardInput card;
    card.modelName = modelName;
    card.run = runs.run(runId);
    const std::string modelHash = runs.requireModel(runId);
    const std::string modelBytes = project_.objects().get(modelHash);   // re-verifies the hash

    card.dataset = datasets.version(card.run.versionId);
    for (const auto& d : datasets.datasets())
        if (d.id == card.dataset.datasetId)
            card.datasetName = d.name;
    if (card.run.splitId != 0) {
        card.split = datasets.split(card.run.splitId);
        card.haveSplit = true;
    }
    if (card.run.architectureId != 0) {
        card.arch = store::ArchitectureRepository(project_).get(card.run.architectureId);
        card.haveArch = true;
    }
    card.params = runs.params(runId);
    for (const auto& key : runs.metricKeys(runId)) {
        const auto points = runs.metrics(runId, key);
        if (!points.empty())
            card.finalMetrics.push_back(points.back());
    }
    card.evaluations = runs.evaluations(runId);
    card.modelSha = modelHash;

    nlohmann::json schema = nlohmann::json::parse(card.dataset.schemaJson, nullptr, false);
    if (!schema.is_object())
        schema = nlohmann::json::object();
    if (schema.contains("features") && schema["features"].is_array())
        card.features = schema["features"].get<std::vector<std::string>>();
    if (schema.contains("label") && schema["label"].is_string())
        card.labelColumn = schema["label"].get<std::string>();
    if (schema.contains("classes") && schema["classes"].is_array())
        card.classes = schema["classes"].get<std::vector<std::string>>();

    card.version = nextVersion(project_, modelName);
    const fs::path target = fs::absolute(
        outDir.empty() ? project_.folder() / "exports" / (modelName + "-v" + std::to_string(card.version))
                       : outDir);

    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (ec)
        unwritable(target.parent_path(), ec.message());
    // Every export is a new registry version, so it never "updates" an existing bundle: a
    // folder that holds anything (another bundle, the user's files) is never replaced. An
    // empty folder is fine; rename() onto it fails with ENOTEMPTY if something appears there
    // meanwhile, so the check cannot be raced into deleting files.
    if (fs::exists(target, ec) || fs::is_symlink(target, ec)) {
        if (!fs::is_directory(fs::symlink_status(target, ec)))
            unwritable(target, "a file is in the way; choose another folder");
        if (!fs::is_empty(target, ec))
            unwritable(target, "the folder is not empty; an export never replaces existing "
                               "files (choose a new or empty folder)");
    }
    for (const auto& m : store::ModelRegistry(project_).models()) {
        std::error_code same;
        const fs::path registered = store::absoluteBundlePath(project_.folder(), m.bundlePath);
        if (registered == target || fs::equivalent(registered, target, same))
            unwritable(target, "registered as the bundle of " + m.name + " v" +
                                   std::to_string(m.version) + "; choose another folder");
    }

    nlohmann::json labels;
    labels["label_column"] = card.labelColumn;
    labels["classes"] = card.classes;
    nlohmann::json pre;
    pre["features"] = card.features;
    pre["label_column"] = card.labelColumn;
    // An image model has no named features: its input row is the C x H x W pixels (an
    // image bundle once said [-1, 0]).
    auto width = static_cast<std::int64_t>(card.features.size());
    std::vector<std::int64_t> input;
    if (card.dataset.task == "image_classification") {
        input = data::DatasetCatalog(project_).modelInput(card.run.versionId).shape;
        if (input.size() == 3)
            width = input[0] * input[1] * input[2];
    }
    pre["input"] = {{"name", "features"}, {"dtype", "float32"}, {"shape", {-1, width}}};
    pre["output"] = {{"name", "logits"}};
    if (card.dataset.task == "image_classification") {
        if (input.size() == 3)
            pre["image"] = {{"channels", input[0]}, {"height", input[1]}, {"width", input[2]},
                            {"layout", "CHW"}, {"scale", "pixel / 255"},
                            {"note", "features are the image's pixels in CHW order divided by 255; "
                                     "the image must have this size (no resizing)"}};
    }
    pre["standardization"] = {
        {"inside_model", true},
        {"note", "The model subtracts the training split's mean and divides by its std "
                 "(buffers \"mean\" and \"std\"): feed raw feature values."}};
    // The ONNX file carries labels and preprocessing too, for runtimes that see only it.
    const BundleModelFiles modelFiles = prepareModelFiles(
        project_, card.run, modelBytes,
        {{"flightdeck.model", modelName + " v" + std::to_string(card.version)},
         {"flightdeck.dataset_version_hash", card.dataset.hash},
         {"flightdeck.labels", labels.dump()},
         {"flightdeck.preprocessing", pre.dump()}});

    card.exportedAt = unixTimeNow();   // one time for the .md and the .html
    card.hasOnnx = !modelFiles.onnxBytes.empty();

    // Write everything into a sibling temp folder, then rename it into place.
    const fs::path tmp = target.parent_path() /
                         ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()));
    fs::remove_all(tmp, ec);
    fs::create_directory(tmp, ec);
    if (ec)
        unwritable(tmp, ec.message());

    ExportResult result;
    try {
        std::vector<std::pair<std::string, std::string>> files = {
            {"model.pt", modelBytes},
            {"labels.json", labels.dump(2) + "\n"},
            {"preprocessing.json", pre.dump(2) + "\n"},
            {"signature.json", modelFiles.signatureJson},
            {"reference_profile.json", modelFiles.profileJson},
            {"model_card.md", modelCardMarkdown(card)},
            {"model_card.html", modelCardHtml(card)},
        };
        if (!modelFiles.onnxBytes.empty())
            files.emplace_back("model.onnx", modelFiles.onnxBytes);
        else
            result.warnings.push_back("no model.onnx: " + modelFiles.onnxNote);
        nlohmann::json manifestFiles = nlohmann::json::array();
        auto add = [&](const std::string& name, const std::string& bytes) {
            writeFile(tmp / name, bytes);
            BundleFile f{name, store::sha256Hex(bytes), static_cast<std::int64_t>(bytes.size())};
            manifestFiles.push_back({{"name", f.name}, {"sha256", f.sha256}, {"bytes", f.bytes}});
            result.files.push_back(std::move(f));
        };
        for (const auto& [name, bytes] : files)
            add(name, bytes);

        // The files as written, loaded back, against the run's stored model.
        if (options.beforeValidation)
            options.beforeValidation(tmp);
        result.validation = validateBundleOutputs(tmp, modelFiles.samples, modelFiles.reference,
                                                  modelFiles.onnxNote);
        add("validation.json", result.validation.toJson());
        if (!result.validation.passed) {
            std::string why;
            for (const auto& f : result.validation.formats)
                if (!f.passed)
                    why += (why.empty() ? "" : "; ") + f.format + " (" + f.file + "): "
                           + (f.note.empty() ? "max relative difference " + std::to_string(f.maxRelDiff)
                                                   + " exceeds " + std::to_string(kValidationTolerance)
                                             : f.note);
            throw Error(ErrorInfo{ErrorCode::BadValue, target.string(), 0, "validation",
                                  "the exported model does not reproduce the run's outputs on "
                                  + std::to_string(modelFiles.samples.rows.size()) + " "
                                  + modelFiles.samples.split + " rows: " + why
                                  + "; nothing was exported"});
        }
        nlohmann::json manifest;
        manifest["format"] = "flightdeck-bundle";
        manifest["format_version"] = 1;
        manifest["model"] = {{"name", modelName}, {"version", card.version}, {"run_id", runId}};
        manifest["dataset_version_hash"] = card.dataset.hash;
        manifest["created_at"] = isoTimeUtc(unixTimeNow());
        manifest["flightdeck"] = {{"version", appVersion()}, {"git_commit", gitCommit()}};
        manifest["torch_version"] = card.run.torchVersion;
        manifest["files"] = std::move(manifestFiles);
        const std::string manifestBytes = manifest.dump(2) + "\n";
        writeFile(tmp / kManifest, manifestBytes);

        // POSIX rename replaces an empty target folder atomically and fails on a non-empty one.
        fs::rename(tmp, target, ec);
        if (ec == std::errc::directory_not_empty || ec == std::errc::file_exists)
            // Checked empty before writing: another export of the same name and version
            // (two at once) got there first.
            unwritable(target, "another export wrote " + target.filename().string()
                                   + " meanwhile; export again for the next version");
        if (ec)
            unwritable(target, ec.message());

        result.bundleDir = target;
        result.registeredModelId = store::ModelRegistry(project_).registerModel(
            modelName, runId, target.string(), store::sha256Hex(manifestBytes));
        result.version = card.version;
        for (const auto& m : store::ModelRegistry(project_).models())
            if (m.id == result.registeredModelId)
                result.version = m.version;
    } catch (...) {
        fs::remove_all(tmp, ec);
        throw;
    }
    return result;
}

}  // namespace flightdeck::exporting
