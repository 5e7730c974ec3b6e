#pragma once
// What the Export panel shows about one bundle folder: the files listed in its manifest.json
// and the result of re-hashing them (core's verifyBundle). Computed on a pool thread.
#include "flightdeck/export/BundleExporter.h"

#include <QString>
#include <QStringList>

#include <filesystem>
#include <vector>

namespace flightdeck::ui {

struct BundleInspection {
    std::vector<flightdeck::exporting::BundleFile> files;
    QStringList problems;   // from verifyBundle; empty = intact
    QString error;          // the manifest or the folder could not be read (translated)
    bool intact() const { return error.isEmpty() && problems.isEmpty(); }
};

// Reads `bundleDir`/manifest.json (a "files" array or object of {name, sha256, bytes}; a few
// spellings are accepted) and verifies the bundle. Never throws.
BundleInspection inspectBundle(const std::filesystem::path& bundleDir);

}  // namespace flightdeck::ui
