#include "flightdeck/train/Trainer.h"

#include "SessionData.h"
#include "TrainingSession.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

namespace flightdeck::train {

Trainer::Trainer(store::Project& project, const WorldConfig& world) : project_(project), world_(world) {}

RunResult Trainer::run(store::Id versionId, store::Id splitId, store::Id architectureId,
                       const TrainConfig& config, const TrainCallbacks& callbacks)
{
    detail::TrainingSession session(project_, callbacks, world_);
    return session.start(versionId, splitId, architectureId, config);
}

RunResult Trainer::resume(store::Id runId, const TrainCallbacks& callbacks)
{
    detail::TrainingSession session(project_, callbacks, world_);
    return session.resume(runId);
}

TrainConfig Trainer::recipe(store::Id runId)
{
    std::string hash;
    for (const auto& a : store::RunRepository(project_).artifacts(runId))
        if (a.kind == "checkpoint" && (a.name == "last" || hash.empty()))
            hash = a.objectHash;
    if (hash.empty())
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "run",
                              "a run with a checkpoint; run " + std::to_string(runId)
                                  + " has none (it ran without checkpoints)"});
    return detail::checkpointConfig(project_.objects().get(hash));
}

}  // namespace flightdeck::train
