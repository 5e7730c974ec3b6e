#include "LaunchRanks.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

namespace flightdeck::cli {

namespace {

volatile sig_atomic_t g_forward = 0;

extern "C" void onLauncherSignal(int signo) { g_forward = signo; }

// A port the kernel has just handed out on loopback; rank 0's store binds it a moment later.
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    int port = -1;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

std::filesystem::path torchExecutable(char** argv)
{
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return (ec ? std::filesystem::path(argv[0]) : self).parent_path() / "flightdeck-cli-torch";
}

// MemAvailable from /proc/meminfo in bytes, or 0 when unknown.
std::uint64_t availableMemory()
{
    std::ifstream in("/proc/meminfo");
    std::string key;
    std::uint64_t kib = 0;
    std::string unit;
    while (in >> key >> kib >> unit)
        if (key == "MemAvailable:")
            return kib * 1024;
    return 0;
}

std::string gigabytes(std::uint64_t bytes)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f GB", static_cast<double>(bytes) / 1e9);
    return text;
}

}  // namespace

int launchRanks(int argc, char** argv, int nproc, int timeoutSeconds)
{
    (void)argc;
    const int port = freePort();
    if (port < 0) {
        std::cerr << "error: --nproc: no free port on 127.0.0.1 (" << std::strerror(errno) << ")\n";
        return 2;
    }
    const auto helper = torchExecutable(argv);
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    // Each rank is a process of its own that loads libtorch before any data: about 185 MB
    // measured on iris, so 100 ranks on a laptop would end in the OOM killer, not an error.
    const std::uint64_t perRank = 200ull << 20;
    const std::uint64_t available = availableMemory();
    if (available > 0 && perRank * static_cast<std::uint64_t>(nproc) > available) {
        std::cerr << "error: --nproc " << nproc << ": each rank is a process that needs about "
                  << gigabytes(perRank) << " before its data, " << gigabytes(perRank * nproc)
                  << " in all, and this machine has " << gigabytes(available)
                  << " available; at most " << std::max<std::uint64_t>(1, available / perRank)
                  << " ranks fit\n";
        return 2;
    }
    if (static_cast<unsigned>(nproc) > cores)
        std::cerr << "warning: --nproc " << nproc << " is more ranks than this machine's " << cores
                  << " cores: they will take turns, slower than " << cores << " ranks\n";
    std::cout << "launching " << nproc << " ranks on 127.0.0.1:" << port << " (Gloo; "
              << std::max(1u, cores / static_cast<unsigned>(nproc)) << " of " << cores
              << " cores each unless --threads says otherwise)" << std::endl;

    // SIGTERM/SIGHUP sent to the launcher alone are passed on; SIGINT from a terminal already
    // reaches every rank (they share its process group), so it is not sent twice (a second
    // one ends a rank at once).
    struct sigaction sa {}, oldTerm {}, oldHup {}, oldInt {};
    sa.sa_handler = onLauncherSignal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, &oldTerm);
    sigaction(SIGHUP, &sa, &oldHup);
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGINT, &ignore, &oldInt);   // the ranks decide how a Ctrl-C ends

    std::vector<pid_t> pids;
    for (int rank = 0; rank < nproc; ++rank) {
        const pid_t pid = ::fork();
        if (pid < 0) {
            std::cerr << "error: --nproc: cannot start rank " << rank << ": " << std::strerror(errno) << "\n";
            for (pid_t p : pids)
                ::kill(p, SIGTERM);
            break;
        }
        if (pid == 0) {
            sigaction(SIGTERM, &oldTerm, nullptr);
            sigaction(SIGHUP, &oldHup, nullptr);
            sigaction(SIGINT, &oldInt, nullptr);
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);   // a launcher killed outright takes its ranks along
            ::setenv("RANK", std::to_string(rank).c_str(), 1);
            ::setenv("LOCAL_RANK", std::to_string(rank).c_str(), 1);
            ::setenv("WORLD_SIZE", std::to_string(nproc).c_str(), 1);
            ::setenv("LOCAL_WORLD_SIZE", std::to_string(nproc).c_str(), 1);
            ::setenv("MASTER_ADDR", "127.0.0.1", 1);
            ::setenv("MASTER_PORT", std::to_string(port).c_str(), 1);
            ::unsetenv("TORCHELASTIC_USE_AGENT_STORE");
            if (timeoutSeconds > 0)
                ::setenv("FLIGHTDECK_DIST_TIMEOUT", std::to_string(timeoutSeconds).c_str(), 1);
            ::execv(helper.c_str(), argv);
            std::cerr << "error: cannot run " << helper.string() << ": " << std::strerror(errno) << "\n";
            ::_exit(127);
        }
        pids.push_back(pid);
    }

    std::vector<int> codes(pids.size(), -1);
    std::size_t running = pids.size();
    while (running > 0) {
        int status = 0;
        const pid_t pid = ::waitpid(-1, &status, 0);
        if (pid < 0) {
            if (errno == EINTR) {
                if (const int sig = g_forward) {
                    g_forward = 0;
                    for (std::size_t i = 0; i < pids.size(); ++i)
                        if (codes[i] < 0)
                            ::kill(pids[i], sig);
                }
                continue;
            }
            break;
        }
        for (std::size_t i = 0; i < pids.size(); ++i)
            if (pids[i] == pid) {
                codes[i] = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
                --running;
            }
    }
    sigaction(SIGTERM, &oldTerm, nullptr);
    sigaction(SIGHUP, &oldHup, nullptr);
    sigaction(SIGINT, &oldInt, nullptr);

    int result = static_cast<int>(pids.size()) == nproc ? 0 : 2;
    for (std::size_t i = 0; i < codes.size(); ++i)
        if (codes[i] != 0) {
            std::cerr << "rank " << i << " exited with " << codes[i]
                      << (codes[i] > 128 ? " (signal " + std::to_string(codes[i] - 128) + ")" : "")
                      << "\n";
            if (result == 0)
                result = codes[i];
        }
    if (result == 0)
        std::cout << "all " << nproc << " ranks finished" << std::endl;
    return result;
}

}  // namespace flightdeck::cli
