#include "flightdeck/store/ModelRegistry.h"

#include "RegistryRows.h"
#include "SqlHelpers.h"
#include "flightdeck/store/Project.h"

#include <algorithm>

namespace flightdeck::store {

using registry::kMaxActor;
using registry::kModelColumns;
using registry::readModel;

namespace {

// Events with the version numbers their ids name (a LEFT JOIN: a clear has no model).
constexpr const char* kEventSelect =
    "SELECT e.id, e.name, e.alias, e.model_id, e.previous_id, e.action, e.actor, e.reason, "
    "e.created_at, m.version, p.version FROM alias_events e "
    "LEFT JOIN registered_models m ON m.id = e.model_id "
    "LEFT JOIN registered_models p ON p.id = e.previous_id";

constexpr std::size_t kMaxAlias = 64;
constexpr std::size_t kMaxReason = 4096;

AliasAction actionFromName(const std::string& name)
{
    if (name == "rollback")
        return AliasAction::Rollback;
    return name == "clear" ? AliasAction::Clear : AliasAction::Promote;
}

AliasEventRecord readEvent(const Statement& st)
{
    AliasEventRecord e;
    e.id = st.int64(0);
    e.name = st.text(1);
    e.alias = st.text(2);
    e.modelId = sql::refOrZero(st, 3);
    e.previousId = sql::refOrZero(st, 4);
    e.action = actionFromName(st.text(5));
    e.actor = st.text(6);
    e.reason = st.text(7);
    e.createdAt = st.real(8);
    e.version = st.isNull(9) ? 0 : static_cast<int>(st.int64(9));
    e.previousVersion = st.isNull(10) ? 0 : static_cast<int>(st.int64(10));
    return e;
}

[[noreturn]] void invalid(const char* field, std::string detail)
{
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, field, std::move(detail)});
}

