#include "common/RunStatusText.h"

namespace flightdeck::ui {

QString RunStatusText::text(store::RunStatus status)
{
    using store::RunStatus;
    switch (status) {
    case RunStatus::Running: return tr("running");
    case RunStatus::Completed: return tr("completed");
    case RunStatus::Cancelled: return tr("cancelled");
    case RunStatus::Failed: return tr("failed");
    case RunStatus::Interrupted: return tr("interrupted");
    }
    return QString::fromLatin1(store::runStatusName(status));
}

}  // namespace flightdeck::ui
