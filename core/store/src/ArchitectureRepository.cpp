#include "flightdeck/store/RunRepository.h"

#include "SqlHelpers.h"
#include "flightdeck/store/Project.h"

namespace flightdeck::store {

ArchitectureRepository::ArchitectureRepository(Project& project) : project_(project) {}

Id ArchitectureRepository::save(const std::string& name, const std::string& specJson,
                                const std::string& specHash)
{
    if (specHash.empty())
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "specHash",
                              "expected the SHA-256 of the spec, got an empty string"});
    auto& db = project_.db();
    Transaction tx(db);
    auto existing = db.prepare("SELECT id FROM architectures WHERE spec_hash = ?");
    existing.bind(1, specHash);
    if (existing.step()) {
        // Same network (the hash leaves the node positions out): the newest layout is what the
        // user arranged last, so it replaces the stored one instead of being dropped.
        const Id id = existing.int64(0);
        db.prepare("UPDATE architectures SET spec_json = ? WHERE id = ? AND spec_json <> ?")
            .bind(1, specJson)
            .bind(2, id)
            .bind(3, specJson)
            .run();
        tx.commit();
        return id;
    }
    db.prepare("INSERT INTO architectures (name, spec_json, spec_hash, created_at) "
               "VALUES (?, ?, ?, ?)")
        .bind(1, name)
        .bind(2, specJson)
        .bind(3, specHash)
        .bind(4, unixTimeNow())
        .run();
    const Id id = db.lastInsertId();
    tx.commit();
    return id;
}

std::vector<ArchitectureRecord> ArchitectureRepository::all()
{
    auto st = project_.db().prepare(
        "SELECT id, name, spec_json, spec_hash, created_at FROM architectures ORDER BY id");
    std::vector<ArchitectureRecord> out;
    while (st.step())
        out.push_back({st.int64(0), st.text(1), st.text(2), st.text(3), st.real(4)});
    return out;
}

ArchitectureRecord ArchitectureRepository::get(Id id)
{
    auto st = project_.db().prepare(
        "SELECT id, name, spec_json, spec_hash, created_at FROM architectures WHERE id = ?");
    st.bind(1, id);
    if (!st.step())
        sql::notFound("architecture", id);
    return {st.int64(0), st.text(1), st.text(2), st.text(3), st.real(4)};
}

}  // namespace flightdeck::store
