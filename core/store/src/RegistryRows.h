#pragma once
// Internal to core/store: a registered_models row as ModelRegistry's files read it.
#include "SqlHelpers.h"

#include "flightdeck/store/ModelRegistry.h"

namespace flightdeck::store::registry {

inline constexpr std::size_t kMaxActor = 256;   // bytes of who made an alias change

inline constexpr const char* kModelColumns =
    "m.id, m.name, m.version, m.run_id, m.bundle_path, m.manifest_hash, m.alias, m.created_at";

inline RegisteredModelRecord readModel(const Statement& st)
{
    return {st.int64(0), st.text(1), static_cast<int>(st.int64(2)), sql::refOrZero(st, 3),
            st.text(4),  st.text(5), st.text(6),                      st.real(7)};
}

}  // namespace flightdeck::store::registry
