#pragma once
// Ctrl-C or SIGTERM during a long command stops it gracefully: the first signal sets an atomic
// flag the trainer polls between batches (it finishes the step, saves the model and records
// the run as "cancelled"); the handler then restores the default action, so a second signal
// ends the process at once.
#include <atomic>

namespace flightdeck::cli {

class StopSignals {
public:
    StopSignals();    // installs the handlers for SIGINT and SIGTERM
    ~StopSignals();   // restores the previous ones
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    const std::atomic<bool>* flag() const;
    // 0 while no signal came, else the signal number (for the 128 + n exit code).
    static int received();
};

}  // namespace flightdeck::cli
