// ModelRegistry's read-only side: where a registered version came from (its run and dataset
// version) and two versions' final metrics side by side.
#include "flightdeck/store/ModelRegistry.h"

#include "RegistryRows.h"
#include "SqlHelpers.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <set>

namespace flightdeck::store {

using registry::readModel;

namespace {

constexpr const char* kLineageSelect =
    "SELECT m.id, m.name, m.version, m.run_id, m.bundle_path, m.manifest_hash, m.alias, "
    "m.created_at, r.id, r.name, r.status, d.id, ds.name, d.hash FROM registered_models m "
    "LEFT JOIN runs r ON r.id = m.run_id "
    "LEFT JOIN dataset_versions d ON d.id = r.version_id "
    "LEFT JOIN datasets ds ON ds.id = d.dataset_id";

ModelLineage readLineage(const Statement& st)
{
    ModelLineage l;
    l.model = readModel(st);
    l.runId = sql::refOrZero(st, 8);
    l.runName = st.isNull(9) ? std::string() : st.text(9);
    if (!st.isNull(10))
        l.runStatus = runStatusFromName(st.text(10));
    l.datasetVersionId = sql::refOrZero(st, 11);
    l.datasetName = st.isNull(12) ? std::string() : st.text(12);
    l.datasetHash = st.isNull(13) ? std::string() : st.text(13);
    return l;
}

std::map<std::string, double> finalMetrics(Project& project, Id runId)
{
    std::map<std::string, double> out;
    if (runId == 0)
        return out;
    // Points come ordered by key, then step: the last one of each key wins.
    for (const auto& m : RunRepository(project).metrics(runId))
        out[m.key] = m.value;
    return out;
}

}  // namespace

ModelLineage ModelRegistry::lineage(Id registeredModelId)
{
    auto st = project_.db().prepare(std::string(kLineageSelect) + " WHERE m.id = ?");
    st.bind(1, registeredModelId);
    return sql::readOne(st, readLineage, "registered model", registeredModelId);
}

std::vector<ModelLineage> ModelRegistry::lineages()
{
    auto st = project_.db().prepare(std::string(kLineageSelect) +
                                    " ORDER BY m.created_at DESC, m.id DESC");
    return sql::readAll(st, readLineage);
}

ModelComparison ModelRegistry::compare(Id a, Id b)
{
    ModelComparison c;
    c.a.lineage = lineage(a);
    c.b.lineage = lineage(b);
    c.a.finalMetrics = finalMetrics(project_, c.a.lineage.runId);
    c.b.finalMetrics = finalMetrics(project_, c.b.lineage.runId);
    std::set<std::string> keys;
    for (const auto* side : {&c.a, &c.b})
        for (const auto& [key, value] : side->finalMetrics)
            keys.insert(key);
    for (const auto& key : keys) {
        MetricComparison m{key, std::nullopt, std::nullopt};
        if (auto it = c.a.finalMetrics.find(key); it != c.a.finalMetrics.end())
            m.a = it->second;
        if (auto it = c.b.finalMetrics.find(key); it != c.b.finalMetrics.end())
            m.b = it->second;
        c.metrics.push_back(m);
    }
    return c;
}

}  // namespace flightdeck::store
