#pragma once
// Internal to core/store: the schema migrations and the checks Project runs before it lets
// SQLite near a file.
#include <cstdint>
#include <filesystem>
#include <string>

namespace flightdeck::store {

class Database;

namespace schema {

// PRAGMA application_id of every Flightdeck project: 'FDK1'.
constexpr std::int32_t kApplicationId = 0x46444b31;

// What a read-only look at an existing database file found.
struct Probe {
    std::int32_t applicationId = 0;
    int userVersion = 0;
    int tableCount = 0;   // tables in sqlite_master; 0 for a database nobody has used yet
};

// Checks the file header bytes and then asks SQLite for the pragmas, without writing anything
// to the file. Throws NotAProject (not SQLite at all, or empty) or CorruptProject (SQLite
// refused it), with `file` set.
// readOnly: the file is opened without any write (Database::openReadOnly).
Probe probe(const std::filesystem::path& databaseFile, bool readOnly = false);

// Brings the database to `targetVersion` in one transaction (BEGIN IMMEDIATE, so two processes
// opening the same new project cannot both migrate). Returns the version afterwards.
int migrate(Database& db, int targetVersion);

}  // namespace schema
}  // namespace flightdeck::store
