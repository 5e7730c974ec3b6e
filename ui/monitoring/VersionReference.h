#pragma once
// A dataset version of the open project as the drift reference, built on the TaskRunner's
// thread (these functions read the store; never call them on the GUI thread). The rows are
// the train split of the version's latest split (every labeled row when it has none), as
// `flightdeck-cli monitor drift --reference project:DIR:VERSION` takes them; an image version
// is summarized by each image's brightness and contrast, with the function a bundle's profile
// and the server's log lines use, so an image log compares like with like.
#include "flightdeck/monitor/ReferenceProfile.h"

#include <QString>
#include <QVector>

namespace flightdeck::store { class Project; }

namespace flightdeck::ui {

struct VersionEntry {
    qint64 id = 0;
    QString dataset;
    int number = 0;          // the version's place in its dataset: v1, v2, ...
    bool images = false;
};

QVector<VersionEntry> listVersions(store::Project& project);

struct VersionReference {
    monitor::ReferenceProfile profile;
    VersionEntry version;
    qint64 splitId = 0;      // 0: no split, every labeled row
};

// Error(NotFound) for a version the project lacks; InvalidArgument when no row is usable.
VersionReference versionReference(store::Project& project, qint64 versionId);

}  // namespace flightdeck::ui
