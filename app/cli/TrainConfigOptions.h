#pragma once
// The command line's budget and recipe as a train::TrainConfig (validated). In
// flightdeck-cli-torch only: flightdeck-cli does not see core/train's headers.
#include "CliCommands.h"

#include "flightdeck/train/TrainConfig.h"

namespace flightdeck::cli {

train::TrainConfig trainConfigFrom(const LoopOptions& options);

}  // namespace flightdeck::cli
