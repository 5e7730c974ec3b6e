#pragma once
// Marks a run as owned by a live process: an flock(2) on <project>/locks/run-<id>.lock, held for
// the run's life. The kernel releases it when the process dies however it dies (crash, kill,
// power cut), so a run still "running" in the database whose lock is free was interrupted.
// A sweep takes the same kind of lock (kind "sweep": <project>/locks/sweep-<id>.lock).
#include "flightdeck/store/Records.h"

#include <filesystem>
#include <optional>
#include <string>

namespace flightdeck::store {

class Project;

class RunLock {
public:
    // Throws Error(FileUnwritable) when the lock file cannot be created, and
    // Error(InvalidArgument, field `kind`) when another process holds it.
    RunLock(const Project& project, Id runId, const char* kind = "run");
    ~RunLock();
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

    // For a run that failed when its failure could not be written to the database (a full
    // disk): writes "failed" and the reason into space the lock file reserved when it was
    // created, so it needs no new disk blocks, and keeps the file. The next check of the
    // project (markInterruptedRuns) records the run as failed with this reason. Never throws.
    bool recordFailure(const std::string& reason) noexcept;

    // True while some process (this one included) holds the run's lock.
    static bool isHeld(const std::filesystem::path& projectFolder, Id runId, const char* kind = "run");
    // The reason recordFailure left for a run, if any.
    static std::optional<std::string> recordedFailure(const std::filesystem::path& projectFolder,
                                                      Id runId);
    // Removes a released run's lock file (after its outcome is in the database).
    static void discard(const std::filesystem::path& projectFolder, Id runId);

    static constexpr std::size_t kNoteBytes = 4096;

private:
    std::filesystem::path path_;
    int fd_ = -1;
    bool keep_ = false;
};

}  // namespace flightdeck::store
