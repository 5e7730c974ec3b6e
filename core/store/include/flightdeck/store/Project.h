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
    static constexpr int kSchemaVersion = 6;

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
    // True when opened without write access (no permission, or the database was found
    // damaged): reads work, writes throw FileUnwritable.
    bool readOnly() const;
    // Why the project is read-only because it is damaged (empty when it is not): SQLite met a
    // damaged page once (project.db.damaged records it) and nothing may be written until
    // `flightdeck-cli fsck` finds the database whole again.
    std::string damage() const;
    // PRAGMA quick_check (about 1 s per 100 MB). On damage: records it, so the project opens
    // read-only from now on, and throws Error(CorruptProject) with SQLite's findings. Write
    // commands call it before writing; fsck runs the full integrity_check.
    void verify();
    // After fsck found the database whole: writes are allowed again on the next open.
    void clearDamage();
    Database& db();
    ObjectStore& objects();

    // Every writable Project holds a shared lock on locks/project-use.lock while it is open,
    // so gc can tell whether another Project (in this process or another) may be writing an
    // object whose row is not committed yet. True when this one now holds it alone (exclusive,
    // until shareUse(), and a Project opening meanwhile waits for it); false when others have
    // the project open, or the lock could not be taken.
    bool tryUseAlone();
    void shareUse();

private:
    struct Impl;
    explicit Project(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace flightdeck::store
