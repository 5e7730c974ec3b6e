#include "flightdeck/store/Database.h"

#include "flightdeck/common/Error.h"

#include <sqlite3.h>
#include <sys/statvfs.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

#include <utility>

namespace flightdeck::store {

void recordDamage(const std::string& databaseFile, const std::string& reason, bool replace) noexcept
{
    // Best effort, plain POSIX: this runs while reporting an error and must not throw.
    const std::string marker = databaseFile + ".damaged";
    const int fd = ::open(marker.c_str(),
                          O_WRONLY | O_CREAT | O_CLOEXEC | (replace ? O_TRUNC : O_EXCL), 0644);
    if (fd < 0)
        return;
    const std::string text = reason + "\n";
    [[maybe_unused]] const ssize_t n = ::write(fd, text.data(), text.size());
    ::fsync(fd);
    ::close(fd);
}

ErrorCode sqliteErrorCode(sqlite3* db, const std::string& file)
{
    const int primary = sqlite3_extended_errcode(db) & 0xff;
    switch (primary) {
    case SQLITE_FULL:
        return ErrorCode::DiskFull;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return ErrorCode::CorruptProject;
    case SQLITE_READONLY:
        return ErrorCode::FileUnwritable;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN: {
        const int err = sqlite3_system_errno(db);
        if (err == ENOSPC || err == EDQUOT)
            return ErrorCode::DiskFull;
        // The WAL index (-shm) is grown through mmap, where a full disk shows as a plain
        // I/O error: ask the file system how much room is left.
        struct statvfs fs {};
        const auto folder = std::filesystem::path(file).parent_path();
        if (!file.empty() && ::statvfs(folder.empty() ? "." : folder.c_str(), &fs) == 0 &&
            static_cast<unsigned long long>(fs.f_bavail) * fs.f_frsize < kLowDiskBytes)
            return ErrorCode::DiskFull;
        return primary == SQLITE_IOERR ? ErrorCode::Io : ErrorCode::Database;
    }
    default:
        return ErrorCode::Database;
    }
}

namespace {

[[noreturn]] void throwSqlite(sqlite3* db, std::string_view sql, const std::string& file = {})
{
    std::string detail = db ? sqlite3_errmsg(db) : "out of memory";
    if (!sql.empty())
        detail += " [SQL: " + std::string(sql) + "]";
    std::string where = file;
    if (where.empty() && db) {
        const char* name = sqlite3_db_filename(db, "main");
        where = name ? name : "";
    }
    const ErrorCode code = db ? sqliteErrorCode(db, where) : ErrorCode::Database;
    if (code == ErrorCode::CorruptProject && !where.empty())
        recordDamage(where, sqlite3_errmsg(db), /*replace=*/false);   // keep a fuller reason
    // A full disk or an I/O error is about the file, not the SQL: keep the SQL out of the
    // message a user reads, and name the file.
    if (code == ErrorCode::DiskFull || code == ErrorCode::Io || code == ErrorCode::FileUnwritable)
        throw Error(ErrorInfo{code, where, 0, {}, sqlite3_errmsg(db)});
    throw Error(ErrorInfo{code, file, 0, {}, std::move(detail)});
}

}  // namespace

// ---- Statement ------------------------------------------------------------------------------

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db), sql_(sql)
{
    if (sqlite3_prepare_v2(db_, sql_.data(), static_cast<int>(sql_.size()), &stmt_, nullptr)
        != SQLITE_OK) {
        sqlite3_finalize(stmt_);
        stmt_ = nullptr;
        throwSqlite(db_, sql_);
    }
}

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      stmt_(std::exchange(other.stmt_, nullptr)),
      sql_(std::move(other.sql_))
{
}

Statement::~Statement()
{
    sqlite3_finalize(stmt_);
}

static void checkBind(sqlite3* db, int rc, const std::string& sql)
{
    if (rc != SQLITE_OK)
        throwSqlite(db, sql);
}

Statement& Statement::bind(int index, std::int64_t value)
{
    checkBind(db_, sqlite3_bind_int64(stmt_, index, value), sql_);
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    checkBind(db_, sqlite3_bind_double(stmt_, index, value), sql_);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text)
{
    checkBind(db_,
              sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                                  SQLITE_UTF8),
              sql_);
    return *this;
}

Statement& Statement::bindBlob(int index, const void* data, std::size_t size)
{
    checkBind(db_, sqlite3_bind_blob64(stmt_, index, data, size, SQLITE_TRANSIENT), sql_);
    return *this;
}

Statement& Statement::bindNull(int index)
{
    checkBind(db_, sqlite3_bind_null(stmt_, index), sql_);
    return *this;
}

Statement& Statement::bind(int index, std::optional<std::int64_t> value)
{
    return value ? bind(index, *value) : bindNull(index);
}

bool Statement::step()
{
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    // Reset so the statement is reusable and sqlite3_errmsg holds the real cause.
    sqlite3_reset(stmt_);
    throwSqlite(db_, sql_);
}

void Statement::run()
{
    while (step()) {
    }
}

