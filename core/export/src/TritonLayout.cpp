#include "TritonLayout.h"

#include "flightdeck/common/BuildInfo.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/export/BundleExporter.h"
#include "flightdeck/store/ObjectStore.h"

#include <cctype>
#include <fstream>
#include <iterator>
#include <sstream>

#include <unistd.h>

#include <nlohmann/json.hpp>

namespace flightdeck::exporting {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void badModel(const std::string& field, const std::string& expected)
{
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "triton " + field, expected});
}

[[noreturn]] void unwritable(const fs::path& where, const std::string& why)
{
    throw Error(ErrorInfo{ErrorCode::FileUnwritable, where.string(), 0, {}, why});
}

const char* modelFile(TritonFormat f) { return f == TritonFormat::Onnx ? "model.onnx" : "model.pt"; }

void checkDims(const std::vector<std::int64_t>& dims, const std::string& field)
{
    if (dims.empty())
        badModel(field, "at least one dimension (without the batch dimension)");
    for (std::size_t i = 0; i < dims.size(); ++i)
        if (dims[i] <= 0 && dims[i] != -1)
            badModel(field, "dimensions > 0 or -1 (variable), got " + std::to_string(dims[i]) +
                                " at index " + std::to_string(i));
}

void validate(const TritonModel& m)
{
    // Triton takes the folder name as the model name; keep it one portable path component
    // that needs no quoting in config.pbtxt.
    if (m.name.empty() || m.name.size() > 200 || m.name.front() == '.')
        badModel("name", "1 to 200 characters, not starting with '.', got \"" +
                             escapeControls(m.name) + "\"");
    for (char c : m.name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.')
            badModel("name", "letters, digits, '_', '-' and '.' only, got \"" +
                                 escapeControls(m.name) + "\"");
    if (m.version < 1)
        badModel("version", "1 or more (Triton's version folders are positive integers), got " +
                                std::to_string(m.version));
    if (m.maxBatchSize < 1)
        badModel("max_batch_size", "1 or more (the layout uses dynamic batching), got " +
                                       std::to_string(m.maxBatchSize));
    checkDims(m.inputDims, "input dims");
    checkDims(m.outputDims, "output dims");
    if (!m.classes.empty()) {
        std::int64_t elements = 1;
        for (auto d : m.outputDims)
            elements = d == -1 ? -1 : elements * d;
        if (elements != static_cast<std::int64_t>(m.classes.size()))
            badModel("output dims", "as many output values as classes (" +
                                        std::to_string(m.classes.size()) +
                                        ") for labels.txt to name them");
        for (std::size_t i = 0; i < m.classes.size(); ++i)
            if (m.classes[i].find_first_of("\r\n") != std::string::npos)
                badModel("classes", "names without line breaks (labels.txt holds one per line); "
                                    "class " + std::to_string(i) + " is \"" +
                                    escapeControls(m.classes[i]) + "\"");
    }
}

std::string dimsText(const std::vector<std::int64_t>& dims)
{
    std::string out = "[ ";
    for (std::size_t i = 0; i < dims.size(); ++i)
        out += (i ? ", " : "") + std::to_string(dims[i]);
    return out + " ]";
}

// The bundle must be intact and list the model file; returns the manifest's SHA-256 for it.
std::string verifiedModelSha(const TritonModel& m)
{
    const fs::path file = m.bundleDir / modelFile(m.format);
    std::error_code ec;
    if (!fs::is_regular_file(file, ec))
        throw Error(ErrorInfo{ErrorCode::FileNotFound, file.string(), 0, {},
                              std::string("the bundle has no ") + modelFile(m.format) +
                                  (m.format == TritonFormat::Onnx
                                       ? " (export it with ONNX, or lay out the TorchScript model)"
                                       : "")});
    const auto problems = verifyBundle(m.bundleDir);
    if (!problems.empty()) {
        std::string detail = "the bundle fails its manifest: ";
        for (std::size_t i = 0; i < problems.size(); ++i)
            detail += (i ? "; " : "") + problems[i];
        throw Error(ErrorInfo{ErrorCode::CorruptObject, m.bundleDir.string(), 0, "manifest.json",
                              detail});
    }
    const auto manifest = readJsonFile(m.bundleDir / "manifest.json");
    for (const auto& entry : manifest["files"])
        if (entry.value("name", std::string()) == modelFile(m.format))
            return entry["sha256"].get<std::string>();
    throw Error(ErrorInfo{ErrorCode::CorruptObject, (m.bundleDir / "manifest.json").string(), 0,
                          "files", std::string("no entry for ") + modelFile(m.format) +
                                       ", so its bytes cannot be checked"});
}

std::string fileText(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return in ? std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>())
              : std::string();
}

// The config without its comment lines (they name the Flightdeck version that wrote them).
std::string withoutComments(const std::string& config)
{
    std::istringstream in(config);
    std::string out;
    for (std::string line; std::getline(in, line);)
        if (line.rfind('#', 0) != 0)
            out += line + "\n";
    return out;
}

std::string labelsText(const TritonModel& m)
{
    std::string labels;
    for (const auto& c : m.classes)
        labels += c + "\n";
    return labels;
}

// An entry written for this model before (another version of it): the same config and labels.
bool sameTritonModel(const fs::path& target, const std::string& config, const TritonModel& m)
{
    std::error_code ec;
    if (!fs::is_regular_file(target / "config.pbtxt", ec)
        || withoutComments(fileText(target / "config.pbtxt")) != withoutComments(config))
        return false;
    if (m.classes.empty())
        return !fs::exists(target / "labels.txt", ec);
    return fileText(target / "labels.txt") == labelsText(m);
}

