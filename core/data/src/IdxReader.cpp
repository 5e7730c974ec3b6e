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

namespace {

struct RawIdx {
    std::uint32_t height = 0, width = 0;
    std::vector<std::uint8_t> pixels;
    std::vector<std::int32_t> labels;
    int maxLabel = 0;
};

RawIdx readRaw(const fs::path& images, const fs::path& labels, std::size_t limit)
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
    // Zero images would leave nothing to check the header's pixel count against, and naming
    // 67M columns of an empty table took 14 s and 2 GB (a fuzzer find).
    if (imageDims[0] == 0)
        imageFile.fail(ErrorCode::BadValue, "expected at least one image, the header says 0");
    const std::size_t count = limit > 0 ? std::min<std::size_t>(limit, imageDims[0]) : imageDims[0];
    RawIdx raw;
    raw.height = imageDims[1];
    raw.width = imageDims[2];

    // Both files are read in blocks so that a header claiming more items than the file holds
    // fails on the missing bytes instead of on one enormous allocation.
    constexpr std::size_t kBlockBytes = std::size_t(1) << 20;
    const std::size_t kBlock = std::max<std::size_t>(1, kBlockBytes / pixels);   // images per read
    std::vector<unsigned char> block(std::max(kBlock * pixels, kBlockBytes));
    for (std::size_t first = 0; first < count; first += block.size()) {
        const std::size_t n = std::min(block.size(), count - first);
        labelFile.read(block.data(), n, "labels");
        for (std::size_t i = 0; i < n; ++i) {
            raw.labels.push_back(block[i]);
            raw.maxLabel = std::max<int>(raw.maxLabel, block[i]);
        }
    }
    for (std::size_t first = 0; first < count; first += kBlock) {
        const std::size_t n = std::min(kBlock, count - first);
        const std::size_t offset = raw.pixels.size();
        raw.pixels.resize(offset + n * pixels);   // grows geometrically, unlike reserve()
        imageFile.read(raw.pixels.data() + offset, n * pixels, "pixels");
    }
    return raw;
}

// 0..9 always (a small limit may miss a class, and the model's output width must not depend
// on that); wider label sets such as EMNIST letters extend the list.
std::vector<std::string> digitClasses(int maxLabel)
{
    std::vector<std::string> classes;
    for (int c = 0; c < std::max(10, maxLabel + 1); ++c)
        classes.push_back(std::to_string(c));
    return classes;
}

// "train-images-idx3-ubyte.gz" -> "train"; empty when the name is not an IDX images file.
std::string pairPrefix(const std::string& name, const char* kind)
{
    const std::string marker = std::string("-") + kind + "-idx";
    const auto at = name.find(marker);
    return at == std::string::npos || at == 0 ? std::string() : name.substr(0, at);
}

fs::path findSibling(const fs::path& dir, const std::string& prefix, const char* kind,
                     const char* dims)
{
    for (const char* ext : {"", ".gz"}) {
        const fs::path p = dir / (prefix + "-" + kind + "-" + dims + "-ubyte" + ext);
        std::error_code ec;
        if (fs::exists(p, ec))
            return p;
    }
    return {};
}

}  // namespace

Table readIdxPair(const fs::path& images, const fs::path& labels, std::size_t limit)
{
    RawIdx raw = readRaw(images, labels, limit);
    Table table;
    table.labelName = "label";
    table.labels = std::move(raw.labels);
    table.classes = digitClasses(raw.maxLabel);
    std::array<float, 256> scale{};
    for (int v = 0; v < 256; ++v)
        scale[static_cast<std::size_t>(v)] = static_cast<float>(v) / 255.0f;
    table.features.resize(raw.pixels.size());
    for (std::size_t i = 0; i < raw.pixels.size(); ++i)
        table.features[i] = scale[raw.pixels[i]];
    // Named only once the pixels are known to exist: a header claiming 11M-pixel images once
    // spent minutes naming columns of a file that held 12 bytes.
    const std::size_t pixels = std::size_t(raw.height) * raw.width;
    table.featureNames.reserve(pixels);
    for (std::size_t i = 0; i < pixels; ++i)
        table.featureNames.push_back("px" + std::to_string(i));
    return table;
}

