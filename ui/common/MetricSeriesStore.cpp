#include "common/MetricSeriesStore.h"

#include "common/ProjectSession.h"
#include "common/TaskRunner.h"


#include <QCoreApplication>
#include <QThread>

#include <algorithm>
#include <memory>

namespace flightdeck::ui {

std::atomic<int> MetricSeriesStore::reads_{0};
std::atomic<int> MetricSeriesStore::guiReads_{0};

MetricSeriesStore* MetricSeriesStore::forSession(ProjectSession* session)
{
    if (auto* existing = session->findChild<MetricSeriesStore*>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new MetricSeriesStore(session, session);
}

MetricSeriesStore::MetricSeriesStore(ProjectSession* session, QObject* parent)
    : QObject(parent), session_(session), runner_(new TaskRunner(session, this))
{
    // Its own runner: curve reads neither show as the status bar's busy task nor queue behind
    // an import, and the user's Cancel is not meant for them.
    runner_->setObjectName(QStringLiteral("curveRunner"));
    connect(session, &ProjectSession::projectClosed, this, &MetricSeriesStore::clear);
}

MetricSeriesStore::~MetricSeriesStore() = default;

void MetricSeriesStore::request(const std::vector<SeriesKey>& keys)
{
    std::vector<SeriesKey> missing;
    for (const SeriesKey& key : keys) {
        touch(key.runId);
        axes_[key.runId].insert(key.axis);
        if (!held_.count(key) && !loading_.count(key)
            && std::find(missing.begin(), missing.end(), key) == missing.end())
            missing.push_back(key);
    }
    // Only a first read can use a summary: reloads and re-reads are of runs being written,
    // whose summaries are gone. Queued first, so it is done before the whole series' reads.
    if (!missing.empty() && session_->isOpen())
        launchSummaries(missing);
    launch(missing);
}

void MetricSeriesStore::reload(qint64 runId)
{
    std::vector<SeriesKey> keys;
    for (const auto& [key, held] : held_)
        if (key.runId == runId && !loading_.count(key))
            keys.push_back(key);
    launch(keys);
}

void MetricSeriesStore::launch(const std::vector<SeriesKey>& all)
{
    if (all.empty() || !session_->isOpen())
        return;
    // Two tasks when there is more than one series: the runner has two threads, and a read
    // is mostly SQLite walking the index, which one core does at a time.
    std::vector<SeriesKey> sorted = all;
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::pair<qint64, std::string>> series;
    for (const SeriesKey& key : sorted)
        if (series.empty() || series.back() != std::make_pair(key.runId, key.key))
            series.emplace_back(key.runId, key.key);
    if (series.size() > 1) {
        const auto half = series[series.size() / 2];
        std::vector<SeriesKey> first, second;
        for (const SeriesKey& key : sorted)
            (std::make_pair(key.runId, key.key) < half ? first : second).push_back(key);
        launchOne(first);
        launchOne(second);
    } else {
        launchOne(sorted);
    }
}

// The start times already held for these keys' runs: a task reads only the others.
std::map<qint64, double> MetricSeriesStore::knownStartTimes(const std::vector<SeriesKey>& keys) const
{
    std::map<qint64, double> known;
    for (const SeriesKey& key : keys)
        if (const auto it = startTimes_.find(key.runId); it != startTimes_.end())
            known[key.runId] = it->second;
    return known;
}

void MetricSeriesStore::launchOne(const std::vector<SeriesKey>& keys)
{
    for (const SeriesKey& key : keys)
        loading_[key];
    const std::map<qint64, double> known = knownStartTimes(keys);
    runner_->run(
        tr("Loading curves"), this,
        [keys, known](store::Project& project, const std::atomic<bool>& cancel) {
            ++reads_;
            if (QThread::currentThread() == QCoreApplication::instance()->thread())
                ++guiReads_;
            return SeriesReader::readWhole(project, keys, known, cancel);
        },
        [this, keys](const std::shared_ptr<LoadedSeries>& loaded) {
            if (loaded)
                applyLoaded(*loaded);
            else
                abandon(keys);
        },
        [this, keys](const QString& message) {
            abandon(keys);
            Q_EMIT loadFailed(message);
        });
}

// Queued before the whole series' reads, so on the runner's two threads it is done in
// milliseconds while they take seconds at a million steps. Runs without a summary (running,
// interrupted, or from before schema 6) simply wait for their whole series.
void MetricSeriesStore::launchSummaries(const std::vector<SeriesKey>& keys)
{
    const std::map<qint64, double> known = knownStartTimes(keys);
    runner_->run(
        tr("Loading curves"), this,
        [keys, known](store::Project& project, const std::atomic<bool>& cancel) {
            return SeriesReader::readSummaries(project, keys, known, cancel);
        },
        [this](const std::shared_ptr<LoadedSeries>& loaded) {
            if (loaded)
                applySummaries(*loaded);
        },
        [](const QString&) {
            // The whole series' read reports what went wrong; a summary is only a head start.
        });
}

// A read cancelled or failed: its keys are no longer loading, and a summary shown meanwhile
// goes too, so the next request reads them again.
void MetricSeriesStore::abandon(const std::vector<SeriesKey>& keys)
{
    for (const SeriesKey& key : keys) {
        loading_.erase(key);
        if (coarse_.erase(key) > 0)
            held_.erase(key);
    }
}

void MetricSeriesStore::applySummaries(const LoadedSeries& loaded)
{
    for (const auto& [runId, t0] : loaded.startTimes)
        startTimes_.emplace(runId, t0);
    std::set<qint64> runs;
    for (const auto& [key, series] : loaded.series) {
        // The whole series came first, or the key was dropped meanwhile: nothing to show early.
        if (held_.count(key) || !loading_.count(key))
            continue;
        held_[key] = series;
        coarse_.insert(key);
        runs.insert(key.runId);
    }
    for (const qint64 runId : runs)
        Q_EMIT seriesLoaded(runId);
}

void MetricSeriesStore::applyLoaded(const LoadedSeries& loaded)
{
    for (const auto& [runId, t0] : loaded.startTimes)
        startTimes_.emplace(runId, t0);
    std::set<qint64> runs;
    for (const auto& [key, series] : loaded.series) {
        HeldSeries& held = held_[key] = series;
        coarse_.erase(key);
        runs.insert(key.runId);
        const auto pending = loading_.find(key);
        if (pending == loading_.end())
            continue;
        // Streamed while it was read: what the read already had is skipped by step.
        for (const auto& point : pending->second)
            if (point.step > held.lastStep)
                SeriesReader::add(held, point, key.axis, startTimes_[key.runId]);
        loading_.erase(pending);
    }
    evict();
    for (const qint64 runId : runs)
        Q_EMIT seriesLoaded(runId);
}

bool MetricSeriesStore::isHeld(const SeriesKey& key) const { return held_.count(key) > 0; }

bool MetricSeriesStore::isLoading(const SeriesKey& key) const { return loading_.count(key) > 0; }

const series::SeriesPyramid* MetricSeriesStore::series(const SeriesKey& key) const
{
    const auto it = held_.find(key);
    return it == held_.end() ? nullptr : &it->second.pyramid;
}

std::vector<series::Bucket> MetricSeriesStore::query(const SeriesKey& key, double x0, double x1,
                                                     std::size_t columns) const
{
    const auto* pyramid = series(key);
    return pyramid ? pyramid->query(x0, x1, columns) : std::vector<series::Bucket>{};
}

void MetricSeriesStore::startLive(qint64 runId)
{
    live_.insert(runId);
    axes_[runId].insert(XAxis::Step);
    touch(runId);
}

void MetricSeriesStore::stopLive(qint64 runId) { live_.erase(runId); }

void MetricSeriesStore::append(qint64 runId, const std::vector<flightdeck::store::MetricRecord>& points)
{
    const bool live = live_.count(runId) > 0;
    if (points.empty() || (!live && !axes_.count(runId)))
        return;
    if (!startTimes_.count(runId))
        startTimes_[runId] = points.front().wallTime;
    const double t0 = startTimes_[runId];
    std::vector<SeriesKey> reread;
    for (const auto& point : points) {
        for (const XAxis axis : axes_[runId]) {
            const SeriesKey key{runId, point.key, axis};
            if (const auto pending = loading_.find(key); pending != loading_.end()) {
                pending->second.push_back(point);
                continue;
            }
            auto it = held_.find(key);
            if (it == held_.end()) {
                if (!live)
                    continue;
                it = held_.emplace(key, HeldSeries{}).first;
            }
            HeldSeries& held = it->second;
            // The trainer flushes rows while it streams them, so a read launched mid-run may
            // already hold the point that arrives next: the same step with the same value is
            // that point, not a step going back (a resumed run), and needs no re-read.
            if (held.pyramid.size() > 0 && point.step == held.lastStep && point.value == held.lastValue)
                continue;
            if (!SeriesReader::add(held, point, axis, t0)) {
                loading_[key].push_back(point);
                reread.push_back(key);
            }
        }
    }
    launch(reread);
    Q_EMIT seriesAppended(runId);
}

void MetricSeriesStore::touch(qint64 runId) { lastUse_[runId] = ++useClock_; }

void MetricSeriesStore::evict()
{
    std::set<qint64> runs;
    for (const auto& entry : held_)
        runs.insert(entry.first.runId);
    while (runs.size() > kMaxRuns) {
        qint64 oldest = 0;
        quint64 oldestUse = ~quint64(0);
        for (const qint64 runId : runs)
            if (!live_.count(runId) && lastUse_[runId] < oldestUse) {
                oldest = runId;
                oldestUse = lastUse_[runId];
            }
        if (oldest == 0)
            return;
        for (auto it = held_.begin(); it != held_.end();) {
            const bool drop = it->first.runId == oldest && !loading_.count(it->first);
            if (drop)
                coarse_.erase(it->first);
            it = drop ? held_.erase(it) : std::next(it);
        }
        runs.erase(oldest);
    }
}

void MetricSeriesStore::clear()
{
    runner_->cancelAll();
    held_.clear();
    coarse_.clear();
    loading_.clear();
    startTimes_.clear();
    axes_.clear();
    live_.clear();
    lastUse_.clear();
}

}  // namespace flightdeck::ui
