#pragma once
// What every run records about the build that produced it (north-star: reproducibility).
// Defined in one translation unit so that a new commit recompiles one file, not the project.
namespace flightdeck {
const char* appVersion();
const char* gitCommit();
}  // namespace flightdeck
