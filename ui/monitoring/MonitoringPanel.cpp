#include "monitoring/MonitoringPanel.h"

#include "common/Settings.h"

#include "common/ProjectSession.h"
#include "common/TaskRunner.h"
#include "evaluation/MetricCard.h"
#include "monitoring/MonitoringCharts.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QTimer>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLinearGradient>
#include <QListWidget>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace flightdeck::ui {

MonitoringPanel::MonitoringPanel(ProjectSession* session, TaskRunner* runner, QWidget* parent)
    : QWidget(parent), session_(session), runner_(runner) {
    setObjectName(QStringLiteral("monitoringPanel"));

    openButton_ = new QPushButton(this);
    openButton_->setObjectName(QStringLiteral("openLogButton"));
    reloadButton_ = new QPushButton(this);
    reloadButton_->setObjectName(QStringLiteral("reloadLogButton"));
    pathLabel_ = new QLabel(this);
    pathLabel_->setObjectName(QStringLiteral("logPathLabel"));
    pathLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    pathLabel_->setMinimumWidth(80);
    windowLabel_ = new QLabel(this);
    windowCombo_ = new QComboBox(this);
    windowCombo_->setObjectName(QStringLiteral("windowCombo"));
    windowCombo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (std::size_t i = 0; i <= LogAnalysis::kWidths.size(); ++i)
        windowCombo_->addItem(QString());
    windowLabel_->setBuddy(windowCombo_);
    messageLabel_ = new QLabel(this);
    messageLabel_->setObjectName(QStringLiteral("monitoringMessageLabel"));
    messageLabel_->setWordWrap(true);

    recordsCard_ = new MetricCard(QStringLiteral("recordsLabel"), this);
    skippedCard_ = new MetricCard(QStringLiteral("skippedLabel"), this);
    errorRateCard_ = new MetricCard(QStringLiteral("errorRateLabel"), this);
    latencyCard_ = new MetricCard(QStringLiteral("meanLatencyLabel"), this);
    spanCard_ = new MetricCard(QStringLiteral("timeSpanLabel"), this);
    auto* cards = new QHBoxLayout;
    for (MetricCard* card : {recordsCard_, skippedCard_, errorRateCard_, latencyCard_, spanCard_})
        cards->addWidget(card);
    cards->addStretch(1);

    charts_ = new MonitoringCharts(this);

    classGroup_ = new QGroupBox(this);
    classGroup_->setObjectName(QStringLiteral("classDistributionGroup"));
    classTable_ = new QTableWidget(0, 3, classGroup_);
    classTable_->setObjectName(QStringLiteral("classDistributionTable"));
    classTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    classTable_->setSelectionMode(QAbstractItemView::NoSelection);
    classTable_->verticalHeader()->setVisible(false);
    classTable_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    classTable_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    classTable_->horizontalHeader()->setStretchLastSection(true);
    auto* classLayout = new QVBoxLayout(classGroup_);
    classLayout->addWidget(classTable_);

    problemsGroup_ = new QGroupBox(this);
    problemsGroup_->setObjectName(QStringLiteral("problemsGroup"));
    problemsList_ = new QListWidget(problemsGroup_);
    problemsList_->setObjectName(QStringLiteral("problemsList"));
    auto* problemsLayout = new QVBoxLayout(problemsGroup_);
    problemsLayout->addWidget(problemsList_);

    auto* side = new QSplitter(Qt::Vertical, this);
    side->setObjectName(QStringLiteral("monitoringSideSplitter"));
    side->addWidget(classGroup_);
    side->addWidget(problemsGroup_);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("monitoringSplitter"));
    splitter->addWidget(charts_);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({3000, 1300});   // proportions; the charts get most of the width

    auto* top = new QHBoxLayout;
    top->addWidget(openButton_);
    top->addWidget(reloadButton_);
    top->addWidget(pathLabel_, 1);
    top->addWidget(windowLabel_);
    top->addWidget(windowCombo_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(messageLabel_);
    layout->addLayout(cards);
    layout->addWidget(splitter, 1);

    connect(openButton_, &QPushButton::clicked, this, &MonitoringPanel::chooseAndOpenLog);
    connect(reloadButton_, &QPushButton::clicked, this, [this] { openLog(path_); });
    connect(windowCombo_, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &MonitoringPanel::renderWindows);
    retranslateUi();

    // A dashboard is watched across sessions: reopen the log the user last looked at.
    const QString last = Settings::lastLogFile().get();
    if (!last.isEmpty() && QFileInfo::exists(last))
        QTimer::singleShot(0, this, [this, last] { if (path_.isEmpty()) openLog(last); });
}

