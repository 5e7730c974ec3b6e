#include "flightdeck/store/RunCurationRepository.h"

#include "SqlHelpers.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunLock.h"

#include <sqlite3.h>

#include <algorithm>
#include <set>

namespace flightdeck::store {

namespace {

void requireChanged(Database& db, Id runId)
{
    if (sqlite3_changes(db.handle()) == 0)
        sql::notFound("run", runId);
}

[[noreturn]] void refuse(Id runId, const std::string& why)
{
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "run",
                          "run " + std::to_string(runId) + " " + why});
}

std::string trimmed(const std::string& s)
{
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

RunCurationRepository::RunCurationRepository(Project& project) : project_(project) {}

std::vector<std::string> RunCurationRepository::normalizeTags(const std::vector<std::string>& tags)
{
    std::set<std::string> out;
    for (const std::string& tag : tags)
        if (std::string t = trimmed(tag); !t.empty())
            out.insert(std::move(t));
    return {out.begin(), out.end()};
}

std::map<Id, RunCuration> RunCurationRepository::all()
{
    std::map<Id, RunCuration> out;
    auto runs = project_.db().prepare("SELECT id, note, archived FROM runs");
    while (runs.step()) {
        RunCuration& c = out[runs.int64(0)];
        c.note = runs.text(1);
        c.archived = runs.int64(2) != 0;
    }
    auto tags = project_.db().prepare("SELECT run_id, tag FROM run_tags ORDER BY run_id, tag");
    while (tags.step())
        out[tags.int64(0)].tags.push_back(tags.text(1));
    return out;
}

RunCuration RunCurationRepository::get(Id runId)
{
    auto st = project_.db().prepare("SELECT note, archived FROM runs WHERE id = ?");
    st.bind(1, runId);
    RunCuration c = sql::readOne(st, [](const Statement& s) {
        RunCuration r;
        r.note = s.text(0);
        r.archived = s.int64(1) != 0;
        return r;
    }, "run", runId);
    auto tags = project_.db().prepare("SELECT tag FROM run_tags WHERE run_id = ? ORDER BY tag");
    tags.bind(1, runId);
    while (tags.step())
        c.tags.push_back(tags.text(0));
    return c;
}

void RunCurationRepository::setTags(Id runId, const std::vector<std::string>& tags)
{
    auto& db = project_.db();
    Transaction tx(db);
    // Touching the row first both checks that the run exists and takes the write lock.
    db.prepare("UPDATE runs SET note = note WHERE id = ?").bind(1, runId).run();
    requireChanged(db, runId);
    db.prepare("DELETE FROM run_tags WHERE run_id = ?").bind(1, runId).run();
    auto insert = db.prepare("INSERT INTO run_tags (run_id, tag) VALUES (?, ?)");
    for (const std::string& tag : normalizeTags(tags)) {
        insert.bind(1, runId).bind(2, tag).run();
        insert.reset();
    }
    tx.commit();
}

void RunCurationRepository::setNote(Id runId, const std::string& note)
{
    auto& db = project_.db();
    db.prepare("UPDATE runs SET note = ? WHERE id = ?").bind(1, note).bind(2, runId).run();
    requireChanged(db, runId);
}

void RunCurationRepository::setArchived(Id runId, bool archived)
{
    auto& db = project_.db();
    db.prepare("UPDATE runs SET archived = ? WHERE id = ?")
        .bind(1, static_cast<std::int64_t>(archived ? 1 : 0))
        .bind(2, runId)
        .run();
    requireChanged(db, runId);
}

std::vector<std::string> RunCurationRepository::deleteRun(Id runId)
{
    auto& db = project_.db();
    if (RunLock::isHeld(project_.folder(), runId))
        refuse(runId, "is being trained; stop it before deleting it");
    std::vector<std::string> unreferenced;
    {
        Transaction tx(db);
        auto registered = db.prepare("SELECT name, version FROM registered_models WHERE run_id = ? LIMIT 1");
        registered.bind(1, runId);
        if (registered.step())
            refuse(runId, "is registered as " + registered.text(0) + " version "
                              + std::to_string(registered.int64(1))
                              + "; the registry's lineage needs it");
        std::vector<std::string> hashes;
        {
            auto st = db.prepare("SELECT DISTINCT object_hash FROM artifacts WHERE run_id = ?");
            st.bind(1, runId);
            while (st.step())
                hashes.push_back(st.text(0));
        }
        // Params, metrics, artifacts, evaluations and tags go with the row (ON DELETE CASCADE).
        db.prepare("DELETE FROM runs WHERE id = ?").bind(1, runId).run();
        requireChanged(db, runId);
        // Another run's checkpoint may be the same bytes.
        unreferenced = sql::unreferencedObjects(db, hashes);
        tx.commit();
    }
    for (const std::string& hash : unreferenced)
        project_.objects().remove(hash);
    return unreferenced;
}

}  // namespace flightdeck::store
