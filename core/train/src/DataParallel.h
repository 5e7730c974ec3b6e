#pragma once
// Private to core/train (torch): the one place a training run talks to its other processes.
// c10d (TCPStore + ProcessGroupGloo) lives only in DataParallel.cpp, so the session reads as a
// plain training loop with one sync call per step.
#include "flightdeck/train/World.h"

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace flightdeck::train::detail {

// What every rank learns from one step's collective.
struct StepTotals {
    std::int64_t rows = 0;   // the global batch's rows (every rank's together)
    double lossSum = 0;      // sum over those rows of the per-row loss
    bool stop = false;       // some rank was asked to stop
};

class DataParallel {
public:
    // Joins the process group (the rendezvous waits up to world.timeoutSeconds for the other
    // ranks). Error(TrainingFailed) naming the address and the timeout when it cannot.
    explicit DataParallel(const WorldConfig& world);
    ~DataParallel();
    DataParallel(const DataParallel&) = delete;
    DataParallel& operator=(const DataParallel&) = delete;

    const WorldConfig& world() const { return world_; }

    // Rank 0's values into every rank's tensors, in place (the same start everywhere).
    void broadcast(const std::vector<torch::Tensor>& tensors);
    // In-place sum across ranks of a float64 CPU vector (validation sums and the like).
    void sum(std::vector<double>& values);
    // True when every rank passes true: a rank that failed to prepare says so, and all stop
    // with an error instead of waiting for it in the first step.
    bool allAgree(bool ok);

    // After backward: the gradients of the global batch's mean loss on every rank, in one
    // flattened bucket (one collective per step). Each rank's gradient of its own mean loss is
    // weighted by its rows, so ranks with uneven (or no) rows in the epoch's last step still
    // give exactly the single-process gradient of that global batch. The bucket also carries
    // the rows, the loss sum and the stop flag, so cancelling costs no extra round trip.
    StepTotals averageGradients(const std::vector<torch::Tensor>& params, std::int64_t rows,
                                double lossSum, bool stop);

private:
    struct Group;
    WorldConfig world_;
    std::unique_ptr<Group> group_;
    torch::Tensor bucket_;   // reused between steps
};

}  // namespace flightdeck::train::detail
