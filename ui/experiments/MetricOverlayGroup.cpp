#include "experiments/MetricOverlayGroup.h"

#include "common/MetricSeriesStore.h"
#include "common/ProjectSession.h"
#include "common/TaskRunner.h"
#include "experiments/MetricOverlayPlot.h"
#include "experiments/RunRowsLoader.h"

#include "flightdeck/store/MetricKeys.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace flightdeck::ui {

namespace {

// The order the metric list offers keys in: a classifier's accuracy or a regressor's RMSE
// first, whichever the selected runs have.
const std::string_view kPreferredMetrics[] = {metric::ValAccuracy, metric::ValRmse, metric::ValLoss,
                                              metric::TrainLoss, metric::TrainEpochLoss};

QString fromView(std::string_view key) { return QString::fromLatin1(key.data(), static_cast<int>(key.size())); }

}  // namespace

MetricOverlayGroup::MetricOverlayGroup(ProjectSession* session, MetricSeriesStore* store, QWidget* parent)
    : QGroupBox(parent),
      session_(session),
      runner_(store->runner()),
      metricLabel_(new QLabel(this)),
      metricCombo_(new QComboBox(this)),
      plot_(new MetricOverlayPlot(store, this))
{
    setObjectName(QStringLiteral("metricGroup"));
    // A read under way belongs to the project closed: the runner drops it without a call.
    connect(session_, &ProjectSession::projectClosed, this, [this] { pendingReads_ = 0; });
    metricCombo_->setObjectName(QStringLiteral("metricCombo"));
    metricCombo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const std::string_view key : kPreferredMetrics)
        metricCombo_->addItem(fromView(key));
    metricLabel_->setBuddy(metricCombo_);
    auto* metricRow = new QHBoxLayout;
    metricRow->addWidget(metricLabel_);
    metricRow->addWidget(metricCombo_);
    metricRow->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(metricRow);
    layout->addWidget(plot_, 1);
    connect(metricCombo_, &QComboBox::currentTextChanged, this, [this](const QString& key) {
        plot_->setRuns(key, runs_, true);
        Q_EMIT metricChanged(key);
    });
    retranslateUi();
}

void MetricOverlayGroup::retranslateUi()
{
    setTitle(selected_ > runs_.size()
                 ? tr("Metric of the selected runs (the first %1 of %2)").arg(runs_.size()).arg(selected_)
                 : tr("Metric of the selected runs"));
    metricLabel_->setText(tr("&Metric:"));
}

QString MetricOverlayGroup::currentMetric() const { return metricCombo_->currentText(); }

void MetricOverlayGroup::setCurrentMetric(const QString& key)
{
    int index = metricCombo_->findText(key);
    if (index < 0) {
        metricCombo_->addItem(key);
        index = metricCombo_->count() - 1;
    }
    metricCombo_->setCurrentIndex(index);
}

void MetricOverlayGroup::setRuns(const std::vector<std::pair<qint64, QString>>& runs)
{
    // The store holds kMaxRuns runs' series; asking for more would evict what it just read.
    selected_ = runs.size();
    runs_.assign(runs.begin(), runs.begin() + static_cast<std::ptrdiff_t>(
                                                  std::min(runs.size(), MetricSeriesStore::kMaxRuns)));
    retranslateUi();
    readMetricKeys();
    plot_->setRuns(metricCombo_->currentText(), runs_, true);
}

void MetricOverlayGroup::readMetricKeys()
{
    if (!session_->isOpen())
        return;
    std::vector<qint64> ids;
    for (const auto& entry : runs_)
        ids.push_back(entry.first);
    const quint64 request = ++keysRequest_;
    ++pendingReads_;
    runner_->run(
        tr("Reading metric names"), this,
        [ids](store::Project& project, const std::atomic<bool>&) {
            QStringList keys;
            for (const std::string& key : loadMetricKeys(project, ids))
                keys.append(QString::fromStdString(key));
            return keys;
        },
        [this, request](const QStringList& keys) {
            --pendingReads_;
            if (request == keysRequest_)
                applyMetricKeys(keys);
        },
        [this](const QString& message) {
            --pendingReads_;
            Q_EMIT failed(message);
        });
}

void MetricOverlayGroup::applyMetricKeys(const QStringList& present)
{
    // The selected runs' own keys, the preferred ones first: a regression run offers val/rmse
    // rather than an accuracy it never recorded.
    QStringList keys;
    for (const std::string_view key : kPreferredMetrics) {
        const QString k = fromView(key);
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
        plot_->setRuns(metricCombo_->currentText(), runs_, true);
        Q_EMIT metricChanged(metricCombo_->currentText());
    }
}

}  // namespace flightdeck::ui
