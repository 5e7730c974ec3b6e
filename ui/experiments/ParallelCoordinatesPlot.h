#pragma once
// Parameters against a metric for the selected runs: one vertical axis per parameter (numbers
// linear or log, text as ordered categories, see RunAxis) and the metric's axis last; one line
// per run through its values, coloured by the metric (low blue to high red). A run without a
// value on an axis has a gap there.
#include "experiments/RunAxis.h"

#include <QWidget>

#include <map>
#include <vector>

class QCustomPlot;
class QLabel;

namespace flightdeck::ui {

struct RunColumn;
struct RunRow;

class ParallelCoordinatesPlot : public QWidget {
    Q_OBJECT
public:
    explicit ParallelCoordinatesPlot(QWidget* parent = nullptr);

    // `dimensions` with their titles, the metric last; `runs` in legend order.
    void setRuns(const std::vector<const RunRow*>& runs, const std::vector<RunColumn>& dimensions,
                 const QStringList& titles);
    void setPlaceholder(const QString& text);
    int lineCount() const { return static_cast<int>(positions_.size()); }
    const std::vector<RunAxis>& axes() const { return axes_; }
    // A run's 0..1 position on each axis (NaN where it has no value); empty if not drawn.
    std::vector<double> positionsOf(qint64 runId) const;
    QCustomPlot* plot() const { return plot_; }

private:
    void redraw();

    QCustomPlot* plot_;
    QLabel* placeholder_;
    std::vector<RunAxis> axes_;
    std::map<qint64, std::vector<double>> positions_;
    std::vector<qint64> order_;
};

}  // namespace flightdeck::ui
