#pragma once
// What the Training panel reads from the project about a run and a dataset version, in one
// place: a stored run's status, task and epochs (two small rows; its curve comes from the
// MetricSeriesStore, off the GUI thread), and whether a version holds images or a regression
// target. StoredRun::load throws flightdeck::Error like the repositories.
#include "flightdeck/store/Records.h"

#include <vector>

namespace flightdeck::store { class Project; }

namespace flightdeck::ui {

struct StoredRun {
    store::RunStatus status = store::RunStatus::Completed;
    bool regression = false;
    int epochs = 0;

    static StoredRun load(store::Project& project, store::Id runId);
};

struct DatasetKind {
    bool images = false;       // the model input is [C, H, W]
    bool regression = false;   // a table with a numeric target

    // Never throws: an unreadable version is a plain table classification.
    static DatasetKind of(store::Project& project, store::Id versionId);
};

}  // namespace flightdeck::ui
