// MonitoringPanel: showing a DashboardSnapshot (construction and actions: MonitoringPanel.cpp).
#include "monitoring/MonitoringPanel.h"
#include "common/StatusLine.h"

#include "common/NumberText.h"

#include "common/ProjectSession.h"
#include "evaluation/MetricCard.h"
#include "monitoring/AlertRulesView.h"
#include "monitoring/DashboardWorker.h"
#include "monitoring/DistributionPlot.h"
#include "monitoring/DriftTable.h"
#include "monitoring/DriftTimeCharts.h"
#include "monitoring/MonitoringCharts.h"
#include "monitoring/ReferencePicker.h"
#include "monitoring/TimeBrush.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QLinearGradient>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableWidget>

#include <algorithm>
#include <cmath>

namespace flightdeck::ui {

std::shared_ptr<const DashboardSnapshot> MonitoringPanel::snapshot() const { return worker_->snapshot(); }

QString MonitoringPanel::messageText() const {
    return messageLabel_->isHidden() ? QString() : messageLabel_->message();
}

std::shared_ptr<const LogAnalysis> MonitoringPanel::analysis() const {
    const auto s = worker_->snapshot();
    return s ? s->log : nullptr;
}

QString MonitoringPanel::widthText(int index) const {
    switch (index) {
    case 0: return tr("1 min");
    case 1: return tr("5 min");
    case 2: return tr("15 min");
    case 3: return tr("1 h");
    default: return tr("1 day");
    }
}

void MonitoringPanel::retranslateUi() {
    openButton_->setText(tr("&Open log\u2026"));
    openButton_->setToolTip(tr("Open a JSONL prediction log written by flightdeck-serve"));
    reloadButton_->setText(tr("&Reload"));
    followCheck_->setText(tr("&Follow"));
    followCheck_->setToolTip(tr("Keep reading while the log grows, across rotation"));
    windowLabel_->setText(tr("&Window:"));
    truthButton_->setText(tr("&Ground truth\u2026"));
    truthButton_->setToolTip(tr("A file of request_id and label: realized accuracy next to the estimate"));
    wholeLogButton_->setText(tr("W&hole log"));
    wholeLogButton_->setToolTip(tr("Show the whole log again (drag over a time plot to select a range)"));
    recordsCard_->setCaption(tr("Requests"));
    skippedCard_->setCaption(tr("Skipped lines"));
    errorRateCard_->setCaption(tr("Error rate"));
    latencyCard_->setCaption(tr("Mean latency"));
    driftCard_->setCaption(tr("Drifting columns"));
    classGroup_->setTitle(tr("Predicted classes"));
    classTable_->setHorizontalHeaderLabels({tr("Class"), tr("Count"), tr("Share")});
    tabs_->setTabText(0, tr("&Drift"));
    tabs_->setTabText(1, tr("O&perations"));
    tabs_->setTabText(2, tr("&Alerts"));
    charts_->retranslateUi();
    driftCharts_->retranslateUi();
    driftTable_->retranslateUi();
    featurePlot_->retranslateUi();
    predictionPlot_->retranslateUi();
    reference_->retranslateUi();
    alerts_->retranslateUi();
    render();
}

double MonitoringPanel::windowWidth() const {
    const auto a = analysis();
    if (!a || a->stats.records == 0)
        return 0;
    const int choice = windowCombo_->currentIndex();
    const int index = choice <= 0 ? a->autoWidthIndex() : choice - 1;
    return LogAnalysis::kWidths[static_cast<std::size_t>(index)];
}

void MonitoringPanel::render() {
    pathLabel_->setText(path_.isEmpty() ? tr("No log open") : QDir::toNativeSeparators(path_));
    pathLabel_->setToolTip(path_);
    reloadButton_->setEnabled(!path_.isEmpty() && !isLoading());
    truthButton_->setText(truthPath_.isEmpty() ? tr("&Ground truth\u2026")
                                               : tr("&Ground truth: %1").arg(QFileInfo(truthPath_).fileName()));
    const auto s = snapshot();
    if (s && s->log)
        brush_->setExtent(s->log->firstTimestamp, s->log->lastTimestamp);
    renderCards();
    renderWindows();
    renderClasses();
    renderDrift();
    renderRange();
    renderAlarm();
}

void MonitoringPanel::renderCards() {
    const QLocale locale;
    const auto s = snapshot();
    const LogAnalysis* a = s && s->log ? s->log.get() : nullptr;
    QStringList messages;
    bool isError = !missingLog_.isEmpty();
    if (isError)
        messages << tr("%1 does not exist.").arg(QDir::toNativeSeparators(missingLog_));
    if (isLoading())
        messages << tr("Reading the log\u2026");
    else if (!worker_->lastError().isEmpty()) {
        messages << worker_->lastError();
        isError = true;
    } else if (!a)
        messages << tr("Open a JSONL prediction log: one JSON object per line with timestamp, "
                       "latency_ms, prediction and optionally status, confidence and features.");
    else if (a->stats.records == 0)
        messages << tr("No valid records in this log.");
    if (s && !s->referenceError.empty()) {
        messages << tr("The reference could not be read: %1").arg(QString::fromStdString(s->referenceError));
        isError = true;
    }
    if (s && !s->mismatch.empty()) {
        messages << tr("The log's features do not match the reference, so drift is not measured: %1")
                        .arg(QString::fromStdString(s->mismatch));
        isError = true;
    }
    if (s && s->ranged && s->rangeRows == 0)
        messages << tr("The selected time range holds no records.");
    if (s && !s->notes.empty()) {
        QStringList notes;
        for (const auto& note : s->notes)
            notes << QString::fromStdString(note);
        messages << tr("Not tested: %1").arg(notes.join(QStringLiteral("; ")));
    }
    messageLabel_->showMessage(messages.join(QLatin1Char('\n')),
                               isError ? StatusLine::Kind::Error : StatusLine::Kind::Info);
    messageLabel_->setVisible(!messages.isEmpty());

    const QString dash = QStringLiteral("\u2014");
    if (a && a->stats.records > 0) {
        recordsCard_->setValue(locale.toString(static_cast<qlonglong>(a->stats.records)),
                               tr("%1 non-empty lines").arg(locale.toString(static_cast<qlonglong>(a->stats.lines))));
        skippedCard_->setValue(locale.toString(static_cast<qlonglong>(a->stats.skipped)));
        skippedCard_->setValueColor(a->stats.skipped > 0 ? QColor(0xe6, 0x6a, 0x00) : QColor());
        errorRateCard_->setValue(NumberText::percent(a->errorRate(), 2),
                                 tr("%n failed request(s)", "", static_cast<int>(a->errors)));
        errorRateCard_->setValueColor(a->errorRate() > 0.05 ? QColor(0xc6, 0x28, 0x28) : QColor());
        latencyCard_->setValue(tr("%1 ms").arg(locale.toString(a->latencySum / double(a->stats.records), 'f', 1)),
                               tr("Maximum: %1 ms").arg(locale.toString(a->latencyMax, 'f', 1)));
    } else {
        for (MetricCard* card : {recordsCard_, skippedCard_, errorRateCard_, latencyCard_}) {
            card->setValue(dash);
            card->setValueColor(QColor());
        }
    }
    if (s && s->rangeDrift && s->rangeDrift->evaluated > 0) {
        driftCard_->setValue(QStringLiteral("%1 / %2").arg(NumberText::count(s->rangeDrift->drifted), NumberText::count(s->rangeDrift->evaluated)),
                             s->rangeDrift->datasetDrift ? tr("dataset drift") : tr("no dataset drift"));
        driftCard_->setValueColor(s->rangeDrift->datasetDrift ? QColor(0xc6, 0x28, 0x28)
                                  : s->rangeDrift->drifted > 0 ? QColor(0xe6, 0x6a, 0x00) : QColor());
    } else {
        driftCard_->setValue(dash, s && s->hasReference ? QString() : tr("no reference"));
        driftCard_->setValueColor(QColor());
    }

    // Window choices: "Auto (5 min)" first; widths that would give too many windows disabled.
    auto* model = qobject_cast<QStandardItemModel*>(windowCombo_->model());
    const int autoIndex = a && a->stats.records > 0 ? a->autoWidthIndex() : -1;
    windowCombo_->setItemText(0, autoIndex >= 0 ? tr("Auto (%1)").arg(widthText(autoIndex)) : tr("Auto"));
    for (int i = 0; i < static_cast<int>(LogAnalysis::kWidths.size()); ++i) {
        windowCombo_->setItemText(i + 1, widthText(i));
        if (model)
            model->item(i + 1)->setEnabled(!a || a->available[static_cast<std::size_t>(i)]);
    }

    problemsList_->clear();
    const std::int64_t skipped = a ? a->stats.skipped : 0;
    problemsGroup_->setTitle(tr("Skipped lines (%1)").arg(locale.toString(static_cast<qlonglong>(skipped))));
    if (a) {
        for (const auto& problem : a->stats.problems) {
            auto* item = new QListWidgetItem(
                tr("Line %1: %2").arg(problem.line).arg(QString::fromStdString(problem.problem)), problemsList_);
            item->setToolTip(item->text());
        }
        const std::int64_t more = skipped - static_cast<std::int64_t>(a->stats.problems.size());
        if (more > 0) {
            auto* item = new QListWidgetItem(tr("\u2026 and %n more", "", static_cast<int>(more)), problemsList_);
            item->setForeground(QColor(0x80, 0x80, 0x80));
        }
        if (skipped == 0)
            problemsList_->addItem(tr("Every line was read."));
    }
}

void MonitoringPanel::renderWindows() {
    const auto a = analysis();
    if (!a || a->stats.records == 0) {
        charts_->setWindows({}, 60);
        charts_->setPlaceholder(isLoading() ? tr("Reading\u2026") : tr("No data"));
        return;
    }
    const int choice = windowCombo_->currentIndex();
    int index = choice <= 0 ? a->autoWidthIndex() : choice - 1;
    if (!a->available[static_cast<std::size_t>(index)])
        index = a->autoWidthIndex();
    charts_->setWindows(a->windows[static_cast<std::size_t>(index)], LogAnalysis::kWidths[static_cast<std::size_t>(index)]);
    charts_->setPlaceholder({});
    brush_->setExtent(a->firstTimestamp, a->lastTimestamp);   // keep the shared axis after the refit
}

void MonitoringPanel::renderClasses() {
    classTable_->setRowCount(0);
    const auto a = analysis();
    if (!a || a->stats.records == 0)
        return;
    std::vector<std::pair<std::string, std::int64_t>> classes(a->classes.begin(), a->classes.end());
    std::sort(classes.begin(), classes.end(),
              [](const auto& x, const auto& y) { return x.second != y.second ? x.second > y.second : x.first < y.first; });
    const QLocale locale;
    classTable_->setRowCount(static_cast<int>(classes.size()));
    const QColor bar(0x6b, 0xae, 0xd6, 170);
    for (int row = 0; row < static_cast<int>(classes.size()); ++row) {
        const double share = double(classes[row].second) / double(a->stats.records);
        classTable_->setItem(row, 0, new QTableWidgetItem(
            classes[row].first.empty() ? tr("(none)") : QString::fromStdString(classes[row].first)));
        auto* count = new QTableWidgetItem(locale.toString(static_cast<qlonglong>(classes[row].second)));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        classTable_->setItem(row, 1, count);
        // The share cell doubles as a horizontal bar: a gradient with a hard stop at `share`.
        QLinearGradient gradient(0, 0, 1, 0);
        gradient.setCoordinateMode(QGradient::ObjectMode);
        gradient.setColorAt(0, bar);
        gradient.setColorAt(std::min(share, 1.0), bar);
        gradient.setColorAt(std::min(share + 0.0001, 1.0), Qt::transparent);
        gradient.setColorAt(1, Qt::transparent);
        auto* shareItem = new QTableWidgetItem(NumberText::percent(share));
        shareItem->setBackground(QBrush(gradient));
        classTable_->setItem(row, 2, shareItem);
    }
}

void MonitoringPanel::renderDrift() {
    const auto s = snapshot();
    if (!s) {
        driftTable_->setRowCount(0);
        return;
    }
    driftTable_->setSnapshot(*s);
    driftCharts_->setSnapshot(*s);
    QStringList features;
    for (const auto& f : s->referenceFeatures)
        features << QString::fromStdString(f);
    alerts_->setFeatures(features);
    alerts_->setResults(s->alerts);
    // The first drifting column is selected unless the user picked one.
    if (driftTable_->rowOf(selectedFeature_) < 0) {
        selectedFeature_.clear();
        for (int row = 0; row < driftTable_->rowCount() && selectedFeature_.isEmpty(); ++row)
            if (driftTable_->severity(row) == DriftSeverity::Alarm)
                selectedFeature_ = driftTable_->item(row, DriftTable::Feature)->data(Qt::UserRole).toString();
        if (selectedFeature_.isEmpty() && driftTable_->rowCount() > 0)
            selectedFeature_ = driftTable_->item(0, DriftTable::Feature)->data(Qt::UserRole).toString();
    }
    {
        const QSignalBlocker blocker(driftTable_);
        if (driftTable_->rowOf(selectedFeature_) >= 0)
            driftTable_->selectRow(driftTable_->rowOf(selectedFeature_));
    }
    renderSelectedFeature();
}

void MonitoringPanel::renderSelectedFeature() {
    const auto s = snapshot();
    const FeatureDistribution* feature = nullptr;
    const FeatureDistribution* prediction = nullptr;
    if (s)
        for (const FeatureDistribution& d : s->distributions) {
            if (d.name == "prediction")
                prediction = &d;
            else if (QString::fromStdString(d.name) == selectedFeature_)
                feature = &d;
        }
    const QString none = !s || !s->hasReference ? tr("Choose a reference") : tr("No data");
    featurePlot_->setDistribution(feature, feature ? tr("%1: reference vs current").arg(selectedFeature_)
                                                   : tr("Selected column"), feature ? QString() : none);
    predictionPlot_->setDistribution(prediction, tr("Predictions: reference vs current"),
                                     prediction ? QString() : none);
}

void MonitoringPanel::renderRange() {
    const auto range = brush_->range();
    const auto s = snapshot();
    auto time = [](double t) { return NumberText::logTime(t, NumberText::Precision::Seconds); };
    if (!range)
        rangeLabel_->setText(tr("Showing the whole log"));
    else {
        QString text = tr("Showing %1 \u2013 %2 UTC").arg(time(range->first), time(range->second));
        if (s && s->ranged && s->rangeStart == range->first)
            text += tr(" (%n record(s))", "", static_cast<int>(s->rangeRows));
        rangeLabel_->setText(text);
    }
    wholeLogButton_->setEnabled(range.has_value());
}

void MonitoringPanel::renderAlarm() {
    const auto s = snapshot();
    const int firing = s ? s->firingNow() : 0;
    if (firing == 0) {
        banner_->setVisible(false);
        return;
    }
    QStringList names;
    for (const AlertState& a : s->alerts)
        if (a.firingNow)
            names << QString::fromStdString(a.result.rule.name);
    banner_->setText(tr("%n alert(s) firing: %1", "", firing).arg(names.join(QStringLiteral(", "))));
    banner_->setVisible(true);
}

}  // namespace flightdeck::ui
