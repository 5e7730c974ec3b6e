#include "flightdeck/store/Project.h"

#include "Schema.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/store/Database.h"
#include "flightdeck/store/ObjectStore.h"

#include <cerrno>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace flightdeck::store {

namespace {

constexpr const char* kDatabaseName = "project.db";
constexpr const char* kObjectsName = "objects";

[[noreturn]] void fail(ErrorCode code, const fs::path& file, std::string detail)
{
    throw Error(ErrorInfo{code, file.string(), 0, {}, std::move(detail)});
}

std::string hex(std::int32_t value)
{
    std::ostringstream out;
    out << "0x" << std::hex << static_cast<std::uint32_t>(value);
    return out.str();
}

void requireWritable(const fs::path& folder)
{
    // access() answers for the real permissions (root passes regardless, as it should).
    if (::access(folder.c_str(), W_OK | X_OK) != 0)
        fail(ErrorCode::FileUnwritable, folder,
             "expected a folder this user can write, found one it cannot");
}

// Refuses anything that is not a Flightdeck database this build can handle. `allowBlank` lets
// create() adopt a SQLite file that holds no tables at all.
void vet(const fs::path& databaseFile, bool allowBlank, bool readOnly = false)
{
    const schema::Probe found = schema::probe(databaseFile, readOnly);
    const bool blank = found.tableCount == 0 && found.applicationId == 0
                       && found.userVersion == 0;
    if (found.applicationId != schema::kApplicationId && !(allowBlank && blank))
        fail(ErrorCode::NotAProject, databaseFile,
             "expected application_id " + hex(schema::kApplicationId) + ", found "
                 + hex(found.applicationId) + " (a SQLite database of another program)");
    if (found.userVersion > Project::kSchemaVersion)
        fail(ErrorCode::NewerSchema, databaseFile,
             "database schema " + std::to_string(found.userVersion)
                 + ", this build understands " + std::to_string(Project::kSchemaVersion));
}

}  // namespace

struct Project::Impl {
    fs::path folder;
    Database db;
    ObjectStore objects;
    int schemaVersion = 0;
    bool readOnly = false;
    int useLock = -1;   // the shared lock of an open writable project (tryUseAlone)

    Impl(fs::path f, Database d)
        : folder(std::move(f)), db(std::move(d)), objects(folder / kObjectsName)
    {
    }
    ~Impl()
    {
        if (useLock >= 0)
            ::close(useLock);
    }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    // Best effort: a project whose locks folder cannot be made still opens; gc then assumes
    // others may be writing. A gc holding the lock alone takes seconds: wait for it a while
    // rather than open unseen, but never hang an open on a stopped gc.
    void takeUseLock()
    {
        std::error_code ec;
        fs::create_directories(folder / "locks", ec);
        const fs::path file = folder / "locks" / "project-use.lock";
        useLock = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (useLock < 0)
            return;
        for (int tries = 0; tries < 200; ++tries) {
            if (::flock(useLock, LOCK_SH | LOCK_NB) == 0)
                return;
            if (errno != EWOULDBLOCK && errno != EINTR)
                break;
            ::usleep(50 * 1000);
        }
        ::close(useLock);
        useLock = -1;
    }

    static std::unique_ptr<Impl> openVetted(const fs::path& folder, bool create)
    {
        const fs::path dbFile = folder / kDatabaseName;
        auto impl = std::make_unique<Impl>(folder, Database(dbFile, create));
        std::error_code ec;
        fs::create_directories(folder / kObjectsName, ec);
        if (ec)
            fail(ErrorCode::FileUnwritable, folder / kObjectsName, ec.message());
        impl->schemaVersion = impl->db.userVersion();
        // Only take the write lock when there is something to migrate: a second connection (the
        // training worker) opening a current project must not wait behind a writer.
        if (impl->schemaVersion < Project::kSchemaVersion)
            impl->schemaVersion = schema::migrate(impl->db, Project::kSchemaVersion);
        if (impl->schemaVersion > Project::kSchemaVersion)   // raced with a newer build
            fail(ErrorCode::NewerSchema, dbFile,
                 "database schema " + std::to_string(impl->schemaVersion)
                     + ", this build understands " + std::to_string(Project::kSchemaVersion));
        impl->takeUseLock();
        return impl;
    }

    static std::unique_ptr<Impl> openReadOnly(const fs::path& folder)
    {
        const fs::path dbFile = folder / kDatabaseName;
        auto impl = std::make_unique<Impl>(folder, Database::openReadOnly(dbFile));
        impl->readOnly = true;
        impl->schemaVersion = impl->db.userVersion();
        if (impl->schemaVersion < Project::kSchemaVersion)
            fail(ErrorCode::FileUnwritable, dbFile,
                 "the project (schema " + std::to_string(impl->schemaVersion) +
                     ") must be upgraded to schema " + std::to_string(Project::kSchemaVersion) +
                     " before it can be read, and it is read-only here; open it once where it "
                     "can be written");
        return impl;
    }
};

namespace {

fs::path damageMarker(const fs::path& dbFile) { return dbFile.string() + ".damaged"; }

// A folder or database file this process cannot write (a read-only mount, another user's
// project) is opened read-only rather than refused.
bool writable(const fs::path& folder, const fs::path& dbFile)
{
    return ::access(folder.c_str(), W_OK | X_OK) == 0 && ::access(dbFile.c_str(), W_OK) == 0;
}

}  // namespace

