#include "evaluation/RegressionView.h"

#include "evaluation/MetricCard.h"

#include "common/NumberText.h"

#include "flightdeck/common/Json.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <exception>

namespace flightdeck::ui {

RegressionView::RegressionView(QWidget* parent)
    : QWidget(parent),
      rmse_(new MetricCard(QStringLiteral("rmseLabel"), this)),
      mae_(new MetricCard(QStringLiteral("maeLabel"), this)),
      r2_(new MetricCard(QStringLiteral("r2Label"), this)),
      mape_(new MetricCard(QStringLiteral("mapeLabel"), this)),
      samples_(new MetricCard(QStringLiteral("regressionSamplesLabel"), this)),
      targetLabel_(new QLabel(this))
{
    setObjectName(QStringLiteral("regressionView"));
    targetLabel_->setObjectName(QStringLiteral("regressionTargetLabel"));
    targetLabel_->setStyleSheet(QStringLiteral("color: #6b6b6b;"));
    auto* cards = new QHBoxLayout;
    for (MetricCard* card : {rmse_, mae_, r2_, mape_, samples_})
        cards->addWidget(card);
    cards->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(cards);
    layout->addWidget(targetLabel_);
    layout->addStretch(1);
    retranslateUi();
}

bool RegressionView::isRegressionReport(const std::string& json)
{
    try {
        const auto report = parseJson(json, "evaluation report");
        return report.is_object() && report.value("task", std::string()) == "regression";
    } catch (const std::exception&) {
        return false;
    }
}

void RegressionView::setReport(const std::string& json, const QString& on)
{
    const auto report = parseJson(json, "evaluation report");
    const QLocale locale;
    // A metric is a number, or {"undefined": reason} (R^2 of a constant target, MAPE near 0).
    const auto show = [&](MetricCard* card, const char* key, bool percent) {
        const auto it = report.find(key);
        if (it != report.end() && it->is_number()) {
            const double value = it->get<double>();
            card->setValue(percent ? NumberText::percent(value, 2)
                                   : locale.toString(value, 'g', 4),
                           on);
        } else {
            const std::string reason = it != report.end() && it->is_object()
                                           ? it->value("undefined", std::string()) : std::string();
            card->setValue(QStringLiteral("\u2014"),
                           reason.empty() ? tr("Not in this report") : tr("Undefined: %1").arg(QString::fromStdString(reason)));
        }
    };
    show(rmse_, "rmse", false);
    show(mae_, "mae", false);
    show(r2_, "r2", false);
    show(mape_, "mape", true);
    samples_->setValue(locale.toString(static_cast<qlonglong>(report.value("samples", std::int64_t(0)))), on);
    target_ = QString::fromStdString(report.value("target", std::string()));
    retranslateUi();
}

void RegressionView::retranslateUi()
{
    rmse_->setCaption(tr("RMSE"));
    mae_->setCaption(tr("MAE"));
    r2_->setCaption(tr("R\u00b2"));
    mape_->setCaption(tr("MAPE"));
    samples_->setCaption(tr("Samples"));
    targetLabel_->setText(target_.isEmpty() ? QString()
                                            : tr("Regression on \u201c%1\u201d: errors in its units").arg(target_));
}

}  // namespace flightdeck::ui
