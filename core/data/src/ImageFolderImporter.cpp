#include "flightdeck/data/ImageFolderImporter.h"

#include "ImageCodec.h"
#include "ImportMemory.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/data/ClassName.h"

#include <stb/stb_image.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <map>
#include <mutex>
#include <new>
#include <thread>

namespace fs = std::filesystem;

namespace flightdeck::data {

namespace {

struct Candidate {
    fs::path path;
    std::string name;        // relative, '/'-separated
    std::string className;   // "" = unlabeled
    codec::Header header;
    std::string problem;     // set when the file is skipped
};

bool hasImageExtension(const fs::path& p)
{
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".bmp";
}

// open/fstat/read rather than an ifstream: one path lookup and no stream buffer per file, for
// 10,000 small files.
bool readFile(const fs::path& path, std::string* bytes, std::string* why)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *why = "cannot open the file for reading";
        return false;
    }
    struct stat st {};
    bool ok = ::fstat(fd, &st) == 0;
    bytes->resize(ok ? static_cast<std::size_t>(std::max<off_t>(0, st.st_size)) : 0);
    std::size_t done = 0;
    while (ok && done < bytes->size()) {
        const ssize_t n = ::read(fd, bytes->data() + done, bytes->size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        ok = n > 0;
        done += ok ? static_cast<std::size_t>(n) : 0;
    }
    ::close(fd);
    if (!ok)
        *why = "cannot read the file";
    return ok;
}

// stb_image's header check, reading only what it needs: for a PNG that is not paletted, stb
// looks at the signature and IHDR alone (33 bytes), so those bytes from one small read give its
// answer; anything else (JPEG, BMP, palettes, which stb scans up to the first IDAT) goes to
// stbi_info on the path as before. Same verdicts, same failure text.
bool readHeader(const fs::path& path, codec::Header* header)
{
    constexpr std::size_t kPngHead = 33;
    unsigned char head[kPngHead];
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        const ssize_t n = ::pread(fd, head, kPngHead, 0);
        ::close(fd);
        static const unsigned char png[] = {137, 'P', 'N', 'G', '\r', '\n', 26, '\n', 0, 0, 0, 13,
                                            'I', 'H', 'D', 'R'};
        if (n == ssize_t(kPngHead) && std::memcmp(head, png, sizeof png) == 0 && head[25] != 3)
            return stbi_info_from_memory(head, int(kPngHead), &header->width, &header->height,
                                         &header->channels) != 0;
    }
    return stbi_info(path.c_str(), &header->width, &header->height, &header->channels) != 0;
}

// Walks the folder in path order; symbolic links to folders are reported, not followed.
std::vector<Candidate> listFiles(const fs::path& root, std::vector<SkippedFile>* skipped,
                                 bool* byFolder)
{
    std::vector<Candidate> files;
    std::error_code ec;
    *byFolder = false;
    for (const auto& entry : fs::directory_iterator(root, ec))
        if (entry.is_directory(ec) && !entry.is_symlink(ec))
            *byFolder = true;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec)
        throw Error(ErrorInfo{ErrorCode::FileUnreadable, root.string(), 0, {}, ec.message()});
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
            skipped->push_back({root.string(), "cannot list a folder: " + ec.message()});
            ec.clear();
            continue;
        }
        const fs::path& p = it->path();
        const std::string rel = p.lexically_relative(root).generic_string();
        if (it->is_symlink(ec) && fs::is_directory(p, ec)) {
            skipped->push_back({rel, "a symbolic link to a folder (not followed)"});
            continue;
        }
        if (it->is_directory(ec) || p.filename().string().rfind('.', 0) == 0)
            continue;   // hidden files (.DS_Store, ._x.png) are not data
        if (!it->is_regular_file(ec)) {
            skipped->push_back({rel, "not a regular file"});
            continue;
        }
        if (!hasImageExtension(p)) {
            skipped->push_back({rel, "not a .png, .jpg, .jpeg or .bmp file"});
            continue;
        }
        Candidate c;
        c.path = p;
        c.name = rel;
        const auto slash = rel.find('/');
        if (*byFolder && slash != std::string::npos)
            c.className = rel.substr(0, slash);
        files.push_back(std::move(c));
    }
    std::sort(files.begin(), files.end(),
              [](const Candidate& a, const Candidate& b) { return a.name < b.name; });
    return files;
}

