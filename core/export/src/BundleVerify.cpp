#include "flightdeck/export/BundleVerify.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/store/ObjectStore.h"

#include <nlohmann/json.hpp>

namespace flightdeck::exporting {

namespace fs = std::filesystem;

namespace {

constexpr const char* kManifest = "manifest.json";
// What every export writes, whatever the model, and what flightdeck-serve and the Triton layout
// load: a manifest that leaves one out would let that file be swapped unchecked.
constexpr const char* kRequired[] = {"model.pt", "labels.json", "preprocessing.json", "signature.json"};

}  // namespace

std::vector<std::string> verifyBundle(const fs::path& bundleDir)
{
    std::vector<std::string> problems;
    nlohmann::json manifest;
    try {
        manifest = readJsonFile(bundleDir / kManifest);
    } catch (const Error& e) {
        problems.push_back(std::string(kManifest) + ": " + e.what());
        return problems;
    }
    if (!manifest.contains("files") || !manifest["files"].is_array()) {
        problems.push_back(std::string(kManifest) + ": no \"files\" list");
        return problems;
    }
    for (const char* required : kRequired) {
        bool listed = false;
        for (const auto& entry : manifest["files"])
            listed = listed || (entry.is_object() && entry.contains("name")
                                && entry["name"] == nlohmann::json(required));
        if (!listed)
            problems.push_back(std::string(required) + ": not listed in " + kManifest
                               + ", so it cannot be checked (every bundle lists it)");
    }
    for (const auto& entry : manifest["files"]) {
        if (!entry.is_object() || !entry.contains("name") || !entry["name"].is_string() ||
            !entry.contains("sha256") || !entry["sha256"].is_string()) {
            problems.push_back(std::string(kManifest) + ": malformed entry " + entry.dump());
            continue;
        }
        const std::string name = entry["name"].get<std::string>();
        const fs::path file = bundleDir / name;
        if (name.find("..") != std::string::npos || fs::path(name).is_absolute()) {
            problems.push_back(name + ": path escapes the bundle");
            continue;
        }
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) {
            problems.push_back(name + ": missing");
            continue;
        }
        const auto size = static_cast<std::int64_t>(fs::file_size(file, ec));
        if (entry.contains("bytes") && entry["bytes"].is_number_integer() &&
            entry["bytes"].get<std::int64_t>() != size) {
            problems.push_back(name + ": size " + std::to_string(size) + " bytes, manifest says " +
                               std::to_string(entry["bytes"].get<std::int64_t>()));
            continue;
        }
        try {
            const std::string sha = store::sha256OfFile(file);
            if (sha != entry["sha256"].get<std::string>())
                problems.push_back(name + ": SHA-256 " + sha + " does not match the manifest's " +
                                   entry["sha256"].get<std::string>());
        } catch (const Error& e) {
            problems.push_back(name + ": " + e.what());
        }
    }
    return problems;
}

}  // namespace flightdeck::exporting
