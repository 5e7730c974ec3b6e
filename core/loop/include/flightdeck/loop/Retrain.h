#pragma once
// The loop's second step: a new run with the previous run's recipe (its checkpointed config)
// and architecture on its training version plus the labeled rows of a fresh version. The old
// split is kept (the old test rows stay test rows, never trained on) and the fresh rows are
// split in the same proportions, so old and new models are compared on the same old test rows
// and on fresh rows neither trained on. The comparison is stored with the new run.
#include "flightdeck/store/Records.h"
#include "flightdeck/train/Trainer.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace flightdeck::store { class Project; }

namespace flightdeck::loop {

struct RetrainOptions {
    std::uint64_t seed = 1;            // the fresh rows' split
    std::optional<int> epochs;         // none = the previous run's
    train::TrainCallbacks callbacks;
};

struct Score {
    std::int64_t rows = 0;
    double oldAccuracy = std::numeric_limits<double>::quiet_NaN();
    double newAccuracy = std::numeric_limits<double>::quiet_NaN();
};

struct RetrainResult {
    store::Id previousRun = 0, newRun = 0;
    store::Id combinedVersion = 0, split = 0;
    std::int64_t addedRows = 0;        // labeled fresh rows taken in
    std::int64_t unlabeledRows = 0;    // fresh rows left out (no label yet)
    // Fresh rows left out because their features equal a row of the old split's val or test
    // part: trained on, they would make the old-test comparison score memorised rows.
    std::int64_t heldOutCopies = 0;
    store::RunStatus status = store::RunStatus::Completed;
    Score oldTest;                     // the previous run's test rows
    Score freshTest;                   // the fresh rows held out as test
    std::string comparisonJson;        // also the new run's "comparison" parameter
};

// Error(InvalidArgument) for a regression run, the run's own training version as the fresh
// one, a fresh version whose features or classes do not fit the run's (naming them), or one
// without a labeled row.
RetrainResult retrain(store::Project& project, store::Id fromRun, store::Id addVersion,
                      const RetrainOptions& options = {});

}  // namespace flightdeck::loop
