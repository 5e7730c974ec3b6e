#include "flightdeck/data/LabelHistory.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/LabelRepository.h"
#include "flightdeck/store/Project.h"

#include <unordered_map>

namespace flightdeck::data {

std::int32_t WorkingLabels::classIndex(const std::string& name) const
{
    for (std::size_t c = 0; c < classes.size(); ++c)
        if (classes[c] == name)
            return static_cast<std::int32_t>(c);
    return -1;
}

std::vector<std::int64_t> WorkingLabels::classCounts() const
{
    std::vector<std::int64_t> counts(classes.size(), 0);
    for (auto l : labels)
        if (l >= 0)
            ++counts[static_cast<std::size_t>(l)];
    return counts;
}

LabelHistory::LabelHistory(store::Project& project) : project_(project) {}

WorkingLabels LabelHistory::working(store::Id versionId)
{
    DatasetCatalog catalog(project_);
    WorkingLabels w;
    if (catalog.task(versionId) == DatasetTask::ImageClassification) {
        ImageIndex index = catalog.loadImageIndex(versionId);
        w.names = std::move(index.images.names);
        w.classes = std::move(index.images.classes);
        w.labels = std::move(index.images.labels);
    } else {
        Table table = catalog.load(versionId);
        w.classes = std::move(table.classes);
        w.labels = std::move(table.labels);
        w.names.reserve(w.labels.size());
        for (std::size_t r = 0; r < w.labels.size(); ++r)
            w.names.push_back("row " + std::to_string(r + 1));
    }
    const std::size_t n = w.labels.size();
    w.verified.assign(n, 0);
    w.sources.assign(n, store::LabelSource::Import);
    w.seconds.assign(n, 0.0f);

    store::LabelRepository repo(project_);
    std::unordered_map<std::string, std::int32_t> index;
    for (std::size_t c = 0; c < w.classes.size(); ++c)
        index.emplace(w.classes[c], static_cast<std::int32_t>(c));
    auto classOf = [&](const std::string& name) -> std::int32_t {
        if (name.empty())
            return -1;
        auto [it, added] = index.emplace(name, static_cast<std::int32_t>(w.classes.size()));
        if (added)
            w.classes.push_back(name);
        return it->second;
    };
    for (const auto& name : repo.classes(versionId))
        classOf(name);
    for (const auto& e : repo.latestEvents(versionId)) {
        const auto r = static_cast<std::size_t>(e.row);
        if (r >= n)
            continue;   // addEvents checks rows; a hand-edited database is not trusted further
        w.labels[r] = classOf(e.className);
        w.verified[r] = e.verified ? 1 : 0;
        w.sources[r] = e.source;
        w.seconds[r] = static_cast<float>(e.seconds);
    }
    w.events = repo.eventCount(versionId);
    return w;
}

void LabelHistory::record(store::Id versionId, const std::vector<LabelChange>& changes)
{
    std::vector<store::LabelEventRecord> events;
    events.reserve(changes.size());
    for (const auto& c : changes) {
        store::LabelEventRecord e;
        e.row = c.row;
        e.className = c.className;
        e.previous = c.previous;
        e.source = c.source;
        e.verified = c.verified;
        e.seconds = c.seconds;
        events.push_back(std::move(e));
    }
    store::LabelRepository(project_).addEvents(versionId, events);
}

void LabelHistory::addClass(store::Id versionId, const std::string& name)
{
    store::LabelRepository(project_).addClass(versionId, name);
}

store::DatasetVersionRecord LabelHistory::commit(store::Id versionId, const std::string& message,
                                                bool* created)
{
    DatasetCatalog catalog(project_);
    store::DatasetRepository datasets(project_);
    const auto parent = datasets.version(versionId);
    std::string datasetName;
    for (const auto& d : datasets.datasets())
        if (d.id == parent.datasetId)
            datasetName = d.name;
    const WorkingLabels w = working(versionId);

    // Classes nobody uses any more (renamed, merged, emptied) are not carried forward.
    const auto counts = w.classCounts();
    std::vector<std::int32_t> remap(w.classes.size(), -1);
    std::vector<std::string> classes;
    for (std::size_t c = 0; c < w.classes.size(); ++c)
        if (counts[c] > 0) {
            remap[c] = static_cast<std::int32_t>(classes.size());
            classes.push_back(w.classes[c]);
        }
    std::vector<std::int32_t> labels(w.size());
    for (std::size_t r = 0; r < w.size(); ++r)
        labels[r] = w.labels[r] < 0 ? -1 : remap[static_cast<std::size_t>(w.labels[r])];

    const VersionLineage lineage{versionId, message};
    if (catalog.task(versionId) == DatasetTask::ImageClassification) {
        ImageSet images = catalog.loadImages(versionId);
        images.classes = std::move(classes);
        images.labels = std::move(labels);
        return catalog.addImageVersion(datasetName, images, parent.source, lineage, created);
    }
    // A classification table may keep unlabeled rows (they stay out of every split); a
    // regression target has no "unlabeled" value.
    if (taskFromName(parent.task) == DatasetTask::TableRegression)
        for (std::size_t r = 0; r < labels.size(); ++r)
            if (labels[r] < 0)
                throw Error(ErrorInfo{ErrorCode::TooFewRows, {}, static_cast<std::int64_t>(r + 1),
                                      "label", "every row of a regression table needs a target to be committed"});
    Table table = catalog.load(versionId);
    table.classes = std::move(classes);
    table.labels = std::move(labels);
    return catalog.addVersion(datasetName, table, parent.source, taskFromName(parent.task),
                              lineage, created);
}

}  // namespace flightdeck::data
