#pragma once
// What a person adds to runs after they ran (schema 4): tags, a free-text note, an archived
// flag that hides a run from the Experiments table by default, and deleting a run with
// everything that hangs off it. The trainer never writes any of this.
#include "flightdeck/store/Records.h"

#include <map>
#include <string>
#include <vector>

namespace flightdeck::store {

class Project;

struct RunCuration {
    std::vector<std::string> tags;   // sorted, unique, none empty
    std::string note;
    bool archived = false;
};

class RunCurationRepository {
public:
    explicit RunCurationRepository(Project& project);

    // Every run's curation in two passes (runs, run_tags), for the Experiments table.
    std::map<Id, RunCuration> all();
    RunCuration get(Id runId);                 // NotFound if the run is absent
    // Replaces the run's tags; each is trimmed, empty ones dropped, duplicates merged.
    void setTags(Id runId, const std::vector<std::string>& tags);
    void setNote(Id runId, const std::string& note);
    void setArchived(Id runId, bool archived);
    // Deletes the run, its parameters, metrics, artifacts, evaluations and tags in one
    // transaction, then removes from the object store the artifacts' objects nothing else
    // refers to; returns their hashes. Refused (InvalidArgument) while a process trains the
    // run (its RunLock is held) or when the model registry holds a version of it.
    std::vector<std::string> deleteRun(Id runId);

    // The cleaned form setTags stores (exposed so the ui shows what will be kept).
    static std::vector<std::string> normalizeTags(const std::vector<std::string>& tags);

private:
    Project& project_;
};

}  // namespace flightdeck::store
