#pragma once
// What every run records about the build that produced it (north-star: reproducibility).
namespace flightdeck {
inline const char* appVersion() { return FLIGHTDECK_VERSION; }
inline const char* gitCommit() { return FLIGHTDECK_GIT_COMMIT; }
}  // namespace flightdeck
