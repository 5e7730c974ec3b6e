#pragma once
// A project is a folder: project.db (SQLite, WAL, foreign keys, PRAGMA user_version
// migrations) plus objects/ (content-addressed by SHA-256). One Project object is one SQLite
// connection: a worker thread opens its own Project on the same folder (WAL lets readers and
// one writer proceed together), never shares this one.
#include <filesystem>
#include <memory>

namespace flightdeck::store {

class Database;
class ObjectStore;

class Project {
public:
    // The schema version this build writes. Opening a project with a larger user_version is
    // refused (ErrorCode::NewerSchema); a smaller one is migrated forward in one transaction.
    static constexpr int kSchemaVersion = 1;

    // Creates the folder if needed. Refuses (NotAProject) a folder that already holds a
    // project.db that is not ours, and (FileUnwritable) a folder it cannot write.
    // Creating where a valid project exists simply opens it.
    static Project create(const std::filesystem::path& folder);
    // Opens an existing project; FileNotFound if the folder or project.db is missing,
    // NotAProject / CorruptProject if project.db is not a Flightdeck database; never overwrites.
    // A folder or database this process cannot write is opened read-only (readOnly()).
    static Project open(const std::filesystem::path& folder);
    static bool looksLikeProject(const std::filesystem::path& folder);

    Project(Project&&) noexcept;
    Project& operator=(Project&&) noexcept;
    ~Project();

    const std::filesystem::path& folder() const;
    std::filesystem::path databasePath() const;
    int schemaVersion() const;
    // True when opened without write access: reads work, writes throw FileUnwritable.
    bool readOnly() const;
    Database& db();
    ObjectStore& objects();

private:
    struct Impl;
    explicit Project(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace flightdeck::store
