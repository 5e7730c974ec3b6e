#include "BundleCommands.h"

#include "flightdeck/common/Json.h"
#include "flightdeck/export/BundleExporter.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

namespace flightdeck::cli {

void registerBundleCommands(CLI::App& app)
{
    auto dir = std::make_shared<std::string>();
    auto* bundle = app.add_subcommand("bundle", "Exported bundles: verify");
    bundle->require_subcommand(1);
    auto* verify = bundle->add_subcommand("verify", "Re-hash every file the manifest lists (exit 1 on any problem)");
    verify->add_option("dir", *dir, "The bundle folder")->required();
    verify->callback([dir] {
        const auto problems = exporting::verifyBundle(*dir);
        if (!problems.empty()) {
            for (const auto& p : problems)
                std::cout << "FAILED  " << p << "\n";
            std::cout << *dir << ": " << problems.size() << " problem(s); do not deploy this bundle\n";
            throw CLI::RuntimeError(1);
        }
        const nlohmann::json manifest = readJsonFile(std::filesystem::path(*dir) / "manifest.json");
        for (const auto& f : manifest["files"])
            std::cout << "ok      " << f["name"].get<std::string>() << " (" << f.value("bytes", 0)
                      << " bytes, sha256 " << f["sha256"].get<std::string>().substr(0, 12) << ")\n";
        std::cout << *dir << ": intact, " << manifest["files"].size() << " files\n";
    });
}

}  // namespace flightdeck::cli
