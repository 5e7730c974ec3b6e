#pragma once
// Marks a run as owned by a live process: an flock(2) on <project>/locks/run-<id>.lock, held for
// the run's life. The kernel releases it when the process dies however it dies (crash, kill,
// power cut), so a run still "running" in the database whose lock is free was interrupted.
#include "flightdeck/store/Records.h"

#include <filesystem>

namespace flightdeck::store {

class Project;

class RunLock {
public:
    // Throws Error(FileUnwritable) when the lock file cannot be created.
    RunLock(const Project& project, Id runId);
    ~RunLock();
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

    // True while some process (this one included) holds the run's lock.
    static bool isHeld(const std::filesystem::path& projectFolder, Id runId);

private:
    std::filesystem::path path_;
    int fd_ = -1;
};

}  // namespace flightdeck::store
