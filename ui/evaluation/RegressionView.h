#pragma once
// A regression run's evaluation (RunEvaluator's {"task":"regression",...} report): RMSE, MAE,
// R^2, MAPE and the sample count as metric cards, an undefined metric as a dash with its reason,
// and the target's name. The Evaluation panel shows it instead of the classification cards.
#include <QWidget>

#include <string>

class QLabel;

namespace flightdeck::ui {

class MetricCard;

class RegressionView : public QWidget {
    Q_OBJECT
public:
    explicit RegressionView(QWidget* parent = nullptr);

    // Whether a stored report is a regression report (its "task"); false for unreadable JSON.
    static bool isRegressionReport(const std::string& json);
    // Throws flightdeck::Error for a report that is not JSON. `on` is the cards' tool tip.
    void setReport(const std::string& json, const QString& on);
    void retranslateUi();

private:
    MetricCard* rmse_;      // value label "rmseLabel"
    MetricCard* mae_;       // "maeLabel"
    MetricCard* r2_;        // "r2Label"
    MetricCard* mape_;      // "mapeLabel"
    MetricCard* samples_;   // "regressionSamplesLabel"
    QLabel* targetLabel_;
    QString target_;
};

}  // namespace flightdeck::ui
