#include "flightdeck/store/SweepRepository.h"

#include "SqlHelpers.h"
#include "flightdeck/store/MetricKeys.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunLock.h"

#include <sqlite3.h>

#include <cmath>

namespace flightdeck::store {

namespace {

constexpr const char* kSweepColumns =
    "SELECT id, name, kind, spec_json, objective, version_id, split_id, status, created_at, "
    "ended_at FROM sweeps";
constexpr const char* kTrialColumns =
    "SELECT run_id, sweep_id, trial, assignment_json, score FROM sweep_runs";

SweepRecord readSweep(const Statement& st)
{
    SweepRecord r;
    r.id = st.int64(0);
    r.name = st.text(1);
    r.kind = sweepKindFromName(st.text(2));
    r.specJson = st.text(3);
    r.objective = st.text(4);
    r.versionId = sql::refOrZero(st, 5);
    r.splitId = sql::refOrZero(st, 6);
    r.status = runStatusFromName(st.text(7));
    r.createdAt = st.real(8);
    if (!st.isNull(9))
        r.endedAt = st.real(9);
    return r;
}

SweepTrialRecord readTrial(const Statement& st)
{
    SweepTrialRecord t;
    t.runId = st.int64(0);
    t.sweepId = st.int64(1);
    t.trial = static_cast<int>(st.int64(2));
    t.assignmentJson = st.text(3);
    if (!st.isNull(4))
        t.score = st.real(4);
    return t;
}

[[noreturn]] void refuse(const char* field, const std::string& detail)
{
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, field, detail});
}

}  // namespace

const char* sweepKindName(SweepKind kind)
{
    return kind == SweepKind::Random ? "random" : "grid";
}

SweepKind sweepKindFromName(const std::string& name)
{
    if (name == "grid")
        return SweepKind::Grid;
    if (name == "random")
        return SweepKind::Random;
    throw Error(ErrorInfo{ErrorCode::CorruptObject, {}, 0, "sweep kind",
                          "\"grid\" or \"random\", found \"" + name + "\""});
}

std::optional<SweepTrialRecord> bestTrial(const std::vector<SweepTrialRecord>& trials,
                                          const std::string& objective)
{
    const bool higher = metric::higherIsBetter(objective);
    std::optional<SweepTrialRecord> best;
    for (const SweepTrialRecord& t : trials) {
        if (!t.score || !std::isfinite(*t.score))
            continue;
        const bool better = !best || (higher ? *t.score > *best->score : *t.score < *best->score)
                            || (*t.score == *best->score && t.trial < best->trial);
        if (better)
            best = t;
    }
    return best;
}

SweepRepository::SweepRepository(Project& project) : project_(project) {}

Id SweepRepository::create(const SweepRecord& s)
{
    if (s.objective.empty())
        refuse("objective", "a metric key such as val/accuracy or val/loss");
    auto& db = project_.db();
    Transaction tx(db);
    auto st = db.prepare("INSERT INTO sweeps (name, kind, spec_json, objective, version_id, "
                         "split_id, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, s.name).bind(2, sweepKindName(s.kind)).bind(3, s.specJson).bind(4, s.objective);
    sql::bindRef(st, 5, s.versionId);
    sql::bindRef(st, 6, s.splitId);
    st.bind(7, runStatusName(s.status)).bind(8, sql::timeOrNow(s.createdAt)).run();
    const Id id = db.lastInsertId();
    if (s.name.empty())
        db.prepare("UPDATE sweeps SET name = ? WHERE id = ?")
            .bind(1, "sweep-" + std::to_string(id))
            .bind(2, id)
            .run();
    tx.commit();
    return id;
}

void SweepRepository::finish(Id sweepId, RunStatus status)
{
    auto& db = project_.db();
    db.prepare("UPDATE sweeps SET status = ?, ended_at = ? WHERE id = ?")
        .bind(1, runStatusName(status))
        .bind(2, unixTimeNow())
        .bind(3, sweepId)
        .run();
    if (sqlite3_changes(db.handle()) == 0)
        sql::notFound("sweep", sweepId);
}

std::vector<Id> SweepRepository::markInterruptedSweeps(double graceSeconds)
{
    auto& db = project_.db();
    std::vector<Id> gone;
    {
        auto st = db.prepare("SELECT id FROM sweeps WHERE status = 'running' AND created_at < ?");
        st.bind(1, unixTimeNow() - graceSeconds);
        while (st.step())
            if (!RunLock::isHeld(project_.folder(), st.int64(0), "sweep"))
                gone.push_back(st.int64(0));
    }
    for (const Id id : gone)
        db.prepare("UPDATE sweeps SET status = ? WHERE id = ? AND status = 'running'")
            .bind(1, runStatusName(RunStatus::Interrupted))
            .bind(2, id)
            .run();
    return gone;
}

SweepRecord SweepRepository::sweep(Id sweepId)
{
    auto st = project_.db().prepare(std::string(kSweepColumns) + " WHERE id = ?");
    st.bind(1, sweepId);
    return sql::readOne(st, readSweep, "sweep", sweepId);
}

std::vector<SweepRecord> SweepRepository::sweeps()
{
    auto st = project_.db().prepare(std::string(kSweepColumns) + " ORDER BY id DESC");
    return sql::readAll(st, readSweep);
}

void SweepRepository::addTrial(const SweepTrialRecord& t)
{
    auto& db = project_.db();
    Transaction tx(db);
    auto taken = db.prepare("SELECT sweep_id, trial FROM sweep_runs WHERE run_id = ? OR "
                            "(sweep_id = ? AND trial = ?)");
    taken.bind(1, t.runId).bind(2, t.sweepId).bind(3, t.trial);
    if (taken.step())
        refuse("run", "run " + std::to_string(t.runId) + " or trial " + std::to_string(t.trial)
                          + " is already in sweep " + std::to_string(taken.int64(0)));
    auto st = db.prepare("INSERT INTO sweep_runs (run_id, sweep_id, trial, assignment_json, "
                         "score) VALUES (?, ?, ?, ?, ?)");
    st.bind(1, t.runId).bind(2, t.sweepId).bind(3, t.trial).bind(4, t.assignmentJson);
    if (t.score)
        st.bind(5, *t.score);
    else
        st.bindNull(5);
    st.run();
    tx.commit();
}

void SweepRepository::setScore(Id runId, std::optional<double> score)
{
    auto& db = project_.db();
    auto st = db.prepare("UPDATE sweep_runs SET score = ? WHERE run_id = ?");
    // NaN would sort as the best in SQL and compare false everywhere else: not a score.
    if (score && std::isfinite(*score))
        st.bind(1, *score);
    else
        st.bindNull(1);
    st.bind(2, runId).run();
    if (sqlite3_changes(db.handle()) == 0)
        sql::notFound("sweep run", runId);
}

std::vector<SweepTrialRecord> SweepRepository::trials(Id sweepId)
{
    auto st = project_.db().prepare(std::string(kTrialColumns) + " WHERE sweep_id = ? ORDER BY trial");
    st.bind(1, sweepId);
    return sql::readAll(st, readTrial);
}

std::vector<SweepTrialRecord> SweepRepository::allTrials()
{
    auto st = project_.db().prepare(std::string(kTrialColumns) + " ORDER BY sweep_id, trial");
    return sql::readAll(st, readTrial);
}

std::optional<SweepTrialRecord> SweepRepository::best(Id sweepId)
{
    return bestTrial(trials(sweepId), sweep(sweepId).objective);
}

}  // namespace flightdeck::store
