#include "ImageCodec.h"

#include "PngDecoder.h"

#include <stb/stb_image.h>
#include <stb/stb_image_resize.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <cstdint>
#include <limits>

namespace flightdeck::data::codec {

namespace {

// 8192 x 8192 at most: a header is not trusted with memory.
constexpr long long kMaxPixels = 1LL << 26;

int byteCount(const std::string& bytes)
{
    return static_cast<int>(std::min<std::size_t>(bytes.size(),
                                                  std::numeric_limits<int>::max()));
}

std::uint32_t little32(const std::string& b, std::size_t at)
{
    return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at]))
           | static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8
           | static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16
           | static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}

// An uncompressed BMP shorter than its header's rows: stb decodes the missing rows as zeros,
// so 31 bytes claiming 1 x 1,048,576 pixels took seconds and 67M pixels would be 200 MB of
// nothing. PNG and JPEG fail on their own when their data ends early.
std::string bmpShortfall(const std::string& bytes)
{
    if (bytes.size() < 18 || bytes.compare(0, 2, "BM") != 0)
        return {};
    const std::uint32_t offset = little32(bytes, 10);
    const std::uint32_t infoSize = little32(bytes, 14);
    if (infoSize < 40)   // an OS/2 header: no compression field; leave it to stb
        return {};
    if (bytes.size() < 34)
        return "a BMP whose header is cut short (" + std::to_string(bytes.size()) + " bytes)";
    Header h;
    h.width = static_cast<int>(little32(bytes, 18));
    // Negative: rows stored top-down.
    h.height = std::abs(static_cast<int>(little32(bytes, 22)));
    if (h.width <= 0 || h.height <= 0)
        return {};
    const unsigned bitsPerPixel = static_cast<unsigned char>(bytes[28])
                                  | static_cast<unsigned>(static_cast<unsigned char>(bytes[29])) << 8;
    const std::uint32_t compression = little32(bytes, 30);
    if (compression != 0 || bitsPerPixel == 0)   // RLE and bit fields: sizes vary
        return {};
    const unsigned long long stride = (static_cast<unsigned long long>(h.width) * bitsPerPixel + 31) / 32 * 4;
    const unsigned long long needed = offset + stride * static_cast<unsigned long long>(h.height);
    if (bytes.size() >= needed)
        return {};
    return "a BMP of " + std::to_string(h.width) + "x" + std::to_string(h.height) + " pixels needs "
           + std::to_string(needed) + " bytes, the file has " + std::to_string(bytes.size())
           + " (cut short)";
}

// stb's reasons are a few letters ("IDAT", "outofdata"), which a user cannot act on; what
// happened to the file can mostly be told from its last bytes.
std::string decodeFailure(const std::string& bytes, const char* reason)
{
    const auto endsWith = [&](const std::string& tail) {
        return bytes.size() >= tail.size()
               && bytes.compare(bytes.size() - tail.size(), tail.size(), tail) == 0;
    };
    static const std::string kIend("IEND\xAE\x42\x60\x82", 8);
    std::string what = "the file is corrupt";
    if (bytes.compare(0, 4, "\x89PNG") == 0 && !endsWith(kIend))
        what = "the file is truncated or corrupt (a PNG that does not end with its IEND chunk)";
    else if (bytes.compare(0, 2, "\xFF\xD8") == 0 && !endsWith("\xFF\xD9"))
        what = "the file is truncated or corrupt (a JPEG that does not end with its EOI marker)";
    return "cannot decode the image: " + what + "; the decoder said \"" + reason + "\"";
}

}  // namespace

bool peek(const std::string& bytes, Header* header, std::string* why)
{
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    if (!stbi_info_from_memory(data, byteCount(bytes), &header->width, &header->height,
                               &header->channels)) {
        *why = std::string("not a PNG, JPEG or BMP image we can read (") + stbi_failure_reason()
               + ")";
        return false;
    }
    if (header->width <= 0 || header->height <= 0
        || static_cast<long long>(header->width) * header->height > kMaxPixels) {
        *why = "image of " + std::to_string(header->width) + "x" + std::to_string(header->height)
               + " pixels; at most 8192x8192 are imported";
        return false;
    }
    if (std::string shortfall = bmpShortfall(bytes); !shortfall.empty()) {
        *why = std::move(shortfall);
        return false;
    }
    return true;
}

