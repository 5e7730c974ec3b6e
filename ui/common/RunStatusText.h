#pragma once
// A run's status as the user reads it, translated. The one mapping every panel uses.
#include "flightdeck/store/RunStatus.h"

#include <QCoreApplication>
#include <QString>

namespace flightdeck::ui {

class RunStatusText {
    Q_DECLARE_TR_FUNCTIONS(RunStatus)
public:
    static QString text(store::RunStatus status);
};

}  // namespace flightdeck::ui
