// Opening arbitrary bytes as a project's project.db: refused with a typed error or opened,
// never a crash; and a manifest.json of arbitrary bytes through bundle verification.
#include "flightdeck/common/Error.h"
#include "flightdeck/export/BundleVerify.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace fs = std::filesystem;

namespace {

const fs::path& scratch()
{
    static const fs::path dir = [] {
        const fs::path d = fs::temp_directory_path() / ("flightdeck-fuzz-" + std::to_string(::getpid()));
        fs::create_directories(d);
        return d;
    }();
    return dir;
}

void write(const fs::path& file, const std::uint8_t* data, std::size_t size)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const fs::path folder = scratch() / "p";
    std::error_code ec;
    fs::remove_all(folder, ec);
    fs::create_directories(folder);
    write(folder / "project.db", data, size);
    try {
        auto project = flightdeck::store::Project::open(folder);
        (void)flightdeck::store::RunRepository(project).runs();
    } catch (const flightdeck::Error&) {
    }
    write(folder / "manifest.json", data, size);
    (void)flightdeck::exporting::verifyBundle(folder);
    return 0;
}
