#pragma once
// The one source of metric curves for every plot (Training and Experiments): per run, key and
// x axis a core/series pyramid, so a plot asks for about one bucket per pixel column of its
// visible x range and draws in O(pixels) however long the run is. Series are read from the
// project on the store's own TaskRunner (never on the GUI thread) and grow from the training
// stream (append), so a run trained in this process needs no re-read while it runs.
//
// One store per session (forSession); it is dropped with the project. Held series are kept for
// the most recently used runs only (kMaxRuns).
#include "common/SeriesReader.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace flightdeck::ui {

class ProjectSession;
class TaskRunner;

class MetricSeriesStore : public QObject {
    Q_OBJECT
public:
    static constexpr std::size_t kMaxRuns = 64;

    // The session's store, created on first use as the session's child.
    static MetricSeriesStore* forSession(ProjectSession* session);
    explicit MetricSeriesStore(ProjectSession* session, QObject* parent = nullptr);
    ~MetricSeriesStore() override;

    // Starts loading the series not held or loading yet, in one task; seriesLoaded(runId) for
    // each run when they are in. A run's key it never recorded loads as an empty series.
    void request(const std::vector<SeriesKey>& keys);
    // Reads the run's held series again (a run another process is writing).
    void reload(qint64 runId);
    // Held: drawable. A finished run is first held from its stored summary (a few thousand
    // points that keep every run of points' extremes, RunRepository::metricSummary), while the
    // whole series is read; complete once that replaced it.
    bool isHeld(const SeriesKey& key) const;
    bool isComplete(const SeriesKey& key) const { return isHeld(key) && !coarse_.count(key); }
    bool isLoading(const SeriesKey& key) const;
    // nullptr while not held.
    const series::SeriesPyramid* series(const SeriesKey& key) const;
    // About `columns` buckets over [x0, x1] (core's SeriesPyramid::query); empty if not held.
    std::vector<series::Bucket> query(const SeriesKey& key, double x0, double x1,
                                      std::size_t columns) const;

    // A run trained in this process: from now on its points come from append(), for every key
    // it streams, on the Step axis and every axis asked for it. What is held of it stays (a
    // resumed run keeps its curve up to the checkpoint).
    void startLive(qint64 runId);
    void stopLive(qint64 runId);
    bool isLive(qint64 runId) const { return live_.count(runId) > 0; }
    // Points of one run in arrival order (TrainingController::metricsArrived). A step that
    // goes back (a resume re-recording after its checkpoint) re-reads that series.
    void append(qint64 runId, const std::vector<flightdeck::store::MetricRecord>& points);

    void clear();
    TaskRunner* runner() const { return runner_; }

    // Test hooks: project reads the store made, and how many of them ran on the GUI thread.
    static int readsDone() { return reads_.load(); }
    static int readsOnGuiThread() { return guiReads_.load(); }

Q_SIGNALS:
    void seriesLoaded(qint64 runId);
    void seriesAppended(qint64 runId);
    void loadFailed(const QString& message);

private:
    void launch(const std::vector<SeriesKey>& keys);
    void launchOne(const std::vector<SeriesKey>& keys);
    void launchSummaries(const std::vector<SeriesKey>& keys);
    std::map<qint64, double> knownStartTimes(const std::vector<SeriesKey>& keys) const;
    void applyLoaded(const LoadedSeries& loaded);
    void applySummaries(const LoadedSeries& loaded);
    void abandon(const std::vector<SeriesKey>& keys);
    void touch(qint64 runId);
    void evict();

    ProjectSession* session_;
    TaskRunner* runner_;
    std::map<SeriesKey, HeldSeries> held_;
    std::set<SeriesKey> coarse_;              // held from a summary, the whole series on its way
    // Live points that came while their series was being read: applied after it, past its step.
    std::map<SeriesKey, std::vector<flightdeck::store::MetricRecord>> loading_;
    std::map<qint64, double> startTimes_;     // t0 of relative time per run
    std::map<qint64, std::set<XAxis>> axes_;  // axes asked for per run (live runs grow them)
    std::set<qint64> live_;
    std::map<qint64, quint64> lastUse_;
    quint64 useClock_ = 0;
    static std::atomic<int> reads_, guiReads_;
};

}  // namespace flightdeck::ui
