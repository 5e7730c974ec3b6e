#pragma once
// Thin RAII wrapper over one sqlite3 connection. Every failure throws flightdeck::Error:
// ErrorCode::Database with sqlite's message and the SQL it ran, DiskFull when the disk is full
// (a full disk is not a damaged project), Io for other I/O errors, CorruptProject for
// SQLITE_CORRUPT / SQLITE_NOTADB.
#include "flightdeck/common/Error.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace flightdeck::store {

using Id = std::int64_t;

// Below this much free space an SQLite I/O error is taken to be a full disk.
constexpr unsigned long long kLowDiskBytes = 1ull << 20;

// Leaves `<databaseFile>.damaged` holding the reason: the project opens read-only until fsck
// finds the database whole (Project::damage). Never throws.
// replace = false keeps a reason already recorded (a check's findings beat "malformed").
void recordDamage(const std::string& databaseFile, const std::string& reason,
                  bool replace = true) noexcept;

// The typed code for the last error on `db`, whose main file is `file`.
ErrorCode sqliteErrorCode(sqlite3* db, const std::string& file);

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    Statement(Statement&&) noexcept;
    Statement& operator=(Statement&&) = delete;
    ~Statement();

    // Binds are 1-based like sqlite's; return *this so calls chain.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bindBlob(int index, const void* data, std::size_t size);
    Statement& bindNull(int index);
    Statement& bind(int index, std::optional<std::int64_t> value);

    // Returns true while a row is available; false when done.
    bool step();
    // Runs to completion (for INSERT/UPDATE/DELETE).
    void run();
    // Clears bindings and resets for reuse.
    void reset();

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::string blob(int column) const;   // the bytes as stored
    std::optional<std::int64_t> optionalInt64(int column) const;

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
    std::string sql_;
};

class Database {
public:
    // Opens (or, with create=true, creates) the file. Sets WAL, foreign_keys=ON,
    // busy_timeout so that a GUI connection and a worker connection can coexist.
    Database(const std::filesystem::path& file, bool create);
    // Opens without ever writing (a read-only mount, another user's folder): SQLite's mode=ro,
    // or immutable=1 when the WAL index cannot be created beside the file. Every write then
    // fails with ErrorCode::FileUnwritable.
    static Database openReadOnly(const std::filesystem::path& file);
    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    ~Database();

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    Id lastInsertId() const;
    int userVersion();
    void setUserVersion(int version);
    sqlite3* handle() { return db_; }

private:
    Database() = default;
    sqlite3* db_ = nullptr;
    std::string file_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK in the destructor unless commit() was called.
class Transaction {
public:
    explicit Transaction(Database& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

}  // namespace flightdeck::store