void checkAlias(const std::string& alias)
{
    if (alias.empty())
        invalid("alias", "expected an alias such as staging or production, got an empty string");
    if (alias.size() > kMaxAlias)
        invalid("alias", "at most " + std::to_string(kMaxAlias) + " bytes, got " +
                             std::to_string(alias.size()));
    for (const char c : alias)
        if (c == '@' || static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
            invalid("alias", "no spaces, control characters or '@' (name@alias names an "
                             "alias), got \"" + alias + "\"");
}

std::string actorOrUser(const std::string& actor)
{
    if (actor.empty())
        return currentUserName();
    if (actor.size() > kMaxActor)
        invalid("actor", "at most " + std::to_string(kMaxActor) + " bytes");
    return actor;
}

void checkReason(const std::string& reason)
{
    if (reason.size() > kMaxReason)
        invalid("reason", "at most " + std::to_string(kMaxReason) + " bytes, got " +
                              std::to_string(reason.size()));
}

std::string versionText(int version) { return "v" + std::to_string(version); }

// The row holding `alias` of `name`, if any. Inside the caller's transaction.
std::optional<RegisteredModelRecord> holderOf(Database& db, const std::string& name,
                                              const std::string& alias)
{
    auto st = db.prepare(std::string("SELECT ") + kModelColumns +
                         " FROM registered_models m WHERE m.name = ? AND m.alias = ?");
    st.bind(1, name).bind(2, alias);
    if (!st.step())
        return std::nullopt;
    return readModel(st);
}

void setRowAlias(Database& db, Id id, const std::string& alias)
{
    db.prepare("UPDATE registered_models SET alias = ? WHERE id = ?").bind(1, alias).bind(2, id).run();
}

AliasEventRecord logEvent(Database& db, AliasEventRecord e)
{
    e.createdAt = unixTimeNow();
    auto st = db.prepare("INSERT INTO alias_events (name, alias, model_id, previous_id, action, "
                         "actor, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, e.name).bind(2, e.alias);
    sql::bindRef(st, 3, e.modelId);
    sql::bindRef(st, 4, e.previousId);
    st.bind(5, aliasActionName(e.action)).bind(6, e.actor).bind(7, e.reason).bind(8, e.createdAt).run();
    e.id = db.lastInsertId();
    return e;
}

// Points `alias` of `name` at `target` (none = clear) and logs it, inside the caller's
// transaction. A no-op (nothing logged, id 0) when the alias is already there, except for a
// roll-back, which always consumes one move of the history.
AliasEventRecord moveAlias(Database& db, const std::string& name, const std::string& alias,
                           const std::optional<RegisteredModelRecord>& target, AliasAction action,
                           const std::string& actor, const std::string& reason)
{
    const auto holder = holderOf(db, name, alias);
    const Id holderId = holder ? holder->id : 0;
    const Id targetId = target ? target->id : 0;
    if (holderId == targetId && action != AliasAction::Rollback)
        return {};
    if (target && !target->alias.empty() && target->alias != alias) {
        // registered_models has one alias column: the target's other alias goes, on the record.
        setRowAlias(db, target->id, {});
        AliasEventRecord cleared;
        cleared.name = name;
        cleared.alias = target->alias;
        cleared.previousId = target->id;
        cleared.previousVersion = target->version;
        cleared.action = AliasAction::Clear;
        cleared.actor = actor;
        cleared.reason = versionText(target->version) + " became " + alias +
                         " (a version holds one alias)";
        logEvent(db, cleared);
    }
    if (holder)
        setRowAlias(db, holder->id, {});
    if (target)
        setRowAlias(db, target->id, alias);
    AliasEventRecord e;
    e.name = name;
    e.alias = alias;
    e.modelId = targetId;
    e.version = target ? target->version : 0;
    e.previousId = holderId;
    e.previousVersion = holder ? holder->version : 0;
    e.action = action;
    e.actor = actor;
    e.reason = reason;
    return logEvent(db, e);
}

// Checks the alias and reason, then runs `move(db, actor)` in one write transaction: BEGIN
// IMMEDIATE, so reading the holder and the history, moving the alias and logging it happen
// under the write lock, and two processes never log the same "previous".
template <typename Move>
AliasEventRecord inTransaction(Project& project, const std::string& alias,
                               const std::string& actor, const std::string& reason, Move move)
{
    checkAlias(alias);
    checkReason(reason);
    const std::string who = actorOrUser(actor);
    auto& db = project.db();
    Transaction tx(db);
    AliasEventRecord e = move(db, who);
    tx.commit();
    return e;
}

std::vector<AliasEventRecord> eventsOf(Database& db, const std::string& name,
                                       const std::string& alias)
{
    std::string sql = kEventSelect;
    if (!name.empty())
        sql += alias.empty() ? " WHERE e.name = ?" : " WHERE e.name = ? AND e.alias = ?";
    sql += " ORDER BY e.id DESC";
    auto st = db.prepare(sql);
    if (!name.empty()) {
        st.bind(1, name);
        if (!alias.empty())
            st.bind(2, alias);
    }
    return sql::readAll(st, readEvent);
}

RegisteredModelRecord getIn(Database& db, Id id)
{
    auto st = db.prepare(std::string("SELECT ") + kModelColumns +
                         " FROM registered_models m WHERE m.id = ?");
    st.bind(1, id);
    return sql::readOne(st, readModel, "registered model", id);
}

RegisteredModelRecord findIn(Database& db, const std::string& name, int version)
{
    auto st = db.prepare(std::string("SELECT ") + kModelColumns +
                         " FROM registered_models m WHERE m.name = ? AND m.version = ?");
    st.bind(1, name).bind(2, version);
    if (st.step())
        return readModel(st);
    st.reset();
    auto range = db.prepare("SELECT MIN(version), MAX(version) FROM registered_models WHERE name = ?");
    range.bind(1, name);
    range.step();
    throw Error(ErrorInfo{ErrorCode::NotFound, {}, 0, "registered model",
                          range.isNull(0)
                              ? "no model is registered as \"" + name + "\""
                              : name + " " + versionText(version) + " (" + name + " has versions " +
                                    std::to_string(range.int64(0)) + " to " +
                                    std::to_string(range.int64(1)) + ")"});
}

}  // namespace

const char* aliasActionName(AliasAction action)
{
    switch (action) {
    case AliasAction::Promote: return "promote";
    case AliasAction::Rollback: return "rollback";
    case AliasAction::Clear: return "clear";
    }
    return "promote";
}

std::optional<Id> rollbackTarget(const std::vector<AliasEventRecord>& newestFirst)
{
    // Replayed oldest first: a move (promote, clear) pushes where the alias was before it; a
    // roll-back pops down to and including the version it went back to.
    std::vector<Id> undo;
    for (auto it = newestFirst.rbegin(); it != newestFirst.rend(); ++it) {
        if (it->action != AliasAction::Rollback) {
            undo.push_back(it->previousId);
            continue;
        }
        while (!undo.empty()) {
            const Id popped = undo.back();
            undo.pop_back();
            if (popped == it->modelId)
                break;
        }
    }
    // "Pointed nowhere" states and the current version are no place to go back to.
    const Id current = newestFirst.empty() ? 0 : newestFirst.front().modelId;
    for (auto it = undo.rbegin(); it != undo.rend(); ++it)
        if (*it != 0 && *it != current)
            return *it;
    return std::nullopt;
}

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
    st.bind(4, storedBundlePath(project_.folder(), bundlePath))
        .bind(5, manifestHash)
        .bind(6, unixTimeNow())
        .run();
    const Id id = db.lastInsertId();
    tx.commit();
    return id;
}

