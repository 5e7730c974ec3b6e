#pragma once
// Monitoring: a production log against a reference. The log is read and followed on the
// dashboard's own worker thread (DashboardWorker); each snapshot shows
// - the operational plots (latency, request and error rate), totals and broken lines;
// - drift per column (DriftTable), the selected column's and the predictions' reference vs
//   current shares, the drift share and the label-free accuracy estimate over time;
// - the project's alert rules with their firing windows, and a red banner while any fires;
// - the loop back (LoopActions): the brushed range to labeling, retrain, promote.
// The time plots share one axis; dragging over any of them selects a range (TimeBrush) that
// every view then measures; "Whole log" resets it. Works without a project (no alert rules
// and no deployed-model reference then). Built in MonitoringPanel.cpp, shown in
// MonitoringPanelRender.cpp.
#include "monitoring/LogAnalysis.h"

#include <QString>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace flightdeck::ui {

class StatusLine;
class AlertRulesView;
class DashboardWorker;
class DistributionPlot;
class DriftTable;
class DriftTimeCharts;
class LoopActions;
class MetricCard;
class MonitoringCharts;
class ProjectSession;
class ReferencePicker;
class TaskRunner;
class TimeBrush;
struct DashboardSnapshot;

class MonitoringPanel : public QWidget {
    Q_OBJECT
public:
    MonitoringPanel(ProjectSession* session, TaskRunner* runner, QWidget* parent = nullptr);
    ~MonitoringPanel() override;

    // Reads `path` in the background; a read in progress for another file is abandoned.
    void openLog(const QString& path);
    // Asks for a file (non-blocking dialog) and opens it.
    void chooseAndOpenLog();
    // A reference chosen by path (bundle folder, profile, dataset CSV or log); "" = none.
    void setReference(const QString& path);
    void setGroundTruth(const QString& path);
    void setFollowing(bool on);
    QString logPath() const { return path_; }
    // What the message line says ("" when it says nothing); renderCards owns it.
    QString messageText() const;
    bool isLoading() const;
    // The analysis of the last completed read (null before one).
    std::shared_ptr<const LogAnalysis> analysis() const;
    std::shared_ptr<const DashboardSnapshot> snapshot() const;
    // Window width in seconds that the plots show (after Auto resolution); 0 without data.
    double windowWidth() const;

    DashboardWorker* worker() const { return worker_; }
    TimeBrush* brush() const { return brush_; }
    DriftTable* driftTable() const { return driftTable_; }
    DriftTimeCharts* driftCharts() const { return driftCharts_; }
    MonitoringCharts* operationCharts() const { return charts_; }
    DistributionPlot* featurePlot() const { return featurePlot_; }
    DistributionPlot* predictionPlot() const { return predictionPlot_; }
    AlertRulesView* alertRules() const { return alerts_; }
    ReferencePicker* referencePicker() const { return reference_; }
    QLabel* alarmBanner() const { return banner_; }
    LoopActions* loopActions() const { return loop_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void render();
    void renderCards();
    void renderWindows();
    void renderClasses();
    void renderDrift();
    void renderSelectedFeature();
    void renderRange();
    void renderAlarm();
    QString widthText(int index) const;

    ProjectSession* session_;
    TaskRunner* runner_;
    DashboardWorker* worker_;
    TimeBrush* brush_;

    QPushButton* openButton_ = nullptr;
    QPushButton* reloadButton_ = nullptr;
    QCheckBox* followCheck_ = nullptr;
    QLabel* pathLabel_ = nullptr;
    QLabel* windowLabel_ = nullptr;
    QComboBox* windowCombo_ = nullptr;
    ReferencePicker* reference_ = nullptr;
    QPushButton* truthButton_ = nullptr;
    QLabel* banner_ = nullptr;
    StatusLine* messageLabel_ = nullptr;
    QLabel* rangeLabel_ = nullptr;
    QPushButton* wholeLogButton_ = nullptr;
    MetricCard* recordsCard_ = nullptr;
    MetricCard* skippedCard_ = nullptr;
    MetricCard* errorRateCard_ = nullptr;
    MetricCard* latencyCard_ = nullptr;
    MetricCard* driftCard_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    DriftTable* driftTable_ = nullptr;
    DistributionPlot* featurePlot_ = nullptr;
    DistributionPlot* predictionPlot_ = nullptr;
    DriftTimeCharts* driftCharts_ = nullptr;
    MonitoringCharts* charts_ = nullptr;
    QGroupBox* classGroup_ = nullptr;
    QTableWidget* classTable_ = nullptr;
    QGroupBox* problemsGroup_ = nullptr;
    QListWidget* problemsList_ = nullptr;
    AlertRulesView* alerts_ = nullptr;
    LoopActions* loop_ = nullptr;

    QString path_, truthPath_;
    QString missingLog_;   // a log asked for that does not exist (the one shown stays open)
    QString selectedFeature_;
};

}  // namespace flightdeck::ui
