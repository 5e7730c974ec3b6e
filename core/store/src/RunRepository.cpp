#include "flightdeck/store/RunRepository.h"
#include "flightdeck/store/RunLock.h"

#include "SqlHelpers.h"
#include "flightdeck/store/Project.h"

#include <sqlite3.h>

namespace flightdeck::store {

namespace {

constexpr const char* kRunColumns =
    "id, name, version_id, split_id, architecture_id, status, device, blas, app_version, "
    "git_commit, torch_version, started_at, ended_at, error";

RunRecord readRun(const Statement& st)
{
    RunRecord r;
    r.id = st.int64(0);
    r.name = st.text(1);
    r.versionId = sql::refOrZero(st, 2);
    r.splitId = sql::refOrZero(st, 3);
    r.architectureId = sql::refOrZero(st, 4);
    r.status = runStatusFromName(st.text(5));
    r.device = st.text(6);
    r.blas = st.text(7);
    r.appVersion = st.text(8);
    r.gitCommit = st.text(9);
    r.torchVersion = st.text(10);
    r.startedAt = st.real(11);
    if (!st.isNull(12))
        r.endedAt = st.real(12);
    r.error = st.text(13);
    return r;
}

}  // namespace

RunRepository::RunRepository(Project& project) : project_(project) {}

Id RunRepository::createRun(const RunRecord& run)
{
    auto& db = project_.db();
    auto st = db.prepare("INSERT INTO runs (name, version_id, split_id, architecture_id, status, "
                         "device, blas, app_version, git_commit, torch_version, started_at, "
                         "ended_at, error) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, run.name);
    sql::bindRef(st, 2, run.versionId);
    sql::bindRef(st, 3, run.splitId);
    sql::bindRef(st, 4, run.architectureId);
    st.bind(5, std::string(runStatusName(run.status)))
        .bind(6, run.device)
        .bind(7, run.blas)
        .bind(8, run.appVersion)
        .bind(9, run.gitCommit)
        .bind(10, run.torchVersion)
        .bind(11, sql::timeOrNow(run.startedAt));
    if (run.endedAt)
        st.bind(12, *run.endedAt);
    else
        st.bindNull(12);
    Transaction tx(db);
    st.bind(13, run.error).run();
    const Id id = db.lastInsertId();
    if (run.name.empty()) {
        // The default name needs the id, so it is set in the same transaction as the insert.
        db.prepare("UPDATE runs SET name = 'run-' || id WHERE id = ?").bind(1, id).run();
    }
    tx.commit();
    return id;
}

void RunRepository::setParams(Id runId, const std::map<std::string, std::string>& params)
{
    auto& db = project_.db();
    Transaction tx(db);
    auto st = db.prepare("INSERT INTO run_params (run_id, key, value) VALUES (?, ?, ?) "
                         "ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value");
    for (const auto& [key, value] : params) {
        st.bind(1, runId).bind(2, key).bind(3, value).run();
        st.reset();
    }
    tx.commit();
}

std::map<std::string, std::string> RunRepository::params(Id runId)
{
    auto st = project_.db().prepare("SELECT key, value FROM run_params WHERE run_id = ?");
    st.bind(1, runId);
    std::map<std::string, std::string> out;
    while (st.step())
        out.emplace(st.text(0), st.text(1));
    return out;
}

void RunRepository::appendMetrics(Id runId, const std::vector<MetricRecord>& metrics)
{
    if (metrics.empty())
        return;
    auto& db = project_.db();
    Transaction tx(db);
    // A summary covers the metrics as they were; more of them make it stale.
    db.prepare("DELETE FROM metric_summaries WHERE run_id = ?").bind(1, runId).run();
    // One prepared statement reused for the whole batch: training calls this every few steps,
    // and re-parsing the SQL per row would cost more than the insert itself.
    auto st = db.prepare("INSERT INTO metrics (run_id, key, step, epoch, wall_time, value) "
                         "VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& m : metrics) {
        st.bind(1, runId)
            .bind(2, m.key)
            .bind(3, m.step)
            .bind(4, m.epoch)
            .bind(5, m.wallTime)
            .bind(6, m.value)
            .run();
        st.reset();
    }
    tx.commit();
}

std::vector<MetricRecord> RunRepository::metrics(Id runId, const std::string& key)
{
    // With no key, points come grouped by key (then by step), which is what the index serves.
    auto st = project_.db().prepare(
        key.empty() ? "SELECT key, step, epoch, wall_time, value FROM metrics WHERE run_id = ? "
                      "ORDER BY key, step, id"
                    : "SELECT key, step, epoch, wall_time, value FROM metrics WHERE run_id = ? "
                      "AND key = ? ORDER BY step, id");
    st.bind(1, runId);
    if (!key.empty())
        st.bind(2, key);
    std::vector<MetricRecord> out;
    while (st.step())
        out.push_back({st.text(0), st.int64(1), static_cast<int>(st.int64(2)), st.real(3),
                       st.real(4)});
    return out;
}

std::vector<std::string> RunRepository::metricKeys(Id runId)
{
    auto st = project_.db().prepare(
        "SELECT DISTINCT key FROM metrics WHERE run_id = ? ORDER BY key");
    st.bind(1, runId);
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.text(0));
    return out;
}

void RunRepository::finishRun(Id runId, RunStatus status, const std::string& error)
{
    auto& db = project_.db();
    db.prepare("UPDATE runs SET status = ?, ended_at = ?, error = ? WHERE id = ?")
        .bind(1, std::string(runStatusName(status)))
        .bind(2, unixTimeNow())
        .bind(3, error)
        .bind(4, runId)
        .run();
    if (sqlite3_changes(db.handle()) == 0)
        sql::notFound("run", runId);
}

std::vector<Id> RunRepository::markInterruptedRuns(double graceSeconds)
{
    if (project_.readOnly())
        return {};   // nothing can be recorded; the runs show as they are
    auto st = project_.db().prepare("SELECT id, started_at FROM runs WHERE status = 'running'");
    const double cutoff = unixTimeNow() - graceSeconds;
    std::vector<std::pair<Id, std::optional<std::string>>> ended;
    while (st.step()) {
        const Id id = st.int64(0);
        if (RunLock::isHeld(project_.folder(), id))
            continue;
        // A run whose process left a failure note (it could not write "failed" itself, e.g.
        // on a full disk) is over whatever its age; otherwise the grace period covers the
        // moment between creating the run row and taking its lock.
        auto note = RunLock::recordedFailure(project_.folder(), id);
        if (note || st.real(1) < cutoff)
            ended.emplace_back(id, std::move(note));
    }
    std::vector<Id> marked;
    for (const auto& [id, note] : ended) {
        if (note)
            finishRun(id, RunStatus::Failed, *note);
        else
            finishRun(id, RunStatus::Interrupted, "the process training it ended before the run finished");
        RunLock::discard(project_.folder(), id);
        marked.push_back(id);
    }
    return marked;
}

std::vector<RunRecord> RunRepository::runs()
{
    auto st = project_.db().prepare(std::string("SELECT ") + kRunColumns
                                    + " FROM runs ORDER BY started_at DESC, id DESC");
    return sql::readAll(st, readRun);
}

RunRecord RunRepository::run(Id runId)
{
    auto st = project_.db().prepare(std::string("SELECT ") + kRunColumns
                                    + " FROM runs WHERE id = ?");
    st.bind(1, runId);
    return sql::readOne(st, readRun, "run", runId);
}

void RunRepository::reopenRun(Id runId)
{
    auto& db = project_.db();
    db.prepare("UPDATE runs SET status = 'running', ended_at = NULL, error = '' WHERE id = ?")
        .bind(1, runId)
        .run();
    if (sqlite3_changes(db.handle()) == 0)
        sql::notFound("run", runId);
}

void RunRepository::deleteMetricsAfter(Id runId, std::int64_t step)
{
    auto& db = project_.db();
    Transaction tx(db);
    db.prepare("DELETE FROM metric_summaries WHERE run_id = ?").bind(1, runId).run();
    db.prepare("DELETE FROM metrics WHERE run_id = ? AND step > ?").bind(1, runId).bind(2, step).run();
    tx.commit();
}

std::vector<std::string> RunRepository::replaceArtifact(const ArtifactRecord& artifact)
{
    auto& db = project_.db();
    Transaction tx(db);
    std::vector<std::string> old;
    {
        auto st = db.prepare("SELECT DISTINCT object_hash FROM artifacts WHERE run_id = ? AND "
                             "kind = ? AND name = ? AND object_hash <> ?");
        st.bind(1, artifact.runId).bind(2, artifact.kind).bind(3, artifact.name)
            .bind(4, artifact.objectHash);
        while (st.step())
            old.push_back(st.text(0));
    }
    db.prepare("DELETE FROM artifacts WHERE run_id = ? AND kind = ? AND name = ?")
        .bind(1, artifact.runId)
        .bind(2, artifact.kind)
        .bind(3, artifact.name)
        .run();
    addArtifact(artifact);
    std::vector<std::string> unreferenced;
    for (const auto& hash : old) {
        auto st = db.prepare("SELECT 1 FROM artifacts WHERE object_hash = ? LIMIT 1");
        st.bind(1, hash);
        if (!st.step())
            unreferenced.push_back(hash);
    }
    tx.commit();
    return unreferenced;
}

Id RunRepository::addArtifact(const ArtifactRecord& artifact)
{
    auto& db = project_.db();
    db.prepare("INSERT INTO artifacts (run_id, kind, object_hash, name, created_at) "
               "VALUES (?, ?, ?, ?, ?)")
        .bind(1, artifact.runId)
        .bind(2, artifact.kind)
        .bind(3, artifact.objectHash)
        .bind(4, artifact.name)
        .bind(5, sql::timeOrNow(artifact.createdAt))
        .run();
    return db.lastInsertId();
}

std::string RunRepository::modelObjectHash(Id runId)
{
    std::string hash;
    for (const auto& a : artifacts(runId))
        if (a.kind == "model")
            hash = a.objectHash;   // the latest one wins
    return hash;
}

std::string RunRepository::requireModel(Id runId)
{
    std::string hash = modelObjectHash(runId);
    if (!hash.empty())
        return hash;
    const RunRecord r = run(runId);   // NotFound for an unknown run
    if (r.status == RunStatus::Running)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "run",
                              "run " + std::to_string(runId)
                                  + " is still training; its model is stored when it ends"});
    throw Error(ErrorInfo{ErrorCode::NotFound, {}, 0, "model artifact",
                          "run " + std::to_string(runId)});
}

