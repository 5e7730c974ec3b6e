#include "flightdeck/store/RunStatus.h"

#include "flightdeck/common/Error.h"

namespace flightdeck::store {

const char* runStatusName(RunStatus status)
{
    switch (status) {
    case RunStatus::Running: return "running";
    case RunStatus::Completed: return "completed";
    case RunStatus::Cancelled: return "cancelled";
    case RunStatus::Failed: return "failed";
    case RunStatus::Interrupted: return "interrupted";
    }
    return "failed";
}

RunStatus runStatusFromName(std::string_view name)
{
    for (RunStatus s : {RunStatus::Running, RunStatus::Completed, RunStatus::Cancelled,
                        RunStatus::Failed, RunStatus::Interrupted})
        if (name == runStatusName(s))
            return s;
    throw Error(ErrorInfo{ErrorCode::CorruptObject, {}, 0, "runs.status",
                          "running, completed, cancelled, failed or interrupted, got \"" +
                              std::string(name) + "\""});
}

}  // namespace flightdeck::store
