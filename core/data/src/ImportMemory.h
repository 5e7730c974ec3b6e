#pragma once
// Memory an import may take, weighed before the work starts, and said in bytes, MB or GB when it
// runs out anyway.
#include <cstdint>
#include <filesystem>
#include <string>

namespace flightdeck::data {

// "5.2 GB", "310.4 MB", "432 bytes"
std::string byteSize(std::uint64_t bytes);

// Throws BadValue (file `source`, field "size") when `pixelBytes` of pixels would not leave a
// version that can be trained in `memoryBytes` (0 = this machine's physical memory): "this needs
// 5.2 GB of pixels (26 images of 3x8192x8192), ...; the machine has 23.4 GB". `what` describes
// the images.
void checkImportMemory(const std::filesystem::path& source, std::uint64_t pixelBytes,
                       const std::string& what, std::uint64_t memoryBytes = 0);

// The error for a std::bad_alloc during an import of `source`; `pixelBytes` 0 = not known yet.
[[noreturn]] void outOfMemory(const std::filesystem::path& source, std::uint64_t pixelBytes);

}  // namespace flightdeck::data
