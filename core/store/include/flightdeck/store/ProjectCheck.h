#pragma once
// fsck and gc for a project (flightdeck-cli fsck / gc). A killed or disk-full import leaves
// objects no row names (428 MB once); a flipped bit leaves an object whose bytes no longer
// match its name. checkProject finds both, and the database's own damage (integrity_check);
// with repair it quarantines corrupt objects, so re-importing identical data writes a good
// copy. collectGarbage removes unreferenced objects and stale temp files, never a young one:
// an import writes its object before the row that names it.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace flightdeck::store {

class Project;

struct ObjectProblem {
    enum class Kind { Missing, Corrupt };
    Kind kind = Kind::Missing;
    std::string hash;
    std::vector<std::string> referencedBy;   // "dataset version 3 (source: wine.csv)", ...
};

struct CheckReport {
    std::vector<std::string> integrity;      // PRAGMA integrity_check lines; empty when "ok"
    std::int64_t objects = 0;                // objects re-hashed
    std::int64_t objectBytes = 0;
    std::vector<ObjectProblem> problems;
    std::vector<std::filesystem::path> orphans;   // objects no row names
    std::int64_t orphanBytes = 0;
    std::vector<std::filesystem::path> tempFiles; // leftovers of interrupted writes
    std::vector<std::filesystem::path> quarantined;   // moved aside by repair
    std::vector<std::filesystem::path> restoredFrom;  // bundle files that replaced a bad object
    // Registered versions whose bundle folder is gone ("name vN: path"): their aliases cannot
    // be served. Not damage to the project (clean() ignores them), but said.
    std::vector<std::string> missingBundles;
    // Clean when nothing is damaged, or everything damaged was restored.
    bool clean() const { return integrity.empty() && problems.size() == restoredFrom.size(); }
};

// Re-hashes every object and checks every reference. repair: corrupt objects move to
// objects/quarantine/ (kept, never deleted), and a missing or corrupt object whose bytes an
// exported bundle holds (a run's model.pt) is restored from there. Throws Error(FileUnwritable) when repair is asked
// on a read-only project.
CheckReport checkProject(Project& project, bool repair = false);

struct GcReport {
    std::int64_t removed = 0;
    std::int64_t removedBytes = 0;
    std::int64_t keptYoung = 0;              // unreferenced but newer than the grace period
    std::int64_t keptInUse = 0;              // temp files of a process still running
    bool othersOpen = false;                 // another Project had the project open
    double graceUsed = 0;                    // the grace applied (raised when othersOpen)
    std::vector<std::filesystem::path> paths;   // what was (or, dry run, would be) removed
};

// Removes unreferenced objects and temp files older than graceSeconds (a running import's
// object is young and stays). While another Project has the project open (a training, an
// import, the workbench), the grace is at least kGraceWithOthers whatever is asked, and a temp
// file whose writer (the pid in its name) is still running is kept at any age: an object may
// be written a while before the row that names it commits. dryRun lists without removing.
constexpr double kGraceWithOthers = 3600;
GcReport collectGarbage(Project& project, double graceSeconds = 3600, bool dryRun = false);

}  // namespace flightdeck::store
