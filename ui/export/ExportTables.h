#pragma once
// What the Export panel's tables share (registry versions, alias history, bundle manifest):
// read-only, one row selected whole, no row numbers, rows sized to the font, columns fitted to
// their contents and `stretchColumn` taking the rest; times shown in the user's locale.
#include <QString>

class QTableWidget;
class QWidget;

namespace flightdeck::ui {

QTableWidget* makeReadOnlyTable(int columns, const QString& objectName, int stretchColumn,
                                QWidget* parent);
// Unix seconds as a short local date and time.
QString localDateTime(double unixSeconds);

}  // namespace flightdeck::ui