Project::Project(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Project::Project(Project&&) noexcept = default;
Project& Project::operator=(Project&&) noexcept = default;
Project::~Project() = default;

Project Project::create(const fs::path& folder)
{
    std::error_code ec;
    if (fs::exists(folder, ec) && !fs::is_directory(folder, ec))
        fail(ErrorCode::NotAProject, folder, "expected a folder, found a file");
    fs::create_directories(folder, ec);
    if (ec)
        fail(ErrorCode::FileUnwritable, folder, ec.message());
    requireWritable(folder);
    const fs::path dbFile = folder / kDatabaseName;
    const bool existed = fs::exists(dbFile, ec);
    if (existed)
        vet(dbFile, /*allowBlank=*/true);
    try {
        return Project(Impl::openVetted(folder, true));
    } catch (...) {
        // A project that never came to be is not left behind as an empty file that every later
        // open or create would refuse.
        std::error_code cleanup;
        if (!existed && fs::exists(dbFile, cleanup) && fs::file_size(dbFile, cleanup) == 0) {
            for (const char* suffix : {"", "-wal", "-shm"})
                fs::remove(dbFile.string() + suffix, cleanup);
        }
        throw;
    }
}

Project Project::open(const fs::path& folder)
{
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        fail(fs::exists(folder, ec) ? ErrorCode::NotAProject : ErrorCode::FileNotFound, folder,
             fs::exists(folder, ec) ? "expected a project folder, found a file"
                                    : "expected a project folder, found nothing");
    const fs::path dbFile = folder / kDatabaseName;
    // What the entry itself is (no following): a FIFO would block the header's read forever,
    // and a link or a folder deserves its own words rather than "found none".
    const fs::file_status entry = fs::symlink_status(dbFile, ec);
    if (entry.type() == fs::file_type::symlink)
        // SQLite refuses links to a database: two names for one file get two -wal files and
        // no shared locking ("How To Corrupt", 2.5).
        fail(ErrorCode::FileUnreadable, dbFile,
             "it is a symbolic link, which SQLite does not open (two names for one database "
             "break its locking); move the database file itself into the project folder");
    if (entry.type() == fs::file_type::not_found)
        fail(ErrorCode::FileNotFound, dbFile,
             std::string("expected ") + kDatabaseName + " in the project folder, found none");
    if (entry.type() != fs::file_type::regular)
        fail(ErrorCode::NotAProject, dbFile,
             std::string("expected ") + kDatabaseName + " to be a database file, found "
                 + (entry.type() == fs::file_type::directory ? "a folder"
                    : entry.type() == fs::file_type::fifo    ? "a FIFO"
                                                             : "something that is not a file"));
    // WAL needs to create project.db-wal and -shm beside the database: where that is not
    // allowed the project is opened read-only (reads work, every write says why it fails).
    // So is a database found damaged before, until fsck clears it.
    if (!writable(folder, dbFile) || fs::exists(damageMarker(dbFile), ec)) {
        vet(dbFile, /*allowBlank=*/false, /*readOnly=*/true);
        return Project(Impl::openReadOnly(folder));
    }
    vet(dbFile, /*allowBlank=*/false);
    return Project(Impl::openVetted(folder, false));
}

bool Project::looksLikeProject(const fs::path& folder)
{
    try {
        const fs::path dbFile = folder / kDatabaseName;
        std::error_code ec;
        if (!fs::is_regular_file(dbFile, ec))
            return false;
        return schema::probe(dbFile).applicationId == schema::kApplicationId;
    } catch (const Error&) {
        return false;
    }
}

const fs::path& Project::folder() const { return impl_->folder; }
fs::path Project::databasePath() const { return impl_->folder / kDatabaseName; }
int Project::schemaVersion() const { return impl_->schemaVersion; }
bool Project::readOnly() const { return impl_->readOnly; }

std::string Project::damage() const
{
    std::ifstream in(damageMarker(databasePath()));
    std::string reason;
    if (in && std::getline(in, reason) && reason.empty())
        reason = "damaged";
    return reason;
}

void Project::verify()
{
    std::vector<std::string> findings;
    try {
        auto st = impl_->db.prepare("PRAGMA quick_check(20)");
        while (st.step())
            if (st.text(0) != "ok")
                findings.push_back(st.text(0));
    } catch (const Error& e) {
        if (e.code() != ErrorCode::CorruptProject)
            throw;
        findings.push_back(e.info().detail);
    }
    if (findings.empty())
        return;
    // quick_check's rows may hold several lines ("*** in database main ***\nPage 4: ...");
    // the reason is kept on one line, without the banner.
    std::string detail;
    for (const auto& f : findings) {
        std::istringstream lines(f);
        for (std::string line; std::getline(lines, line);)
            if (!line.empty() && line.rfind("***", 0) != 0)
                detail += (detail.empty() ? "" : "; ") + line;
    }
    recordDamage(databasePath().string(), detail);
    fail(ErrorCode::CorruptProject, databasePath(),
         detail + " (nothing will be written to it; `flightdeck-cli fsck` checks it in full)");
}

void Project::clearDamage()
{
    std::error_code ec;
    fs::remove(damageMarker(databasePath()), ec);
}
bool Project::tryUseAlone()
{
    if (impl_->useLock < 0)
        return false;
    if (::flock(impl_->useLock, LOCK_EX | LOCK_NB) == 0)
        return true;
    // Linux drops the shared lock before it tries the exclusive one: take it back.
    (void)::flock(impl_->useLock, LOCK_SH);
    return false;
}

void Project::shareUse()
{
    if (impl_->useLock >= 0)
        (void)::flock(impl_->useLock, LOCK_SH);
}

Database& Project::db() { return impl_->db; }
ObjectStore& Project::objects() { return impl_->objects; }

}  // namespace flightdeck::store
