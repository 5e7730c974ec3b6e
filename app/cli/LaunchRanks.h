#pragma once
// `flightdeck-cli train --nproc N`: a local launcher in the manner of torchrun, torch-free so
// the waiting parent stays small. It starts N copies of flightdeck-cli-torch with the same
// arguments and RANK, WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR=127.0.0.1 and a
// free MASTER_PORT set (a copy that sees RANK trains as that rank), waits for all of them, and
// reports each one's exit.
namespace flightdeck::cli {

// Returns 0 when every rank exited 0, else the first failing rank's code (128 + signal for a
// rank a signal ended). timeoutSeconds > 0 is passed on as FLIGHTDECK_DIST_TIMEOUT.
int launchRanks(int argc, char** argv, int nproc, int timeoutSeconds);

}  // namespace flightdeck::cli
