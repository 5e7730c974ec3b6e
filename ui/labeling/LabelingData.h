#pragma once
// What the Labeling panel works on, loaded off the GUI thread in one piece: a version's
// working labels and its samples (image pixels, or the table rows for a table version).
#include "flightdeck/data/ImageSet.h"
#include "flightdeck/data/LabelHistory.h"
#include "flightdeck/data/Table.h"

#include <QString>

#include <memory>

namespace flightdeck::store { class Project; }

namespace flightdeck::ui {

struct LabelingData {
    qint64 versionId = 0;
    QString datasetName;
    bool images = false;
    flightdeck::data::WorkingLabels labels;
    flightdeck::data::ImageSet pixels;   // images: every image, N x C x H x W
    flightdeck::data::Table table;       // tables: the rows
    std::vector<float> columnMin, columnMax;   // tables: per feature, for drawing a row

    // Runs on a worker thread with the worker's own connection.
    static std::shared_ptr<const LabelingData> load(flightdeck::store::Project& project,
                                                    qint64 versionId);
};

}  // namespace flightdeck::ui
