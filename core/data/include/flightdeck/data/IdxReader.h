#pragma once
// IDX files (MNIST / Fashion-MNIST), plain or gzip-compressed (zlib).
#include "flightdeck/data/ImageSet.h"
#include "flightdeck/data/Table.h"

#include <filesystem>

namespace flightdeck::data {

// Images (ubyte, N x H x W) scaled to [0,1] as features "px0".."pxK"; the label values present
// are the classes, in numeric order ("0".."9" for MNIST), and labels index them. Throws
// Error(FileNotFound / BadValue) for a missing or malformed file, when the two files disagree on
// the count, or when a file holds more or fewer bytes than its header declares (with the
// header's count and the file's).
Table readIdxPair(const std::filesystem::path& images, const std::filesystem::path& labels,
                  std::size_t limit = 0);

// One MNIST-style pair: <prefix>-images-idx3-ubyte[.gz] and <prefix>-labels-idx1-ubyte[.gz].
struct IdxPair {
    std::string prefix;   // "train", "t10k", ...
    std::filesystem::path images, labels;
};

// The pairs in a folder (as Debian's dataset-fashion-mnist installs them), or the pair that
// one of its files belongs to; the training pair first. FileNotFound / BadValue otherwise.
std::vector<IdxPair> findIdxPairs(const std::filesystem::path& folderOrFile);
// "train" -> Train, "t10k"/"test" -> Test: the files' own split, which a version keeps.
SamplePart idxPartOf(const std::string& prefix);
// All pairs as one image set (1 channel, names "<prefix>/<index>", classes the label values
// present in any pair, parts from the prefixes). `limit` caps the images read per pair (0 = all).
ImageSet readIdxImages(const std::vector<IdxPair>& pairs, std::size_t limit = 0);

}  // namespace flightdeck::data
