#include "experiments/ExperimentsPanel.h"

#include "common/MetricSeriesStore.h"
#include "common/ProjectSession.h"
#include "common/TaskRunner.h"
#include "experiments/MetricOverlayPlot.h"
#include "experiments/RunComparisonTabs.h"
#include "experiments/RunFilterProxy.h"
#include "experiments/RunTableModel.h"

#include "flightdeck/store/MetricKeys.h"
#include "flightdeck/store/RunCurationRepository.h"

#include <QComboBox>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include <atomic>
#include <utility>

namespace flightdeck::ui {

namespace {

// The order the metric list offers keys in: a classifier's accuracy or a regressor's RMSE
// first, whichever the selected runs have.
const std::string_view kPreferredMetrics[] = {metric::ValAccuracy, metric::ValRmse, metric::ValLoss,
                                              metric::TrainLoss, metric::TrainEpochLoss};

}  // namespace

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
    errorLabel_ = new QLabel(this);
    errorLabel_->setObjectName(QStringLiteral("experimentsErrorLabel"));
    errorLabel_->setWordWrap(true);
    errorLabel_->setStyleSheet(QStringLiteral("color: #c62828;"));
    errorLabel_->hide();

    table_ = new RunsTable(this);
    filterEdit_ = new QLineEdit(this);
    filterEdit_->setObjectName(QStringLiteral("runFilterEdit"));
    filterEdit_->setClearButtonEnabled(true);
    filterLabel_ = new QLabel(this);
    filterLabel_->setBuddy(filterEdit_);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel_);
    filterRow->addWidget(filterEdit_, 1);
    auto* tableBox = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addLayout(filterRow);
    tableLayout->addWidget(table_, 1);

    plotGroup_ = new QGroupBox(this);
    plotGroup_->setObjectName(QStringLiteral("metricGroup"));
    metricLabel_ = new QLabel(plotGroup_);
    metricCombo_ = new QComboBox(plotGroup_);
    metricCombo_->setObjectName(QStringLiteral("metricCombo"));
    metricCombo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const std::string_view key : kPreferredMetrics)
        metricCombo_->addItem(QString::fromLatin1(key.data(), static_cast<int>(key.size())));
    metricLabel_->setBuddy(metricCombo_);
    plot_ = new MetricOverlayPlot(store_, plotGroup_);
    auto* metricRow = new QHBoxLayout;
    metricRow->addWidget(metricLabel_);
    metricRow->addWidget(metricCombo_);
    metricRow->addStretch(1);
    auto* plotLayout = new QVBoxLayout(plotGroup_);
    plotLayout->addLayout(metricRow);
    plotLayout->addWidget(plot_, 1);

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

    auto* header = new QHBoxLayout;
    header->addWidget(summaryLabel_, 1);
    header->addWidget(refreshButton_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(errorLabel_);
    layout->addWidget(splitter, 1);

    changeTimer_.setInterval(kChangeCheckMs);
    connect(&changeTimer_, &QTimer::timeout, this, &ExperimentsPanel::checkForChanges);
    connect(store_, &MetricSeriesStore::loadFailed, this, &ExperimentsPanel::showError);
    connect(refreshButton_, &QPushButton::clicked, this, &ExperimentsPanel::refresh);
    connect(table_, &RunsTable::selectedRunsChanged, this, &ExperimentsPanel::onSelectionChanged);
    connect(table_, &RunsTable::currentRunActivated, this, [this](qint64 runId) {
        if (runId > 0 && session_->currentRunId() != runId)
            session_->setCurrentRun(runId);
    });
    connect(metricCombo_, &QComboBox::currentTextChanged, this, [this] {
        updatePlot(true);
        updateComparison();
    });
    connect(filterEdit_, &QLineEdit::textChanged, this, &ExperimentsPanel::setFilter);
    connect(table_->runModel(), &RunTableModel::curationEdited, this, &ExperimentsPanel::saveCuration);

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

void ExperimentsPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ExperimentsPanel::retranslateUi() {
    refreshButton_->setText(tr("Refresh"));
    refreshButton_->setToolTip(tr("Reload the runs from the project"));
    plotGroup_->setTitle(tr("Metric of the selected runs"));
    metricLabel_->setText(tr("&Metric:"));
    filterLabel_->setText(tr("&Filter:"));
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
    filterEdit_->setStyleSheet(valid ? QString() : QStringLiteral("color: #c62828;"));
    filterEdit_->setToolTip(valid ? QString() : tr("Not a valid regular expression"));
    updateSummary();
    return valid;
}

void ExperimentsPanel::saveCuration(qint64 runId, const QStringList& tags, const QString& note)
{
    if (const auto it = cache_.find(runId); it != cache_.end()) {
        it->second.tags = tags;
        it->second.note = note;
        it->second.buildCells();
    }
    // One write at a time, of the newest edits: two in flight could commit out of order.
    unsavedCuration_[runId] = {tags, note};
    if (savingCuration_)
        return;
    std::map<qint64, std::pair<std::vector<std::string>, std::string>> edits;
    for (const auto& [id, edit] : std::exchange(unsavedCuration_, {})) {
        std::vector<std::string> tagList;
        for (const QString& tag : edit.first)
            tagList.push_back(tag.toStdString());
        edits[id] = {tagList, edit.second.toStdString()};
    }
    savingCuration_ = true;
    ++pendingReads_;
    const auto done = [this] {
        savingCuration_ = false;
        --pendingReads_;
        if (!unsavedCuration_.empty()) {
            const auto next = unsavedCuration_.begin();
            saveCuration(next->first, next->second.first, next->second.second);
        }
    };
    runner_->run(
        tr("Saving tags and note"),
        [edits](store::Project& project, const std::atomic<bool>&) {
            store::RunCurationRepository curation(project);
            for (const auto& [id, edit] : edits) {
                curation.setTags(id, edit.first);
                curation.setNote(id, edit.second);
            }
            return QVariant();
        },
        alive([done](const QVariant&) { done(); }),
        alive([this, done](const QString& message) {
            done();
            showError(message);
            refresh();   // the table shows what the project holds
        }));
}

void ExperimentsPanel::clearAll() {
    changeTimer_.stop();
    haveSignature_ = false;
    cache_.clear();
    table_->setRows({});
    errorLabel_->hide();
    updateSummary();
    updatePlot(true);
    updateComparison();
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
        tr("Loading runs"),
        [cached](store::Project& project, const std::atomic<bool>& cancel) {
            return QVariant::fromValue(loadRunRows(project, cached, cancel));
        },
        alive([this, finish](const QVariant& result) {
            applyRows(result.value<RunRows>());
            finish();
        }),
        alive([this, finish](const QString& message) {
            showError(message);
            finish();
        }));
}

