#include "experiments/RunRowsLoader.h"

#include "flightdeck/store/Database.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/MetricKeys.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunCurationRepository.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/store/SweepRepository.h"

#include <optional>
#include <set>

namespace flightdeck::ui {

namespace {

struct SweepMembership {
    qint64 sweepId = 0;
    QString name, objective;
    int trial = 0;
    bool best = false;
};

// Every run's sweep in two queries; the best of each sweep by its own objective.
std::map<store::Id, SweepMembership> loadSweepMemberships(store::Project& project)
{
    store::SweepRepository repo(project);
    std::map<store::Id, store::SweepRecord> sweeps;
    for (store::SweepRecord& s : repo.sweeps())
        sweeps.emplace(s.id, std::move(s));
    std::map<store::Id, std::vector<store::SweepTrialRecord>> bySweep;
    for (store::SweepTrialRecord& t : repo.allTrials())
        bySweep[t.sweepId].push_back(std::move(t));
    std::map<store::Id, SweepMembership> out;
    for (const auto& [sweepId, trials] : bySweep) {
        const store::SweepRecord& s = sweeps.at(sweepId);
        const auto best = store::bestTrial(trials, s.objective);
        for (const store::SweepTrialRecord& t : trials)
            out[t.runId] = {sweepId, QString::fromStdString(s.name), QString::fromStdString(s.objective),
                            t.trial, best && best->runId == t.runId};
    }
    return out;
}

// A run's key through the (run_id, key, step) index: its last point is one row read, where
// RunRepository::metrics would read the whole series. The best of a validation series (~one
// point an epoch) is read too; a training series has a point a step, and its best would cost
// a pass over 1,000 x 5,000 points.
struct SummaryQueries {
    store::Statement last, highest, lowest, at;

    std::optional<MetricSummary> read(qint64 runId, const std::string& key, std::int64_t atStep)
    {
        last.reset();
        last.bind(1, static_cast<std::int64_t>(runId)).bind(2, key);
        if (!last.step())
            return std::nullopt;
        MetricSummary s;
        s.last = last.real(0);
        if (atStep > 0) {
            // One index seek: the (run_id, key, step) index ends at the asked step.
            at.reset();
            at.bind(1, static_cast<std::int64_t>(runId)).bind(2, key).bind(3, atStep);
            if (at.step()) {
                s.hasAt = true;
                s.at = at.real(0);
                s.atFound = at.int64(1);
            }
        }
        if (key.rfind("val/", 0) != 0)
            return s;
        store::Statement& best = metric::higherIsBetter(key) ? highest : lowest;
        best.reset();
        best.bind(1, static_cast<std::int64_t>(runId)).bind(2, key);
        if (best.step()) {
            s.hasBest = true;
            s.best = best.real(0);
            s.bestStep = best.int64(1);
        }
        return s;
    }
};

}  // namespace

RunRows loadRunRows(store::Project& project, const std::map<qint64, store::RunStatus>& cached,
                    const std::atomic<bool>& cancel, std::int64_t atStep)
{
    store::RunRepository repo(project);
    RunRows out;
    out.signature = loadChangeSignature(project);
    std::map<store::Id, std::string> hashes, architectures;
    for (const auto& v : store::DatasetRepository(project).allVersions())
        hashes[v.id] = v.hash;
    for (const auto& a : store::ArchitectureRepository(project).all())
        architectures[a.id] = a.name;
    auto& db = project.db();
    // `value = value` leaves out NaN, which would otherwise sort as the best.
    SummaryQueries summaries{
        db.prepare("SELECT value FROM metrics WHERE run_id = ? AND key = ? ORDER BY step DESC LIMIT 1"),
        db.prepare("SELECT value, step FROM metrics WHERE run_id = ? AND key = ? AND value = value "
                   "ORDER BY value DESC, step LIMIT 1"),
        db.prepare("SELECT value, step FROM metrics WHERE run_id = ? AND key = ? AND value = value "
                   "ORDER BY value ASC, step LIMIT 1"),
        db.prepare("SELECT value, step FROM metrics WHERE run_id = ? AND key = ? AND step <= ? "
                   "ORDER BY step DESC LIMIT 1")};
    std::map<store::Id, store::RunCuration> curation = store::RunCurationRepository(project).all();
    const std::map<store::Id, SweepMembership> sweeps = loadSweepMemberships(project);
    for (const store::RunRecord& run : repo.runs()) {
        if (cancel.load())
            return {};
        RunRow row;
        row.run = run;
        const auto it = cached.find(run.id);
        const bool fresh = run.status == store::RunStatus::Running || it == cached.end()
                           || it->second != run.status;
        if (fresh) {
            row.datasetHash = QString::fromStdString(hashes[run.versionId]);
            row.architecture = QString::fromStdString(architectures[run.architectureId]);
            row.params = repo.params(run.id);
            row.atStep = atStep;
            for (const std::string& key : summarizedMetricKeys())
                if (auto summary = summaries.read(run.id, key, atStep))
                    row.metrics.emplace(key, *summary);
        }
        // Tags, note and archived change whatever the status: always the fresh ones.
        const store::RunCuration& c = curation[run.id];
        for (const std::string& tag : c.tags)
            row.tags.append(QString::fromStdString(tag));
        row.note = QString::fromStdString(c.note);
        row.archived = c.archived;
        if (const auto s = sweeps.find(run.id); s != sweeps.end()) {
            row.sweepId = s->second.sweepId;
            row.sweepName = s->second.name;
            row.sweepObjective = s->second.objective;
            row.sweepTrial = s->second.trial;
            row.sweepBest = s->second.best;
        }
        if (fresh)
            row.buildCells();
        out.rows.push_back(std::move(row));
        out.fresh.push_back(fresh);
    }
    return out;
}

std::vector<std::string> loadMetricKeys(store::Project& project, const std::vector<qint64>& runIds)
{
    store::RunRepository repo(project);
    std::set<std::string> keys;
    for (const qint64 id : runIds)
        for (std::string& key : repo.metricKeys(id))
            keys.insert(std::move(key));
    return {keys.begin(), keys.end()};
}

ChangeSignature loadChangeSignature(store::Project& project)
{
    ChangeSignature s;
    auto metrics = project.db().prepare("SELECT coalesce(max(id), 0) FROM metrics");
    if (metrics.step())
        s.lastMetricId = metrics.int64(0);
    auto runs = project.db().prepare(
        "SELECT count(*), coalesce(max(id), 0), coalesce(sum(status = 'running'), 0), "
        "coalesce(max(ended_at), 0) FROM runs");
    if (runs.step()) {
        s.runs = runs.int64(0);
        s.maxRunId = runs.int64(1);
        s.running = runs.int64(2);
        s.lastEnd = runs.real(3);
    }
    return s;
}

}  // namespace flightdeck::ui
