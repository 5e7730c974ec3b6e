// The image codec's PNG paths: the fast decoder (libdeflate + SSE2 unfiltering) for 8-bit gray,
// gray+alpha, RGB and RGBA, and stb_image for everything else. PNGs are written here byte by
// byte (every filter type, several IDAT chunks, palettes, 16-bit, 1/4-bit, Adam7, damage), and
// each decode is checked twice: against the pixels the file was made from, converted the way
// stb_image converts (gray replicated, alpha dropped, RGB to gray as (77 R + 150 G + 29 B) >> 8,
// 16-bit to its high byte), and against stb_image's own output for the same bytes.
#include "ImageCodec.h"
#include "PngDecoder.h"

#include <stb/stb_image.h>
#include <zlib.h>

#include <QtTest/QtTest>

#include <cstdint>
#include <string>
#include <vector>

using namespace flightdeck::data;

namespace {

std::string be32(std::uint32_t v)
{
    return {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
}

std::string chunk(const std::string& type, const std::string& data)
{
    const std::string body = type + data;
    const auto crc = crc32(0, reinterpret_cast<const Bytef*>(body.data()), uInt(body.size()));
    return be32(std::uint32_t(data.size())) + body + be32(std::uint32_t(crc));
}

int paethPredict(int a, int b, int c)
{
    const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// One row filtered with `type`; `bpp` bytes a pixel (at least 1), `prev` the unfiltered row
// above (zeros for the first).
std::string filterRow(const std::uint8_t* row, const std::uint8_t* prev, std::size_t n, int bpp,
                      int type)
{
    std::string out(1, char(type));
    for (std::size_t x = 0; x < n; ++x) {
        const int a = x >= std::size_t(bpp) ? row[x - bpp] : 0, b = prev[x];
        const int c = x >= std::size_t(bpp) ? prev[x - bpp] : 0;
        const int pred = type == 1 ? a : type == 2 ? b : type == 3 ? (a + b) / 2
                         : type == 4 ? paethPredict(a, b, c) : 0;
        out.push_back(char(row[x] - pred));
    }
    return out;
}

struct PngSpec {
    int width = 0, height = 0, color = 2, depth = 8;
    bool interlaced = false;
    std::vector<std::uint8_t> samples;   // rows of packed samples as stored (no filter bytes)
    std::string extraBeforeIdat;         // whole chunks (PLTE, tRNS, ...)
    int idatParts = 1;                   // the zlib stream cut into this many IDAT chunks
    std::string afterData;               // appended to the filtered rows before compressing
};

int channelsOf(int color) { return color == 0 || color == 3 ? 1 : color == 4 ? 2 : color == 2 ? 3 : 4; }

std::size_t rowBytes(int width, int color, int depth)
{
    return (std::size_t(width) * channelsOf(color) * depth + 7) / 8;
}

// The PNG around already filtered rows `raw`: IHDR from `s`, its extra chunks, the zlib stream
// in s.idatParts IDAT chunks with an ancillary chunk after each, IEND.
std::string assemble(const PngSpec& s, const std::string& raw)
{
    uLongf zsize = compressBound(uLong(raw.size()));
    std::string z(zsize, '\0');
    compress2(reinterpret_cast<Bytef*>(z.data()), &zsize,
              reinterpret_cast<const Bytef*>(raw.data()), uLong(raw.size()), 6);
    z.resize(zsize);
    std::string png("\x89PNG\r\n\x1a\n", 8);
    png += chunk("IHDR", be32(s.width) + be32(s.height) + char(s.depth) + char(s.color)
                             + std::string(2, '\0') + char(s.interlaced ? 1 : 0));
    png += s.extraBeforeIdat;
    const std::size_t part = z.size() / s.idatParts + 1;
    for (std::size_t at = 0; at < z.size(); at += part) {
        png += chunk("IDAT", z.substr(at, part));
        png += chunk("tEXt", std::string("note\0between", 12));   // ancillary: skipped
    }
    return png + chunk("IEND", "");
}

// Writes the PNG; rows use filter types 0..4 in turn (row y gets y % 5).
std::string writePng(const PngSpec& s)
{
    const int bpp = std::max(1, channelsOf(s.color) * s.depth / 8);
    const std::size_t stride = rowBytes(s.width, s.color, s.depth);
    std::string raw;
    if (!s.interlaced) {
        std::vector<std::uint8_t> zeros(stride, 0);
        for (int y = 0; y < s.height; ++y)
            raw += filterRow(&s.samples[y * stride], y ? &s.samples[(y - 1) * stride] : zeros.data(),
                             stride, bpp, y % 5);
    } else {   // Adam7 (8-bit only here), each pass's rows unfiltered
        const int xs[] = {0, 4, 0, 2, 0, 1, 0}, ys[] = {0, 0, 4, 0, 2, 0, 1};
        const int dx[] = {8, 8, 4, 4, 2, 2, 1}, dy[] = {8, 8, 8, 4, 4, 2, 2};
        for (int p = 0; p < 7; ++p)
            for (int y = ys[p]; y < s.height && xs[p] < s.width; y += dy[p]) {
                raw.push_back(0);
                for (int x = xs[p]; x < s.width; x += dx[p])
                    raw.append(reinterpret_cast<const char*>(&s.samples[y * stride + x * bpp]), bpp);
            }
    }
    raw += s.afterData;
    return assemble(s, raw);
}

std::vector<std::uint8_t> noise(std::size_t n, std::uint32_t seed)
{
    std::vector<std::uint8_t> v(n);
    for (auto& b : v) {
        seed = seed * 1664525u + 1013904223u;
        b = std::uint8_t(seed >> 24);
    }
    return v;
}

std::vector<std::uint8_t> stbDecode(const std::string& png, int channels, bool* ok)
{
    int w = 0, h = 0, n = 0;
    stbi_uc* p = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(png.data()),
                                       int(png.size()), &w, &h, &n, channels);
    *ok = p != nullptr;
    std::vector<std::uint8_t> out;
    if (p)
        out.assign(p, p + std::size_t(w) * h * channels);
    stbi_image_free(p);
    return out;
}

// RGB(A)/gray(+alpha) 8-bit pixels to `to` channels as stb_image converts them.
std::vector<std::uint8_t> expected(const std::vector<std::uint8_t>& px, int from, int to)
{
    std::vector<std::uint8_t> out;
    for (std::size_t i = 0; i < px.size(); i += from) {
        const std::uint8_t* p = &px[i];
        if (to == 1)
            out.push_back(from >= 3 ? std::uint8_t((p[0] * 77 + p[1] * 150 + p[2] * 29) >> 8) : p[0]);
        else
            for (int c = 0; c < 3; ++c)
                out.push_back(from >= 3 ? p[c] : p[0]);
    }
    return out;
}

// Decodes `png` through the codec at 1 and 3 channels; checks the fast path took it or not,
// and the pixels against `want1`/`want3` (8-bit, as stored) and against stb.
void checkDecode(const std::string& png, bool fast, const std::vector<std::uint8_t>& want1,
                 const std::vector<std::uint8_t>& want3)
{
    for (int channels : {1, 3}) {
        std::vector<std::uint8_t> quick;
        int qw = 0, qh = 0;
        QCOMPARE(codec::decodePngFast(png, channels, &quick, &qw, &qh), fast);
        std::vector<std::uint8_t> px;
        int w = 0, h = 0;
        std::string why;
        QVERIFY2(codec::decode(png, channels, &px, &w, &h, &why), why.c_str());
        bool stbOk = false;
        QCOMPARE(px, stbDecode(png, channels, &stbOk));
        QVERIFY(stbOk);
        QCOMPARE(px, channels == 1 ? want1 : want3);
        if (fast)
            QCOMPARE(quick, px);
    }
}

}  // namespace

class TestPngDecode : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void eightBitTakesTheFastPath_data();
    void eightBitTakesTheFastPath();
    void otherFormatsGoToStb();
    void damageIsStbsVerdict();
};

