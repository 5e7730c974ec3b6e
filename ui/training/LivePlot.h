#pragma once
// The training curves: train/loss per step and val/loss per epoch (left axis), val/accuracy
// (right axis, 0..1) or for a regression run val/rmse (right axis, scaled to its values). Appends are cheap; replots are queued (rpQueuedReplot), so a burst of points
// costs one repaint.
//
// A wrapper, not a QCustomPlot subclass, so that only LivePlot.cpp pays for qcustomplot.h
// (included through common/QCustomPlotCompat.h, see there).
#include "flightdeck/store/Records.h"

#include <QWidget>

#include <optional>
#include <string>
#include <vector>

class QCustomPlot;
class QCPGraph;
class QCPTextElement;

namespace flightdeck::ui {

class LivePlot : public QWidget {
    Q_OBJECT
public:
    explicit LivePlot(QWidget* parent = nullptr);

    void clearData();
    void appendPoints(const std::vector<flightdeck::store::MetricRecord>& points);
    void setPoints(const std::vector<flightdeck::store::MetricRecord>& points);
    void setTitleText(const QString& text);
    // Draws val/rmse instead of val/accuracy (also chosen by itself when val/rmse points come).
    void setRegression(bool regression);
    bool isRegression() const { return regression_; }
    // The last value drawn for `key`, if any.
    std::optional<double> lastValue(std::string_view key) const;
    // ", val RMSE 12.3" or ", val accuracy 91.2 %" for a run title; empty without val points.
    QString lastValidationText() const;
    // Points drawn in all curves together.
    int pointCount() const;
    int pointCount(const QString& key) const;
    QCustomPlot* plot() const { return plot_; }

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void retranslateUi();
    void fitLegend();   // one row when it fits the width, else two columns (German is longer)
    QCPGraph* graphFor(const std::string& key) const;
    void rescaleAndReplot();

    QCustomPlot* plot_;
    QCPTextElement* title_;
    QCPGraph* trainLoss_;
    QCPGraph* valLoss_;
    QCPGraph* valMetric_;   // val/accuracy, or val/rmse for a regression run
    bool regression_ = false;
};

}  // namespace flightdeck::ui
