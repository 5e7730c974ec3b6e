#include "flightdeck/train/Trainer.h"

#include "TrainingSession.h"

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

}  // namespace flightdeck::train
