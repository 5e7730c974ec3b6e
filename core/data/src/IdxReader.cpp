#include "flightdeck/data/IdxReader.h"

#include "ImportMemory.h"

#include "flightdeck/common/Error.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <memory>
#include <new>

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

    // Reads up to `size` bytes; fewer only where the file ends.
    std::size_t readUpTo(unsigned char* out, std::size_t size, const std::string& what)
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
                break;
            done += static_cast<std::size_t>(n);
        }
        return done;
    }

    // Reads exactly `size` bytes (a header field) or throws, naming what was being read.
    void read(unsigned char* out, std::size_t size, const std::string& what)
    {
        const std::size_t done = readUpTo(out, size, what);
        if (done < size)
            fail(ErrorCode::BadValue, "expected " + std::to_string(size) + " bytes of " + what
                                          + ", the file ends after " + std::to_string(done));
    }

    // The bytes after what has been read: exact for a plain file (its size says), counted up to
    // `cap` for a gzip one, whose appended gigabytes are not inflated just to be measured.
    struct Rest {
        std::uint64_t bytes = 0;
        bool exact = true;
    };
    Rest rest(std::uint64_t cap)
    {
        std::error_code ec;
        const auto size = fs::file_size(path_, ec);
        if (gzdirect(file_) == 1 && !ec) {
            const auto at = static_cast<std::uint64_t>(std::max<z_off_t>(0, gztell(file_)));
            return {size > at ? size - at : 0, true};
        }
        Rest r;
        std::vector<unsigned char> scratch(1 << 16);
        while (r.bytes < cap) {
            const std::size_t n = readUpTo(scratch.data(), scratch.size(), "the bytes after the data");
            if (n == 0)
                return r;
            r.bytes += n;
        }
        r.exact = false;
        return r;
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
    std::vector<std::int32_t> labels;   // the files' label values, 0..255
    std::array<bool, 256> seen{};       // the label values present
};

std::string plural(std::uint64_t n, const char* one, const char* many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// What the bytes after the declared items would be: "960 more bytes (60 more images)".
std::string describeRest(const GzFile::Rest& rest, std::size_t itemBytes, const std::string& one,
                         const std::string& many)
{
    if (!rest.exact)
        return "more than " + plural(rest.bytes, "more byte", "more bytes");
    const std::uint64_t whole = rest.bytes / itemBytes, odd = rest.bytes % itemBytes;
    std::string items = whole == 0 ? "less than one " + one
                                   : std::to_string(whole) + " more " + (whole == 1 ? one : many);
    if (whole > 0 && odd > 0)
        items += " and " + plural(odd, "byte", "bytes");
    return plural(rest.bytes, "more byte", "more bytes") + " (" + items + ")";
}

// A count in the header smaller than the data would import the first images and drop the
// rest without a word (a probe's 10 of 60); which part is right cannot be known, so it is
// refused. Checked only when every declared item was read (`limit` reads fewer on purpose).
void refuseTrailingBytes(GzFile& file, std::uint32_t declared, std::size_t itemBytes,
                         const std::string& items, const char* one, const char* many)
{
    constexpr std::uint64_t kCountUpTo = std::uint64_t(64) << 20;
    const GzFile::Rest rest = file.rest(kCountUpTo);
    if (rest.bytes == 0)
        return;
    file.fail(ErrorCode::BadValue,
              "the header declares " + plural(declared, one, many) + items
                  + ", the file holds " + describeRest(rest, itemBytes, one, many)
                  + " after them; correct the header's count (importing the first "
                  + std::to_string(declared) + " alone would drop the rest)");
}

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
    const bool all = count == imageDims[0];
    const std::string shape =
        " of " + std::to_string(imageDims[1]) + "x" + std::to_string(imageDims[2]);
    RawIdx raw;
    raw.height = imageDims[1];
    raw.width = imageDims[2];

    // Both files are read in blocks so that a header claiming more items than the file holds
    // fails on the missing bytes instead of on one enormous allocation. A short file is told
    // in the header's totals, not in one block's. The blocks are sized to the declared count
    // and left uninitialised, and only the bytes read are kept: a 12-byte file whose header
    // claims 1,000 images no longer costs a zero-filled megabyte (it was 2/3 of the fuzzer's
    // time on this reader).
    constexpr std::size_t kBlockBytes = std::size_t(1) << 20;
    const std::size_t labelBlock = std::min(count, kBlockBytes);
    const std::size_t kBlock = std::min(count, std::max<std::size_t>(1, kBlockBytes / pixels));
    std::unique_ptr<unsigned char[]> block(new unsigned char[std::max(labelBlock, kBlock * pixels)]);
    raw.labels.reserve(labelBlock);
    for (std::size_t first = 0; first < count; first += labelBlock) {
        const std::size_t n = std::min(labelBlock, count - first);
        const std::size_t got = labelFile.readUpTo(block.get(), n, "labels");
        for (std::size_t i = 0; i < got; ++i) {
            raw.labels.push_back(block[i]);
            raw.seen[block[i]] = true;
        }
        if (got < n)
            labelFile.fail(ErrorCode::BadValue,
                           "the header declares " + plural(labelDims[0], "label", "labels")
                               + ", the file ends after " + std::to_string(first + got)
                               + " of them");
    }
    if (all)
        refuseTrailingBytes(labelFile, labelDims[0], 1, "", "label", "labels");
    for (std::size_t first = 0; first < count; first += kBlock) {
        const std::size_t n = std::min(kBlock, count - first);
        const std::size_t offset = raw.pixels.size();
        const std::size_t got = imageFile.readUpTo(block.get(), n * pixels, "pixels");
        raw.pixels.insert(raw.pixels.end(), block.get(), block.get() + got);
        if (got < n * pixels) {
            const std::uint64_t have = std::uint64_t(offset) + got;
            imageFile.fail(ErrorCode::BadValue,
                           "the header declares " + plural(imageDims[0], "image", "images") + shape
                               + " (" + std::to_string(std::uint64_t(imageDims[0]) * pixels)
                               + " bytes of pixels), the file ends after "
                               + std::to_string(have) + " of them ("
                               + plural(have / pixels, "whole image", "whole images") + ")");
        }
    }
    if (all)
        refuseTrailingBytes(imageFile, imageDims[0], pixels, shape, "image", "images");
    return raw;
}

