#include "experiments/ExperimentsPanel.h"

#include "common/ErrorText.h"
#include "common/ProjectSession.h"
#include "experiments/MetricOverlayPlot.h"
#include "experiments/ParamsDiffTable.h"

#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/MetricKeys.h"
#include "flightdeck/store/RunRepository.h"

#include <QComboBox>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace flightdeck::ui {

namespace {

// The order the metric list offers keys in: a classifier's accuracy or a regressor's RMSE
// first, whichever the selected runs have.
const std::string_view kPreferredMetrics[] = {metric::ValAccuracy, metric::ValRmse, metric::ValLoss,
                                              metric::TrainLoss, metric::TrainEpochLoss};

std::optional<double> lastValue(const std::vector<flightdeck::store::MetricRecord>& points) {
    if (points.empty())
        return std::nullopt;
    return points.back().value;
}

}  // namespace

ExperimentsPanel::ExperimentsPanel(ProjectSession* session, QWidget* parent)
    : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("experimentsPanel"));

    summaryLabel_ = new QLabel(this);
    summaryLabel_->setObjectName(QStringLiteral("experimentsSummaryLabel"));
    refreshButton_ = new QPushButton(this);
    refreshButton_->setObjectName(QStringLiteral("refreshRunsButton"));
    errorLabel_ = new QLabel(this);
    errorLabel_->setObjectName(QStringLiteral("experimentsErrorLabel"));
    errorLabel_->setWordWrap(true);
    errorLabel_->setStyleSheet(QStringLiteral("color: #c62828;"));
    errorLabel_->hide();

    table_ = new RunsTable(this);

    plotGroup_ = new QGroupBox(this);
    plotGroup_->setObjectName(QStringLiteral("metricGroup"));
    metricLabel_ = new QLabel(plotGroup_);
    metricCombo_ = new QComboBox(plotGroup_);
    metricCombo_->setObjectName(QStringLiteral("metricCombo"));
    metricCombo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const std::string_view key : kPreferredMetrics)
        metricCombo_->addItem(QString::fromLatin1(key.data(), static_cast<int>(key.size())));
    metricLabel_->setBuddy(metricCombo_);
    plot_ = new MetricOverlayPlot(plotGroup_);
    auto* metricRow = new QHBoxLayout;
    metricRow->addWidget(metricLabel_);
    metricRow->addWidget(metricCombo_);
    metricRow->addStretch(1);
    auto* plotLayout = new QVBoxLayout(plotGroup_);
    plotLayout->addLayout(metricRow);
    plotLayout->addWidget(plot_, 1);

    diffGroup_ = new QGroupBox(this);
    diffGroup_->setObjectName(QStringLiteral("paramsDiffGroup"));
    diffHint_ = new QLabel(diffGroup_);
    diffHint_->setObjectName(QStringLiteral("paramsDiffHint"));
    diffHint_->setWordWrap(true);
    diff_ = new ParamsDiffTable(diffGroup_);
    auto* diffLayout = new QVBoxLayout(diffGroup_);
    diffLayout->addWidget(diffHint_);
    diffLayout->addWidget(diff_, 1);

    auto* bottom = new QSplitter(Qt::Horizontal, this);
    bottom->setObjectName(QStringLiteral("experimentsBottomSplitter"));
    bottom->addWidget(plotGroup_);
    bottom->addWidget(diffGroup_);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("experimentsSplitter"));
    splitter->addWidget(table_);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto* header = new QHBoxLayout;
    header->addWidget(summaryLabel_, 1);
    header->addWidget(refreshButton_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(errorLabel_);
    layout->addWidget(splitter, 1);

    liveTimer_.setInterval(2000);
    connect(&liveTimer_, &QTimer::timeout, this, &ExperimentsPanel::refresh);
    connect(refreshButton_, &QPushButton::clicked, this, &ExperimentsPanel::refresh);
    connect(table_, &RunsTable::selectedRunsChanged, this, &ExperimentsPanel::onSelectionChanged);
    connect(table_, &RunsTable::currentRunActivated, this, [this](qint64 runId) {
        if (runId > 0 && session_->currentRunId() != runId)
            session_->setCurrentRun(runId);
    });
    connect(metricCombo_, &QComboBox::currentTextChanged, this, [this] { updatePlot(true); });

    connect(session_, &ProjectSession::projectOpened, this, [this] {
        cache_.clear();
        refresh();
    });
    connect(session_, &ProjectSession::projectClosed, this, &ExperimentsPanel::clearAll);
    connect(session_, &ProjectSession::runsChanged, this, &ExperimentsPanel::refresh);
    connect(session_, &ProjectSession::currentRunChanged, table_, &RunsTable::selectRun);

    retranslateUi();
    if (session_->isOpen())
        refresh();
    else
        clearAll();
}