bool decode(const std::string& bytes, int channels, std::vector<std::uint8_t>* pixels, int* width,
            int* height, std::string* why)
{
    // Most dataset PNGs take the fast path; everything else, and every damaged file, is stb's.
    if (decodePngFast(bytes, channels, pixels, width, height))
        return true;
    if (std::string shortfall = bmpShortfall(bytes); !shortfall.empty()) {
        *why = std::move(shortfall);
        return false;
    }
    int stored = 0;
    stbi_uc* data = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()),
                                          byteCount(bytes), width, height, &stored, channels);
    if (!data) {
        *why = decodeFailure(bytes, stbi_failure_reason());
        return false;
    }
    pixels->assign(data, data + std::size_t(*width) * std::size_t(*height) * std::size_t(channels));
    stbi_image_free(data);
    return true;
}

void resizeToPlanar(const std::vector<std::uint8_t>& hwc, int width, int height, int channels,
                    std::uint32_t outWidth, std::uint32_t outHeight, ResizeRule rule,
                    std::uint8_t* chwOut)
{
    const int ow = static_cast<int>(outWidth), oh = static_cast<int>(outHeight);
    const std::uint8_t* src = hwc.data();
    int sx = 0, sy = 0, sw = width, sh = height;   // the source window
    int dx = 0, dy = 0, dw = ow, dh = oh;          // where it lands
    if (rule == ResizeRule::Crop) {
        // The largest centred window with the target's aspect ratio.
        if (static_cast<long long>(width) * oh > static_cast<long long>(height) * ow) {
            sw = std::max(1, static_cast<int>(std::lround(double(height) * ow / oh)));
            sx = (width - sw) / 2;
        } else {
            sh = std::max(1, static_cast<int>(std::lround(double(width) * oh / ow)));
            sy = (height - sh) / 2;
        }
    } else if (rule == ResizeRule::Fit) {
        if (static_cast<long long>(width) * oh > static_cast<long long>(height) * ow) {
            dh = std::max(1, static_cast<int>(std::lround(double(height) * ow / width)));
            dy = (oh - dh) / 2;
        } else {
            dw = std::max(1, static_cast<int>(std::lround(double(width) * oh / height)));
            dx = (ow - dw) / 2;
        }
    }
    std::vector<std::uint8_t> scaled;
    const std::uint8_t* placed = nullptr;
    if (sw == dw && sh == dh && sx == 0 && sy == 0 && sw == width) {
        placed = src;   // already the size: copy straight through
    } else {
        scaled.resize(std::size_t(dw) * dh * channels);
        stbir_resize_uint8(src + (std::size_t(sy) * width + sx) * channels, sw, sh,
                           width * channels, scaled.data(), dw, dh, dw * channels, channels);
        placed = scaled.data();
    }
    const std::size_t plane = std::size_t(ow) * oh;
    if (dw != ow || dh != oh)
        std::memset(chwOut, 0, plane * channels);   // Fit's borders
    for (int y = 0; y < dh; ++y) {
        const std::uint8_t* row = placed + std::size_t(y) * dw * channels;
        std::uint8_t* to = chwOut + std::size_t(y + dy) * ow + dx;
        if (channels == 1) {
            std::memcpy(to, row, std::size_t(dw));
            continue;
        }
        // One pass per row with the channel count fixed, so the compiler unrolls it.
        std::uint8_t* r = to;
        std::uint8_t* g = to + plane;
        std::uint8_t* b = to + 2 * plane;
        for (int x = 0; x < dw; ++x, row += 3) {
            r[x] = row[0];
            g[x] = row[1];
            b[x] = row[2];
        }
    }
}

}  // namespace flightdeck::data::codec