std::vector<ArtifactRecord> RunRepository::artifacts(Id runId)
{
    auto st = project_.db().prepare("SELECT id, run_id, kind, object_hash, name, created_at "
                                    "FROM artifacts WHERE run_id = ? ORDER BY id");
    st.bind(1, runId);
    std::vector<ArtifactRecord> out;
    while (st.step())
        out.push_back({st.int64(0), st.int64(1), st.text(2), st.text(3), st.text(4), st.real(5)});
    return out;
}

Id RunRepository::addEvaluation(const EvaluationRecord& evaluation)
{
    auto& db = project_.db();
    db.prepare("INSERT INTO evaluations (run_id, split, accuracy, report_json, created_at) "
               "VALUES (?, ?, ?, ?, ?)")
        .bind(1, evaluation.runId)
        .bind(2, evaluation.split)
        .bind(3, evaluation.accuracy)
        .bind(4, evaluation.reportJson)
        .bind(5, sql::timeOrNow(evaluation.createdAt))
        .run();
    return db.lastInsertId();
}

std::vector<EvaluationRecord> RunRepository::evaluations(Id runId)
{
    auto st = project_.db().prepare(
        "SELECT id, run_id, split, accuracy, report_json, created_at FROM evaluations "
        "WHERE run_id = ? ORDER BY created_at DESC, id DESC");
    st.bind(1, runId);
    std::vector<EvaluationRecord> out;
    while (st.step())
        out.push_back({st.int64(0), st.int64(1), st.text(2), st.real(3), st.text(4), st.real(5)});
    return out;
}

}  // namespace flightdeck::store