// VERSION/model.* copied into `dir` from the bundle and checked against the manifest's hash:
// the bundle could change between its check and the copy, and the copy is what Triton loads.
std::string copyVersion(const TritonModel& m, const fs::path& dir, const std::string& expectedSha)
{
    std::error_code ec;
    const fs::path versionDir = dir / std::to_string(m.version);
    fs::create_directory(versionDir, ec);
    if (ec)
        unwritable(versionDir, ec.message());
    const std::string rel = std::to_string(m.version) + "/" + modelFile(m.format);
    fs::copy_file(m.bundleDir / modelFile(m.format), dir / rel, ec);
    if (ec)
        throw Error(ErrorInfo{writeErrorCode(ec.value()), (dir / rel).string(), 0, {},
                              "copying the model: " + ec.message()});
    const std::string copied = store::sha256OfFile(dir / rel);
    if (copied != expectedSha)
        throw Error(ErrorInfo{ErrorCode::CorruptObject, (m.bundleDir / modelFile(m.format)).string(),
                              0, "sha256",
                              "the copy's SHA-256 " + copied + " differs from the manifest's " + expectedSha
                                  + " (the bundle changed while it was copied)"});
    return rel;
}

}  // namespace

std::string tritonConfigText(const TritonModel& m)
{
    validate(m);
    const bool onnx = m.format == TritonFormat::Onnx;
    std::ostringstream c;
    c << "# Written by Flightdeck " << appVersion() << " from an exported bundle; its model card\n"
      << "# describes the model. Dims leave out the batch dimension (max_batch_size > 0).\n";
    c << "name: \"" << m.name << "\"\n";
    c << "platform: \"" << (onnx ? "onnxruntime_onnx" : "pytorch_libtorch") << "\"\n";
    c << "max_batch_size: " << m.maxBatchSize << "\n";
    // The ONNX graph names its tensors; the libtorch backend addresses a TorchScript module's
    // arguments and results by position through these reserved names.
    c << "input [\n  {\n    name: \"" << (onnx ? "features" : "INPUT__0") << "\"\n"
      << "    data_type: TYPE_FP32\n    dims: " << dimsText(m.inputDims) << "\n  }\n]\n";
    c << "output [\n  {\n    name: \"" << (onnx ? "logits" : "OUTPUT__0") << "\"\n"
      << "    data_type: TYPE_FP32\n    dims: " << dimsText(m.outputDims) << "\n";
    if (!m.classes.empty())
        c << "    label_filename: \"labels.txt\"\n";
    c << "  }\n]\n";
    c << "dynamic_batching {\n}\n";
    return c.str();
}

TritonLayoutResult writeTritonRepository(const TritonModel& m, const fs::path& repoDir)
{
    const std::string config = tritonConfigText(m);   // validates m before touching the disk
    const std::string expectedSha = verifiedModelSha(m);

    const fs::path repo = fs::absolute(repoDir);
    const fs::path target = repo / m.name;
    std::error_code ec;
    if (fs::exists(repo, ec) && !fs::is_directory(repo, ec))
        unwritable(repo, "a file is in the way of the model repository folder");
    fs::create_directories(repo, ec);
    if (ec)
        unwritable(repo, ec.message());
    bool newVersionOnly = false;
    if (fs::exists(target, ec) || fs::is_symlink(target, ec)) {
        if (!fs::is_directory(fs::symlink_status(target, ec)))
            unwritable(target, "a file is in the way; choose another model name or folder");
        if (!fs::is_empty(target, ec)) {
            // A retrained version of the same model joins its entry as one more numbered
            // folder, as Triton repositories are meant to hold versions; anything else there
            // is never replaced.
            if (!sameTritonModel(target, config, m))
                unwritable(target, "the model folder is not empty and holds another model (its "
                                   "config.pbtxt or labels.txt differ); a Triton layout never "
                                   "replaces an existing model (choose another name, or remove "
                                   "it first)");
            const fs::path version = target / std::to_string(m.version);
            if (fs::exists(version, ec) || fs::is_symlink(version, ec))
                unwritable(version, "version " + std::to_string(m.version) + " of \"" + m.name
                                        + "\" is in the repository already; a Triton layout "
                                          "never replaces a version");
            newVersionOnly = true;
        }
    }

    // Hidden, so that a Triton polling the repository does not take it for a model.
    const fs::path tmp = repo / ("." + m.name + ".tmp-" + std::to_string(::getpid()));
    fs::remove_all(tmp, ec);
    fs::create_directory(tmp, ec);
    if (ec)
        unwritable(tmp, ec.message());

    TritonLayoutResult result;
    result.modelDir = target;
    if (newVersionOnly) {
        try {
            result.files.push_back(copyVersion(m, tmp, expectedSha));
            // Renamed into place whole: a polling Triton never sees a half-copied version.
            const std::string version = std::to_string(m.version);
            fs::rename(tmp / version, target / version, ec);
            if (ec)
                unwritable(target / version, ec.message());
        } catch (...) {
            fs::remove_all(tmp, ec);
            throw;
        }
        fs::remove_all(tmp, ec);
        return result;
    }
    try {
        writeFileAtomically(tmp / "config.pbtxt", config);
        result.files.push_back("config.pbtxt");
        if (!m.classes.empty()) {
            writeFileAtomically(tmp / "labels.txt", labelsText(m));
            result.files.push_back("labels.txt");
        }
        result.files.push_back(copyVersion(m, tmp, expectedSha));

        // POSIX rename replaces an empty folder and fails on a non-empty one, so a folder that
        // filled up since the check above is never overwritten.
        fs::rename(tmp, target, ec);
        if (ec)
            unwritable(target, ec.message());
    } catch (...) {
        fs::remove_all(tmp, ec);
        throw;
    }
    return result;
}

}  // namespace flightdeck::exporting
