#include "monitoring/MonitoringPanel.h"

#include "common/ProjectSession.h"
#include "common/Settings.h"
#include "common/StatusLine.h"
#include "common/TaskRunner.h"
#include "evaluation/MetricCard.h"
#include "monitoring/AlertRulesView.h"
#include "monitoring/DashboardWorker.h"
#include "monitoring/DistributionPlot.h"
#include "monitoring/DriftTable.h"
#include "monitoring/DriftTimeCharts.h"
#include "monitoring/LoopActions.h"
#include "monitoring/MonitoringCharts.h"
#include "monitoring/ReferencePicker.h"
#include "monitoring/TimeBrush.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace flightdeck::ui {

MonitoringPanel::MonitoringPanel(ProjectSession* session, TaskRunner* runner, QWidget* parent)
    : QWidget(parent), session_(session), runner_(runner), worker_(new DashboardWorker(this)),
      brush_(new TimeBrush(this)) {
    setObjectName(QStringLiteral("monitoringPanel"));

    openButton_ = new QPushButton(this);
    openButton_->setObjectName(QStringLiteral("openLogButton"));
    reloadButton_ = new QPushButton(this);
    reloadButton_->setObjectName(QStringLiteral("reloadLogButton"));
    followCheck_ = new QCheckBox(this);
    followCheck_->setObjectName(QStringLiteral("followCheck"));
    pathLabel_ = new QLabel(this);
    pathLabel_->setObjectName(QStringLiteral("logPathLabel"));
    pathLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    pathLabel_->setMinimumWidth(80);
    pathLabel_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    windowLabel_ = new QLabel(this);
    windowCombo_ = new QComboBox(this);
    windowCombo_->setObjectName(QStringLiteral("windowCombo"));
    windowCombo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (std::size_t i = 0; i <= LogAnalysis::kWidths.size(); ++i)
        windowCombo_->addItem(QString());
    windowLabel_->setBuddy(windowCombo_);
    reference_ = new ReferencePicker(session_, runner_, this);
    truthButton_ = new QPushButton(this);
    truthButton_->setObjectName(QStringLiteral("groundTruthButton"));

    banner_ = new QLabel(this);
    banner_->setObjectName(QStringLiteral("alarmBanner"));
    banner_->setStyleSheet(QStringLiteral("background: %1; color: white; font-weight: bold; padding: 4px 8px;")
                               .arg(StatusLine::color(StatusLine::Kind::Error).name()));
    banner_->setWordWrap(true);
    banner_->setVisible(false);
    messageLabel_ = new StatusLine(this);
    messageLabel_->setObjectName(QStringLiteral("monitoringMessageLabel"));
    rangeLabel_ = new QLabel(this);
    rangeLabel_->setObjectName(QStringLiteral("rangeLabel"));
    wholeLogButton_ = new QPushButton(this);
    wholeLogButton_->setObjectName(QStringLiteral("wholeLogButton"));

    recordsCard_ = new MetricCard(QStringLiteral("recordsLabel"), this);
    skippedCard_ = new MetricCard(QStringLiteral("skippedLabel"), this);
    errorRateCard_ = new MetricCard(QStringLiteral("errorRateLabel"), this);
    latencyCard_ = new MetricCard(QStringLiteral("meanLatencyLabel"), this);
    driftCard_ = new MetricCard(QStringLiteral("driftLabel"), this);
    auto* cards = new QHBoxLayout;
    for (MetricCard* card : {recordsCard_, skippedCard_, errorRateCard_, latencyCard_, driftCard_})
        cards->addWidget(card);
    cards->addStretch(1);

    // Drift tab: the table beside the selected column and the predictions; time plots below.
    driftTable_ = new DriftTable(this);
    featurePlot_ = new DistributionPlot(this);
    featurePlot_->setObjectName(QStringLiteral("featureDistributionPlot"));
    predictionPlot_ = new DistributionPlot(this);
    predictionPlot_->setObjectName(QStringLiteral("predictionDistributionPlot"));
    driftCharts_ = new DriftTimeCharts(this);
    auto* distributions = new QSplitter(Qt::Horizontal, this);
    distributions->addWidget(featurePlot_);
    distributions->addWidget(predictionPlot_);
    auto* upper = new QSplitter(Qt::Horizontal, this);
    upper->addWidget(driftTable_);
    upper->addWidget(distributions);
    upper->setStretchFactor(0, 3);
    upper->setStretchFactor(1, 4);
    auto* driftPage = new QSplitter(Qt::Vertical, this);
    driftPage->setObjectName(QStringLiteral("driftSplitter"));
    driftPage->addWidget(upper);
    driftPage->addWidget(driftCharts_);
    driftPage->setStretchFactor(0, 4);
    driftPage->setStretchFactor(1, 5);
    driftPage->setSizes({400, 500});

    // Operations tab: as before.
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
    (new QVBoxLayout(classGroup_))->addWidget(classTable_);
    problemsGroup_ = new QGroupBox(this);
    problemsGroup_->setObjectName(QStringLiteral("problemsGroup"));
    problemsList_ = new QListWidget(problemsGroup_);
    problemsList_->setObjectName(QStringLiteral("problemsList"));
    (new QVBoxLayout(problemsGroup_))->addWidget(problemsList_);
    auto* side = new QSplitter(Qt::Vertical, this);
    side->setObjectName(QStringLiteral("monitoringSideSplitter"));
    side->addWidget(classGroup_);
    side->addWidget(problemsGroup_);
    auto* operations = new QSplitter(Qt::Horizontal, this);
    operations->setObjectName(QStringLiteral("monitoringSplitter"));
    operations->addWidget(charts_);
    operations->addWidget(side);
    operations->setStretchFactor(0, 3);
    operations->setStretchFactor(1, 1);
    operations->setSizes({3000, 1300});

    alerts_ = new AlertRulesView(session_, runner_, this);
    loop_ = new LoopActions(session_, runner_, this);

    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("monitoringTabs"));
    tabs_->addTab(driftPage, QString());
    tabs_->addTab(operations, QString());
    tabs_->addTab(alerts_, QString());
    // The brushed range sits beside the tabs: it applies to every one of them.
    auto* corner = new QWidget(this);
    auto* cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 0, 2);
    cornerLayout->addWidget(rangeLabel_);
    cornerLayout->addWidget(wholeLogButton_);
    tabs_->setCornerWidget(corner, Qt::TopRightCorner);

    brush_->attach(charts_, {charts_->latencyRect(), charts_->rateRect()});
    brush_->attach(driftCharts_, {driftCharts_->shareRect(), driftCharts_->accuracyRect()});

    auto* top = new QHBoxLayout;
    top->addWidget(openButton_);
    top->addWidget(reloadButton_);
    top->addWidget(followCheck_);
    top->addWidget(pathLabel_, 1);
    top->addWidget(windowLabel_);
    top->addWidget(windowCombo_);
    auto* second = new QHBoxLayout;
    second->addWidget(reference_, 1);
    second->addWidget(truthButton_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(second);
    layout->addWidget(banner_);
    layout->addWidget(loop_);
    layout->addWidget(messageLabel_);
    layout->addLayout(cards);
    layout->addWidget(tabs_, 1);

    connect(openButton_, &QPushButton::clicked, this, &MonitoringPanel::chooseAndOpenLog);
    connect(reloadButton_, &QPushButton::clicked, this, [this] { openLog(path_); });
    connect(followCheck_, &QCheckBox::toggled, worker_, &DashboardWorker::setFollowing);
    connect(windowCombo_, qOverload<int>(&QComboBox::currentIndexChanged), this, &MonitoringPanel::renderWindows);
    connect(reference_, &ReferencePicker::referenceChanged, worker_, &DashboardWorker::setReference);
    connect(truthButton_, &QPushButton::clicked, this, [this] {
        auto* dialog = new QFileDialog(this, tr("Choose ground truth (request_id, label)"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::ExistingFile);
        connect(dialog, &QFileDialog::fileSelected, this, &MonitoringPanel::setGroundTruth);
        dialog->open();
    });
    connect(worker_, &DashboardWorker::updated, this, &MonitoringPanel::render);
    connect(worker_, &DashboardWorker::busyChanged, this, [this] { renderCards(); });
    connect(brush_, &TimeBrush::rangeChanged, this, [this] {
        worker_->setRange(brush_->range());
        loop_->setRange(brush_->range());
        renderRange();
    });
    connect(wholeLogButton_, &QPushButton::clicked, brush_, &TimeBrush::clear);
    connect(driftTable_, &DriftTable::columnSelected, this, [this](const QString& name) {
        selectedFeature_ = name;
        renderSelectedFeature();
    });
    connect(alerts_, &AlertRulesView::rulesChanged, this, [this] { worker_->setRules(alerts_->rules()); });
    connect(alerts_, &AlertRulesView::windowActivated, brush_, &TimeBrush::setRange);
    retranslateUi();

    // A dashboard is watched across sessions: reopen the log the user last looked at.
    const QString last = Settings::lastLogFile().get();
    if (!last.isEmpty() && QFileInfo::exists(last))
        QTimer::singleShot(0, this, [this, last] { if (path_.isEmpty()) openLog(last); });
}

MonitoringPanel::~MonitoringPanel() = default;

void MonitoringPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

bool MonitoringPanel::isLoading() const { return worker_->isLoading(); }

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
    if (!QFileInfo::exists(path) && !followCheck_->isChecked()) {
        // The log shown stays open; renderCards says why the other one did not open.
        missingLog_ = path;
        renderCards();
        return;
    }
    missingLog_.clear();
    path_ = path;
    brush_->clear();
    Settings::lastLogFile().set(path);
    loop_->setLog(path);
    worker_->openLog(path);
    render();
}

void MonitoringPanel::setReference(const QString& path) { reference_->choose(path); }

void MonitoringPanel::setGroundTruth(const QString& path) {
    truthPath_ = path;
    loop_->setGroundTruth(path);
    worker_->setGroundTruth(path);
}

void MonitoringPanel::setFollowing(bool on) { followCheck_->setChecked(on); }

}  // namespace flightdeck::ui
