#include "flightdeck/store/RunLock.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/store/Project.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace flightdeck::store {

namespace {

std::filesystem::path lockPath(const std::filesystem::path& folder, Id runId, const char* kind = "run")
{
    return folder / "locks" / (std::string(kind) + "-" + std::to_string(runId) + ".lock");
}

constexpr const char* kFailedTag = "flightdeck-run-failed\n";

}  // namespace

RunLock::RunLock(const Project& project, Id runId, const char* kind)
    : path_(lockPath(project.folder(), runId, kind))
{
    std::error_code ec;
    std::filesystem::create_directories(path_.parent_path(), ec);
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0 || ::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        const bool taken = fd_ >= 0 && err == EWOULDBLOCK;
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = -1;
        if (taken)  // two `train --resume 5` at once: the loser is told why, not EAGAIN
            throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, kind,
                                  std::string("a ") + kind + " no other process holds; " + kind + " "
                                      + std::to_string(runId) + " is being "
                                      + (std::string(kind) == "run" ? "trained" : "run")
                                      + " by another process"});
        throw Error(ErrorInfo{ErrorCode::FileUnwritable, path_.string(), 0, {}, std::strerror(err)});
    }
    // Reserve the failure note's blocks now, while there is room (best effort: a file system
    // without fallocate still gets the note written if it has space then).
    (void)::posix_fallocate(fd_, 0, static_cast<off_t>(kNoteBytes));
}

bool RunLock::recordFailure(const std::string& reason) noexcept
{
    if (fd_ < 0)
        return false;
    try {
        std::string note = std::string(kFailedTag) + reason;
        note.resize(kNoteBytes, '\0');
        const ssize_t n = ::pwrite(fd_, note.data(), note.size(), 0);
        if (n != static_cast<ssize_t>(note.size()))
            return false;
        ::fdatasync(fd_);
        keep_ = true;
        return true;
    } catch (...) {
        return false;
    }
}

std::optional<std::string> RunLock::recordedFailure(const std::filesystem::path& projectFolder,
                                                    Id runId)
{
    const auto path = lockPath(projectFolder, runId);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    std::string note(kNoteBytes, '\0');
    const ssize_t n = ::pread(fd, note.data(), note.size(), 0);
    ::close(fd);
    const std::size_t tag = std::strlen(kFailedTag);
    if (n < static_cast<ssize_t>(tag) || note.compare(0, tag, kFailedTag) != 0)
        return std::nullopt;
    note.resize(static_cast<std::size_t>(n));
    const auto end = note.find('\0');
    return note.substr(tag, end == std::string::npos ? std::string::npos : end - tag);
}

void RunLock::discard(const std::filesystem::path& projectFolder, Id runId)
{
    std::error_code ec;
    std::filesystem::remove(lockPath(projectFolder, runId), ec);
}

RunLock::~RunLock()
{
    if (fd_ < 0)
        return;
    // Unlink while still holding the lock, so no checker can see a free lock for a live run.
    // A file holding a failure note stays until the run's outcome reaches the database.
    std::error_code ec;
    if (!keep_)
        std::filesystem::remove(path_, ec);
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
}

bool RunLock::isHeld(const std::filesystem::path& projectFolder, Id runId, const char* kind)
{
    const auto path = lockPath(projectFolder, runId, kind);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;   // never locked, or released and removed
    // flock locks belong to open file descriptions, so this probe conflicts with a holder in
    // this very process too.
    const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    if (!held)
        ::flock(fd, LOCK_UN);
    ::close(fd);
    return held;
}

}  // namespace flightdeck::store
