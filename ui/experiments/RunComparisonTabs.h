#pragma once
// The selected runs compared, beside the Experiments panel's curve overlay: a parallel-
// coordinates plot of the parameters that differ against the chosen metric, a scatter of any
// two table columns, and the table of the parameters that differ.
#include <QList>
#include <QString>
#include <QTabWidget>

#include <utility>
#include <vector>

class QLabel;

namespace flightdeck::ui {

class ParallelCoordinatesPlot;
class ParamsDiffTable;
class RunScatterPlot;
class RunTableModel;

class RunComparisonTabs : public QTabWidget {
    Q_OBJECT
public:
    explicit RunComparisonTabs(QWidget* parent = nullptr);

    // The selected runs (id, label) in the table's order, compared on `metric`.
    void setSelection(const RunTableModel& model, const std::vector<std::pair<qint64, QString>>& runs,
                      const QString& metric);
    ParallelCoordinatesPlot* parallel() const { return parallel_; }
    RunScatterPlot* scatter() const { return scatter_; }
    ParamsDiffTable* diff() const { return diff_; }
    // Parameter axes of the parallel-coordinates plot, beside the metric's.
    static constexpr std::size_t kMaxAxes = 8;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateParallel(const RunTableModel& model, const QString& metric);
    void updateScatter(const RunTableModel& model);
    void updateDiff();

    ParallelCoordinatesPlot* parallel_;
    RunScatterPlot* scatter_;
    QWidget* diffPage_;
    QLabel* diffHint_;
    ParamsDiffTable* diff_;
    // The last selection, kept to retranslate the texts built from it.
    const RunTableModel* model_ = nullptr;
    std::vector<std::pair<qint64, QString>> runs_;
    QString metric_;
};

}  // namespace flightdeck::ui
