#include "Schema.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/store/Database.h"

#include <sqlite3.h>

#include <array>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <type_traits>
#include <vector>

namespace flightdeck::store::schema {

namespace {

// Version 1. Ids that callers may leave at 0 ("none") are nullable foreign keys, so the
// repositories store 0 as NULL and integrity is still enforced for real ids.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE datasets (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    created_at  REAL NOT NULL
);
CREATE TABLE dataset_versions (
    id            INTEGER PRIMARY KEY,
    dataset_id    INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    parent_id     INTEGER REFERENCES dataset_versions(id),
    hash          TEXT NOT NULL,
    source        TEXT NOT NULL DEFAULT '',
    row_count     INTEGER NOT NULL,
    feature_count INTEGER NOT NULL,
    schema_json   TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    created_at    REAL NOT NULL,
    UNIQUE (dataset_id, hash)
);
CREATE TABLE samples (
    id            INTEGER PRIMARY KEY,
    version_id    INTEGER NOT NULL REFERENCES dataset_versions(id) ON DELETE CASCADE,
    row_index     INTEGER NOT NULL,
    content_hash  TEXT NULL,
    UNIQUE (version_id, row_index)
);
CREATE TABLE labels (
    id          INTEGER PRIMARY KEY,
    sample_id   INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
    class_name  TEXT NOT NULL,
    source      TEXT NOT NULL,
    created_at  REAL NOT NULL
);
CREATE INDEX labels_by_sample ON labels (sample_id);
CREATE TABLE splits (
    id              INTEGER PRIMARY KEY,
    version_id      INTEGER NOT NULL REFERENCES dataset_versions(id) ON DELETE CASCADE,
    seed            INTEGER NOT NULL,
    strategy        TEXT NOT NULL,
    train_fraction  REAL NOT NULL,
    val_fraction    REAL NOT NULL,
    test_fraction   REAL NOT NULL,
    train_count     INTEGER NOT NULL,
    val_count       INTEGER NOT NULL,
    test_count      INTEGER NOT NULL,
    object_hash     TEXT NOT NULL,
    created_at      REAL NOT NULL
);
CREATE INDEX splits_by_version ON splits (version_id);
CREATE TABLE architectures (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    spec_json   TEXT NOT NULL,
    spec_hash   TEXT NOT NULL UNIQUE,
    created_at  REAL NOT NULL
);
CREATE TABLE runs (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL,
    version_id       INTEGER REFERENCES dataset_versions(id),
    split_id         INTEGER REFERENCES splits(id),
    architecture_id  INTEGER REFERENCES architectures(id),
    status           TEXT NOT NULL,
    device           TEXT NOT NULL DEFAULT '',
    blas             TEXT NOT NULL DEFAULT '',
    app_version      TEXT NOT NULL DEFAULT '',
    git_commit       TEXT NOT NULL DEFAULT '',
    torch_version    TEXT NOT NULL DEFAULT '',
    started_at       REAL NOT NULL,
    ended_at         REAL,
    error            TEXT NOT NULL DEFAULT ''
);
CREATE TABLE run_params (
    run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    key     TEXT NOT NULL,
    value   TEXT NOT NULL,
    PRIMARY KEY (run_id, key)
);
CREATE TABLE metrics (
    id         INTEGER PRIMARY KEY,
    run_id     INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    key        TEXT NOT NULL,
    step       INTEGER NOT NULL,
    epoch      INTEGER NOT NULL,
    wall_time  REAL NOT NULL,
    value      REAL NOT NULL
);
CREATE INDEX metrics_by_run_key_step ON metrics (run_id, key, step);
CREATE TABLE artifacts (
    id           INTEGER PRIMARY KEY,
    run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    object_hash  TEXT NOT NULL,
    name         TEXT NOT NULL DEFAULT '',
    created_at   REAL NOT NULL
);
CREATE INDEX artifacts_by_run ON artifacts (run_id);
CREATE TABLE evaluations (
    id           INTEGER PRIMARY KEY,
    run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    split        TEXT NOT NULL,
    accuracy     REAL NOT NULL,
    report_json  TEXT NOT NULL,
    created_at   REAL NOT NULL
);
CREATE INDEX evaluations_by_run ON evaluations (run_id);
CREATE TABLE registered_models (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,
    version        INTEGER NOT NULL,
    run_id         INTEGER REFERENCES runs(id),
    bundle_path    TEXT NOT NULL,
    manifest_hash  TEXT NOT NULL,
    alias          TEXT NOT NULL DEFAULT '',
    created_at     REAL NOT NULL,
    UNIQUE (name, version)
);
CREATE UNIQUE INDEX registered_models_alias ON registered_models (name, alias) WHERE alias <> '';
)sql";

