#pragma once
// Two stacked time plots under the drift table: the share of drifting columns per window (with
// the dataset-drift line at 0.5), and accuracy: the label-free estimate with its interval band
// next to the realized accuracy where ground truth joined. Same time axis as MonitoringCharts.
#include "common/QCustomPlotCompat.h"

#include "monitoring/DashboardSnapshot.h"

namespace flightdeck::ui {

class DriftTimeCharts : public QCustomPlot {
    Q_OBJECT
public:
    explicit DriftTimeCharts(QWidget* parent = nullptr);

    void setSnapshot(const DashboardSnapshot& snapshot);
    void retranslateUi();
    QCPAxisRect* shareRect() const { return shareRect_; }
    QCPAxisRect* accuracyRect() const { return accuracyRect_; }
    int sharePoints() const { return share_->dataCount(); }
    int estimatePoints() const { return estimate_->dataCount(); }

private:
    QCPAxisRect* shareRect_ = nullptr;
    QCPAxisRect* accuracyRect_ = nullptr;
    QCPGraph* share_ = nullptr;
    QCPGraph* threshold_ = nullptr;
    QCPGraph* estimate_ = nullptr;
    QCPGraph* low_ = nullptr;
    QCPGraph* high_ = nullptr;
    QCPGraph* realized_ = nullptr;
    QCPItemText* shareNote_ = nullptr;
    QCPItemText* accuracyNote_ = nullptr;
    QCPLegend* legend_ = nullptr;
    bool calibrated_ = false, hasReference_ = false;
};

}  // namespace flightdeck::ui
