#pragma once
// IDX files (MNIST / Fashion-MNIST), plain or gzip-compressed (zlib).
#include "flightdeck/data/Table.h"

#include <filesystem>

namespace flightdeck::data {

// Images (ubyte, N x H x W) scaled to [0,1] as features "px0".."pxK", labels 0..9 as classes
// "0".."9". Throws Error(FileNotFound / BadValue) for a missing or malformed file, or when the
// two files disagree on the count.
Table readIdxPair(const std::filesystem::path& images, const std::filesystem::path& labels,
                  std::size_t limit = 0);

}  // namespace flightdeck::data
