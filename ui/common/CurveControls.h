#pragma once
// The row above a CurvePlot: smoothing slider (0 .. 0.99), log scale, what the x axis counts,
// and Reset view. Setters do not echo the signals.
#include "common/MetricSeriesStore.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSlider;

namespace flightdeck::ui {

class CurveControls : public QWidget {
    Q_OBJECT
public:
    explicit CurveControls(QWidget* parent = nullptr);

    void setSmoothing(double weight);
    void setLogScale(bool on);
    void setXAxis(XAxis axis);
    static QString axisName(XAxis axis);   // translated

Q_SIGNALS:
    void smoothingChanged(double weight);
    void logScaleChanged(bool on);
    void xAxisChanged(XAxis axis);
    void resetClicked();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QLabel* smoothingLabel_;
    QSlider* smoothingSlider_;
    QLabel* smoothingValue_;
    QCheckBox* logCheck_;
    QComboBox* xCombo_;
    QPushButton* resetButton_;
};

}  // namespace flightdeck::ui
