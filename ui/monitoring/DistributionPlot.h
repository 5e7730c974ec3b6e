#pragma once
// Reference vs current of one column, as shares: side-by-side bars per histogram bin of a
// numeric feature, or per class of the predictions / a categorical feature.
#include "common/QCustomPlotCompat.h"

#include "monitoring/DashboardSnapshot.h"

namespace flightdeck::ui {

class DistributionPlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit DistributionPlot(QWidget* parent = nullptr);

    // Null: nothing to show (the placeholder text says why).
    void setDistribution(const FeatureDistribution* distribution, const QString& title,
                         const QString& placeholder = {});
    void retranslateUi();
    QString title() const { return title_->text(); }
    int barCount() const { return current_->dataCount(); }

private:
    QCPTextElement* title_ = nullptr;
    QCPBars* reference_ = nullptr;
    QCPBars* current_ = nullptr;
    QCPBarsGroup* group_ = nullptr;
    QCPItemText* placeholder_ = nullptr;
};

}  // namespace flightdeck::ui
