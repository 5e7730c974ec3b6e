#pragma once
// Where this process stands in a multi-process (data-parallel) run, as the standard launchers
// describe it: torchrun and `flightdeck-cli train --nproc N` set RANK, WORLD_SIZE, LOCAL_RANK,
// LOCAL_WORLD_SIZE, MASTER_ADDR and MASTER_PORT; mpirun sets OMPI_COMM_WORLD_* (Open MPI) or
// PMI_* (MPICH), read when RANK is absent. Torch-free, so the CLI reads it before it loads
// libtorch's process group.
#include <string>

namespace flightdeck::train {

struct WorldConfig {
    int rank = 0;                 // 0 records the run; the others only train
    int size = 1;                 // 1 = a plain single-process run (no process group at all)
    int localRank = 0;            // the rank among this machine's processes
    int localSize = 1;            // this machine's processes (they share its cores)
    std::string masterAddr = "127.0.0.1";   // the rendezvous store's host ...
    int masterPort = 29500;                  // ... and port
    // torchrun's agent already serves the store at MASTER_ADDR:MASTER_PORT: every rank joins
    // it as a client (TORCHELASTIC_USE_AGENT_STORE=True), under the restart's key prefix.
    bool agentStore = false;
    int restartCount = 0;         // TORCHELASTIC_RESTART_COUNT
    // How long a collective (or the rendezvous) waits for the other ranks before it fails:
    // a rank that hangs fails the others after this; a rank that dies closes its sockets and
    // fails them at once.
    int timeoutSeconds = 300;

    bool distributed() const { return size > 1; }
    bool primary() const { return rank == 0; }
};

// The world the environment describes; size 1 when neither RANK/WORLD_SIZE nor an MPI
// launcher's variables are set. Error(InvalidArgument) naming the variable for a malformed or
// inconsistent value (RANK outside 0..WORLD_SIZE-1, a port outside 1..65535, ...).
WorldConfig worldFromEnvironment();

}  // namespace flightdeck::train
