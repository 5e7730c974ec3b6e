#pragma once
// A run's life as a type: the trainer, the store and every panel compare these, never the
// text. The text is what the database holds (and what older projects already hold), so
// runStatusFromName is the one place a stored status is validated.
#include <ostream>
#include <string>
#include <string_view>

namespace flightdeck::store {

enum class RunStatus { Running, Completed, Cancelled, Failed, Interrupted };

const char* runStatusName(RunStatus status);   // "running", "completed", ...
// Error(CorruptObject) naming the value when the database holds something else.
RunStatus runStatusFromName(std::string_view name);
inline std::ostream& operator<<(std::ostream& out, RunStatus s) { return out << runStatusName(s); }

// A run that ended without finishing its epochs and left a checkpoint can be resumed.
inline bool isResumable(RunStatus s)
{
    return s == RunStatus::Cancelled || s == RunStatus::Interrupted || s == RunStatus::Failed;
}

}  // namespace flightdeck::store
