// ModelRegistry::deployed: kept apart from ModelRegistry.cpp (alias moves and history), since it
// is a read every panel that follows "the model in production" shares.
#include "flightdeck/store/ModelRegistry.h"

namespace flightdeck::store {

std::optional<RegisteredModelRecord> ModelRegistry::deployed()
{
    const auto all = models();   // newest first
    if (all.empty())
        return std::nullopt;
    for (const auto& m : all)
        if (m.alias == "production")
            return m;
    return all.front();
}

}  // namespace flightdeck::store
