#pragma once
// The Training panel's curves: train/loss per step and val/loss per epoch (left axis),
// val/accuracy or for a regression run val/rmse (right axis), drawn by a CurvePlot from the
// session's MetricSeriesStore. A stored run is read off the GUI thread; a live run's points go
// into the store as they stream in, and the plot redraws at most every 50 ms while they come.
#include "flightdeck/store/Records.h"

#include <QWidget>

#include <optional>
#include <string>
#include <vector>

class QCustomPlot;

namespace flightdeck::ui {

class CurvePlot;
class MetricSeriesStore;

class LivePlot : public QWidget {
    Q_OBJECT
public:
    explicit LivePlot(MetricSeriesStore* store, QWidget* parent = nullptr);

    void clearData();
    // Shows a stored run (read off the GUI thread unless the store holds it).
    void showRun(qint64 runId, bool regression);
    // A live run's points (TrainingController::metricsArrived): into the store, shown here.
    void appendPoints(qint64 runId, const std::vector<flightdeck::store::MetricRecord>& points);
    void setTitleText(const QString& text);
    // Draws val/rmse instead of val/accuracy (also chosen by itself when val/rmse points come).
    void setRegression(bool regression);
    bool isRegression() const { return regression_; }
    qint64 runId() const { return runId_; }
    // The last value held for `key` of the shown run, if any.
    std::optional<double> lastValue(std::string_view key) const;
    // ", val RMSE 12.3" or ", val accuracy 91.2 %" for a run title; empty without val points.
    QString lastValidationText() const;
    // Points held for the shown run's curves together, and for one key.
    int pointCount() const;
    int pointCount(const QString& key) const;
    CurvePlot* curves() const { return curves_; }
    QCustomPlot* plot() const;

Q_SIGNALS:
    // The shown run's curves came in from the store (a title may now name the last values).
    void curvesLoaded();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void retranslateUi();
    void fitLegend();   // one row when it fits the width, else two columns (German is longer)
    void updateCurves(bool resetView);
    std::string valMetricKey() const;

    MetricSeriesStore* store_;
    CurvePlot* curves_;
    qint64 runId_ = 0;
    qint64 liveRunId_ = 0;
    bool regression_ = false;
};

}  // namespace flightdeck::ui