ExperimentsPanel::~ExperimentsPanel() = default;

void ExperimentsPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ExperimentsPanel::retranslateUi() {
    refreshButton_->setText(tr("Refresh"));
    refreshButton_->setToolTip(tr("Reload the runs from the project"));
    plotGroup_->setTitle(tr("Metric of the selected runs"));
    diffGroup_->setTitle(tr("Parameters that differ"));
    metricLabel_->setText(tr("&Metric:"));
    table_->retranslateUi();
    plot_->retranslateUi();
    updateSummary();
    updatePlot(false);
    updateParamsDiff();
}

void ExperimentsPanel::updateSummary() {
    const int runs = static_cast<int>(table_->rows().size());
    if (!session_->isOpen()) {
        summaryLabel_->setText(tr("No project open."));
        return;
    }
    int running = 0;
    for (const RunRow& row : table_->rows())
        running += row.run.status == store::RunStatus::Running ? 1 : 0;
    summaryLabel_->setText(running > 0 ? tr("%n run(s), %1 running", "", runs).arg(running)
                                       : tr("%n run(s)", "", runs));
}

void ExperimentsPanel::clearAll() {
    liveTimer_.stop();
    cache_.clear();
    table_->setRows({});
    errorLabel_->hide();
    updateSummary();
    updatePlot(true);
    updateParamsDiff();
}

void ExperimentsPanel::showError(const QString& message) {
    errorLabel_->setText(message);
    errorLabel_->show();
}

void ExperimentsPanel::refresh() {
    if (!session_->isOpen()) {
        clearAll();
        return;
    }
    try {
        namespace store = flightdeck::store;
        store::Project& project = session_->project();
        store::RunRepository repo(project);
        const std::vector<store::RunRecord> runs = repo.runs();
        std::map<store::Id, std::string> hashes, architectures;
        bool lookedUp = false;
        std::vector<RunRow> rows;
        rows.reserve(runs.size());
        bool anyRunning = false;
        for (const store::RunRecord& run : runs) {
            anyRunning = anyRunning || run.status == store::RunStatus::Running;
            const auto cached = cache_.find(run.id);
            if (cached != cache_.end() && run.status != store::RunStatus::Running
                && cached->second.run.status == run.status) {
                rows.push_back(cached->second);
                continue;
            }
            if (!lookedUp) {
                for (const auto& v : store::DatasetRepository(project).allVersions())
                    hashes[v.id] = v.hash;
                for (const auto& a : store::ArchitectureRepository(project).all())
                    architectures[a.id] = a.name;
                lookedUp = true;
            }
            RunRow row;
            row.run = run;
            row.datasetHash = QString::fromStdString(hashes[run.versionId]);
            row.architecture = QString::fromStdString(architectures[run.architectureId]);
            row.params = repo.params(run.id);
            row.valAccuracy = lastValue(repo.metrics(run.id, std::string(metric::ValAccuracy)));
            row.valLoss = lastValue(repo.metrics(run.id, std::string(metric::ValLoss)));
            if (run.status != store::RunStatus::Running)
                cache_[run.id] = row;
            rows.push_back(std::move(row));
        }
        table_->setRows(rows);
        if (anyRunning && !liveTimer_.isActive())
            liveTimer_.start();
        else if (!anyRunning)
            liveTimer_.stop();
        errorLabel_->hide();
    } catch (const std::exception& e) {
        liveTimer_.stop();
        showError(ErrorText::fromException(e));
    }
    updateSummary();
    updatePlot(false);   // the selected runs may still be growing
    updateParamsDiff();
}

QList<qint64> ExperimentsPanel::selectedRunIds() const { return table_->selectedRunIds(); }

QString ExperimentsPanel::currentMetric() const { return metricCombo_->currentText(); }

