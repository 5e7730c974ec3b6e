#pragma once
// `flightdeck-cli registry ...`: the model registry from a shell: list versions and aliases,
// promote a version to an alias and roll an alias back (each move logged with who, when and
// why), the alias history, two versions side by side, and a version's lineage. Readable text
// by default, `--json` for scripts.
namespace CLI { class App; }

namespace flightdeck::cli {

// Adds `registry` and its subcommands with their own callbacks; errors propagate as
// flightdeck::Error.
void registerRegistryCommands(CLI::App& app);

}  // namespace flightdeck::cli