void ExperimentsPanel::applyRows(const RunRows& loaded) {
    std::vector<RunRow> rows;
    rows.reserve(loaded.rows.size());
    for (std::size_t i = 0; i < loaded.rows.size(); ++i) {
        const RunRow& row = loaded.rows[i];
        if (!loaded.fresh[i]) {
            RunRow& cached = cache_.at(row.run.id);
            if (cached.tags != row.tags || cached.note != row.note || cached.archived != row.archived) {
                cached.tags = row.tags;
                cached.note = row.note;
                cached.archived = row.archived;
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
        tr("Checking for new runs"),
        [](store::Project& project, const std::atomic<bool>&) {
            return QVariant::fromValue(loadChangeSignature(project));
        },
        alive([this](const QVariant& result) {
            checking_ = false;
            --pendingReads_;
            const auto now = result.value<ChangeSignature>();
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
        }),
        alive([this](const QString&) {
            checking_ = false;
            --pendingReads_;
        }));
}

QList<qint64> ExperimentsPanel::selectedRunIds() const { return table_->selectedRunIds(); }

void ExperimentsPanel::selectRuns(const QList<qint64>& runIds) { table_->selectRuns(runIds); }

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
    if (const RunRow* row = table_->runModel()->rowOf(runId); row && !row->run.name.empty())
        return QStringLiteral("#%1 %2").arg(runId).arg(QString::fromStdString(row->run.name));
    return QStringLiteral("#%1").arg(runId);
}

void ExperimentsPanel::onSelectionChanged() {
    updateMetricKeys();
    updatePlot(true);
    updateComparison();
}

void ExperimentsPanel::updateMetricKeys() {
    if (!session_->isOpen())
        return;
    std::vector<qint64> ids;
    for (const qint64 id : table_->selectedRunIds())
        ids.push_back(id);
    const quint64 request = ++keysRequest_;
    ++pendingReads_;
    runner_->run(
        tr("Reading metric names"),
        [ids](store::Project& project, const std::atomic<bool>&) {
            QStringList keys;
            for (const std::string& key : loadMetricKeys(project, ids))
                keys.append(QString::fromStdString(key));
            return QVariant(keys);
        },
        alive([this, request](const QVariant& result) {
            --pendingReads_;
            if (request != keysRequest_)
                return;
            // The selected runs' own keys, the preferred ones first: a regression run offers
            // val/rmse rather than an accuracy it never recorded.
            const QStringList present = result.toStringList();
            QStringList keys;
            for (const std::string_view key : kPreferredMetrics) {
                const QString k = QString::fromLatin1(key.data(), static_cast<int>(key.size()));
                if (present.isEmpty() || present.contains(k))
                    keys.append(k);
            }
            for (const QString& k : present)
                if (!keys.contains(k))
                    keys.append(k);
            QStringList existing;
            for (int i = 0; i < metricCombo_->count(); ++i)
                existing.append(metricCombo_->itemText(i));
            if (existing == keys)
                return;
            const QString current = metricCombo_->currentText();
            {
                const QSignalBlocker blocker(metricCombo_);
                metricCombo_->clear();
                metricCombo_->addItems(keys);
                metricCombo_->setCurrentIndex(std::max(0, static_cast<int>(keys.indexOf(current))));
            }
            if (metricCombo_->currentText() != current) {
                updatePlot(true);
                updateComparison();
            }
        }),
        alive([this](const QString& message) {
            --pendingReads_;
            showError(message);
        }));
}

void ExperimentsPanel::updatePlot(bool resetView) {
    std::vector<std::pair<qint64, QString>> runs;
    for (const qint64 id : table_->selectedRunIds())
        runs.emplace_back(id, runLabel(id));
    plot_->setRuns(metricCombo_->currentText(), runs, resetView);
}

ParallelCoordinatesPlot* ExperimentsPanel::parallelCoordinates() const { return comparison_->parallel(); }

RunScatterPlot* ExperimentsPanel::scatter() const { return comparison_->scatter(); }

void ExperimentsPanel::updateComparison()
{
    std::vector<std::pair<qint64, QString>> runs;
    for (const qint64 id : table_->selectedRunIds())
        runs.emplace_back(id, runLabel(id));
    comparison_->setSelection(*table_->runModel(), runs, metricCombo_->currentText());
}

}  // namespace flightdeck::ui
