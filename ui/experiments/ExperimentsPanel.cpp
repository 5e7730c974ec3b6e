#include "experiments/ExperimentsPanel.h"

#include "common/MetricSeriesStore.h"
#include "common/ProjectSession.h"
#include "common/StatusLine.h"
#include "common/TaskRunner.h"
#include "experiments/MetricOverlayGroup.h"
#include "experiments/MetricOverlayPlot.h"
#include "experiments/RunActions.h"
#include "experiments/RunComparisonTabs.h"
#include "experiments/RunFilterProxy.h"
#include "experiments/RunTableModel.h"

#include "flightdeck/store/MetricKeys.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QToolBar>
#include <QVBoxLayout>

#include <atomic>
#include <limits>
#include <utility>

namespace flightdeck::ui {


ExperimentsPanel::ExperimentsPanel(ProjectSession* session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      store_(MetricSeriesStore::forSession(session)),
      runner_(store_->runner()) {
    setObjectName(QStringLiteral("experimentsPanel"));

    summaryLabel_ = new QLabel(this);
    summaryLabel_->setObjectName(QStringLiteral("experimentsSummaryLabel"));
    refreshButton_ = new QPushButton(this);
    refreshButton_->setObjectName(QStringLiteral("refreshRunsButton"));
    errorLabel_ = new StatusLine(this);
    errorLabel_->setObjectName(QStringLiteral("experimentsErrorLabel"));
    errorLabel_->hide();

    table_ = new RunsTable(this);
    filterEdit_ = new QLineEdit(this);
    filterEdit_->setObjectName(QStringLiteral("runFilterEdit"));
    filterEdit_->setClearButtonEnabled(true);
    filterLabel_ = new QLabel(this);
    filterLabel_->setBuddy(filterEdit_);
    showArchived_ = new QCheckBox(this);
    showArchived_->setObjectName(QStringLiteral("showArchivedCheck"));
    atStepBox_ = new QSpinBox(this);
    atStepBox_->setObjectName(QStringLiteral("atStepBox"));
    atStepBox_->setRange(0, std::numeric_limits<int>::max());
    atStepBox_->setSingleStep(100);
    atStepBox_->setAccelerated(true);
    atStepLabel_ = new QLabel(this);
    atStepLabel_->setBuddy(atStepBox_);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel_);
    filterRow->addWidget(filterEdit_, 1);
    filterRow->addWidget(atStepLabel_);
    filterRow->addWidget(atStepBox_);
    filterRow->addWidget(showArchived_);
    auto* tableBox = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addLayout(filterRow);
    tableLayout->addWidget(table_, 1);

    plotGroup_ = new MetricOverlayGroup(session_, store_, this);

    auto* bottom = new QSplitter(Qt::Horizontal, this);
    bottom->setObjectName(QStringLiteral("experimentsBottomSplitter"));
    // One selection drives the overlay and, beside it, the comparison views.
    comparison_ = new RunComparisonTabs(this);
    bottom->addWidget(plotGroup_);
    bottom->addWidget(comparison_);
    bottom->setStretchFactor(0, 1);
    bottom->setStretchFactor(1, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("experimentsSplitter"));
    splitter->addWidget(tableBox);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    actions_ = new RunActions(session_, runner_, table_, [this] { return plotGroup_->currentMetric(); }, this);
    auto* toolBar = new QToolBar(this);
    toolBar->setObjectName(QStringLiteral("experimentsToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    const QList<QAction*> runActions = {actions_->rerunAction(), actions_->archiveAction(),
                                        actions_->restoreAction(), actions_->deleteAction(),
                                        actions_->exportTableAction(), actions_->exportCurveAction()};
    toolBar->addActions(runActions);
    table_->addActions(runActions);   // the table's context menu, and Delete while it has focus
    table_->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* header = new QHBoxLayout;
    header->addWidget(summaryLabel_, 1);
    header->addWidget(toolBar);
    header->addWidget(refreshButton_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(errorLabel_);
    layout->addWidget(splitter, 1);

    // Typing a step reads every run's values at it once, when the typing stops.
    atStepTimer_.setSingleShot(true);
    atStepTimer_.setInterval(400);
    connect(atStepBox_, qOverload<int>(&QSpinBox::valueChanged), &atStepTimer_, qOverload<>(&QTimer::start));
    connect(&atStepTimer_, &QTimer::timeout, this, [this] {
        cache_.clear();   // every row is read again with the new step's values
        refresh();
    });
    changeTimer_.setInterval(kChangeCheckMs);
    connect(&changeTimer_, &QTimer::timeout, this, &ExperimentsPanel::checkForChanges);
    connect(store_, &MetricSeriesStore::loadFailed, this, &ExperimentsPanel::showError);
    connect(refreshButton_, &QPushButton::clicked, this, &ExperimentsPanel::refresh);
    connect(table_, &RunsTable::selectedRunsChanged, this, &ExperimentsPanel::onSelectionChanged);
    connect(table_, &RunsTable::currentRunActivated, this, [this](qint64 runId) {
        if (runId > 0 && session_->currentRunId() != runId)
            session_->setCurrentRun(runId);
    });
    connect(plotGroup_, &MetricOverlayGroup::metricChanged, this, &ExperimentsPanel::updateComparison);
    connect(plotGroup_, &MetricOverlayGroup::failed, this, &ExperimentsPanel::showError);
    connect(filterEdit_, &QLineEdit::textChanged, this, &ExperimentsPanel::setFilter);
    connect(table_->runModel(), &RunTableModel::curationEdited, this,
            [this](qint64 runId, const QStringList& tags, const QString& note) {
                if (const auto it = cache_.find(runId); it != cache_.end()) {
                    it->second.tags = tags;
                    it->second.note = note;
                    it->second.buildCells();
                }
                actions_->saveCuration(runId, tags, note);
            });
    connect(showArchived_, &QCheckBox::toggled, this, [this](bool show) {
        table_->proxy()->setShowArchived(show);
        updateSummary();
        actions_->updateEnabled();
    });
    connect(actions_, &RunActions::runsChanged, this, &ExperimentsPanel::refresh);
    connect(actions_, &RunActions::failed, this, &ExperimentsPanel::showError);
    connect(actions_, &RunActions::rerunRequested, this, &ExperimentsPanel::rerunRequested);

    connect(session_, &ProjectSession::projectOpened, this, [this] {
        cache_.clear();
        haveSignature_ = false;
        refresh();
        changeTimer_.start();
    });
    connect(session_, &ProjectSession::projectClosed, this, &ExperimentsPanel::clearAll);
    connect(session_, &ProjectSession::runsChanged, this, &ExperimentsPanel::refresh);
    connect(session_, &ProjectSession::currentRunChanged, table_, &RunsTable::selectRun);

    retranslateUi();
    if (session_->isOpen()) {
        refresh();
        changeTimer_.start();
    } else {
        clearAll();
    }
}

ExperimentsPanel::~ExperimentsPanel() = default;

bool ExperimentsPanel::isBusy() const
{
    return pendingReads_ > 0 || actions_->isBusy() || plotGroup_->isBusy();
}

void ExperimentsPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ExperimentsPanel::retranslateUi() {
    refreshButton_->setText(tr("Refresh"));
    refreshButton_->setToolTip(tr("Reload the runs from the project"));
    plotGroup_->retranslateUi();
    filterLabel_->setText(tr("&Filter:"));
    showArchived_->setText(tr("Show &archived"));
    atStepLabel_->setText(tr("At &step:"));
    atStepBox_->setSpecialValueText(tr("off"));
    atStepBox_->setToolTip(tr("Adds each metric's value at this step (its last point at or before "
                              "it), to compare runs at the same training budget"));
    actions_->retranslateUi();
    filterEdit_->setPlaceholderText(tr("regular expression over name, status, tags, note and key=value parameters"));
    table_->retranslateUi();
    updateSummary();
    updateComparison();
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
    QString text = running > 0 ? tr("%n run(s), %1 running", "", runs).arg(running)
                               : tr("%n run(s)", "", runs);
    if (table_->rowCount() != runs)
        text += QLatin1Char(' ') + tr("(%n shown)", "", table_->rowCount());
    summaryLabel_->setText(text);
}

bool ExperimentsPanel::setFilter(const QString& pattern)
{
    if (filterEdit_->text() != pattern) {
        filterEdit_->setText(pattern);   // comes back here through textChanged
        return table_->proxy()->pattern() == pattern;
    }
    const bool valid = table_->proxy()->setPattern(pattern);
    filterEdit_->setStyleSheet(StatusLine::styleSheetOf(valid ? StatusLine::Kind::Info : StatusLine::Kind::Error));
    filterEdit_->setToolTip(valid ? QString() : tr("Not a valid regular expression"));
    updateSummary();
    return valid;
}

void ExperimentsPanel::clearAll() {
    changeTimer_.stop();
    // Reads under way belong to the project closed: the runner drops them without a call.
    refreshing_ = refreshAgain_ = checking_ = false;
    pendingReads_ = 0;
    haveSignature_ = false;
    cache_.clear();
    table_->setRows({});
    errorLabel_->hide();
    updateSummary();
    updateOverlay();
    updateComparison();
}

void ExperimentsPanel::showError(const QString& message) {
    errorLabel_->showMessage(message, StatusLine::Kind::Error);
    errorLabel_->show();
}

void ExperimentsPanel::refresh() {
    if (!session_->isOpen()) {
        clearAll();
        return;
    }
    if (refreshing_) {   // one read at a time; the newest request runs after it
        refreshAgain_ = true;
        return;
    }
    std::map<qint64, store::RunStatus> cached;
    for (const auto& [id, row] : cache_)
        cached.emplace(id, row.run.status);
    refreshing_ = true;
    ++pendingReads_;
    auto finish = [this] {
        refreshing_ = false;
        --pendingReads_;
        if (std::exchange(refreshAgain_, false))
            refresh();
    };
    runner_->run(
        tr("Loading runs"), this,
        [cached, atStep = std::int64_t(atStepBox_->value())](store::Project& project,
                                                             const std::atomic<bool>& cancel) {
            return loadRunRows(project, cached, cancel, atStep);
        },
        [this, finish](const RunRows& rows) {
            applyRows(rows);
            finish();
        },
        [this, finish](const QString& message) {
            showError(message);
            finish();
        });
}

void ExperimentsPanel::applyRows(const RunRows& loaded) {
    std::vector<RunRow> rows;
    rows.reserve(loaded.rows.size());
    for (std::size_t i = 0; i < loaded.rows.size(); ++i) {
        const RunRow& row = loaded.rows[i];
        if (!loaded.fresh[i]) {
            RunRow& cached = cache_.at(row.run.id);
            if (cached.tags != row.tags || cached.note != row.note || cached.archived != row.archived
                || !cached.sameSweep(row)) {
                cached.tags = row.tags;
                cached.note = row.note;
                cached.archived = row.archived;
                cached.sweepId = row.sweepId;
                cached.sweepName = row.sweepName;
                cached.sweepObjective = row.sweepObjective;
                cached.sweepTrial = row.sweepTrial;
                cached.sweepBest = row.sweepBest;
                cached.buildCells();
            }
            rows.push_back(cached);
            continue;
        }
        if (row.run.status != store::RunStatus::Running)
            cache_[row.run.id] = row;
        rows.push_back(row);
    }
    table_->setRows(std::move(rows));
    // The session's run may have been chosen before the rows came in.
    if (table_->selectedRunIds().isEmpty() && session_->currentRunId() > 0)
        table_->selectRun(session_->currentRunId());
    lastSignature_ = loaded.signature;
    haveSignature_ = true;
    errorLabel_->hide();
    updateSummary();
    updateComparison();
    Q_EMIT rowsLoaded();
}

void ExperimentsPanel::checkForChanges() {
    if (!session_->isOpen() || checking_ || refreshing_ || !haveSignature_)
        return;
    checking_ = true;
    ++pendingReads_;
    runner_->run(
        tr("Checking for new runs"), this,
        [](store::Project& project, const std::atomic<bool>&) { return loadChangeSignature(project); },
        [this](const ChangeSignature& now) {
            checking_ = false;
            --pendingReads_;
            const ChangeSignature before = std::exchange(lastSignature_, now);
            const bool metricsMoved = now.lastMetricId != before.lastMetricId;
            if (!now.sameRuns(before) || (metricsMoved && now.running > 0))
                refresh();
            if (!metricsMoved)
                return;
            // Runs another process is writing: their held series are read again.
            for (const qint64 id : table_->selectedRunIds())
                if (const RunRow* row = table_->runModel()->rowOf(id);
                    row && row->run.status == store::RunStatus::Running && !store_->isLive(id))
                    store_->reload(id);
        },
        [this](const QString&) {
            checking_ = false;
            --pendingReads_;
        });
}

QList<qint64> ExperimentsPanel::selectedRunIds() const { return table_->selectedRunIds(); }

void ExperimentsPanel::selectRuns(const QList<qint64>& runIds) { table_->selectRuns(runIds); }

QString ExperimentsPanel::currentMetric() const { return plotGroup_->currentMetric(); }

void ExperimentsPanel::setCurrentMetric(const QString& key) { plotGroup_->setCurrentMetric(key); }

MetricOverlayPlot* ExperimentsPanel::overlay() const { return plotGroup_->overlay(); }

QString ExperimentsPanel::runLabel(qint64 runId) const {
    if (const RunRow* row = table_->runModel()->rowOf(runId); row && !row->run.name.empty())
        return QStringLiteral("#%1 %2").arg(runId).arg(QString::fromStdString(row->run.name));
    return QStringLiteral("#%1").arg(runId);
}

void ExperimentsPanel::onSelectionChanged() {
    actions_->updateEnabled();
    updateOverlay();
    updateComparison();
}

void ExperimentsPanel::updateOverlay() {
    std::vector<std::pair<qint64, QString>> runs;
    for (const qint64 id : table_->selectedRunIds())
        runs.emplace_back(id, runLabel(id));
    plotGroup_->setRuns(runs);
}

ParallelCoordinatesPlot* ExperimentsPanel::parallelCoordinates() const { return comparison_->parallel(); }

RunScatterPlot* ExperimentsPanel::scatter() const { return comparison_->scatter(); }

void ExperimentsPanel::updateComparison()
{
    std::vector<std::pair<qint64, QString>> runs;
    for (const qint64 id : table_->selectedRunIds())
        runs.emplace_back(id, runLabel(id));
    comparison_->setSelection(*table_->runModel(), runs, plotGroup_->currentMetric());
}

}  // namespace flightdeck::ui
