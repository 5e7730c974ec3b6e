#pragma once
// Images in memory: one fixed shape, 8-bit pixels laid out N x C x H x W (the tensor layout the
// trainer feeds libtorch), a name and an optional label per image.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flightdeck::data {

struct Table;

// A split the source itself defines: IDX ships train and t10k files that must stay apart.
enum class SamplePart : std::uint8_t { None = 0, Train = 1, Test = 2 };

struct ImageSet {
    std::uint32_t channels = 1, height = 0, width = 0;
    std::vector<std::uint8_t> pixels;      // size() * imageBytes()
    std::vector<std::string> names;        // the file's path under the imported folder, "train/17"
    std::vector<std::int32_t> labels;      // index into classes; -1 = not labeled
    std::vector<std::string> classes;
    std::vector<SamplePart> parts;         // empty, or one per image

    std::size_t size() const { return names.size(); }
    std::size_t imageBytes() const { return std::size_t(channels) * height * width; }
    const std::uint8_t* image(std::size_t i) const { return pixels.data() + i * imageBytes(); }
    bool hasFixedParts() const;
};

// SHA-256 (hex) of each image's shape and pixels: the sample's identity across versions.
std::vector<std::string> sampleHashes(const ImageSet& images);

// The pixels alone ("FDPX"): one object that every version with the same images shares, so a
// label commit or a re-import stores no pixel twice.
std::string serializePixels(const ImageSet& images);
// serializePixels' bytes as {header, pixel bytes} for ObjectStore::put(parts), the pixels viewed
// in place in `images` (no copy); `header` receives the header bytes and must outlive the views.
std::vector<std::string_view> pixelParts(const ImageSet& images, std::string& header);
// The version object ("FDIV"): shape, the pixels object's hash, classes, labels, names, parts
// and sample hashes. Deterministic; its SHA-256 is the version hash.
std::string serializeImageIndex(const ImageSet& images, const std::string& pixelsHash,
                                const std::vector<std::string>& hashes);

struct ImageIndex {
    ImageSet images;                       // everything but the pixels
    std::string pixelsHash;
    std::vector<std::string> sampleHashes;
};
ImageIndex deserializeImageIndex(const std::string& bytes);   // Error(CorruptObject)
// Fills images.pixels from a pixels object, checking it has the index's shape and count.
void attachPixels(ImageSet& images, const std::string& pixelBytes);

// The images as a table of C*H*W features scaled to [0, 1] ("px0".. in CHW order), so the
// table trainers work on them; unlabeled images keep label -1 and belong to no split.
Table flattenImages(const ImageSet& images);

}  // namespace flightdeck::data
