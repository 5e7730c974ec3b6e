#pragma once
// Steps shared by the torch-free commands (CliCommands.cpp) and the torch ones
// (TrainCommands.cpp); each prints what it did.
#include "flightdeck/data/Splitter.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/Records.h"

#include <cstdint>
#include <string>

namespace flightdeck::model { struct ArchitectureSpec; }

namespace flightdeck::cli {

// Opens a project; says so on stderr when it is read-only here (no permission, or damaged).
store::Project openProject(const std::string& folder);
// For commands that write: refuses a read-only project with the reason, and runs SQLite's
// quick_check first, so a damaged database is never written to.
store::Project openForWriting(const std::string& folder);
store::DatasetVersionRecord importInto(store::Project& project, const std::string& csv,
                                       const std::string& name, const std::string& label,
                                       const std::string& task = "auto");
store::SplitRecord splitInto(store::Project& project, store::Id versionId,
                             const data::SplitFractions& fractions, std::uint64_t seed);
store::Id saveArchitecture(store::Project& project, const model::ArchitectureSpec& spec);

}  // namespace flightdeck::cli
