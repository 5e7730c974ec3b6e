#pragma once
// What the trainer runs on, so the app can show it (and warn on the reference BLAS).
#include <string>

namespace flightdeck::train {

struct RuntimeInfo {
    std::string torchVersion;       // e.g. "1.13.1"
    std::string blas;               // "OpenBLAS (OpenMP) ...", "reference BLAS", ...
    bool blasIsReference = false;   // true = ~30x slower Linear layers: warn the user
    bool cudaAvailable = false;
    std::string defaultDevice;      // "cuda" or "cpu"
    int threads = 1;                // libtorch intra-op threads after configureThreads()
};

// The cores this process may run on (its CPU affinity, else the hardware concurrency).
int availableCores();

// Sets libtorch's intra-op thread count (0 = all available cores) and returns the count. More
// threads than cores only slows training down (100,000 once made a run hang), so a count above
// availableCores() or below 0 throws Error(InvalidArgument) naming the allowed range.
int configureThreads(int threads);
RuntimeInfo runtimeInfo();

}  // namespace flightdeck::train
