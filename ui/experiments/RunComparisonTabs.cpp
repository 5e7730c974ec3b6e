#include "experiments/RunComparisonTabs.h"

#include "experiments/ParallelCoordinatesPlot.h"
#include "experiments/ParamsDiffTable.h"
#include "experiments/RunScatterPlot.h"
#include "experiments/RunTableModel.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

#include <set>

namespace flightdeck::ui {

RunComparisonTabs::RunComparisonTabs(QWidget* parent)
    : QTabWidget(parent),
      parallel_(new ParallelCoordinatesPlot(this)),
      scatter_(new RunScatterPlot(this)),
      diffPage_(new QWidget(this)),
      diffHint_(new QLabel(diffPage_)),
      diff_(new ParamsDiffTable(diffPage_))
{
    setObjectName(QStringLiteral("comparisonTabs"));
    diffPage_->setObjectName(QStringLiteral("paramsDiffGroup"));
    diffHint_->setObjectName(QStringLiteral("paramsDiffHint"));
    diffHint_->setWordWrap(true);
    auto* diffLayout = new QVBoxLayout(diffPage_);
    diffLayout->addWidget(diffHint_);
    diffLayout->addWidget(diff_, 1);
    addTab(parallel_, QString());
    addTab(scatter_, QString());
    addTab(diffPage_, QString());
    retranslateUi();
}

void RunComparisonTabs::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QTabWidget::changeEvent(event);
}

void RunComparisonTabs::retranslateUi()
{
    setTabText(0, tr("Parallel coordinates"));
    setTabText(1, tr("Scatter"));
    setTabText(2, tr("Parameters that differ"));
    if (model_) {
        updateParallel(*model_, metric_);
        updateScatter(*model_);
    } else {
        parallel_->setPlaceholder(tr("Select two or more runs to see their parameters against a metric."));
        scatter_->setPlaceholder(tr("Select two or more runs to plot two columns against each other."));
    }
    updateDiff();
}

void RunComparisonTabs::setSelection(const RunTableModel& model,
                                     const std::vector<std::pair<qint64, QString>>& runs,
                                     const QString& metric)
{
    model_ = &model;
    runs_ = runs;
    metric_ = metric;
    updateParallel(model, metric);
    updateScatter(model);
    updateDiff();
}

void RunComparisonTabs::updateParallel(const RunTableModel& model, const QString& metric)
{
    std::vector<const RunRow*> rows;
    std::vector<RunParams> params;
    for (const auto& [id, label] : runs_)
        if (const RunRow* row = model.rowOf(id)) {
            rows.push_back(row);
            params.push_back({label, row->params});
        }
    // Axes: the parameters that differ between the selected runs (in the table's column
    // order, at most kMaxAxes), then the chosen metric's best value, else its last.
    std::set<std::string> differing;
    for (std::string& key : ParamsDiffTable::differingKeys(params))
        if (key != "run_name")   // a name differs by design and says nothing
            differing.insert(std::move(key));
    std::vector<RunColumn> dimensions;
    QStringList titles;
    for (const RunColumn& column : model.columns())
        if (column.kind == RunColumnKind::Param && differing.count(column.key.toStdString())
            && dimensions.size() < kMaxAxes) {
            dimensions.push_back(column);
            titles.append(column.key);
        }
    RunColumn metricColumn{RunColumnKind::MetricBest, metric};
    if (model.columnOf(metricColumn) < 0)
        metricColumn.kind = RunColumnKind::MetricLast;
    const bool haveMetric = model.columnOf(metricColumn) >= 0;
    if (haveMetric) {
        dimensions.push_back(metricColumn);
        titles.append(model.columnTitle(metricColumn));
    }
    if (rows.size() < 2 || dimensions.size() < 2) {
        parallel_->setRuns({}, {}, {});
        parallel_->setPlaceholder(
            rows.size() < 2 ? tr("Select two or more runs to see their parameters against %1.").arg(metric)
            : haveMetric    ? tr("The selected runs have the same parameters.")
                            : tr("The selected runs have no %1 to compare.").arg(metric));
        return;
    }
    parallel_->setRuns(rows, dimensions, titles);
    parallel_->setPlaceholder({});
}

void RunComparisonTabs::updateScatter(const RunTableModel& model)
{
    std::vector<RunColumn> columns;
    QStringList titles;
    for (const RunColumn& column : model.columns()) {
        switch (column.kind) {
        case RunColumnKind::Name: case RunColumnKind::Tags: case RunColumnKind::Note:
        case RunColumnKind::Dataset: case RunColumnKind::Device:
            continue;   // text of one run each: nothing to see in a scatter
        default:
            columns.push_back(column);
            titles.append(model.columnTitle(column));
        }
    }
    std::vector<const RunRow*> rows;
    for (const auto& entry : runs_)
        if (const RunRow* row = model.rowOf(entry.first))
            rows.push_back(row);
    scatter_->setColumns(columns, titles);
    scatter_->setRuns(rows);
    scatter_->setPlaceholder(rows.size() < 2
                                 ? tr("Select two or more runs to plot two columns against each other.")
                                 : QString());
}

void RunComparisonTabs::updateDiff()
{
    std::vector<RunParams> runs;
    for (const auto& [id, label] : runs_)
        if (const RunRow* row = model_ ? model_->rowOf(id) : nullptr)
            runs.push_back({label, row->params});
    diff_->setRuns(runs);
    if (runs.size() < 2)
        diffHint_->setText(tr("Select two or more runs (Ctrl+click) to compare their parameters."));
    else if (diff_->differingCount() == 0)
        diffHint_->setText(tr("All parameters of the %n selected run(s) are equal.", "",
                              static_cast<int>(runs.size())));
    else
        diffHint_->setText(tr("%n parameter(s) differ.", "", diff_->differingCount()));
}

}  // namespace flightdeck::ui
