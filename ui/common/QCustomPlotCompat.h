#pragma once
// Includes <qcustomplot.h> under the ui target's QT_NO_FOREACH: QCustomPlot 2.1's header uses
// the `foreach` keyword in two read-only template loops (plottableAt, itemAt), which does not
// compile once QT_NO_FOREACH removes Q_FOREACH. A range-for is equivalent there.
#include <QtGlobal>

#if !defined(foreach)
#define FLIGHTDECK_QCP_FOREACH
#define foreach(variable, container) for (variable : container)
#endif

#include <qcustomplot.h>

#if defined(FLIGHTDECK_QCP_FOREACH)
#undef foreach
#undef FLIGHTDECK_QCP_FOREACH
#endif
