#include "flightdeck/data/ImageSet.h"

#include "Binary.h"
#include "flightdeck/data/Table.h"
#include "flightdeck/store/ObjectStore.h"

#include <array>

namespace flightdeck::data {

namespace {

constexpr char kPixelsMagic[5] = "FDPX";
constexpr char kIndexMagic[5] = "FDIV";
constexpr std::uint32_t kFormatVersion = 1;

void writeShape(binary::Writer& w, const ImageSet& images)
{
    w.u32(images.channels);
    w.u32(images.height);
    w.u32(images.width);
    w.u64(images.size());
}

// "FDPX", u32 version and the shape: everything in a pixels object before the pixels.
void writePixelsHeader(binary::Writer& w, const ImageSet& images)
{
    w.raw(kPixelsMagic, 4);
    w.u32(kFormatVersion);
    writeShape(w, images);
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

void checkShape(binary::Reader& r, std::uint32_t c, std::uint32_t h, std::uint32_t w)
{
    if (c != 1 && c != 3)
        r.fail("expected 1 or 3 channels, found " + std::to_string(c));
    if (h == 0 || w == 0 || std::uint64_t(h) * w > (std::uint64_t(1) << 26))
        r.fail("expected an image size from 1x1 to 8192x8192 pixels, found "
               + std::to_string(w) + "x" + std::to_string(h));
}

}  // namespace

bool ImageSet::hasFixedParts() const
{
    for (SamplePart p : parts)
        if (p != SamplePart::None)
            return true;
    return false;
}

std::vector<std::string> sampleHashes(const ImageSet& images)
{
    std::vector<std::string> out;
    out.reserve(images.size());
    std::string buffer;
    for (std::size_t i = 0; i < images.size(); ++i) {
        binary::Writer w;
        w.u32(images.channels);
        w.u32(images.height);
        w.u32(images.width);
        buffer = w.take();
        buffer.append(reinterpret_cast<const char*>(images.image(i)), images.imageBytes());
        out.push_back(store::sha256Hex(buffer));
    }
    return out;
}

std::string serializePixels(const ImageSet& images)
{
    binary::Writer w;
    w.reserve(32 + images.pixels.size());
    writePixelsHeader(w, images);
    w.raw(reinterpret_cast<const char*>(images.pixels.data()), images.pixels.size());
    return w.take();
}

std::vector<std::string_view> pixelParts(const ImageSet& images, std::string& header)
{
    // Pixels are single bytes, so their stored bytes are their memory on every host.
    binary::Writer w;
    w.reserve(32);
    writePixelsHeader(w, images);
    header = w.take();
    return {header, {reinterpret_cast<const char*>(images.pixels.data()), images.pixels.size()}};
}

// Layout (little-endian): "FDIV", u32 version, u32 C, u32 H, u32 W, u64 N, str pixels hash,
// u64 classes x str, N x i32 label, N x str name, N x u8 part, N x 32-byte SHA-256.
std::string serializeImageIndex(const ImageSet& images, const std::string& pixelsHash,
                                const std::vector<std::string>& hashes)
{
    const std::size_t n = images.size();
    if (images.labels.size() != n || hashes.size() != n
        || (!images.parts.empty() && images.parts.size() != n))
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "images",
                              "expected one label, part and hash per image"});
    binary::Writer w;
    w.raw(kIndexMagic, 4);
    w.u32(kFormatVersion);
    writeShape(w, images);
    w.str(pixelsHash);
    w.u64(images.classes.size());
    for (const auto& c : images.classes)
        w.str(c);
    w.array32(images.labels.data(), n);
    for (const auto& name : images.names)
        w.str(name);
    std::string parts(n, '\0');
    for (std::size_t i = 0; i < images.parts.size(); ++i)
        parts[i] = static_cast<char>(images.parts[i]);
    w.raw(parts.data(), n);
    for (const auto& hex : hashes) {
        std::array<char, 32> bytes{};
        for (std::size_t b = 0; b < 32 && 2 * b + 1 < hex.size(); ++b)
            bytes[b] = static_cast<char>(hexValue(hex[2 * b]) * 16 + hexValue(hex[2 * b + 1]));
        w.raw(bytes.data(), bytes.size());
    }
    return w.take();
}

