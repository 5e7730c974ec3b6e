#include "monitoring/AlertRuleDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

#include <cmath>

namespace flightdeck::ui {

namespace monitor = flightdeck::monitor;

namespace {
constexpr monitor::AlertMetric kMetrics[] = {
    monitor::AlertMetric::LatencyP50, monitor::AlertMetric::LatencyP95, monitor::AlertMetric::LatencyP99,
    monitor::AlertMetric::ErrorRate, monitor::AlertMetric::RequestRate, monitor::AlertMetric::DriftShare,
    monitor::AlertMetric::FeaturePsi, monitor::AlertMetric::FeatureStatistic, monitor::AlertMetric::FeatureScore,
    monitor::AlertMetric::PredictionShift, monitor::AlertMetric::Accuracy, monitor::AlertMetric::EstimatedAccuracy};
constexpr monitor::Comparison kComparisons[] = {monitor::Comparison::Greater, monitor::Comparison::GreaterEqual,
                                                monitor::Comparison::Less, monitor::Comparison::LessEqual};
}  // namespace

QString AlertRuleDialog::metricText(monitor::AlertMetric metric) {
    switch (metric) {
    case monitor::AlertMetric::LatencyP50: return tr("Latency p50 (ms)");
    case monitor::AlertMetric::LatencyP95: return tr("Latency p95 (ms)");
    case monitor::AlertMetric::LatencyP99: return tr("Latency p99 (ms)");
    case monitor::AlertMetric::ErrorRate: return tr("Error rate (0..1)");
    case monitor::AlertMetric::RequestRate: return tr("Requests per second");
    case monitor::AlertMetric::DriftShare: return tr("Share of drifting columns");
    case monitor::AlertMetric::FeaturePsi: return tr("Feature PSI");
    case monitor::AlertMetric::FeatureStatistic: return tr("Feature test statistic");
    case monitor::AlertMetric::FeatureScore: return tr("Feature p-value / distance");
    case monitor::AlertMetric::PredictionShift: return tr("Prediction shift (largest class share change)");
    case monitor::AlertMetric::Accuracy: return tr("Accuracy (ground truth)");
    case monitor::AlertMetric::EstimatedAccuracy: return tr("Estimated accuracy (label-free)");
    }
    return {};
}

AlertRuleDialog::AlertRuleDialog(const QStringList& features, QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("alertRuleDialog"));
    setWindowTitle(tr("Alert rule"));
    name_ = new QLineEdit(this);
    name_->setObjectName(QStringLiteral("alertRuleName"));
    metric_ = new QComboBox(this);
    metric_->setObjectName(QStringLiteral("alertRuleMetric"));
    for (monitor::AlertMetric m : kMetrics)
        metric_->addItem(metricText(m), static_cast<int>(m));
    feature_ = new QComboBox(this);
    feature_->setObjectName(QStringLiteral("alertRuleFeature"));
    feature_->setEditable(true);
    feature_->addItems(features);
    op_ = new QComboBox(this);
    op_->setObjectName(QStringLiteral("alertRuleOp"));
    for (monitor::Comparison c : kComparisons)
        op_->addItem(QString::fromLatin1(monitor::comparisonName(c)), static_cast<int>(c));
    threshold_ = new QDoubleSpinBox(this);
    threshold_->setObjectName(QStringLiteral("alertRuleThreshold"));
    threshold_->setDecimals(4);
    threshold_->setRange(-1e9, 1e9);
    window_ = new QSpinBox(this);
    window_->setObjectName(QStringLiteral("alertRuleWindow"));
    window_->setRange(1, 7 * 24 * 60);
    window_->setValue(5);
    window_->setSuffix(tr(" min"));
    enabled_ = new QCheckBox(tr("Enabled"), this);
    enabled_->setChecked(true);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Name:"), name_);
    form->addRow(tr("&Metric:"), metric_);
    featureLabel_ = new QLabel(tr("&Feature:"), this);
    featureLabel_->setBuddy(feature_);
    form->addRow(featureLabel_, feature_);
    form->addRow(tr("&Fires when:"), op_);
    form->addRow(tr("&Threshold:"), threshold_);
    form->addRow(tr("&Window:"), window_);
    form->addRow(QString(), enabled_);
    form->addRow(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(name_, &QLineEdit::textChanged, this, &AlertRuleDialog::updateState);
    connect(feature_, &QComboBox::currentTextChanged, this, &AlertRuleDialog::updateState);
    connect(metric_, qOverload<int>(&QComboBox::currentIndexChanged), this, &AlertRuleDialog::updateState);
    updateState();
}

void AlertRuleDialog::updateState() {
    const auto metric = static_cast<monitor::AlertMetric>(metric_->currentData().toInt());
    const bool needsFeature = monitor::metricNeedsFeature(metric);
    feature_->setVisible(needsFeature);
    featureLabel_->setVisible(needsFeature);
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(
        !name_->text().trimmed().isEmpty() && (!needsFeature || !feature_->currentText().trimmed().isEmpty()));
}

void AlertRuleDialog::setRule(const monitor::AlertRule& rule) {
    name_->setText(QString::fromStdString(rule.name));
    metric_->setCurrentIndex(metric_->findData(static_cast<int>(rule.metric)));
    feature_->setCurrentText(QString::fromStdString(rule.feature));
    op_->setCurrentIndex(op_->findData(static_cast<int>(rule.op)));
    threshold_->setValue(rule.threshold);
    window_->setValue(std::max(1, static_cast<int>(std::lround(rule.windowSeconds / 60.0))));
    enabled_->setChecked(rule.enabled);
    updateState();
}

monitor::AlertRule AlertRuleDialog::rule() const {
    monitor::AlertRule rule;
    rule.name = name_->text().trimmed().toStdString();
    rule.metric = static_cast<monitor::AlertMetric>(metric_->currentData().toInt());
    if (monitor::metricNeedsFeature(rule.metric))
        rule.feature = feature_->currentText().trimmed().toStdString();
    rule.op = static_cast<monitor::Comparison>(op_->currentData().toInt());
    rule.threshold = threshold_->value();
    rule.windowSeconds = window_->value() * 60.0;
    rule.enabled = enabled_->isChecked();
    return rule;
}

}  // namespace flightdeck::ui
