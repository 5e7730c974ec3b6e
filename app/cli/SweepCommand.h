#pragma once
// `flightdeck-cli sweep PROJECT --version V --split S --arch A [--arch B] --lr 1e-3,3e-3
// --batch-size 32,64 --optimizer adam,sgd [--random N --search-seed S] --objective val/accuracy`:
// a grid (default) or random search, one run after another, each printed as it ends and the
// best at the end. Ctrl-C stops the run in progress (recorded as cancelled) and the sweep.
// `flightdeck-cli sweeps PROJECT [--sweep ID]` lists sweeps (torch-free).
#include <CLI/CLI.hpp>

namespace flightdeck::cli {

// In flightdeck-cli (no libtorch) the command only parses: its callback sets *needsTorch and
// main execs flightdeck-cli-torch, where it runs.
void registerSweepCommand(CLI::App& app, bool* needsTorch);   // and `sweeps`

}  // namespace flightdeck::cli
