#include "common/SeriesReader.h"

#include "flightdeck/store/Database.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <algorithm>

namespace flightdeck::ui {

namespace {

double xOfPoint(const store::MetricRecord& p, XAxis axis, double t0)
{
    switch (axis) {
    case XAxis::Step: return static_cast<double>(p.step);
    case XAxis::Epoch: return p.epoch;
    case XAxis::RelativeTime: return p.wallTime - t0;
    case XAxis::WallTime: return p.wallTime;
    }
    return static_cast<double>(p.step);
}

}  // namespace

bool SeriesReader::add(HeldSeries& held, const store::MetricRecord& point, XAxis axis, double t0)
{
    if (held.pyramid.size() > 0 && point.step <= held.lastStep)
        return false;
    // A wall clock set back must not break the non-decreasing x the pyramid needs.
    const double x = held.pyramid.size() > 0 ? std::max(held.lastX, xOfPoint(point, axis, t0))
                                             : xOfPoint(point, axis, t0);
    held.pyramid.append(x, point.value);
    held.lastStep = point.step;
    held.lastX = x;
    held.lastValue = point.value;
    return true;
}

std::shared_ptr<LoadedSeries> SeriesReader::readWhole(store::Project& project, const std::vector<SeriesKey>& keys,
                                                      const std::map<qint64, double>& known,
                                                      const std::atomic<bool>& cancel)
{
    auto loaded = std::make_shared<LoadedSeries>();
    store::RunRepository repo(project);
    // The columns straight from the (run_id, key, step) index: RunRepository::metrics
    // would allocate a key string per point, a quarter of a 1,000,000-point read.
    auto st = project.db().prepare("SELECT step, epoch, wall_time, value FROM metrics "
                                   "WHERE run_id = ? AND key = ? ORDER BY step, id");
    std::map<qint64, std::map<std::string, std::vector<XAxis>>> wanted;
    for (const SeriesKey& key : keys)
        wanted[key.runId][key.key].push_back(key.axis);
    std::vector<std::int64_t> steps;
    std::vector<double> epochs, walls, values, xs;
    for (const auto& [runId, byKey] : wanted) {
        const auto t = known.find(runId);
        const double t0 = t != known.end() ? t->second : repo.run(runId).startedAt;
        loaded->startTimes[runId] = t0;
        for (const auto& [key, axes] : byKey) {
            if (cancel.load())
                return {};
            steps.clear(), epochs.clear(), walls.clear(), values.clear();
            // A summary that kept every point (any series up to 8,192 points) is one
            // row where the series is thousands.
            bool whole = false;
            const auto summary = repo.metricSummary(runId, key, &whole);
            if (whole) {
                for (const auto& p : summary) {
                    steps.push_back(p.step);
                    epochs.push_back(static_cast<double>(p.epoch));
                    walls.push_back(p.wallTime);
                    values.push_back(p.value);
                }
            }
            st.reset();
            st.bind(1, static_cast<std::int64_t>(runId)).bind(2, key);
            while (!whole && st.step()) {
                const std::int64_t step = st.int64(0);
                if (!steps.empty() && step <= steps.back())
                    continue;   // one point per step, as append() keeps it
                steps.push_back(step);
                epochs.push_back(static_cast<double>(st.int64(1)));
                walls.push_back(st.real(2));
                values.push_back(st.real(3));
            }
            for (const XAxis axis : axes) {
                xs.resize(steps.size());
                for (std::size_t i = 0; i < steps.size(); ++i) {
                    const double x = axis == XAxis::Step      ? static_cast<double>(steps[i])
                                     : axis == XAxis::Epoch   ? epochs[i]
                                     : axis == XAxis::WallTime ? walls[i]
                                                               : walls[i] - t0;
                    // A wall clock set back must not break the pyramid's order.
                    xs[i] = i > 0 ? std::max(xs[i - 1], x) : x;
                }
                HeldSeries& held = loaded->series[SeriesKey{runId, key, axis}];
                held.pyramid.append(xs, values);
                if (!steps.empty()) {
                    held.lastStep = steps.back();
                    held.lastX = xs.back();
                    held.lastValue = values.back();
                }
            }
        }
    }
    return loaded;
}

std::shared_ptr<LoadedSeries> SeriesReader::readSummaries(store::Project& project,
                                                          const std::vector<SeriesKey>& keys,
                                                          const std::map<qint64, double>& known,
                                                          const std::atomic<bool>& cancel)
{
    auto loaded = std::make_shared<LoadedSeries>();
    store::RunRepository repo(project);
    std::map<std::pair<qint64, std::string>, std::vector<store::MetricRecord>> summaries;
    for (const SeriesKey& key : keys) {
        if (cancel.load())
            return {};
        auto& points = summaries[{key.runId, key.key}];
        if (points.empty())
            points = repo.metricSummary(key.runId, key.key);
        if (points.empty())
            continue;
        if (!loaded->startTimes.count(key.runId)) {
            const auto t = known.find(key.runId);
            loaded->startTimes[key.runId] = t != known.end() ? t->second : repo.run(key.runId).startedAt;
        }
        HeldSeries& held = loaded->series[key];
        for (const auto& point : points)
            add(held, point, key.axis, loaded->startTimes[key.runId]);
    }
    return loaded;
}

}  // namespace flightdeck::ui
