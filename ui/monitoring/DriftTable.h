#pragma once
// One row per column of the drift result (features, then the predictions): test, statistic,
// p-value or distance, PSI and whether it drifted, coloured by severity, with a sparkline of
// the statistic over the drift windows (SparklineDelegate, last column).
#include "monitoring/DashboardSnapshot.h"

#include <QStyledItemDelegate>
#include <QTableWidget>

namespace flightdeck::ui {

enum class DriftSeverity { NotTested, Fine, Warning, Alarm };
// PSI < 0.1 fine, 0.1 .. 0.2 warning, > 0.2 alarm; drifted per its test is an alarm too.
DriftSeverity driftSeverity(const flightdeck::monitor::ColumnDrift& column);

class SparklineDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    // The cell's Qt::UserRole holds a QList<double> (NaN: no value in that window).
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

class DriftTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column { Feature, Test, Statistic, Score, Psi, Drifted, Trend, ColumnCount };
    static constexpr int kSeverityRole = Qt::UserRole + 1;

    explicit DriftTable(QWidget* parent = nullptr);
    void setSnapshot(const DashboardSnapshot& snapshot);
    void retranslateUi();
    QString selectedColumn() const;   // the selected row's column name ("" if none)
    // The row of column `name`, -1 when absent.
    int rowOf(const QString& name) const;
    DriftSeverity severity(int row) const;

Q_SIGNALS:
    void columnSelected(const QString& name);
};

}  // namespace flightdeck::ui
