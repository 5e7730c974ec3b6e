#pragma once
// Real image files for the image tests, written with stb_image_write (PNG, JPEG, BMP) and
// IDX files written byte by byte, plain or gzip.
#include <stb/stb_image_write.h>
#include <zlib.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace flightdeck::testing {

// w x h, `channels` interleaved, each pixel = seed + x + 3 * y (mod 256) in every channel.
inline std::vector<std::uint8_t> pattern(int w, int h, int channels, int seed)
{
    std::vector<std::uint8_t> px(std::size_t(w) * h * channels);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < channels; ++c)
                px[(std::size_t(y) * w + x) * channels + c] =
                    static_cast<std::uint8_t>(seed + x + 3 * y + 50 * c);
    return px;
}

inline void writePng(const std::filesystem::path& p, int w, int h, int channels, int seed)
{
    std::filesystem::create_directories(p.parent_path());
    const auto px = pattern(w, h, channels, seed);
    stbi_write_png(p.c_str(), w, h, channels, px.data(), w * channels);
}

inline void writeJpg(const std::filesystem::path& p, int w, int h, int seed)
{
    std::filesystem::create_directories(p.parent_path());
    const auto px = pattern(w, h, 3, seed);
    stbi_write_jpg(p.c_str(), w, h, 3, px.data(), 95);
}

inline void writeBmp(const std::filesystem::path& p, int w, int h, int seed)
{
    std::filesystem::create_directories(p.parent_path());
    const auto px = pattern(w, h, 3, seed);
    stbi_write_bmp(p.c_str(), w, h, 3, px.data());
}

inline void writeBytes(const std::filesystem::path& p, const std::string& bytes)
{
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
}

inline std::string readBytes(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

inline std::string be32(std::uint32_t v)
{
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
            static_cast<char>(v)};
}

// <prefix>-images-idx3-ubyte[.gz] and <prefix>-labels-idx1-ubyte[.gz] with n images of h x w:
// image i has every pixel = i, label i % 10.
inline void writeIdxPair(const std::filesystem::path& dir, const std::string& prefix, int n,
                         int h, int w, bool gz)
{
    std::string images = std::string("\0\0\x08\x03", 4) + be32(n) + be32(h) + be32(w);
    std::string labels = std::string("\0\0\x08\x01", 4) + be32(n);
    for (int i = 0; i < n; ++i) {
        images.append(std::size_t(h) * w, static_cast<char>(i));
        labels.push_back(static_cast<char>(i % 10));
    }
    std::filesystem::create_directories(dir);
    const std::string ext = gz ? ".gz" : "";
    const auto write = [&](const std::string& name, const std::string& bytes) {
        const auto p = dir / (name + ext);
        if (!gz)
            return writeBytes(p, bytes);
        gzFile f = gzopen(p.c_str(), "wb");
        gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size()));
        gzclose(f);
    };
    write(prefix + "-images-idx3-ubyte", images);
    write(prefix + "-labels-idx1-ubyte", labels);
}

}  // namespace flightdeck::testing
