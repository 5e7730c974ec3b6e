#pragma once
// One metric of several runs overlaid (one colour per run, a legend naming them), drawn by a
// CurvePlot from the session's MetricSeriesStore: the runs' series are read off the GUI
// thread, and each is drawn at about one bucket per pixel column however long it is.
#include "common/CurvePlot.h"

#include <QString>

#include <utility>
#include <vector>

namespace flightdeck::ui {

class MetricOverlayPlot : public CurvePlot {
    Q_OBJECT
public:
    explicit MetricOverlayPlot(MetricSeriesStore* store, QWidget* parent = nullptr);

    // (run id, label) in legend order. `resetView`: fit again even if the user moved the view.
    void setRuns(const QString& metric, const std::vector<std::pair<qint64, QString>>& runs,
                 bool resetView);
    QString metric() const { return metric_; }
    // Every run's series is in the store (loaded or streamed).
    bool isLoaded() const;
    // Points held over the runs shown.
    qint64 pointCount() const;
    QString placeholderText() const { return placeholderText_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void updatePlaceholder();
    void placeLegend();

    QString metric_;
    QString placeholderText_;
};

}  // namespace flightdeck::ui