void ExperimentsPanel::setCurrentMetric(const QString& key) {
    int index = metricCombo_->findText(key);
    if (index < 0) {
        metricCombo_->addItem(key);
        index = metricCombo_->count() - 1;
    }
    metricCombo_->setCurrentIndex(index);
}

QString ExperimentsPanel::runLabel(qint64 runId) const {
    for (const RunRow& row : table_->rows())
        if (row.run.id == runId)
            return row.run.name.empty()
                       ? QStringLiteral("#%1").arg(runId)
                       : QStringLiteral("#%1 %2").arg(runId).arg(QString::fromStdString(row.run.name));
    return QStringLiteral("#%1").arg(runId);
}

void ExperimentsPanel::onSelectionChanged() {
    updateMetricKeys();
    updatePlot(true);
    updateParamsDiff();
}

void ExperimentsPanel::updateMetricKeys() {
    if (!session_->isOpen())
        return;
    // The selected runs' own keys, the preferred ones first: a regression run offers val/rmse
    // rather than an accuracy it never recorded.
    QStringList present;
    try {
        flightdeck::store::RunRepository repo(session_->project());
        for (qint64 id : table_->selectedRunIds())
            for (const std::string& key : repo.metricKeys(id))
                if (!present.contains(QString::fromStdString(key)))
                    present.append(QString::fromStdString(key));
    } catch (const std::exception& e) {
        showError(ErrorText::fromException(e));
    }
    QStringList keys;
    for (const std::string_view key : kPreferredMetrics) {
        const QString k = QString::fromLatin1(key.data(), static_cast<int>(key.size()));
        if (present.isEmpty() || present.contains(k))
            keys.append(k);
    }
    for (const QString& k : present)
        if (!keys.contains(k))
            keys.append(k);
    const QString current = metricCombo_->currentText();
    QStringList existing;
    for (int i = 0; i < metricCombo_->count(); ++i)
        existing.append(metricCombo_->itemText(i));
    if (existing == keys)
        return;
    const QSignalBlocker blocker(metricCombo_);
    metricCombo_->clear();
    metricCombo_->addItems(keys);
    metricCombo_->setCurrentIndex(std::max(0, static_cast<int>(keys.indexOf(current))));
}

void ExperimentsPanel::updatePlot(bool resetView) {
    const QString metric = metricCombo_->currentText();
    const QList<qint64> ids = table_->selectedRunIds();
    std::vector<MetricSeries> series;
    if (session_->isOpen() && !ids.isEmpty()) {
        try {
            flightdeck::store::RunRepository repo(session_->project());
            const std::string key = metric.toStdString();
            for (qint64 id : ids) {
                MetricSeries s;
                s.label = runLabel(id);
                for (const auto& point : repo.metrics(id, key)) {
                    s.steps.append(static_cast<double>(point.step));
                    s.values.append(point.value);
                }
                series.push_back(std::move(s));
            }
        } catch (const std::exception& e) {
            showError(ErrorText::fromException(e));
        }
    }
    bool anyPoints = false;
    for (const MetricSeries& s : series)
        anyPoints = anyPoints || !s.steps.isEmpty();
    plot_->setSeries(metric, series, resetView);
    if (ids.isEmpty())
        plot_->setPlaceholder(tr("Select one or more runs to plot their metrics"));
    else if (!anyPoints)
        plot_->setPlaceholder(tr("The selected runs have no \u201c%1\u201d points").arg(metric));
    else
        plot_->setPlaceholder({});
}

void ExperimentsPanel::updateParamsDiff() {
    const QList<qint64> ids = table_->selectedRunIds();
    std::vector<RunParams> runs;
    for (qint64 id : ids)
        for (const RunRow& row : table_->rows())
            if (row.run.id == id)
                runs.push_back({runLabel(id), row.params});
    diff_->setRuns(runs);
    if (runs.size() < 2)
        diffHint_->setText(tr("Select two or more runs (Ctrl+click) to compare their parameters."));
    else if (diff_->differingCount() == 0)
        diffHint_->setText(tr("All parameters of the %n selected run(s) are equal.", "",
                              static_cast<int>(runs.size())));
    else
        diffHint_->setText(tr("%n parameter(s) differ.", "", diff_->differingCount()));
}

}  // namespace flightdeck::ui
