#include "experiments/RunRowsLoader.h"

#include "flightdeck/store/Database.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/MetricKeys.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <optional>
#include <set>

namespace flightdeck::ui {

namespace {

// The last point of one key through the (run_id, key, step) index: one row read, where
// RunRepository::metrics would read the whole series.
std::optional<double> lastValue(store::Statement& st, qint64 runId, std::string_view key)
{
    st.reset();
    st.bind(1, static_cast<std::int64_t>(runId)).bind(2, key);
    if (!st.step())
        return std::nullopt;
    return st.real(0);
}

}  // namespace

RunRows loadRunRows(store::Project& project, const std::map<qint64, store::RunStatus>& cached,
                    const std::atomic<bool>& cancel)
{
    store::RunRepository repo(project);
    RunRows out;
    out.signature = loadChangeSignature(project);
    std::map<store::Id, std::string> hashes, architectures;
    for (const auto& v : store::DatasetRepository(project).allVersions())
        hashes[v.id] = v.hash;
    for (const auto& a : store::ArchitectureRepository(project).all())
        architectures[a.id] = a.name;
    auto last = project.db().prepare(
        "SELECT value FROM metrics WHERE run_id = ? AND key = ? ORDER BY step DESC LIMIT 1");
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
            row.valAccuracy = lastValue(last, run.id, metric::ValAccuracy);
            row.valLoss = lastValue(last, run.id, metric::ValLoss);
        }
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
