#pragma once
// Labels in and out of a project as files: a CSV of sample,label (export and import) and an
// ImageFolder tree (one folder per class, as torchvision reads it).
#include "flightdeck/store/Records.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace flightdeck::store { class Project; }

namespace flightdeck::data {

// sample,label,verified,source (RFC 4180 quoting); sample is the image's name or "row N".
// Returns the rows written.
std::size_t exportLabelsCsv(store::Project& project, store::Id versionId,
                            const std::filesystem::path& file);

struct LabelImportResult {
    std::size_t applied = 0;       // rows whose label changed
    std::size_t unchanged = 0;
    std::vector<std::string> newClasses;
    std::vector<std::pair<std::int64_t, std::string>> unknownSamples;   // CSV line, sample id
};

// A CSV with a header naming a `sample` column and a `label` column (others are ignored).
// Samples the version does not have are reported, never guessed; an empty label removes the
// label. All changes go in as one labeling action (source Import). Errors name file and line.
LabelImportResult importLabelsCsv(store::Project& project, store::Id versionId,
                                  const std::filesystem::path& file);

// <folder>/<class>/<name>.png for every labeled image (unlabeled ones under _unlabeled/).
// The folder must be new or empty. Returns the images written.
std::size_t exportImageFolder(store::Project& project, store::Id versionId,
                              const std::filesystem::path& folder);

}  // namespace flightdeck::data