// Runs `work(i)` for every index on `threads` threads; the calling thread reports progress
// and may cancel. Returns false when cancelled (all workers joined). The caller wakes when the
// workers finish rather than at its next 20 ms tick (up to 20 ms a pass), and still reports
// once per pass at least, so a progress callback that says stop always stops the import.
template <typename Work>
bool parallelFor(std::size_t count, unsigned threads, Work work, std::atomic<std::uint64_t>& bytes,
                 const ImageImportOptions& options,
                 std::chrono::steady_clock::time_point start)
{
    if (count == 0)
        return true;   // nothing to report (as before: an empty folder is not a cancel)
    std::atomic<std::size_t> next{0}, done{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::condition_variable finished;
    unsigned running = threads;
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back([&] {
            for (std::size_t i; !stop && (i = next++) < count;) {
                work(i);
                ++done;
            }
            std::lock_guard<std::mutex> lock(mutex);
            if (--running == 0)
                finished.notify_one();
        });
    bool cancelled = false, over = false;
    while (!over && !cancelled) {
        {
            std::unique_lock<std::mutex> lock(mutex);
            over = finished.wait_for(lock, std::chrono::milliseconds(20),
                                     [&] { return running == 0; });
        }
        if (options.progress) {
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            cancelled = !options.progress({done.load(), count, bytes.load(), seconds});
        }
    }
    stop = cancelled;
    for (auto& t : pool)
        t.join();
    return !cancelled;
}

// A class folder's name is the class name; one that cannot be (not UTF-8, too long) is refused
// before any image is decoded, naming the folder.
void checkClassFolders(const fs::path& root, const std::vector<Candidate>& files)
{
    const std::string* last = nullptr;
    for (const auto& c : files) {
        if (c.className.empty() || (last && *last == c.className))
            continue;
        last = &c.className;
        if (const std::string why = classNameFault(c.className); !why.empty())
            throw Error(ErrorInfo{ErrorCode::BadValue, (root / c.className).string(), 0, {},
                                  "the folder's name is its images' class name, and it is " + why
                                      + "; rename the folder"});
    }
}

[[noreturn]] void cancelled(const fs::path& folder)
{
    throw Error(ErrorInfo{ErrorCode::Cancelled, folder.string(), 0, {}, "import cancelled"});
}

}  // namespace

ResizeRule resizeRuleFromName(const std::string& name)
{
    if (name == "stretch") return ResizeRule::Stretch;
    if (name == "fit") return ResizeRule::Fit;
    if (name == "crop") return ResizeRule::Crop;
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "resize",
                          "expected stretch, fit or crop, got \"" + name + "\""});
}

const char* resizeRuleName(ResizeRule rule)
{
    switch (rule) {
    case ResizeRule::Stretch: return "stretch";
    case ResizeRule::Fit: return "fit";
    case ResizeRule::Crop: return "crop";
    }
    return "stretch";
}