// Version 2: the version's task and its second object (an image version's pixels, stored once
// for every version that shares them), and labels as an edit history. v1 wrote one samples row
// and one labels row per data row at import (2,000,000 inserts for a 1M-row CSV); from v2 the
// import labels live in the version object and label_events holds only what changed since.
constexpr const char* kVersion2 = R"sql(
ALTER TABLE dataset_versions ADD COLUMN task TEXT NOT NULL DEFAULT 'table_classification'
    CHECK (task IN ('table_classification', 'table_regression', 'image_classification'));
ALTER TABLE dataset_versions ADD COLUMN data_hash TEXT NOT NULL DEFAULT '';
CREATE TABLE label_events (
    id          INTEGER PRIMARY KEY,
    version_id  INTEGER NOT NULL REFERENCES dataset_versions(id) ON DELETE CASCADE,
    row_index   INTEGER NOT NULL CHECK (row_index >= 0),
    class_name  TEXT NOT NULL,
    previous    TEXT NOT NULL,
    source      TEXT NOT NULL CHECK (source IN ('user', 'model', 'import')),
    verified    INTEGER NOT NULL DEFAULT 0,
    seconds     REAL NOT NULL DEFAULT 0,
    created_at  REAL NOT NULL
);
CREATE INDEX label_events_by_version ON label_events (version_id, row_index, id);
CREATE TABLE label_classes (
    version_id  INTEGER NOT NULL REFERENCES dataset_versions(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    created_at  REAL NOT NULL,
    PRIMARY KEY (version_id, name)
);
)sql";

// Version 3: the registry's alias history (an append-only log: every promote and roll-back,
// who, when and why; registered_models.alias stays the current state) and the monitoring
// panel's alert rules (a rule's fields as JSON, validated in core/monitor).
constexpr const char* kVersion3 = R"sql(
CREATE TABLE alias_events (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    alias         TEXT NOT NULL CHECK (alias <> ''),
    model_id      INTEGER REFERENCES registered_models(id),
    previous_id   INTEGER REFERENCES registered_models(id),
    action        TEXT NOT NULL CHECK (action IN ('promote', 'rollback', 'clear')),
    actor         TEXT NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    created_at    REAL NOT NULL
);
CREATE INDEX alias_events_by_name ON alias_events (name, alias, id);
CREATE TABLE alert_rules (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    rule_json   TEXT NOT NULL,
    enabled     INTEGER NOT NULL DEFAULT 1,
    created_at  REAL NOT NULL
);
)sql";

// Version 4: what a person adds to a run afterwards (RunCurationRepository): a note, an
// archived flag (hidden from the Experiments table by default) and tags, one row each so a
// tag is matched whole.
constexpr const char* kVersion4 = R"sql(
ALTER TABLE runs ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
CREATE TABLE run_tags (
    run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    tag     TEXT NOT NULL CHECK (tag <> ''),
    PRIMARY KEY (run_id, tag)
);
)sql";

// Version 5: hyperparameter sweeps (SweepRepository). A run belongs to at most one sweep, so
// its trial row is keyed by the run and goes with it; the row keeps what the plan assigned
// (the axes' values) and the run's score on the sweep's objective, which the sweep runner
// writes when the run ends (NULL while running, or when cancelled or failed).
constexpr const char* kVersion5 = R"sql(
CREATE TABLE sweeps (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('grid', 'random')),
    spec_json   TEXT NOT NULL,
    objective   TEXT NOT NULL,
    version_id  INTEGER REFERENCES dataset_versions(id),
    split_id    INTEGER REFERENCES splits(id),
    status      TEXT NOT NULL,
    created_at  REAL NOT NULL,
    ended_at    REAL
);
CREATE TABLE sweep_runs (
    run_id           INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
    sweep_id         INTEGER NOT NULL REFERENCES sweeps(id) ON DELETE CASCADE,
    trial            INTEGER NOT NULL CHECK (trial >= 0),
    assignment_json  TEXT NOT NULL,
    score            REAL,
    UNIQUE (sweep_id, trial)
);
)sql";

