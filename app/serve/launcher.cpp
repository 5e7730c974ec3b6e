// flightdeck-serve: ignores SIGHUP, then becomes flightdeck-serve-engine (beside it) by exec.
// The engine links libtorch, whose hundreds of shared libraries take the dynamic loader most
// of a second to map and relocate before any code of the engine runs; a HUP then (logrotate's
// postrotate `kill -HUP` during a restart) ended it with rc 129. An ignored signal stays ignored
// across exec, so the engine is covered from its first instruction until its own handler (which
// reopens the log) replaces this. Same process and pid, so `kill -HUP` reaches the engine.
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>

#include <signal.h>
#include <unistd.h>

int main(int, char** argv)
{
    struct sigaction ignore = {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGHUP, &ignore, nullptr);

    char path[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    const char engine[] = "flightdeck-serve-engine";
    char* slash = n > 0 ? static_cast<char*>(memrchr(path, '/', std::size_t(n))) : nullptr;
    if (slash == nullptr || std::size_t(slash + 1 - path) + sizeof engine > sizeof path) {
        std::fprintf(stderr, "flightdeck-serve: cannot find its own folder (/proc/self/exe: %s)\n",
                     n < 0 ? std::strerror(errno) : "no folder");
        return 127;
    }
    std::memcpy(slash + 1, engine, sizeof engine);
    execv(path, argv);
    std::fprintf(stderr, "flightdeck-serve: cannot start %s (%s)\n", path, std::strerror(errno));
    return 127;
}