MonitoringPanel::~MonitoringPanel() {
    if (stop_)
        stop_->store(true);   // let an abandoned read finish early
}

void MonitoringPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
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
    windowLabel_->setText(tr("&Window:"));
    recordsCard_->setCaption(tr("Requests"));
    skippedCard_->setCaption(tr("Skipped lines"));
    errorRateCard_->setCaption(tr("Error rate"));
    latencyCard_->setCaption(tr("Mean latency"));
    spanCard_->setCaption(tr("Time span"));
    classGroup_->setTitle(tr("Predicted classes"));
    classTable_->setHorizontalHeaderLabels({tr("Class"), tr("Count"), tr("Share")});
    charts_->retranslateUi();
    render();
}

double MonitoringPanel::windowWidth() const {
    if (!analysis_ || analysis_->stats.records == 0)
        return 0;
    const int choice = windowCombo_->currentIndex();
    const int index = choice <= 0 ? analysis_->autoWidthIndex() : choice - 1;
    return LogAnalysis::kWidths[static_cast<std::size_t>(index)];
}

void MonitoringPanel::chooseAndOpenLog() {
    // open(), not exec(): non-blocking, so headless runs never wait on a dialog.
    auto* dialog = new QFileDialog(this, tr("Open a prediction log"));
    dialog->setObjectName(QStringLiteral("openLogDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("Prediction logs (*.jsonl *.ndjson *.log *.json)"), tr("All files (*)")});
    if (!path_.isEmpty())
        dialog->setDirectory(QFileInfo(path_).absolutePath());
    else if (session_->isOpen())
        dialog->setDirectory(session_->folder());
    connect(dialog, &QFileDialog::fileSelected, this, &MonitoringPanel::openLog);
    dialog->open();
}

void MonitoringPanel::openLog(const QString& path) {
    if (path.isEmpty())
        return;
    if (stop_)
        stop_->store(true);   // abandon the read in progress; its result is ignored
    auto stop = std::make_shared<std::atomic<bool>>(false);
    stop_ = stop;
    path_ = path;
    error_.clear();
    loading_ = true;
    render();

    QPointer<MonitoringPanel> self(this);
    auto out = std::make_shared<LogAnalysis>();
    const std::filesystem::path file(path.toStdString());
    runner_->runDetached(
        tr("Reading %1\u2026").arg(QFileInfo(path).fileName()),
        [out, stop, file](const std::atomic<bool>& cancel) {
            *out = analyzeLog(file, *stop, &cancel);
            return QVariant(out->completed);
        },
        [self, out, stop](const QVariant&) {
            if (!self || self->stop_ != stop)
                return;   // a newer read replaced this one
            self->loading_ = false;
            self->stop_.reset();
            self->analysis_ = out;
            Settings::lastLogFile().set(self->path_);
            self->render();
        },
        [self, stop](const QString& message) {
            if (!self || self->stop_ != stop)
                return;
            self->loading_ = false;
            self->stop_.reset();
            self->analysis_.reset();
            self->error_ = message;
            self->render();
        });
}

void MonitoringPanel::render() {
    const QLocale locale;
    pathLabel_->setText(path_.isEmpty() ? tr("No log open") : QDir::toNativeSeparators(path_));
    pathLabel_->setToolTip(path_);
    reloadButton_->setEnabled(!path_.isEmpty() && !loading_);

    QString message;
    bool isError = false;
    const LogAnalysis* a = analysis_.get();
    if (loading_)
        message = tr("Reading the log\u2026");
    else if (!error_.isEmpty()) {
        message = error_;
        isError = true;
    } else if (!a)
        message = tr("Open a JSONL prediction log: one JSON object per line with timestamp, "
                     "latency_ms, prediction and optionally status and features.");
    else if (!a->completed)
        message = tr("Reading was cancelled; the figures cover only the part read.");
    else if (a->stats.records == 0)
        message = tr("No valid records in this log.");
    messageLabel_->setText(message);
    messageLabel_->setStyleSheet(isError ? QStringLiteral("color: #c62828;") : QString());
    messageLabel_->setVisible(!message.isEmpty());

    const QString dash = QStringLiteral("\u2014");
    if (a) {
        recordsCard_->setValue(locale.toString(static_cast<qlonglong>(a->stats.records)),
                               tr("%1 non-empty lines").arg(locale.toString(static_cast<qlonglong>(a->stats.lines))));
        skippedCard_->setValue(locale.toString(static_cast<qlonglong>(a->stats.skipped)));
        skippedCard_->setValueColor(a->stats.skipped > 0 ? QColor(0xe6, 0x6a, 0x00) : QColor());
        errorRateCard_->setValue(locale.toString(a->errorRate() * 100.0, 'f', 2) + QStringLiteral(" %"),
                                 tr("%n failed request(s)", "", static_cast<int>(a->errors)));
        errorRateCard_->setValueColor(a->errorRate() > 0.05 ? QColor(0xc6, 0x28, 0x28) : QColor());
        if (a->stats.records > 0) {
            latencyCard_->setValue(tr("%1 ms").arg(locale.toString(a->latencySum / double(a->stats.records), 'f', 1)),
                                   tr("Maximum: %1 ms").arg(locale.toString(a->latencyMax, 'f', 1)));
            const qint64 s = static_cast<qint64>(std::llround(a->span()));
            spanCard_->setValue(s >= 86400 ? tr("%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600)
                                : s >= 3600 ? tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60)
                                : s >= 60   ? tr("%1 min %2 s").arg(s / 60).arg(s % 60)
                                            : tr("%1 s").arg(s));
        } else {
            latencyCard_->setValue(dash);
            spanCard_->setValue(dash);
        }
    } else {
        for (MetricCard* card : {recordsCard_, skippedCard_, errorRateCard_, latencyCard_, spanCard_}) {
            card->setValue(dash);
            card->setValueColor(QColor());
        }
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
    renderWindows();
    renderClasses();
}

void MonitoringPanel::renderWindows() {
    const LogAnalysis* a = analysis_.get();
    if (!a || a->stats.records == 0) {
        charts_->setWindows({}, 60);
        charts_->setPlaceholder(loading_ ? tr("Reading\u2026") : tr("No data"));
        return;
    }
    const int choice = windowCombo_->currentIndex();
    int index = choice <= 0 ? a->autoWidthIndex() : choice - 1;
    if (!a->available[static_cast<std::size_t>(index)])
        index = a->autoWidthIndex();
    charts_->setWindows(a->windows[static_cast<std::size_t>(index)],
                        LogAnalysis::kWidths[static_cast<std::size_t>(index)]);
    charts_->setPlaceholder({});
}

void MonitoringPanel::renderClasses() {
    classTable_->setRowCount(0);
    const LogAnalysis* a = analysis_.get();
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
        auto* shareItem = new QTableWidgetItem(locale.toString(share * 100.0, 'f', 1) + QStringLiteral(" %"));
        shareItem->setBackground(QBrush(gradient));
        classTable_->setItem(row, 2, shareItem);
    }
}

}  // namespace flightdeck::ui
