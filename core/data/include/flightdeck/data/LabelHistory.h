#pragma once
// A version's working labels: its object's labels with every later edit on top. Edits are
// stored as they happen (store::LabelRepository), one transaction per action; committing makes
// a new immutable version whose parent is the one labeled.
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/store/Records.h"

#include <cstdint>
#include <string>
#include <vector>

namespace flightdeck::store { class Project; }

namespace flightdeck::data {

struct WorkingLabels {
    std::vector<std::string> names;       // one per row: an image's path, or "row 17"
    std::vector<std::string> classes;     // the version's, then classes added since
    std::vector<std::int32_t> labels;     // index into classes; -1 = none
    std::vector<std::uint8_t> verified;
    std::vector<store::LabelSource> sources;
    std::vector<float> seconds;           // time spent on the row's latest label
    std::int64_t events = 0;              // edits since the version was made

    std::size_t size() const { return labels.size(); }
    std::int32_t classIndex(const std::string& name) const;   // -1 when absent
    std::vector<std::int64_t> classCounts() const;            // per class
};

// One edit of one row. `previous` is the class the row had (the caller knows what it showed).
struct LabelChange {
    std::int64_t row = 0;
    std::string className;   // "" = remove the label
    std::string previous;
    bool verified = false;
    store::LabelSource source = store::LabelSource::User;
    double seconds = 0;
};

class LabelHistory {
public:
    explicit LabelHistory(store::Project& project);

    WorkingLabels working(store::Id versionId);
    void record(store::Id versionId, const std::vector<LabelChange>& changes);
    void addClass(store::Id versionId, const std::string& name);

    // A new version of the same dataset holding the working labels (its parent: versionId,
    // its note: the message). Unchanged labels give back the same version (id == versionId).
    // A table row without a label refuses the commit (TooFewRows naming the row). `created`
    // (optional) says whether this call made the version; comparing with a version list read
    // beforehand cannot, since another process may commit the same labels in between.
    store::DatasetVersionRecord commit(store::Id versionId, const std::string& message,
                                       bool* created = nullptr);

private:
    store::Project& project_;
};

}  // namespace flightdeck::data
