#include "PngDecoder.h"

#include <libdeflate.h>

#include <cstdlib>
#include <cstring>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace flightdeck::data::codec {

namespace {

constexpr unsigned char kSignature[8] = {137, 'P', 'N', 'G', '\r', '\n', 26, '\n'};
// Every unfiltered row is read and written 4 bytes at a time by the SIMD Paeth, which may touch
// one byte past a 3-byte pixel; the buffers it reads carry this much slack.
constexpr std::size_t kSlack = 4;

std::uint32_t be32(const unsigned char* p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8)
           | std::uint32_t(p[3]);
}

constexpr std::uint32_t chunkType(char a, char b, char c, char d)
{
    return (std::uint32_t(std::uint8_t(a)) << 24) | (std::uint32_t(std::uint8_t(b)) << 16)
           | (std::uint32_t(std::uint8_t(c)) << 8) | std::uint32_t(std::uint8_t(d));
}

struct DecompressorDeleter {
    void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

// One per thread: the importer decodes on every core, and a decompressor is not shareable.
libdeflate_decompressor* decompressor()
{
    thread_local std::unique_ptr<libdeflate_decompressor, DecompressorDeleter> d(
        libdeflate_alloc_decompressor());
    return d.get();
}

int paeth(int a, int b, int c)
{
    const int pa = std::abs(b - c), pb = std::abs(a - c), pc = std::abs(a + b - 2 * c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

#if defined(__SSE2__)
__m128i load4(const std::uint8_t* p)
{
    std::int32_t v;
    std::memcpy(&v, p, 4);
    return _mm_unpacklo_epi8(_mm_cvtsi32_si128(v), _mm_setzero_si128());
}

__m128i abs16(__m128i x) { return _mm_max_epi16(x, _mm_sub_epi16(_mm_setzero_si128(), x)); }

// Paeth for 3 or 4 bytes a pixel, one pixel a step in 16-bit lanes (the idea of libpng's SSE2
// filters): a pixel depends on the one before it, so the bytes of one pixel are what can go
// side by side. Ties go a, then b, then c, as the PNG specification orders them.
template <int Bpp>
void paethRow(std::uint8_t* out, const std::uint8_t* cur, const std::uint8_t* prev,
              std::size_t stride)
{
    __m128i a = _mm_setzero_si128(), c = _mm_setzero_si128();
    for (std::size_t x = 0; x < stride; x += Bpp) {
        const __m128i b = load4(prev + x);
        const __m128i d = load4(cur + x);
        __m128i pa = _mm_sub_epi16(b, c), pb = _mm_sub_epi16(a, c);
        const __m128i pc = abs16(_mm_add_epi16(pa, pb));
        pa = abs16(pa);
        pb = abs16(pb);
        const __m128i least = _mm_min_epi16(pc, _mm_min_epi16(pa, pb));
        const __m128i isB = _mm_cmpeq_epi16(least, pb), isA = _mm_cmpeq_epi16(least, pa);
        __m128i pred = _mm_or_si128(_mm_and_si128(isB, b), _mm_andnot_si128(isB, c));
        pred = _mm_or_si128(_mm_and_si128(isA, a), _mm_andnot_si128(isA, pred));
        a = _mm_and_si128(_mm_add_epi16(pred, d), _mm_set1_epi16(0xff));
        const std::int32_t v = _mm_cvtsi128_si32(_mm_packus_epi16(a, a));
        // 4 bytes except at the row's end: the extra byte is the next pixel's, written next.
        std::memcpy(out + x, &v, x + 4 <= stride ? 4 : Bpp);
        c = b;
    }
}
#endif

// Undoes the per-row filters of `height` rows of `stride` bytes (`bpp` bytes a pixel) from
// `raw` (a filter byte before each row) into `out`. False on a filter type above 4.
bool unfilter(const std::uint8_t* raw, std::size_t stride, std::uint32_t height, int bpp,
              std::uint8_t* out)
{
    thread_local std::vector<std::uint8_t> zeros;
    if (zeros.size() < stride + kSlack)
        zeros.assign(stride + kSlack, 0);
    const std::uint8_t* prev = zeros.data();   // the row above the first is all zeros
    const std::size_t n = std::size_t(bpp);
    for (std::uint32_t y = 0; y < height; ++y) {
        const std::uint8_t filter = raw[0];
        const std::uint8_t* __restrict cur = raw + 1;
        std::uint8_t* __restrict o = out;
        switch (filter) {
        case 0:
            std::memcpy(o, cur, stride);
            break;
        case 1:
            std::memcpy(o, cur, n);
            for (std::size_t x = n; x < stride; ++x)
                o[x] = std::uint8_t(cur[x] + o[x - n]);
            break;
        case 2:
            for (std::size_t x = 0; x < stride; ++x)
                o[x] = std::uint8_t(cur[x] + prev[x]);
            break;
        case 3:
            for (std::size_t x = 0; x < n; ++x)
                o[x] = std::uint8_t(cur[x] + (prev[x] >> 1));
            for (std::size_t x = n; x < stride; ++x)
                o[x] = std::uint8_t(cur[x] + ((o[x - n] + prev[x]) >> 1));
            break;
        case 4:
#if defined(__SSE2__)
            if (bpp == 3) {
                paethRow<3>(o, cur, prev, stride);
                break;
            }
            if (bpp == 4) {
                paethRow<4>(o, cur, prev, stride);
                break;
            }
#endif
            for (std::size_t x = 0; x < n; ++x)
                o[x] = std::uint8_t(cur[x] + prev[x]);
            for (std::size_t x = n; x < stride; ++x)
                o[x] = std::uint8_t(cur[x] + paeth(o[x - n], prev[x], prev[x - n]));
            break;
        default:
            return false;
        }
        prev = out;
        raw += stride + 1;
        out += stride;
    }
    return true;
}

std::uint8_t luma(const std::uint8_t* p)   // stb_image's stbi__compute_y
{
    return std::uint8_t((p[0] * 77 + p[1] * 150 + p[2] * 29) >> 8);
}

// `from` channels (1-4) to `to` (1 or 3), as stbi__convert_format does it.
void convert(const std::uint8_t* src, int from, std::size_t pixels, int to, std::uint8_t* dst)
{
    for (std::size_t i = 0; i < pixels; ++i, src += from) {
        if (to == 1) {
            *dst++ = from >= 3 ? luma(src) : src[0];
        } else if (from >= 3) {
            std::memcpy(dst, src, 3);
            dst += 3;
        } else {
            dst[0] = dst[1] = dst[2] = src[0];
            dst += 3;
        }
    }
}

}  // namespace

bool decodePngFast(const std::string& bytes, int channels, std::vector<std::uint8_t>* pixels,
                   int* width, int* height)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t size = bytes.size();
    // The signature, then IHDR as the first chunk (8 + 4 + 4 + 13 + 4 bytes).
    if (size < 33 || std::memcmp(p, kSignature, 8) != 0 || be32(p + 8) != 13
        || be32(p + 12) != chunkType('I', 'H', 'D', 'R'))
        return false;
    const std::uint32_t w = be32(p + 16), h = be32(p + 20);
    const int depth = p[24], color = p[25];
    if (depth != 8 || (color != 0 && color != 2 && color != 4 && color != 6) || p[26] != 0
        || p[27] != 0 || p[28] != 0)
        return false;
    const int n = (color & 2 ? 3 : 1) + (color & 4 ? 1 : 0);
    // stb's limits (STBI_MAX_DIMENSIONS and its 1 GiB decode cap): beyond them stb refuses.
    if (w == 0 || h == 0 || w > (1u << 24) || h > (1u << 24) || (1u << 30) / w / n < h)
        return false;

    // The IDAT data in file order, up to IEND; any chunk stb reads or refuses sends the file to
    // stb (PLTE, tRNS, a second IHDR, CgBI, unknown critical chunks).
    thread_local std::vector<std::uint8_t> joined;
    const unsigned char* idat = nullptr;
    std::size_t idatBytes = 0, idatChunks = 0, pos = 33;
    bool ended = false;
    while (!ended) {
        if (size - pos < 12)
            return false;
        const std::uint32_t length = be32(p + pos), type = be32(p + pos + 4);
        if (length > size - pos - 12)
            return false;
        const unsigned char* data = p + pos + 8;
        if (type == chunkType('I', 'D', 'A', 'T')) {
            if (++idatChunks == 2)
                joined.assign(idat, idat + idatBytes);
            if (idatChunks >= 2)
                joined.insert(joined.end(), data, data + length);
            else
                idat = data;
            idatBytes += length;
        } else if (type == chunkType('I', 'E', 'N', 'D')) {
            ended = true;
        } else if ((type & (1u << 29)) == 0 || type == chunkType('t', 'R', 'N', 'S')) {
            return false;   // critical (upper-case first letter), or a tRNS stb checks
        }
        pos += std::size_t(length) + 12;
    }
    if (idatChunks == 0)
        return false;
    if (idatChunks >= 2)
        idat = joined.data();

    const std::size_t stride = std::size_t(w) * n;
    const std::size_t expected = (stride + 1) * h;
    thread_local std::vector<std::uint8_t> raw;
    raw.resize(expected + kSlack);
    std::size_t produced = 0;
    // A longer stream (stb allows trailing data) does not fit and goes to stb as well.
    if (libdeflate_zlib_decompress(decompressor(), idat, idatBytes, raw.data(), expected,
                                   &produced)
            != LIBDEFLATE_SUCCESS
        || produced != expected)
        return false;

    const std::size_t count = std::size_t(w) * h;
    if (n == channels) {
        pixels->resize(count * n);
        if (!unfilter(raw.data(), stride, h, n, pixels->data()))
            return false;
    } else {
        thread_local std::vector<std::uint8_t> stored;
        stored.resize(count * n + kSlack);
        if (!unfilter(raw.data(), stride, h, n, stored.data()))
            return false;
        pixels->resize(count * channels);
        convert(stored.data(), n, count, channels, pixels->data());
    }
    *width = static_cast<int>(w);
    *height = static_cast<int>(h);
    return true;
}

}  // namespace flightdeck::data::codec
