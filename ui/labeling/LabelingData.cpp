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
    else
        out->table = catalog.load(versionId);
    out->labels = flightdeck::data::LabelHistory(project).working(versionId);
    return out;
}

}  // namespace flightdeck::ui
