#pragma once
// `flightdeck-cli data ...`: image and IDX import, versions, diffs, label files and label
// commits, on the same core as the Data and Labeling panels.
namespace CLI { class App; }

namespace flightdeck::cli {

// Adds `data` and its subcommands with their own callbacks; errors propagate as
// flightdeck::Error.
void registerDataCommands(CLI::App& app);

}  // namespace flightdeck::cli
