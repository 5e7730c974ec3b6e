#pragma once
// `flightdeck-cli model summary|validate`: an architecture spec (either version, or a
// template) checked against an input shape, printed as a per-layer table like torchinfo.
namespace CLI { class App; }

namespace flightdeck::cli {

void registerModelCommands(CLI::App& app);

}  // namespace flightdeck::cli
