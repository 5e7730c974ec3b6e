#pragma once
// What training runs on (libtorch version, BLAS, device, threads), read once from core and
// worded for the training panel and the status bar.
#include "flightdeck/train/Runtime.h"

#include <QCoreApplication>
#include <QString>

namespace flightdeck::ui {

class RuntimeText {
    Q_DECLARE_TR_FUNCTIONS(RuntimeText)
public:
    // Cached after the first call (GUI thread).
    static const flightdeck::train::RuntimeInfo& info();
    // "libtorch 1.13.1 · OpenBLAS (OpenMP) · cpu · threads: 2"
    static QString summary();
    // Multi-line, with the BLAS build details (for tooltips).
    static QString details();
    // "OpenBLAS (OpenMP)": core's BLAS description without the build details.
    static QString blasName();
    // Empty unless the reference BLAS is in use; then a warning with the fix.
    static QString blasWarning();
};

}  // namespace flightdeck::ui
