#include "labeling/LabelingData.h"

#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/Project.h"

namespace flightdeck::ui {

std::shared_ptr<const LabelingData> LabelingData::load(flightdeck::store::Project& project,
                                                       qint64 versionId)
{
    auto out = std::make_shared<LabelingData>();
    out->versionId = versionId;
    flightdeck::store::DatasetRepository repo(project);
    const auto version = repo.version(versionId);
    for (const auto& d : repo.datasets())
        if (d.id == version.datasetId)
            out->datasetName = QString::fromStdString(d.name);
    flightdeck::data::DatasetCatalog catalog(project);
    out->images = catalog.task(versionId) == flightdeck::data::DatasetTask::ImageClassification;
    if (out->images)
        out->pixels = catalog.loadImages(versionId);
    else {
        out->table = catalog.load(versionId);
        // Each row is drawn as bars scaled by its column's range, computed once here.
        const auto& t = out->table;
        out->columnMin.assign(t.cols(), 0.0f);
        out->columnMax.assign(t.cols(), 0.0f);
        for (std::size_t r = 0; r < t.rows(); ++r)
            for (std::size_t c = 0; c < t.cols(); ++c) {
                const float v = t.row(r)[c];
                if (r == 0 || v < out->columnMin[c]) out->columnMin[c] = v;
                if (r == 0 || v > out->columnMax[c]) out->columnMax[c] = v;
            }
    }
    out->labels = flightdeck::data::LabelHistory(project).working(versionId);
    return out;
}

}  // namespace flightdeck::ui
