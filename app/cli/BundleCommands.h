#pragma once
// `flightdeck-cli bundle verify DIR`: re-hashes every file an export bundle's manifest lists
// and names each one that fails (exit 1), so a copied or deployed bundle can be checked
// before anything loads it.
namespace CLI { class App; }

namespace flightdeck::cli {

void registerBundleCommands(CLI::App& app);

}  // namespace flightdeck::cli
