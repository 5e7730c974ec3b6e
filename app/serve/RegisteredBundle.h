#pragma once
// `flightdeck-serve --project DIR NAME@ALIAS`: the bundle folder the registry's alias points
// at, checked to be the very bundle that was registered (its manifest.json hashes to the
// manifest SHA-256 recorded at export) before anything loads it.
#include <filesystem>
#include <string>

namespace flightdeck::serve {

struct RegisteredBundle {
    std::filesystem::path dir;
    std::string name;
    std::string alias;
    int version = 0;
};

// Opens the project, resolves NAME@ALIAS (Error NotFound naming it, InvalidArgument for a
// reference without '@') and returns the bundle folder, relative paths taken from the project
// folder. Error(CorruptObject) when the folder's manifest.json is not the registered one;
// FileNotFound when the folder or its manifest is gone.
RegisteredBundle resolveRegisteredBundle(const std::filesystem::path& projectFolder,
                                         const std::string& reference);

}  // namespace flightdeck::serve