ImageIndex deserializeImageIndex(const std::string& bytes)
{
    binary::Reader r(bytes, "image index");
    r.magic(kIndexMagic);
    const std::uint32_t version = r.u32("the format version");
    if (version != kFormatVersion)
        r.fail("expected image index format version 1, found " + std::to_string(version));
    ImageIndex out;
    ImageSet& s = out.images;
    s.channels = r.u32("the channel count");
    s.height = r.u32("the height");
    s.width = r.u32("the width");
    checkShape(r, s.channels, s.height, s.width);
    const std::uint64_t n = r.u64("the image count");
    // Each image takes at least 4 (label) + 4 (name length) + 1 (part) + 32 (hash) bytes.
    if (n > r.remaining() / 41)
        r.fail("an image count of " + std::to_string(n) + " exceeds the bytes present");
    out.pixelsHash = r.str("the pixels hash");
    const std::uint64_t classes = r.u64("the class count");
    if (classes > r.remaining() / 4)
        r.fail("a class count of " + std::to_string(classes) + " exceeds the bytes present");
    for (std::uint64_t c = 0; c < classes; ++c)
        s.classes.push_back(r.str("a class name"));
    s.labels.resize(n);
    r.array32(s.labels.data(), n, "the labels");
    for (std::uint64_t i = 0; i < n; ++i)
        if (s.labels[i] < -1 || s.labels[i] >= static_cast<std::int64_t>(classes))
            r.fail("image " + std::to_string(i) + ": label " + std::to_string(s.labels[i])
                   + " is not a class");
    s.names.reserve(n);
    for (std::uint64_t i = 0; i < n; ++i)
        s.names.push_back(r.str("an image name"));
    std::vector<std::uint8_t> parts(n);
    r.raw(parts.data(), n, "the parts");
    bool anyPart = false;
    for (auto p : parts) {
        if (p > 2)
            r.fail("expected a part of 0, 1 or 2, found " + std::to_string(p));
        anyPart = anyPart || p != 0;
    }
    if (anyPart)
        for (auto p : parts)
            s.parts.push_back(static_cast<SamplePart>(p));
    static const char* hex = "0123456789abcdef";
    out.sampleHashes.reserve(n);
    for (std::uint64_t i = 0; i < n; ++i) {
        unsigned char b[32];
        r.raw(b, 32, "the sample hashes");
        std::string h(64, '0');
        for (int k = 0; k < 32; ++k) {
            h[2 * k] = hex[b[k] >> 4];
            h[2 * k + 1] = hex[b[k] & 15];
        }
        out.sampleHashes.push_back(std::move(h));
    }
    r.end();
    return out;
}

void attachPixels(ImageSet& images, const std::string& pixelBytes)
{
    binary::Reader r(pixelBytes, "image pixels");
    r.magic(kPixelsMagic);
    if (r.u32("the format version") != kFormatVersion)
        r.fail("expected pixels format version 1");
    const std::uint32_t c = r.u32("the channel count"), h = r.u32("the height"),
                        w = r.u32("the width");
    const std::uint64_t n = r.u64("the image count");
    if (c != images.channels || h != images.height || w != images.width || n != images.size())
        r.fail("expected " + std::to_string(images.size()) + " images of "
               + std::to_string(images.channels) + "x" + std::to_string(images.height) + "x"
               + std::to_string(images.width) + ", found " + std::to_string(n) + " of "
               + std::to_string(c) + "x" + std::to_string(h) + "x" + std::to_string(w));
    images.pixels.resize(images.size() * images.imageBytes());
    r.raw(images.pixels.data(), images.pixels.size(), "the pixels");
    r.end();
}

Table flattenImages(const ImageSet& images)
{
    Table t;
    t.labelName = "label";
    t.classes = images.classes;
    t.labels = images.labels;
    const std::size_t k = images.imageBytes();
    t.featureNames.reserve(k);
    for (std::size_t i = 0; i < k; ++i)
        t.featureNames.push_back("px" + std::to_string(i));
    std::array<float, 256> scale{};
    for (int v = 0; v < 256; ++v)
        scale[static_cast<std::size_t>(v)] = static_cast<float>(v) / 255.0f;
    t.features.resize(images.pixels.size());
    for (std::size_t i = 0; i < images.pixels.size(); ++i)
        t.features[i] = scale[images.pixels[i]];
    return t;
}

}  // namespace flightdeck::data
