#pragma once
// Add or edit one alert rule: name, metric, feature (for feature metrics), comparison,
// threshold and window. OK is enabled once the rule is complete; the repository validates it
// again (core/monitor's parser) when it is stored.
#include "flightdeck/monitor/AlertRules.h"

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace flightdeck::ui {

class AlertRuleDialog : public QDialog {
    Q_OBJECT
public:
    // `features`: the reference's columns, offered for feature metrics.
    AlertRuleDialog(const QStringList& features, QWidget* parent = nullptr);

    void setRule(const flightdeck::monitor::AlertRule& rule);
    flightdeck::monitor::AlertRule rule() const;
    static QString metricText(flightdeck::monitor::AlertMetric metric);

private:
    void updateState();

    QLineEdit* name_;
    QComboBox* metric_;
    QLabel* featureLabel_;
    QComboBox* feature_;
    QComboBox* op_;
    QDoubleSpinBox* threshold_;
    QSpinBox* window_;
    QCheckBox* enabled_;
    QDialogButtonBox* buttons_;
};

}  // namespace flightdeck::ui