// Version 6: a run's curves cut down for a plot's first draw (RunRepository::summarizeMetrics):
// reading 4 x 1,000,000 metric rows takes seconds, a summary's few thousand points per key
// milliseconds. Packed points (step int64, epoch int32, wall_time and value float64, host byte
// order); `points` is how many metric rows it summarizes. Dropped whenever the run's metrics
// change, so one that exists is current.
constexpr const char* kVersion6 = R"sql(
CREATE TABLE metric_summaries (
    run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    key     TEXT NOT NULL,
    points  INTEGER NOT NULL,
    data    BLOB NOT NULL,
    PRIMARY KEY (run_id, key)
);
)sql";

// Index i holds the step from version i to i + 1.
constexpr std::array<const char*, 6> kSteps = {kVersion1, kVersion2, kVersion3, kVersion4,
                                               kVersion5, kVersion6};

[[noreturn]] void refuse(ErrorCode code, const std::filesystem::path& file, std::string detail)
{
    throw Error(ErrorInfo{code, file.string(), 0, {}, std::move(detail)});
}

std::string printable(const char* bytes, std::size_t n)
{
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char c = static_cast<unsigned char>(bytes[i]);
        out += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '.';
    }
    return out;
}

}  // namespace

namespace {

// The file's first bytes, read through SQLite's own VFS rather than a plain open()/close():
// closing any descriptor of the database file drops every POSIX lock this process's other
// connections hold on it (SQLite's "How To Corrupt", 2.2), and another process may then
// checkpoint and delete the WAL under them ("database disk image is malformed"). SQLite's
// unix VFS defers that close while the file is locked in this process.
std::size_t readHeader(const std::filesystem::path& databaseFile, unsigned char* out,
                       std::size_t size)
{
    sqlite3_vfs* vfs = sqlite3_vfs_find(nullptr);
    const std::string path = std::filesystem::absolute(databaseFile).string();
    std::vector<unsigned char> handle(static_cast<std::size_t>(vfs->szOsFile));
    auto* file = reinterpret_cast<sqlite3_file*>(handle.data());
    int flags = 0;
    if (vfs->xOpen(vfs, path.c_str(), file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &flags)
        != SQLITE_OK) {
        if (file->pMethods)
            file->pMethods->xClose(file);
        refuse(ErrorCode::FileUnreadable, databaseFile, "cannot open the file for reading");
    }
    sqlite3_int64 fileSize = 0;
    int rc = file->pMethods->xFileSize(file, &fileSize);
    const auto got = static_cast<std::size_t>(
        std::min<sqlite3_int64>(std::max<sqlite3_int64>(fileSize, 0), static_cast<sqlite3_int64>(size)));
    if (rc == SQLITE_OK && got > 0)
        rc = file->pMethods->xRead(file, out, static_cast<int>(got), 0);
    file->pMethods->xClose(file);
    if (rc != SQLITE_OK)
        refuse(ErrorCode::FileUnreadable, databaseFile, "cannot read the file's header");
    return got;
}

}  // namespace

