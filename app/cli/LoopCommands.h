#pragma once
// The loop back from production, headless: `flightdeck-cli monitor to-labeling` (a log's
// records -> a fresh dataset version) and `flightdeck-cli retrain --from RUN --add VERSION`.
// Call after the monitor commands are registered (to-labeling joins them).
#include <CLI/CLI.hpp>

namespace flightdeck::cli {

// In flightdeck-cli (no libtorch) the commands only parse: their callbacks set *needsTorch and
// main execs flightdeck-cli-torch, where they run.
void registerLoopCommands(CLI::App& app, bool* needsTorch);

}  // namespace flightdeck::cli
