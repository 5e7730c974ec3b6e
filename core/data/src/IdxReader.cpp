#include "flightdeck/data/IdxReader.h"

#include "flightdeck/common/Error.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <memory>

namespace fs = std::filesystem;

namespace flightdeck::data {

namespace {

// gzread passes plain files through unchanged, so one reader serves .gz and uncompressed IDX.
class GzFile {
public:
    explicit GzFile(const fs::path& path) : path_(path.string())
    {
        std::error_code ec;
        if (!fs::exists(path, ec))
            fail(ErrorCode::FileNotFound, "expected an IDX file at this path, found nothing");
        file_ = gzopen(path_.c_str(), "rb");
        if (!file_)
            fail(ErrorCode::FileUnreadable, "cannot open the file for reading");
        gzbuffer(file_, 1 << 17);
    }
    ~GzFile() { gzclose(file_); }
    GzFile(const GzFile&) = delete;
    GzFile& operator=(const GzFile&) = delete;

    // Reads exactly `size` bytes or throws, naming what was being read.
    void read(unsigned char* out, std::size_t size, const std::string& what)
    {
        std::size_t done = 0;
        while (done < size) {
            const auto chunk = static_cast<unsigned>(std::min<std::size_t>(size - done, 1u << 30));
            const int n = gzread(file_, out + done, chunk);
            if (n < 0) {
                int code = 0;
                fail(ErrorCode::BadValue, std::string("while reading ") + what + ": "
                                              + gzerror(file_, &code));
            }
            if (n == 0)
                fail(ErrorCode::BadValue, "expected " + std::to_string(size) + " bytes of " + what
                                              + ", the file ends after " + std::to_string(done));
            done += static_cast<std::size_t>(n);
        }
    }

    std::uint32_t bigEndian32(const std::string& what)
    {
        unsigned char b[4];
        read(b, 4, what);
        return (std::uint32_t(b[0]) << 24) | (std::uint32_t(b[1]) << 16)
               | (std::uint32_t(b[2]) << 8) | std::uint32_t(b[3]);
    }

    [[noreturn]] void fail(ErrorCode code, std::string detail) const
    {
        throw Error(ErrorInfo{code, path_, 0, {}, std::move(detail)});
    }

private:
    std::string path_;
    gzFile file_ = nullptr;
};

// Reads the IDX header: 0x00 0x00, type byte (0x08 = unsigned byte), dimension count, then
// one big-endian u32 per dimension.
std::vector<std::uint32_t> readHeader(GzFile& in, std::size_t expectedDims)
{
    unsigned char magic[4];
    in.read(magic, 4, "the IDX magic number");
    if (magic[0] != 0 || magic[1] != 0)
        in.fail(ErrorCode::BadValue, "expected an IDX file (first two bytes 0), found bytes "
                                         + std::to_string(magic[0]) + " "
                                         + std::to_string(magic[1]));
    if (magic[2] != 0x08)
        in.fail(ErrorCode::BadValue, "expected unsigned byte data (type 8), found type "
                                         + std::to_string(magic[2]));
    if (magic[3] != expectedDims)
        in.fail(ErrorCode::BadValue, "expected " + std::to_string(expectedDims)
                                         + " dimensions, found " + std::to_string(magic[3]));
    std::vector<std::uint32_t> dims(expectedDims);
    for (auto& d : dims)
        d = in.bigEndian32("the dimension sizes");
    return dims;
}

}  // namespace

Table readIdxPair(const fs::path& images, const fs::path& labels, std::size_t limit)
{
    GzFile imageFile(images);
    GzFile labelFile(labels);
    const auto imageDims = readHeader(imageFile, 3);
    const auto labelDims = readHeader(labelFile, 1);
    if (imageDims[0] != labelDims[0])
        imageFile.fail(ErrorCode::BadValue,
                       "expected as many images as labels, found " + std::to_string(imageDims[0])
                           + " images and " + std::to_string(labelDims[0]) + " labels in "
                           + labels.string());
    const std::size_t pixels = std::size_t(imageDims[1]) * imageDims[2];
    if (pixels == 0)
        imageFile.fail(ErrorCode::BadValue, "expected images of at least 1x1 pixels, found "
                                                + std::to_string(imageDims[1]) + "x"
                                                + std::to_string(imageDims[2]));
    // A header is not trusted with memory: one image is at most 8192 x 8192 (the fuzzer's
    // first find was a header asking for a 34 GB buffer).
    constexpr std::size_t kMaxPixels = std::size_t(1) << 26;
    if (pixels > kMaxPixels)
        imageFile.fail(ErrorCode::BadValue, "expected images of at most 8192x8192 pixels, found "
                                                + std::to_string(imageDims[1]) + "x"
                                                + std::to_string(imageDims[2]));
    const std::size_t count = limit > 0 ? std::min<std::size_t>(limit, imageDims[0]) : imageDims[0];

    Table table;
    table.labelName = "label";

    // Both files are read in blocks so that a header claiming more items than the file holds
    // fails on the missing bytes instead of on one enormous allocation.
    constexpr std::size_t kBlockBytes = std::size_t(1) << 20;
    const std::size_t kBlock = std::max<std::size_t>(1, kBlockBytes / pixels);   // images per read
    std::vector<unsigned char> block(std::max(kBlock * pixels, kBlockBytes));
    int maxLabel = 0;
    for (std::size_t first = 0; first < count; first += block.size()) {
        const std::size_t n = std::min(block.size(), count - first);
        labelFile.read(block.data(), n, "labels");
        for (std::size_t i = 0; i < n; ++i) {
            table.labels.push_back(block[i]);
            maxLabel = std::max<int>(maxLabel, block[i]);
        }
    }
    // 0..9 always (a small limit may miss a class, and the model's output width must not
    // depend on that); wider label sets such as EMNIST letters extend the list.
    for (int c = 0; c < std::max(10, maxLabel + 1); ++c)
        table.classes.push_back(std::to_string(c));

    std::array<float, 256> scale{};
    for (int v = 0; v < 256; ++v)
        scale[static_cast<std::size_t>(v)] = static_cast<float>(v) / 255.0f;
    for (std::size_t first = 0; first < count; first += kBlock) {
        const std::size_t n = std::min(kBlock, count - first);
        imageFile.read(block.data(), n * pixels, "pixels");
        const std::size_t offset = table.features.size();
        table.features.resize(offset + n * pixels);   // grows geometrically, unlike reserve()
        for (std::size_t i = 0; i < n * pixels; ++i)
            table.features[offset + i] = scale[block[i]];
    }
    // Named only once the pixels are known to exist: a header claiming 11M-pixel images once
    // spent minutes naming columns of a file that held 12 bytes.
    table.featureNames.reserve(pixels);
    for (std::size_t i = 0; i < pixels; ++i)
        table.featureNames.push_back("px" + std::to_string(i));
    return table;
}

}  // namespace flightdeck::data
