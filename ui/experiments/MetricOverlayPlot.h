#pragma once
// Overlays one metric of several runs (one colour per run, a legend naming them). The view is
// rescaled when the series change unless the user has zoomed or dragged; a double click
// rescales again.
#include <QColor>
#include <QString>
#include <QVector>

#include "common/QCustomPlotCompat.h"

#include <vector>

namespace flightdeck::ui {

struct MetricSeries {
    QString label;
    QVector<double> steps, values;
};

class MetricOverlayPlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit MetricOverlayPlot(QWidget* parent = nullptr);

    // `resetView`: rescale even if the user moved the view (new selection or metric).
    void setSeries(const QString& metric, const std::vector<MetricSeries>& series,
                   bool resetView);
    // Shown in the middle of an empty plot ("Select runs to compare").
    void setPlaceholder(const QString& text);
    void retranslateUi();

    static QColor colorFor(int index);

private:
    void rescale();
    void placeLegend();

    QCPItemText* placeholder_ = nullptr;
    QString metric_;
    bool userMovedView_ = false;
};

}  // namespace flightdeck::ui
