#include "common/RunStatus.h"

namespace flightdeck::ui {

QString RunStatus::text(const QString& status)
{
    if (status == QLatin1String("running"))
        return tr("running");
    if (status == QLatin1String("completed"))
        return tr("completed");
    if (status == QLatin1String("cancelled"))
        return tr("cancelled");
    if (status == QLatin1String("failed"))
        return tr("failed");
    if (status == QLatin1String("interrupted"))
        return tr("interrupted");
    return status;
}

}  // namespace flightdeck::ui
