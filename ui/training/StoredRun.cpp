#include "training/StoredRun.h"

#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/DatasetTask.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/RunRepository.h"

#include <cstdlib>
#include <exception>

namespace flightdeck::ui {

StoredRun StoredRun::load(store::Project& project, store::Id runId)
{
    store::RunRepository repo(project);
    StoredRun run;
    run.status = repo.run(runId).status;
    const auto params = repo.params(runId);
    const auto param = [&params](const char* key) {
        const auto it = params.find(key);
        return it == params.end() ? std::string() : it->second;
    };
    run.regression = param("task") == "regression";
    run.epochs = std::atoi(param("epochs").c_str());
    return run;
}

DatasetKind DatasetKind::of(store::Project& project, store::Id versionId)
{
    DatasetKind kind;
    try {
        kind.images = data::DatasetCatalog(project).modelInput(versionId).shape.size() == 3;
        kind.regression = data::taskFromName(store::DatasetRepository(project).version(versionId).task)
                          == data::DatasetTask::TableRegression;
    } catch (const std::exception&) {
        // An unreadable version: the plain defaults; starting a run reports the error.
    }
    return kind;
}

}  // namespace flightdeck::ui
