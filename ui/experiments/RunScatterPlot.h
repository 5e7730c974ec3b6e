#pragma once
// Any two columns of the run table against each other for the selected runs: one point per run
// that has both values (numbers linear or log, text as ordered categories, see RunAxis); the
// run's name shows when the pointer rests on its point.
#include "experiments/RunAxis.h"
#include "experiments/RunRow.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QCustomPlot;
class QLabel;

namespace flightdeck::ui {

class RunScatterPlot : public QWidget {
    Q_OBJECT
public:
    struct Point {
        qint64 runId = 0;
        QVariant x, y;    // the cells' values (double or text)
        double px = 0, py = 0;   // 0..1 on the axes
    };

    explicit RunScatterPlot(QWidget* parent = nullptr);

    // The columns offered on both axes, with their titles; keeps the chosen ones if offered.
    void setColumns(const std::vector<RunColumn>& columns, const QStringList& titles);
    void setRuns(const std::vector<const RunRow*>& runs);
    // Chooses the axes (false when a column is not offered).
    bool setAxes(const RunColumn& x, const RunColumn& y);
    RunColumn xColumn() const;
    RunColumn yColumn() const;
    const std::vector<Point>& points() const { return points_; }
    int pointCount() const { return static_cast<int>(points_.size()); }
    void setPlaceholder(const QString& text);
    void retranslateUi();
    QCustomPlot* plot() const { return plot_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void redraw();
    void showPointAt(const QPoint& pixel);

    QComboBox* xCombo_;
    QComboBox* yCombo_;
    QLabel* xLabel_;
    QLabel* yLabel_;
    QLabel* placeholder_;
    QCustomPlot* plot_;
    std::vector<RunColumn> columns_;
    // What is drawn of each run (the cells are shared with the table's rows, not copied).
    struct Run {
        qint64 id = 0;
        QString label;
        QHash<RunColumn, RunCell> cells;
    };
    std::vector<Run> runs_;
    std::vector<Point> points_;
    std::vector<QString> labels_;
};

}  // namespace flightdeck::ui