namespace {

ImageImport importFolder(const fs::path& folder, const ImageImportOptions& options,
                         std::uint64_t* pixelBytes)
{
    const auto start = std::chrono::steady_clock::now();
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw Error(ErrorInfo{ErrorCode::FileNotFound, folder.string(), 0, {},
                              "expected a folder of images, found nothing there"});
    ImageImport result;
    std::vector<Candidate> files = listFiles(folder, &result.skipped, &result.labeledByFolder);
    checkClassFolders(folder, files);
    const unsigned threads = options.threads > 0
                                 ? options.threads
                                 : std::max(1u, std::thread::hardware_concurrency());
    std::atomic<std::uint64_t> bytes{0};

    // Pass 1: headers only (a few hundred bytes each), to choose the shape before decoding.
    auto peekOne = [&](std::size_t i) {
        Candidate& c = files[i];
        std::error_code sizeError;
        const auto size = fs::file_size(c.path, sizeError);
        if (sizeError) {
            c.problem = "cannot read the file size: " + sizeError.message();
        } else if (size > options.maxFileBytes) {
            c.problem = "a file of " + std::to_string(size >> 20) + " MB; at most "
                        + std::to_string(options.maxFileBytes >> 20) + " MB are imported";
        } else if (!readHeader(c.path, &c.header)) {
            c.problem = size == 0 ? std::string("an empty file")
                                  : std::string("not a PNG, JPEG or BMP image we can read (")
                                        + stbi_failure_reason() + ")";
        } else if (std::int64_t(c.header.width) * c.header.height > (std::int64_t(1) << 26)) {
            c.problem = "an image of " + std::to_string(c.header.width) + "x"
                        + std::to_string(c.header.height) + " pixels; at most 8192x8192";
        }
    };
    if (!parallelFor(files.size(), threads, peekOne, bytes, options, start))
        cancelled(folder);

    std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> sizes;
    bool color = false;
    for (const auto& c : files)
        if (c.problem.empty()) {
            ++sizes[{static_cast<std::uint32_t>(c.header.width),
                     static_cast<std::uint32_t>(c.header.height)}];
            color = color || c.header.channels >= 3;
        }
    if (sizes.empty()) {
        std::string why = "found no image that could be read";
        std::size_t shown = 0;
        for (const auto& f : files)
            if (!f.problem.empty() && shown < 3)
                why += (++shown == 1 ? ": " : "; ") + f.name + ": " + f.problem;
        if (files.empty())
            why = "found no .png, .jpg, .jpeg or .bmp file";
        throw Error(ErrorInfo{ErrorCode::TooFewRows, folder.string(), 0, {}, why});
    }
    auto mostCommon = sizes.begin();
    for (auto it = sizes.begin(); it != sizes.end(); ++it)
        if (it->second > mostCommon->second)
            mostCommon = it;
    ImageSet& set = result.images;
    set.width = options.width > 0 ? options.width : mostCommon->first.first;
    set.height = options.height > 0 ? options.height : mostCommon->first.second;
    set.channels = options.channels > 0 ? options.channels : (color ? 3u : 1u);
    if (set.channels != 1 && set.channels != 3)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "channels",
                              "expected 1 or 3, got " + std::to_string(set.channels)});

    // Pass 2: decode and resize straight into the pixel array, one slot per image whose header
    // was read; failures are compacted out.
    std::vector<std::size_t> slot(files.size(), 0);
    std::size_t readable = 0;
    for (std::size_t i = 0; i < files.size(); ++i)
        slot[i] = files[i].problem.empty() ? readable++ : 0;
    checkImportMemory(folder, std::uint64_t(readable) * set.imageBytes(),
                      std::to_string(readable) + " images of " + std::to_string(set.channels) + "x"
                          + std::to_string(set.height) + "x" + std::to_string(set.width),
                      options.memoryBytes);
    const std::size_t imageBytes = set.imageBytes();
    *pixelBytes = std::uint64_t(readable) * imageBytes;
    std::vector<std::uint8_t> pixels(readable * imageBytes);
    std::vector<char> resized(files.size(), 0);
    // A worker cannot throw (std::terminate): memory running out there is flagged, and the
    // import then fails as a whole rather than skipping images for it.
    std::atomic<bool> memoryRanOut{false};
    auto decodeOne = [&](std::size_t i) {
        Candidate& c = files[i];
        if (!c.problem.empty())
            return;
        thread_local std::string encoded;   // per worker, so 10,000 files reuse a few buffers
        thread_local std::vector<std::uint8_t> hwc;
        try {
            if (!readFile(c.path, &encoded, &c.problem))
                return;
            bytes += encoded.size();
            int w = 0, h = 0;
            if (!codec::decode(encoded, static_cast<int>(set.channels), &hwc, &w, &h, &c.problem))
                return;
            resized[i] = static_cast<std::uint32_t>(w) != set.width
                         || static_cast<std::uint32_t>(h) != set.height;
            codec::resizeToPlanar(hwc, w, h, static_cast<int>(set.channels), set.width,
                                  set.height, options.rule, pixels.data() + slot[i] * imageBytes);
        } catch (const std::bad_alloc&) {
            memoryRanOut = true;
            c.problem = "ran out of memory";
        }
    };
    if (!parallelFor(files.size(), threads, decodeOne, bytes, options, start))
        cancelled(folder);
    if (memoryRanOut)
        throw std::bad_alloc();

    std::map<std::string, std::int32_t> classIndex;
    for (const auto& c : files)
        if (c.problem.empty() && !c.className.empty())
            classIndex.emplace(c.className, 0);
    for (auto& [name, index] : classIndex) {
        index = static_cast<std::int32_t>(set.classes.size());
        set.classes.push_back(name);
    }
    std::size_t kept = 0;
    sizes.clear();   // now of the images that decoded
    for (std::size_t i = 0; i < files.size(); ++i) {
        const Candidate& c = files[i];
        if (!c.problem.empty()) {
            result.skipped.push_back({c.name, c.problem});
            continue;
        }
        ++sizes[{static_cast<std::uint32_t>(c.header.width),
                 static_cast<std::uint32_t>(c.header.height)}];
        if (kept != slot[i])
            std::memmove(pixels.data() + kept * imageBytes, pixels.data() + slot[i] * imageBytes,
                         imageBytes);
        set.names.push_back(c.name);
        set.labels.push_back(c.className.empty() ? -1 : classIndex.at(c.className));
        result.resized += resized[i] ? 1 : 0;
        ++kept;
    }
    pixels.resize(kept * imageBytes);
    for (const auto& [wh, n] : sizes)
        result.sizes.push_back({wh.first, wh.second, n});
    std::stable_sort(result.sizes.begin(), result.sizes.end(),
                     [](const SizeCount& a, const SizeCount& b) { return a.count > b.count; });
    set.pixels = std::move(pixels);
    result.bytes = bytes.load();
    if (set.size() == 0)
        throw Error(ErrorInfo{ErrorCode::TooFewRows, folder.string(), 0, {},
                              "no image could be decoded; first: " + result.skipped.front().file
                                  + ": " + result.skipped.front().reason});
    if (options.progress)
        options.progress({files.size(), files.size(), result.bytes,
                          std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
                              .count()});
    return result;
}

}  // namespace

ImageImport importImageFolder(const fs::path& folder, const ImageImportOptions& options)
{
    std::uint64_t pixelBytes = 0;
    try {
        return importFolder(folder, options, &pixelBytes);
    } catch (const std::bad_alloc&) {
        outOfMemory(folder, pixelBytes);
    }
}

}  // namespace flightdeck::data