void TestPngDecode::eightBitTakesTheFastPath_data()
{
    QTest::addColumn<int>("color");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("idatParts");
    for (int color : {0, 2, 4, 6})
        for (int width : {1, 2, 5, 17, 64}) {
            const std::string name = "color " + std::to_string(color) + " width "
                                     + std::to_string(width);
            QTest::newRow(name.c_str()) << color << width << (width == 17 ? 3 : 1);
        }
}

void TestPngDecode::eightBitTakesTheFastPath()
{
    QFETCH(int, color);
    QFETCH(int, width);
    QFETCH(int, idatParts);
    PngSpec s;
    s.width = width;
    s.height = 11;   // every filter type twice, on the first row too
    s.color = color;
    s.idatParts = idatParts;
    const int n = channelsOf(color);
    s.samples = noise(std::size_t(width) * s.height * n, 7u + color + width);
    checkDecode(writePng(s), true, expected(s.samples, n, 1), expected(s.samples, n, 3));
}

void TestPngDecode::otherFormatsGoToStb()
{
    const int w = 9, h = 7;
    const auto rgb = noise(std::size_t(w) * h * 3, 99);
    {   // 16-bit RGB: stb keeps the high byte, and makes gray in 16 bits first
        PngSpec s{w, h, 2, 16};
        std::vector<std::uint8_t> gray;
        for (std::size_t i = 0; i < rgb.size(); ++i) {
            s.samples.push_back(rgb[i]);
            s.samples.push_back(std::uint8_t(rgb[i] ^ 0x5a));
        }
        for (std::size_t i = 0; i < rgb.size(); i += 3) {
            int y = 0;
            for (int c = 0; c < 3; ++c)
                y += (rgb[i + c] * 256 + (rgb[i + c] ^ 0x5a)) * (c == 0 ? 77 : c == 1 ? 150 : 29);
            gray.push_back(std::uint8_t((y >> 8) >> 8));
        }
        checkDecode(writePng(s), false, gray, rgb);
    }
    {   // Adam7-interlaced RGB
        PngSpec s{w, h, 2, 8, true};
        s.samples = rgb;
        checkDecode(writePng(s), false, expected(rgb, 3, 1), rgb);
    }
    {   // RGB with a tRNS colour key: alpha added, then dropped
        PngSpec s{w, h, 2, 8};
        s.samples = rgb;
        s.extraBeforeIdat = chunk("tRNS", std::string("\0\1\0\2\0\3", 6));
        checkDecode(writePng(s), false, expected(rgb, 3, 1), rgb);
    }
    {   // paletted, 4 entries, with alpha for two of them
        PngSpec s{w, h, 3, 8};
        const std::uint8_t pal[4][3] = {{10, 20, 30}, {200, 0, 50}, {0, 255, 0}, {90, 90, 90}};
        std::vector<std::uint8_t> want;
        s.samples = noise(std::size_t(w) * h, 5);
        for (auto& i : s.samples) {
            i %= 4;
            want.insert(want.end(), pal[i], pal[i] + 3);
        }
        s.extraBeforeIdat = chunk("PLTE", std::string(reinterpret_cast<const char*>(pal), 12))
                            + chunk("tRNS", "\x80\xff");
        checkDecode(writePng(s), false, expected(want, 3, 1), want);
    }
    for (int depth : {1, 4}) {   // low bit-depth gray: stb scales to 0..255
        PngSpec s{w, h, 0, depth};
        const int levels = 1 << depth;
        std::vector<std::uint8_t> values = noise(std::size_t(w) * h, 3u + depth), want;
        s.samples.assign(rowBytes(w, 0, depth) * h, 0);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const int v = values[y * w + x] % levels, bit = x * depth;
                s.samples[y * rowBytes(w, 0, depth) + bit / 8] |= std::uint8_t(v << (8 - depth - bit % 8));
                want.push_back(std::uint8_t(v * 255 / (levels - 1)));
            }
        checkDecode(writePng(s), false, want, expected(want, 1, 3));
    }
}

