#include "flightdeck/train/World.h"

#include "flightdeck/common/Error.h"

#include <cerrno>
#include <cstdlib>
#include <optional>

namespace flightdeck::train {

namespace {

[[noreturn]] void bad(const char* variable, const std::string& expected)
{
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, variable, expected});
}

std::optional<std::string> env(const char* name)
{
    const char* v = std::getenv(name);
    if (!v || !*v)
        return std::nullopt;
    return std::string(v);
}

// The first of `names` that is set, read as an integer in [lo, hi].
std::optional<int> intFrom(std::initializer_list<const char*> names, long lo, long hi)
{
    for (const char* name : names) {
        const auto text = env(name);
        if (!text)
            continue;
        errno = 0;
        char* end = nullptr;
        const long v = std::strtol(text->c_str(), &end, 10);
        if (errno != 0 || end != text->c_str() + text->size() || v < lo || v > hi)
            bad(name, "an integer from " + std::to_string(lo) + " to " + std::to_string(hi) +
                          ", got \"" + *text + "\"");
        return static_cast<int>(v);
    }
    return std::nullopt;
}

}  // namespace

WorldConfig worldFromEnvironment()
{
    WorldConfig w;
    // torchrun / our --nproc first; then Open MPI's and MPICH's own names, so `mpirun -n 4`
    // needs only MASTER_ADDR (and MASTER_PORT) exported.
    const auto size = intFrom({"WORLD_SIZE", "OMPI_COMM_WORLD_SIZE", "PMI_SIZE"}, 1, 1 << 20);
    if (!size)
        return w;
    w.size = *size;
    const auto rank = intFrom({"RANK", "OMPI_COMM_WORLD_RANK", "PMI_RANK"}, 0, w.size - 1);
    if (!rank && w.size > 1)
        bad("RANK", "set beside WORLD_SIZE=" + std::to_string(w.size));
    w.rank = rank.value_or(0);
    w.localRank = intFrom({"LOCAL_RANK", "OMPI_COMM_WORLD_LOCAL_RANK", "MPI_LOCALRANKID"}, 0, w.size - 1)
                      .value_or(0);
    w.localSize = intFrom({"LOCAL_WORLD_SIZE", "OMPI_COMM_WORLD_LOCAL_SIZE", "MPI_LOCALNRANKS"}, 1, w.size)
                      .value_or(1);
    if (w.localRank >= w.localSize)
        w.localSize = w.localRank + 1;   // LOCAL_WORLD_SIZE unset: at least this many
    if (const auto addr = env("MASTER_ADDR"))
        w.masterAddr = *addr;
    else if (w.size > 1 && w.localSize < w.size)
        bad("MASTER_ADDR", "the host of rank 0 (the ranks span more than this machine)");
    w.masterPort = intFrom({"MASTER_PORT"}, 1, 65535).value_or(w.masterPort);
    if (const auto agent = env("TORCHELASTIC_USE_AGENT_STORE"))
        w.agentStore = *agent == "True" || *agent == "true" || *agent == "1";
    w.restartCount = intFrom({"TORCHELASTIC_RESTART_COUNT"}, 0, 1 << 30).value_or(0);
    w.timeoutSeconds = intFrom({"FLIGHTDECK_DIST_TIMEOUT"}, 1, 86400).value_or(w.timeoutSeconds);
    return w;
}

}  // namespace flightdeck::train
