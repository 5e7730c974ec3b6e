// The registry's names and paths: bundle folders stored relative to the project (so a moved or
// copied project serves its own bundles), NAME@ALIAS references, and who made a change.
#include "flightdeck/store/ModelRegistry.h"

#include "RegistryRows.h"

#include "flightdeck/common/Error.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <vector>

namespace flightdeck::store {

std::string currentUserName()
{
    std::vector<char> buffer(16384);
    passwd entry{};
    passwd* found = nullptr;
    if (getpwuid_r(geteuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found &&
        found->pw_name && *found->pw_name)
        return found->pw_name;
    if (const char* user = std::getenv("USER"); user && *user)
        return std::string(user).substr(0, registry::kMaxActor);
    return "uid " + std::to_string(geteuid());
}

std::filesystem::path absoluteBundlePath(const std::filesystem::path& projectFolder,
                                         const std::string& bundlePath)
{
    namespace fs = std::filesystem;
    const fs::path p(bundlePath);
    if (bundlePath.empty())
        return p;
    if (!p.is_absolute())
        return (projectFolder / p).lexically_normal();
    // Rows written before paths were stored relative name the folder the project had then. A
    // default export (…/exports/NAME-vN) the project itself holds is that bundle, moved or
    // copied with it; the server still checks its manifest against the registry's hash.
    std::error_code ec;
    if (p.parent_path().filename() == "exports") {
        const fs::path own = projectFolder / "exports" / p.filename();
        if (fs::is_directory(own, ec))
            return own.lexically_normal();
    }
    return p;
}

std::string storedBundlePath(const std::filesystem::path& projectFolder,
                             const std::string& bundlePath)
{
    namespace fs = std::filesystem;
    const fs::path p(bundlePath);
    if (!p.is_absolute())
        return bundlePath;
    std::error_code ec;
    const fs::path base = fs::weakly_canonical(fs::absolute(projectFolder, ec), ec);
    const fs::path full = fs::weakly_canonical(p, ec);
    if (ec)
        return bundlePath;
    const fs::path relative = full.lexically_relative(base);
    if (relative.empty() || *relative.begin() == "..")
        return bundlePath;
    return relative.string();
}

std::pair<std::string, std::string> parseAliasReference(const std::string& reference)
{
    const auto at = reference.rfind('@');
    if (at == std::string::npos || at == 0 || at + 1 == reference.size())
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "model reference",
                              "expected NAME@ALIAS such as fraud@production, got \"" + reference
                                  + "\""});
    return {reference.substr(0, at), reference.substr(at + 1)};
}

}  // namespace flightdeck::store