std::vector<IdxPair> findIdxPairs(const fs::path& path)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw Error(ErrorInfo{ErrorCode::FileNotFound, path.string(), 0, {},
                              "expected an IDX file or a folder of them, found nothing"});
    std::vector<IdxPair> pairs;
    auto addFrom = [&](const fs::path& file) {
        const std::string name = file.filename().string();
        std::string prefix = pairPrefix(name, "images");
        if (!prefix.empty()) {
            const fs::path labels = findSibling(file.parent_path(), prefix, "labels", "idx1");
            if (labels.empty())
                throw Error(ErrorInfo{ErrorCode::FileNotFound, file.string(), 0, {},
                                      "found the images but not their labels file ("
                                          + prefix + "-labels-idx1-ubyte[.gz]) beside it"});
            pairs.push_back({prefix, file, labels});
        } else if (!(prefix = pairPrefix(name, "labels")).empty()) {
            const fs::path images = findSibling(file.parent_path(), prefix, "images", "idx3");
            if (images.empty())
                throw Error(ErrorInfo{ErrorCode::FileNotFound, file.string(), 0, {},
                                      "found the labels but not their images file ("
                                          + prefix + "-images-idx3-ubyte[.gz]) beside it"});
            pairs.push_back({prefix, images, file});
        }
    };
    if (fs::is_directory(path, ec)) {
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(path, ec))
            if (pairPrefix(e.path().filename().string(), "images").size())
                files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files)
            addFrom(f);
        if (pairs.empty())
            throw Error(ErrorInfo{ErrorCode::FileNotFound, path.string(), 0, {},
                                  "expected MNIST-style pairs (<name>-images-idx3-ubyte[.gz] "
                                  "with <name>-labels-idx1-ubyte[.gz]), found none"});
    } else {
        addFrom(path);
        if (pairs.empty())
            throw Error(ErrorInfo{ErrorCode::BadValue, path.string(), 0, {},
                                  "expected a file named <name>-images-idx3-ubyte[.gz] or "
                                  "<name>-labels-idx1-ubyte[.gz]"});
    }
    // The training pair first, then the test pair: the order of the images in the version.
    auto rank = [](const IdxPair& p) { return idxPartOf(p.prefix) == SamplePart::Train ? 0 : 1; };
    std::stable_sort(pairs.begin(), pairs.end(),
                     [&](const IdxPair& a, const IdxPair& b) { return rank(a) < rank(b); });
    return pairs;
}

SamplePart idxPartOf(const std::string& prefix)
{
    if (prefix == "train") return SamplePart::Train;
    if (prefix == "t10k" || prefix == "test") return SamplePart::Test;
    return SamplePart::None;
}

ImageSet readIdxImages(const std::vector<IdxPair>& pairs, std::size_t limit)
{
    ImageSet set;
    int maxLabel = 0;
    for (const auto& pair : pairs) {
        RawIdx raw = readRaw(pair.images, pair.labels, limit);
        if (set.size() > 0 && (raw.height != set.height || raw.width != set.width))
            throw Error(ErrorInfo{ErrorCode::BadValue, pair.images.string(), 0, {},
                                  "expected " + std::to_string(set.width) + "x"
                                      + std::to_string(set.height) + " images like the other "
                                      "files, found " + std::to_string(raw.width) + "x"
                                      + std::to_string(raw.height)});
        set.channels = 1;
        set.height = raw.height;
        set.width = raw.width;
        const SamplePart part = idxPartOf(pair.prefix);
        for (std::size_t i = 0; i < raw.labels.size(); ++i) {
            set.names.push_back(pair.prefix + "/" + std::to_string(i));
            set.parts.push_back(part);
        }
        set.labels.insert(set.labels.end(), raw.labels.begin(), raw.labels.end());
        set.pixels.insert(set.pixels.end(), raw.pixels.begin(), raw.pixels.end());
        maxLabel = std::max(maxLabel, raw.maxLabel);
    }
    set.classes = digitClasses(maxLabel);
    if (!set.hasFixedParts())
        set.parts.clear();
    return set;
}

}  // namespace flightdeck::data
