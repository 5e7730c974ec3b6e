#pragma once
// A bundle checked against its manifest.json: model.pt, labels.json, preprocessing.json and
// signature.json listed (what every export writes and the server loads), every listed file
// present, of the listed size and SHA-256. Torch-free (the `bundle` target), so the torch-free CLI and the server's loader
// share it.
#include <filesystem>
#include <string>
#include <vector>

namespace flightdeck::exporting {

// Re-hashes every file listed in manifest.json; returns the problems, each naming its file
// (a required one left out of the manifest too; empty = intact).
std::vector<std::string> verifyBundle(const std::filesystem::path& bundleDir);

}  // namespace flightdeck::exporting
