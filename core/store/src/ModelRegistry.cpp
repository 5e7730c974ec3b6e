#include "flightdeck/store/RunRepository.h"

#include "SqlHelpers.h"
#include "flightdeck/store/Project.h"

namespace flightdeck::store {

ModelRegistry::ModelRegistry(Project& project) : project_(project) {}

Id ModelRegistry::registerModel(const std::string& name, Id runId, const std::string& bundlePath,
                                const std::string& manifestHash)
{
    if (name.empty())
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "name",
                              "expected a model name, got an empty string"});
    auto& db = project_.db();
    // The write lock from BEGIN IMMEDIATE makes read-max-then-insert safe against a second
    // process registering the same name at the same moment.
    Transaction tx(db);
    auto next = db.prepare(
        "SELECT COALESCE(MAX(version), 0) + 1 FROM registered_models WHERE name = ?");
    next.bind(1, name);
    next.step();
    const std::int64_t version = next.int64(0);
    next.reset();
    auto st = db.prepare("INSERT INTO registered_models (name, version, run_id, bundle_path, "
                         "manifest_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    st.bind(1, name).bind(2, version);
    sql::bindRef(st, 3, runId);
    st.bind(4, bundlePath).bind(5, manifestHash).bind(6, unixTimeNow()).run();
    const Id id = db.lastInsertId();
    tx.commit();
    return id;
}

std::vector<RegisteredModelRecord> ModelRegistry::models()
{
    auto st = project_.db().prepare(
        "SELECT id, name, version, run_id, bundle_path, manifest_hash, alias, created_at "
        "FROM registered_models ORDER BY created_at DESC, id DESC");
    std::vector<RegisteredModelRecord> out;
    while (st.step())
        out.push_back({st.int64(0), st.text(1), static_cast<int>(st.int64(2)),
                       sql::refOrZero(st, 3), st.text(4), st.text(5), st.text(6), st.real(7)});
    return out;
}

void ModelRegistry::setAlias(Id registeredModelId, const std::string& alias)
{
    auto& db = project_.db();
    Transaction tx(db);
    auto find = db.prepare("SELECT name FROM registered_models WHERE id = ?");
    find.bind(1, registeredModelId);
    if (!find.step())
        sql::notFound("registered model", registeredModelId);
    const std::string name = find.text(0);
    find.reset();
    if (!alias.empty())
        db.prepare("UPDATE registered_models SET alias = '' WHERE name = ? AND alias = ?")
            .bind(1, name)
            .bind(2, alias)
            .run();
    db.prepare("UPDATE registered_models SET alias = ? WHERE id = ?")
        .bind(1, alias)
        .bind(2, registeredModelId)
        .run();
    tx.commit();
}

}  // namespace flightdeck::store
