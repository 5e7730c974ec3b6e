#include "StopSignals.h"

#include <csignal>

namespace flightdeck::cli {

namespace {

std::atomic<bool> g_stop{false};
volatile std::sig_atomic_t g_signal = 0;
struct sigaction g_oldInt {}, g_oldTerm {};

extern "C" void onStopSignal(int signo)
{
    g_signal = signo;
    g_stop.store(true, std::memory_order_relaxed);   // lock-free: async-signal-safe
    std::signal(signo, SIG_DFL);                      // a second signal ends the process
}

}  // namespace

StopSignals::StopSignals()
{
    struct sigaction sa {};
    sa.sa_handler = onStopSignal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &g_oldInt);
    sigaction(SIGTERM, &sa, &g_oldTerm);
}

StopSignals::~StopSignals()
{
    sigaction(SIGINT, &g_oldInt, nullptr);
    sigaction(SIGTERM, &g_oldTerm, nullptr);
}

const std::atomic<bool>* StopSignals::flag() const { return &g_stop; }

int StopSignals::received() { return g_signal; }

}  // namespace flightdeck::cli
