#pragma once
// Experiments (compare): every run of the project in a sortable table, the chosen metric of
// the selected runs overlaid in one plot, and the hyperparameters that differ between them.
// Selecting a row makes it the session's current run (Evaluation and Export follow it).
// While a run is "running" the table and the plot refresh every two seconds.
#include "experiments/RunsTable.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <map>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;
class QGroupBox;

namespace flightdeck::ui {

class MetricOverlayPlot;
class ParamsDiffTable;
class ProjectSession;

class ExperimentsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ExperimentsPanel(ProjectSession* session, QWidget* parent = nullptr);
    ~ExperimentsPanel() override;

    // Reloads the run list from the project (cheap: finished runs are cached).
    void refresh();
    QList<qint64> selectedRunIds() const;
    QString currentMetric() const;
    void setCurrentMetric(const QString& key);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void clearAll();
    void updateSummary();
    void onSelectionChanged();
    void updateMetricKeys();
    void updatePlot(bool resetView);
    void updateParamsDiff();
    void showError(const QString& message);
    QString runLabel(qint64 runId) const;

    ProjectSession* session_;
    RunsTable* table_ = nullptr;
    MetricOverlayPlot* plot_ = nullptr;
    ParamsDiffTable* diff_ = nullptr;
    QComboBox* metricCombo_ = nullptr;
    QLabel* metricLabel_ = nullptr;
    QLabel* summaryLabel_ = nullptr;
    QLabel* diffHint_ = nullptr;
    QLabel* errorLabel_ = nullptr;
    QPushButton* refreshButton_ = nullptr;
    QGroupBox* plotGroup_ = nullptr;
    QGroupBox* diffGroup_ = nullptr;
    QTimer liveTimer_;
    // Finished runs never change, so their rows are read once per project.
    std::map<qint64, RunRow> cache_;
};

}  // namespace flightdeck::ui