// The label values present, in numeric order, are the classes ("0".."9" for MNIST, "0" and
// "255" for a mask file: 2 classes, not 256). Labels become indices into that list, as for an
// image folder or a CSV; models and reports go by the class names.
std::vector<std::string> presentClasses(const std::array<bool, 256>& seen,
                                        std::array<std::int32_t, 256>* index)
{
    std::vector<std::string> classes;
    for (int v = 0; v < 256; ++v) {
        (*index)[static_cast<std::size_t>(v)] = seen[static_cast<std::size_t>(v)]
                                                    ? static_cast<std::int32_t>(classes.size())
                                                    : -1;
        if (seen[static_cast<std::size_t>(v)])
            classes.push_back(std::to_string(v));
    }
    return classes;
}

void toClassIndices(std::vector<std::int32_t>& labels, const std::array<std::int32_t, 256>& index)
{
    for (auto& l : labels)
        l = index[static_cast<std::size_t>(l)];
}

}  // namespace

Table readIdxPair(const fs::path& images, const fs::path& labels, std::size_t limit)
{
    RawIdx raw = readRaw(images, labels, limit);
    Table table;
    table.labelName = "label";
    std::array<std::int32_t, 256> index{};
    table.classes = presentClasses(raw.seen, &index);
    table.labels = std::move(raw.labels);
    toClassIndices(table.labels, index);
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

ImageSet readIdxImages(const std::vector<IdxPair>& pairs, std::size_t limit)
{
    ImageSet set;
    std::array<bool, 256> seen{};
    std::uint64_t pixelBytes = 0;
    try {
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
            pixelBytes += raw.pixels.size();
            const SamplePart part = idxPartOf(pair.prefix);
            for (std::size_t i = 0; i < raw.labels.size(); ++i) {
                set.names.push_back(pair.prefix + "/" + std::to_string(i));
                set.parts.push_back(part);
            }
            set.labels.insert(set.labels.end(), raw.labels.begin(), raw.labels.end());
            set.pixels.insert(set.pixels.end(), raw.pixels.begin(), raw.pixels.end());
            for (std::size_t v = 0; v < seen.size(); ++v)
                seen[v] = seen[v] || raw.seen[v];
        }
    } catch (const std::bad_alloc&) {
        outOfMemory(pairs.empty() ? fs::path() : pairs.front().images.parent_path(), pixelBytes);
    }
    // One class list for all pairs, so a train and a t10k file agree on every index.
    std::array<std::int32_t, 256> index{};
    set.classes = presentClasses(seen, &index);
    toClassIndices(set.labels, index);
    if (!set.hasFixedParts())
        set.parts.clear();
    return set;
}

}  // namespace flightdeck::data