Probe probe(const std::filesystem::path& databaseFile, bool readOnly)
{
    // Look at the header ourselves first: handing a foreign file to SQLite read-write is how
    // it gets "repaired" into something else.
    unsigned char header[100] = {};
    const std::size_t got = readHeader(databaseFile, header, sizeof header);
    if (got == 0)
        refuse(ErrorCode::NotAProject, databaseFile,
               "expected a SQLite database, found an empty file");
    if (got < 16 || std::memcmp(header, "SQLite format 3", 16) != 0)
        refuse(ErrorCode::NotAProject, databaseFile,
               "expected a SQLite database (\"SQLite format 3\" header), found \""
                   + printable(reinterpret_cast<const char*>(header), std::min<std::size_t>(got, 16))
                   + "\"");
    if (got < sizeof header)
        refuse(ErrorCode::CorruptProject, databaseFile, "the SQLite header is truncated");
    // Header fields (big-endian): application_id at offset 68; byte 18 is 2 in WAL mode.
    const std::uint32_t applicationId = (std::uint32_t(header[68]) << 24)
                                        | (std::uint32_t(header[69]) << 16)
                                        | (std::uint32_t(header[70]) << 8) | header[71];
    if (applicationId != 0 && applicationId != static_cast<std::uint32_t>(kApplicationId))
    {
        char found[64];
        std::snprintf(found, sizeof found, "expected application_id 0x%08x, found 0x%08x",
                      static_cast<unsigned>(kApplicationId), static_cast<unsigned>(applicationId));
        refuse(ErrorCode::NotAProject, databaseFile,
               std::string(found) + " (a SQLite database of another program)");
    }
    // Our databases are in WAL mode from their first write. Anything else is opened read-only,
    // so SQLite never rolls back a foreign hot journal into it; a WAL file has to be opened
    // read-write to be read while another connection writes.
    const bool wal = header[18] == 2;
    const int openFlags = wal ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
    if (readOnly) {
        Probe result;
        try {
            Database db = Database::openReadOnly(databaseFile);
            auto read = [&](const char* sql) {
                auto st = db.prepare(sql);
                return st.step() ? st.int64(0) : 0;
            };
            result.applicationId = static_cast<std::int32_t>(read("PRAGMA application_id"));
            result.userVersion = static_cast<int>(read("PRAGMA user_version"));
            result.tableCount =
                static_cast<int>(read("SELECT count(*) FROM sqlite_master WHERE type = 'table'"));
        } catch (const Error& e) {
            const ErrorCode seen = e.code();
            refuse(seen == ErrorCode::DiskFull || seen == ErrorCode::Io ? seen
                                                                        : ErrorCode::CorruptProject,
                   databaseFile, e.info().detail);
        }
        return result;
    }

    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(databaseFile.string().c_str(), &db, openFlags, nullptr);
    Probe result;
    std::string failure;
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(db, 5000);
        auto readInt = [&](const char* sql, auto& out) {
            sqlite3_stmt* st = nullptr;
            bool ok = sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK
                      && sqlite3_step(st) == SQLITE_ROW;
            if (ok)
                out = static_cast<std::remove_reference_t<decltype(out)>>(
                    sqlite3_column_int64(st, 0));
            else if (failure.empty())
                failure = sqlite3_errmsg(db);
            sqlite3_finalize(st);
            return ok;
        };
        readInt("PRAGMA application_id", result.applicationId)
            && readInt("PRAGMA user_version", result.userVersion)
            && readInt("SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                       result.tableCount);
    } else {
        failure = db ? sqlite3_errmsg(db) : "out of memory";
    }
    // Only SQLite's own verdict makes a project "damaged"; a full disk or an I/O error is said
    // as such (a probe with 16 KB free once called a healthy project damaged).
    ErrorCode code = ErrorCode::CorruptProject;
    if (!failure.empty() && db) {
        const ErrorCode seen = sqliteErrorCode(db, databaseFile.string());
        if (seen == ErrorCode::DiskFull || seen == ErrorCode::Io)
            code = seen;
    }
    sqlite3_close(db);
    if (!failure.empty())
        refuse(code, databaseFile, failure);
    return result;
}

int migrate(Database& db, int targetVersion)
{
    Transaction tx(db);
    // Read inside the write transaction: another process may have migrated meanwhile.
    int version = db.userVersion();
    if (version > targetVersion)
        return version;   // the caller has already refused newer schemas; nothing to do
    for (; version < targetVersion; ++version)
        db.exec(kSteps.at(static_cast<std::size_t>(version)));
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    db.setUserVersion(version);
    tx.commit();
    return version;
}

}  // namespace flightdeck::store::schema
