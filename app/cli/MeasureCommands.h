#pragma once
// `flightdeck-cli eval metrics` and `flightdeck-cli monitor summary|drift`: the measurement
// engines on files, JSON on stdout, so their numbers can be checked from outside.
namespace CLI { class App; }

namespace flightdeck::cli {

// Adds the subcommands with their own callbacks; errors propagate as flightdeck::Error.
void registerMeasureCommands(CLI::App& app);

}  // namespace flightdeck::cli
