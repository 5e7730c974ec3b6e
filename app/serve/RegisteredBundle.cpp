#include "RegisteredBundle.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/store/ModelRegistry.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"

namespace flightdeck::serve {

RegisteredBundle resolveRegisteredBundle(const std::filesystem::path& projectFolder,
                                         const std::string& reference)
{
    const auto [name, alias] = store::parseAliasReference(reference);
    // The project is only read, and closed before the model loads: a server holds no
    // connection to a project the workbench keeps writing.
    auto project = store::Project::open(projectFolder);
    const auto model = store::ModelRegistry(project).resolve(name, alias);
    RegisteredBundle out{store::absoluteBundlePath(project.folder(), model.bundlePath), name, alias,
                         model.version};
    const auto manifest = out.dir / "manifest.json";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(manifest, ec))
        throw Error(ErrorInfo{ErrorCode::FileNotFound, manifest.string(), 0, {},
                              reference + " is " + name + " v" + std::to_string(model.version) +
                                  ", whose bundle is not there any more"});
    if (!model.manifestHash.empty()) {
        const std::string found = store::sha256OfFile(manifest);
        if (found != model.manifestHash)
            throw Error(ErrorInfo{ErrorCode::CorruptObject, manifest.string(), 0, "manifest.json",
                                  "this folder holds another bundle than the one registered as " +
                                      name + " v" + std::to_string(model.version) +
                                      ": its SHA-256 is " + found + ", the registry's " +
                                      model.manifestHash});
    }
    return out;
}

}  // namespace flightdeck::serve
