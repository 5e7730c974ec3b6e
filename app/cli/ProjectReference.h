#pragma once
// `--reference` for the monitor commands: everything core/monitor reads (a log, a dataset CSV,
// a reference_profile.json or a bundle folder), plus a project's dataset version, which only
// the CLI can read (core/monitor stays free of core/store): "project:DIR:VERSION[:SPLIT]" or
// --project DIR --version N [--split ID]. A version's reference is its split's train rows
// (the latest split of the version unless one is named).
#include "flightdeck/monitor/ReferenceProfile.h"
#include "flightdeck/monitor/ReferenceSample.h"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace flightdeck::cli {

struct ReferenceArgs {
    std::string reference;        // path or project:DIR:VERSION[:SPLIT]
    std::string project;          // with version (and split)
    std::int64_t version = 0, split = 0;
    std::string label;            // a dataset CSV's label column
};

// --reference, --project, --version, --split, --reference-label on `cmd`.
void addReferenceOptions(CLI::App* cmd, ReferenceArgs& args);
bool hasReference(const ReferenceArgs& args);

// The train split of a project's dataset version, summarized (sampleRows 0 = every row).
monitor::ReferenceProfile profileFromProject(const std::string& folder, std::int64_t versionId,
                                             std::int64_t splitId, std::size_t sampleRows);

// The project, version and split the arguments name (the version's latest split unless one is
// named), else nullopt: for the commands that read the version's rows themselves.
struct ProjectSplit {
    std::string folder;
    std::int64_t version = 0, split = 0;
};
std::optional<ProjectSplit> projectSplit(const ReferenceArgs& args);

// The profile of the project the arguments name (project:... or --project), else nullopt.
std::optional<monitor::ReferenceProfile> projectProfile(const ReferenceArgs& args,
                                                        std::size_t sampleRows);

// Loads whatever the arguments name; Error(InvalidArgument) for a malformed project: text.
monitor::ReferenceSample loadCliReference(const ReferenceArgs& args,
                                          const monitor::ReferenceOptions& options);

}  // namespace flightdeck::cli
