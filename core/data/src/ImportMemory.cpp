#include "ImportMemory.h"

#include "flightdeck/common/Error.h"

#include <unistd.h>

#include <iomanip>
#include <sstream>

namespace flightdeck::data {

namespace {

// Training reads every pixel as a 32-bit float beside its byte, so a version needs about five
// times its pixels in memory to be trained on: one bigger than that is refused before a single
// image is decoded (26 images at 8192x8192 ran for minutes toward 5.2 GB, then ended in a bare
// std::bad_alloc under a memory limit).
constexpr std::uint64_t kTrainingCopies = 5;

std::uint64_t physicalMemory()
{
    const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGESIZE);
    return pages > 0 && page > 0 ? std::uint64_t(pages) * std::uint64_t(page) : 0;
}

}  // namespace

std::string byteSize(std::uint64_t bytes)
{
    if (bytes < 1'000'000)
        return std::to_string(bytes) + " bytes";
    std::ostringstream s;
    s << std::fixed << std::setprecision(1);
    if (bytes < 1'000'000'000)
        s << double(bytes) / 1e6 << " MB";
    else
        s << double(bytes) / 1e9 << " GB";
    return s.str();
}

void checkImportMemory(const std::filesystem::path& source, std::uint64_t pixelBytes,
                       const std::string& what, std::uint64_t memoryBytes)
{
    const std::uint64_t memory = memoryBytes > 0 ? memoryBytes : physicalMemory();
    if (memory == 0 || pixelBytes <= memory / kTrainingCopies)
        return;
    throw Error(ErrorInfo{ErrorCode::BadValue, source.string(), 0, "size",
                          "this needs " + byteSize(pixelBytes) + " of pixels (" + what
                              + "), and training on them " + std::to_string(kTrainingCopies)
                              + " times that; the machine has " + byteSize(memory)
                              + " of memory: choose a smaller size or fewer images"});
}

void outOfMemory(const std::filesystem::path& source, std::uint64_t pixelBytes)
{
    throw Error(ErrorInfo{ErrorCode::BadValue, source.string(), 0, {},
                          "ran out of memory"
                              + (pixelBytes > 0 ? " holding " + byteSize(pixelBytes) + " of pixels"
                                                : std::string())
                              + " (std::bad_alloc): import fewer or smaller images, or give the "
                                "process more memory"});
}

}  // namespace flightdeck::data