void Statement::reset()
{
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(stmt_, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(stmt_, column);
}

std::string Statement::text(int column) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (!p)
        return {};
    return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string Statement::blob(int column) const
{
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

std::optional<std::int64_t> Statement::optionalInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

// ---- Database -------------------------------------------------------------------------------

Database::Database(const std::filesystem::path& file, bool create) : file_(file.string())
{
    int flags = SQLITE_OPEN_READWRITE;
    if (create)
        flags |= SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(file_.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
        std::error_code ec;
        const bool missing = !create && !std::filesystem::exists(file, ec);
        const ErrorCode code = missing ? ErrorCode::FileNotFound
                               : db_   ? sqliteErrorCode(db_, file_)
                                       : ErrorCode::Database;
        sqlite3_close(db_);
        db_ = nullptr;
        throw Error(ErrorInfo{code, file_, 0, {}, why});
    }
    sqlite3_extended_result_codes(db_, 1);
    try {
        // busy_timeout first: the WAL switch itself may have to wait for another connection.
        sqlite3_busy_timeout(db_, 5000);
        exec("PRAGMA foreign_keys = ON");
        auto mode = prepare("PRAGMA journal_mode = WAL");
        const std::string got = mode.step() ? mode.text(0) : std::string();
        if (got != "wal")
            throw Error(ErrorInfo{ErrorCode::Database, file_, 0, {},
                                  "expected journal_mode wal, got \"" + got + "\""});
        // NORMAL is durable across application crashes in WAL mode and keeps metric appends
        // from paying an fsync per commit.
        exec("PRAGMA synchronous = NORMAL");
    } catch (...) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw;
    }
}

std::string sqliteReadOnlyUri(const std::filesystem::path& file, bool immutable)
{
    // URI filenames: '%', '?' and '#' (and anything outside printable ASCII) are escaped.
    static const char* hex = "0123456789ABCDEF";
    std::string uri = "file:";
    for (const unsigned char c : file.string()) {
        if (c == '%' || c == '?' || c == '#' || c <= 0x20 || c >= 0x7f) {
            uri += '%';
            uri += hex[c >> 4];
            uri += hex[c & 15];
        } else {
            uri += static_cast<char>(c);
        }
    }
    return uri + "?mode=ro" + (immutable ? "&immutable=1" : "");
}

Database Database::openReadOnly(const std::filesystem::path& file)
{
    Database d;
    d.file_ = file.string();
    std::string why;
    ErrorCode code = ErrorCode::Database;
    // mode=ro reads a WAL database when its -shm exists or can be created; on a read-only
    // mount neither may hold, and immutable=1 (no locking, no WAL index) is the way in.
    for (const bool immutable : {false, true}) {
        sqlite3* db = nullptr;
        const std::string uri = sqliteReadOnlyUri(file, immutable);
        int rc = sqlite3_open_v2(uri.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
        if (rc == SQLITE_OK) {
            sqlite3_extended_result_codes(db, 1);
            sqlite3_busy_timeout(db, 5000);
            rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
        }
        if (rc == SQLITE_OK) {
            d.db_ = db;
            return d;
        }
        why = db ? sqlite3_errmsg(db) : "out of memory";
        code = db ? sqliteErrorCode(db, d.file_) : ErrorCode::Database;
        sqlite3_close(db);
    }
    throw Error(ErrorInfo{code, d.file_, 0, {}, why});
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), file_(std::move(other.file_))
{
}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
        file_ = std::move(other.file_);
    }
    return *this;
}

Database::~Database()
{
    // close_v2 defers the close until any statement a caller still holds is finalized.
    sqlite3_close_v2(db_);
}

void Database::exec(std::string_view sql)
{
    const std::string text(sql);
    char* message = nullptr;
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string detail = message ? message : sqlite3_errmsg(db_);
        sqlite3_free(message);
        const ErrorCode code = sqliteErrorCode(db_, file_);
        if (code == ErrorCode::DiskFull || code == ErrorCode::Io || code == ErrorCode::FileUnwritable)
            throw Error(ErrorInfo{code, file_, 0, {}, detail});
        throw Error(ErrorInfo{code, file_, 0, {}, detail + " [SQL: " + text + "]"});
    }
}

Statement Database::prepare(std::string_view sql)
{
    return Statement(db_, sql);
}

Id Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(db_);
}

int Database::userVersion()
{
    auto st = prepare("PRAGMA user_version");
    return st.step() ? static_cast<int>(st.int64(0)) : 0;
}

void Database::setUserVersion(int version)
{
    exec("PRAGMA user_version = " + std::to_string(version));
}

// ---- Transaction ----------------------------------------------------------------------------

Transaction::Transaction(Database& db) : db_(db)
{
    // IMMEDIATE takes the write lock up front, so a busy database is waited on (busy_timeout)
    // here rather than failing with SQLITE_BUSY halfway through the transaction.
    db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (done_)
        return;
    try {
        db_.exec("ROLLBACK");
    } catch (...) {
        // A failed statement may already have rolled back; nothing more can be done here.
    }
}

void Transaction::commit()
{
    db_.exec("COMMIT");
    done_ = true;
}

}  // namespace flightdeck::store