std::vector<RegisteredModelRecord> ModelRegistry::models()
{
    auto st = project_.db().prepare(std::string("SELECT ") + kModelColumns +
                                    " FROM registered_models m ORDER BY m.created_at DESC, m.id DESC");
    return sql::readAll(st, readModel);
}

std::vector<RegisteredModelRecord> ModelRegistry::versions(const std::string& name)
{
    auto st = project_.db().prepare(std::string("SELECT ") + kModelColumns +
                                    " FROM registered_models m WHERE m.name = ? ORDER BY m.version DESC");
    st.bind(1, name);
    return sql::readAll(st, readModel);
}

RegisteredModelRecord ModelRegistry::get(Id registeredModelId)
{
    return getIn(project_.db(), registeredModelId);
}

RegisteredModelRecord ModelRegistry::find(const std::string& name, int version)
{
    return findIn(project_.db(), name, version);
}

AliasEventRecord ModelRegistry::promote(const std::string& name, int version,
                                        const std::string& alias, const std::string& actor,
                                        const std::string& reason)
{
    return inTransaction(project_, alias, actor, reason, [&](Database& db, const std::string& who) {
        return moveAlias(db, name, alias, findIn(db, name, version), AliasAction::Promote, who,
                         reason);
    });
}

AliasEventRecord ModelRegistry::rollback(const std::string& name, const std::string& alias,
                                         const std::string& actor, const std::string& reason)
{
    return inTransaction(project_, alias, actor, reason, [&](Database& db, const std::string& who) {
        const auto target = rollbackTarget(eventsOf(db, name, alias));
        if (!target) {
            const auto holder = holderOf(db, name, alias);
            invalid("rollback",
                    name + "@" + alias + " has no earlier version to roll back to" +
                        (holder ? " (" + versionText(holder->version) +
                                      " is the first version it pointed at)"
                                : std::string(" (no version holds it)")));
        }
        return moveAlias(db, name, alias, getIn(db, *target), AliasAction::Rollback, who, reason);
    });
}

AliasEventRecord ModelRegistry::clearAlias(const std::string& name, const std::string& alias,
                                           const std::string& actor, const std::string& reason)
{
    return inTransaction(project_, alias, actor, reason, [&](Database& db, const std::string& who) {
        return moveAlias(db, name, alias, std::nullopt, AliasAction::Clear, who, reason);
    });
}

void ModelRegistry::setAlias(Id registeredModelId, const std::string& alias)
{
    const auto row = get(registeredModelId);
    if (!alias.empty())
        promote(row.name, row.version, alias);
    else if (!row.alias.empty())
        clearAlias(row.name, row.alias);
}

std::vector<AliasEventRecord> ModelRegistry::history(const std::string& name,
                                                     const std::string& alias)
{
    return eventsOf(project_.db(), name, alias);
}

RegisteredModelRecord ModelRegistry::resolve(const std::string& name, const std::string& alias)
{
    auto& db = project_.db();
    if (auto holder = holderOf(db, name, alias))
        return *holder;
    auto aliases = db.prepare("SELECT COUNT(*), GROUP_CONCAT(CASE WHEN alias <> '' THEN alias END, "
                              "', ') FROM registered_models WHERE name = ?");
    aliases.bind(1, name);
    aliases.step();
    const bool known = aliases.int64(0) > 0;
    const std::string held = aliases.isNull(1) ? std::string() : aliases.text(1);
    throw Error(ErrorInfo{
        ErrorCode::NotFound, {}, 0, "model alias",
        name + "@" + alias + ": " +
            (!known ? "no model is registered as \"" + name + "\""
                    : "no version of " + name + " holds this alias" +
                          (held.empty() ? std::string(" (it has no aliases)")
                                        : " (its aliases: " + held + ")"))});
}

RegisteredModelRecord ModelRegistry::resolve(const std::string& reference)
{
    const auto [name, alias] = parseAliasReference(reference);
    return resolve(name, alias);
}

}  // namespace flightdeck::store
