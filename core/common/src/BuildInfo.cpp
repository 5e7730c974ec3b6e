#include "flightdeck/common/BuildInfo.h"

#include "BuildInfoGenerated.h"   // written at build time by cmake/GenerateBuildInfo.cmake

namespace flightdeck {
const char* appVersion() { return FLIGHTDECK_VERSION; }
const char* gitCommit() { return FLIGHTDECK_GIT_COMMIT; }
}  // namespace flightdeck
