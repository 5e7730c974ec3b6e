#pragma once
// Labels as an edit history: every change a person (or a model's pre-label) makes to a
// version's working labels is one row, written as it happens. The version object is never
// changed; committing the labels makes a new version (core/data's LabelHistory).
#include "flightdeck/store/Records.h"

#include <string>
#include <vector>

namespace flightdeck::store {

class Project;

class LabelRepository {
public:
    explicit LabelRepository(Project& project);

    // All in one transaction (a multi-item action is saved whole or not at all). Rows are
    // checked against the version's row count (InvalidArgument naming the row).
    void addEvents(Id versionId, const std::vector<LabelEventRecord>& events);
    // The latest event of every row that has one, ordered by row.
    std::vector<LabelEventRecord> latestEvents(Id versionId);
    std::vector<LabelEventRecord> events(Id versionId);   // the whole history, oldest first
    std::int64_t eventCount(Id versionId);

    // Classes a person added to a version's working labels, kept before any row has one.
    void addClass(Id versionId, const std::string& name);
    std::vector<std::string> classes(Id versionId);   // in the order they were added

    static const char* sourceName(LabelSource source);
    static LabelSource sourceFromName(const std::string& name);   // CorruptProject if unknown

private:
    Project& project_;
};

}  // namespace flightdeck::store