void TestPngDecode::damageIsStbsVerdict()
{
    PngSpec s{16, 8, 2, 8};
    s.samples = noise(16 * 8 * 3, 11);
    const std::string good = writePng(s);
    // Extra rows after the image: stb accepts trailing data, so the file decodes (through stb).
    PngSpec longer = s;
    longer.afterData = std::string(49, '\0');
    checkDecode(writePng(longer), false, expected(s.samples, 3, 1), s.samples);

    // A wrong Adler-32: libdeflate refuses it, stb never checks it, and stb's answer stands.
    std::string adler = good;
    const std::size_t idat = adler.find("IDAT");
    const std::uint32_t length = (std::uint8_t(adler[idat - 4]) << 24) | (std::uint8_t(adler[idat - 3]) << 16)
                                 | (std::uint8_t(adler[idat - 2]) << 8) | std::uint8_t(adler[idat - 1]);
    adler[idat + 4 + length - 1] ^= 1;
    checkDecode(adler, false, expected(s.samples, 3, 1), s.samples);

    std::vector<std::string> bad;
    bad.push_back(good.substr(0, good.size() / 2));            // truncated
    bad.push_back(good.substr(0, good.size() - 12));           // no IEND
    PngSpec one{16, 1, 2, 8};
    bad.push_back(assemble(one, std::string(1, '\7') + std::string(16 * 3, '\1')));   // filter 7
    bad.push_back(std::string("\x89PNG\r\n\x1a\n", 8) + "not a chunk");
    for (std::size_t i = 0; i < bad.size(); ++i) {
        const std::string& png = bad[i];
        std::vector<std::uint8_t> px;
        int w = 0, h = 0;
        std::string why;
        QVERIFY(!codec::decodePngFast(png, 3, &px, &w, &h));
        bool stbOk = true;
        stbDecode(png, 3, &stbOk);
        QCOMPARE(codec::decode(png, 3, &px, &w, &h, &why), stbOk);
        QVERIFY(!stbOk);
        // In words, with stb's few letters ("IDA") only as the decoder's own say.
        QVERIFY2(why.find("cannot decode the image: the file is ") == 0, why.c_str());
        QVERIFY2((why.find("truncated") != std::string::npos) == (i != 2), why.c_str());
        QVERIFY2(why.find("; the decoder said \"") != std::string::npos, why.c_str());
    }
}

QTEST_GUILESS_MAIN(TestPngDecode)
#include "test_png_decode.moc"
