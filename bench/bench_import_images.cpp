// Image import benchmark (issue 6), both sides in the same run on the same files:
//  (a) a generated folder of PNGs (default 10,000 images of 64x64 RGB in 10 class folders:
//      smooth gradients, a few soft blobs and noise, so PNG compresses as it does on real
//      pictures) imported as users do it: data::importImageFolder + addImageVersion into a
//      fresh project (what `flightdeck-cli data import-images` runs), against PIL + numpy
//      reading the same folder into one uint8 array [N, H, W, C] with labels from the folder
//      names (bench/read_images_pil.py), in one process and in a multiprocessing pool of the
//      core count (the import decodes on all cores, so the pool is the fair peer). Ceilings:
//      the files' bytes read once, and stb's PNG decode alone on one thread (the import's
//      fallback; its PNG fast path is ~3x faster, bench/README.md). Then the same
//      with mixed sizes (64x64, 48x48, 80x60) so that resizing runs on both sides.
//  (b) Fashion-MNIST IDX: findIdxPairs + readIdxImages + addImageVersion (70,000 images as a
//      version) split into read (gunzip), sample hashes and store, against Python's gzip +
//      numpy.frombuffer on the same .gz files.
//   bench_import_images [--images N] [--classes K] [--repeat R] [--threads T] [--no-python]
//                       [--python EXE] [--folder DIR] [--idx DIR] [--no-folder] [--no-mixed]
//                       [--no-idx] [--keep]
// --folder DIR measures an existing image folder instead of the generated ones (RGB; both
// sides bring every image to the most common size). --keep leaves the generated folders.
// Peak RSS: VmHWM after resetting it through /proc/self/clear_refs (ours); ru_maxrss (Python,
// the interpreter, numpy and PIL included).
#include "BenchSupport.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/IdxReader.h"
#include "flightdeck/data/ImageFolderImporter.h"
#include "flightdeck/store/Project.h"

#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace flightdeck;

using flightdeck::bench::captureCommand;
using flightdeck::bench::resetPeak;
using flightdeck::bench::seconds;
using flightdeck::bench::statusKb;

namespace {

struct Spread {
    std::vector<double> v;
    void add(double x) { v.push_back(x); }
    double min() const { return *std::min_element(v.begin(), v.end()); }
    double max() const { return *std::max_element(v.begin(), v.end()); }
    double median() const
    {
        std::vector<double> s = v;
        std::sort(s.begin(), s.end());
        return s[s.size() / 2];
    }
    std::string text(const char* fmt = "%.3f") const
    {
        char a[64], b[64], c[64];
        std::snprintf(a, sizeof a, fmt, min());
        std::snprintf(b, sizeof b, fmt, median());
        std::snprintf(c, sizeof c, fmt, max());
        return std::string(b) + " s (min " + a + ", max " + c + ", n=" + std::to_string(v.size())
               + ")";
    }
};

// ---- generation ------------------------------------------------------------------------------

struct Rng {
    std::uint64_t s;
    std::uint64_t next()
    {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return s;
    }
    double uniform() { return double(next() >> 11) / double(1ull << 53); }
};

constexpr int kNoise = 5;   // +-2

// A picture-like RGB image: a two-colour gradient in a random direction, 2-4 soft blobs in a
// class-dependent hue, and +-2 of noise (sensor grain).
std::vector<std::uint8_t> makeImage(int w, int h, int cls, Rng& rng)
{
    std::vector<std::uint8_t> px(std::size_t(w) * h * 3);
    double a[3], b[3], blob[3];
    for (int c = 0; c < 3; ++c) {
        a[c] = 40 + 170 * rng.uniform();
        b[c] = 40 + 170 * rng.uniform();
        blob[c] = 128 + 110 * std::sin(cls * 0.9 + c * 2.1);
    }
    const double angle = 6.2831853 * rng.uniform();
    const double dx = std::cos(angle), dy = std::sin(angle);
    const int blobs = 2 + int(rng.next() % 3);
    double bx[4], by[4], br[4];
    for (int k = 0; k < blobs; ++k) {
        bx[k] = w * rng.uniform();
        by[k] = h * rng.uniform();
        br[k] = (0.1 + 0.25 * rng.uniform()) * w;
    }
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const double t =
                std::clamp(0.5 + ((x - w / 2.0) * dx + (y - h / 2.0) * dy) / (w + h), 0.0, 1.0);
            double weight = 0;
            for (int k = 0; k < blobs; ++k) {
                const double d2 = ((x - bx[k]) * (x - bx[k]) + (y - by[k]) * (y - by[k]))
                                  / (br[k] * br[k]);
                weight = std::max(weight, std::exp(-d2));
            }
            for (int c = 0; c < 3; ++c) {
                const double base = a[c] * (1 - t) + b[c] * t;
                const double v = base * (1 - weight) + blob[c] * weight
                                 + double(int(rng.next() % kNoise) - kNoise / 2);
                px[(std::size_t(y) * w + x) * 3 + c] =
                    static_cast<std::uint8_t>(std::clamp(v, 0.0, 255.0));
            }
        }
    return px;
}

struct Folder {
    fs::path dir;
    std::uint64_t bytes = 0;
    std::size_t files = 0;
    std::vector<fs::path> paths;
};

// Mixed: 80 % 64x64, 10 % 48x48, 10 % 80x60 (the importer takes the most common size).
Folder generate(const fs::path& dir, std::size_t n, int classes, bool mixed)
{
    fs::remove_all(dir);
    Folder f;
    f.dir = dir;
    for (int c = 0; c < classes; ++c)
        fs::create_directories(dir / ("class_" + std::to_string(c)));
    Rng rng{0x9E3779B97F4A7C15ull ^ (mixed ? 77 : 0)};
    for (std::size_t i = 0; i < n; ++i) {
        const int cls = int(i % std::size_t(classes));
        int w = 64, h = 64;
        if (mixed && i % 10 == 3)
            w = h = 48;
        else if (mixed && i % 10 == 7)
            w = 80, h = 60;
        const auto px = makeImage(w, h, cls, rng);
        char name[32];
        std::snprintf(name, sizeof name, "img_%06zu.png", i);
        const fs::path p = dir / ("class_" + std::to_string(cls)) / name;
        if (!stbi_write_png(p.c_str(), w, h, 3, px.data(), w * 3)) {
            std::fprintf(stderr, "cannot write %s\n", p.c_str());
            std::exit(1);
        }
        f.bytes += fs::file_size(p);
        f.paths.push_back(p);
        ++f.files;
    }
    std::sort(f.paths.begin(), f.paths.end());
    return f;
}

// An existing folder (--folder): its image files in path order.
Folder existing(const fs::path& dir)
{
    Folder f;
    f.dir = dir;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file())
            continue;
        std::string ext = e.path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        if (ext != ".png" && ext != ".jpg" && ext != ".jpeg" && ext != ".bmp")
            continue;
        f.paths.push_back(e.path());
        f.bytes += e.file_size();
        ++f.files;
    }
    std::sort(f.paths.begin(), f.paths.end());
    return f;
}

// ---- ceilings --------------------------------------------------------------------------------

bool readAll(const fs::path& p, std::string& out)
{
    const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    out.resize(std::size_t(fs::file_size(p)));
    std::size_t done = 0;
    while (done < out.size()) {
        const ssize_t n = ::read(fd, out.data() + done, out.size() - done);
        if (n <= 0)
            break;
        done += std::size_t(n);
    }
    ::close(fd);
    return done == out.size();
}

// The files' bytes read once, single-threaded, page cache warm: the floor of any import.
double readCeiling(const Folder& f)
{
    std::string buf;
    const auto t0 = std::chrono::steady_clock::now();
    for (const auto& p : f.paths)
        readAll(p, buf);
    return seconds(t0);
}

// stb_image decode from memory alone (no file I/O, no resize, no planar copy), one thread.
double decodeCeiling(const Folder& f)
{
    std::vector<std::string> files(f.paths.size());
    for (std::size_t i = 0; i < f.paths.size(); ++i)
        readAll(f.paths[i], files[i]);
    const auto t0 = std::chrono::steady_clock::now();
    std::uint64_t sum = 0;
    for (const auto& b : files) {
        int w = 0, h = 0, c = 0;
        stbi_uc* px = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(b.data()),
                                            int(b.size()), &w, &h, &c, 3);
        sum += px ? px[0] : 0;
        stbi_image_free(px);
    }
    const double s = seconds(t0);
    if (sum == 1)
        std::puts("");   // keeps the loop
    return s;
}

// ---- Flightdeck side -------------------------------------------------------------------------

struct Ours {
    double import = 0, store = 0, total = 0, peakMb = 0, hashes = 0;
    std::size_t images = 0, resized = 0, skipped = 0;
    std::uint64_t bytes = 0;
    std::string shape;
    std::uint32_t width = 0, height = 0, channels = 0;
};

Ours importFolder(const Folder& f, const fs::path& projectDir, unsigned threads)
{
    fs::remove_all(projectDir);
    Ours o;
    {
        store::Project project = store::Project::create(projectDir);
        resetPeak();
        const auto t0 = std::chrono::steady_clock::now();
        data::ImageImportOptions options;
        options.threads = threads;
        const data::ImageImport r = data::importImageFolder(f.dir, options);
        o.import = seconds(t0);
        const auto t1 = std::chrono::steady_clock::now();
        data::DatasetCatalog(project).addImageVersion("bench", r.images, f.dir.string());
        o.store = seconds(t1);
        o.total = seconds(t0);
        o.peakMb = statusKb("VmHWM:") / 1024.0;
        // addImageVersion hashes every image inside (beside the pixels write); timed alone here.
        const auto t2 = std::chrono::steady_clock::now();
        const auto h = data::sampleHashes(r.images);
        o.hashes = h.empty() ? 0 : seconds(t2);
        o.images = r.images.size();
        o.resized = r.resized;
        o.skipped = r.skipped.size();
        o.bytes = r.bytes;
        o.width = r.images.width;
        o.height = r.images.height;
        o.channels = r.images.channels;
        o.shape = std::to_string(r.images.channels) + "x" + std::to_string(r.images.height) + "x"
                  + std::to_string(r.images.width);
    }
    fs::remove_all(projectDir);
    return o;
}

// ---- Python side -----------------------------------------------------------------------------

struct Py {
    bool ok = false;
    std::vector<double> times;
    double peakMb = 0;
    std::string detail, note;
};

Py runPython(const std::string& python, const std::string& args)
{
    const std::string cmd =
        python + " " FLIGHTDECK_BENCH_DIR "/read_images_pil.py " + args + " 2>&1";
    Py r;
    int status = 0;
    const std::string out = captureCommand(cmd, &status);
    std::size_t pos = 0;
    while ((pos = out.find("RUN ", pos)) != std::string::npos) {
        double t = 0;
        if (std::sscanf(out.c_str() + pos, "RUN %lf", &t) == 1)
            r.times.push_back(t);
        pos += 4;
    }
    const auto res = out.find("RESULT ");
    if (status == 0 && res != std::string::npos && !r.times.empty()) {
        std::sscanf(out.c_str() + res, "RESULT %lf", &r.peakMb);
        const auto from = out.find(' ', res + 7);   // after the RSS figure
        const auto eol = out.find('\n', res);
        if (from != std::string::npos && from < eol)
            r.detail = out.substr(from + 1, eol - from - 1);
        r.ok = true;
    } else {
        r.note = out.empty() ? "no output" : out.substr(0, 400);
    }
    return r;
}

void folderSection(const char* title, const Folder& f, const fs::path& projectDir, int repeat,
                   unsigned threads, bool withPython, const std::string& python)
{
    const double mb = double(f.bytes) / 1e6;
    std::printf("\n== %s: %zu PNG files, %.1f MB (%.1f KB a file) in %s ==\n", title, f.files, mb,
                double(f.bytes) / 1e3 / double(f.files), f.dir.c_str());
    double readBest = 1e300, decodeBest = 1e300;
    for (int i = 0; i < std::max(2, repeat); ++i)   // the first pass also warms the page cache
        readBest = std::min(readBest, readCeiling(f));
    for (int i = 0; i < repeat; ++i)
        decodeBest = std::min(decodeBest, decodeCeiling(f));
    std::printf("ceiling: read all file bytes (1 thread)      %7.3f s  %8.0f images/s %7.1f MB/s\n",
                readBest, double(f.files) / readBest, mb / readBest);
    std::printf("ceiling: stb PNG decode from memory, 1 thread %7.3f s  %8.0f images/s "
                "(/ %u threads = %.3f s)\n",
                decodeBest, double(f.files) / decodeBest, threads, decodeBest / threads);

    Spread total, imp, store, hashes;
    Ours last;
    double peak = 0;
    for (int i = 0; i < repeat; ++i) {
        const Ours o = importFolder(f, projectDir, threads);
        total.add(o.total);
        imp.add(o.import);
        store.add(o.store);
        hashes.add(o.hashes);
        peak = std::max(peak, o.peakMb);
        last = o;
        std::printf("  flightdeck run %d: %.3f s (import %.3f s, addImageVersion %.3f s; sample "
                    "hashes alone %.3f s), peak RSS %.1f MB\n",
                    i + 1, o.total, o.import, o.store, o.hashes, o.peakMb);
    }
    const double t = total.median();
    const double datasetMb = double(last.images) * last.width * last.height * last.channels / 1048576.0;
    std::printf("flightdeck importImageFolder + addImageVersion (%u threads): %s\n"
                "  %.0f images/s, %.1f MB/s of files; import %s, store %s (sample hashes alone %s, "
                "run beside the pixels write inside the store); "
                "%zu images %s, %zu resized, %zu skipped; peak RSS %.1f MB (pixels %.1f MB)\n",
                threads, total.text().c_str(), double(last.images) / t, mb / t,
                imp.text().c_str(), store.text().c_str(), hashes.text().c_str(), last.images,
                last.shape.c_str(),
                last.resized, last.skipped, peak, datasetMb);
    if (!withPython)
        return;
    // The same target size as the import chose (the most common one), resized the same way.
    const std::string common = "folder " + f.dir.string() + " --size " + std::to_string(last.width)
                               + "x" + std::to_string(last.height) + " --repeat "
                               + std::to_string(repeat);
    const Py single = runPython(python, common + " --processes 1");
    const Py pool = runPython(python, common + " --processes " + std::to_string(threads));
    auto show = [&](const char* name, const Py& p) -> double {
        if (!p.ok) {
            std::printf("%s: not run (%s)\n", name, p.note.c_str());
            return 0;
        }
        Spread s;
        for (double x : p.times)
            s.add(x);
        std::printf("%s: %s\n  %.0f images/s, %.1f MB/s; peak RSS %.1f MB; %s\n", name,
                    s.text().c_str(), double(f.files) / s.median(), mb / s.median(), p.peakMb,
                    p.detail.c_str());
        return s.median();
    };
    const double ts = show("PIL + numpy, 1 process", single);
    const std::string poolName = "PIL + numpy, multiprocessing.Pool(" + std::to_string(threads)
                                 + ") into shared memory";
    const double tp = show(poolName.c_str(), pool);
    if (ts > 0)
        std::printf("ratio: flightdeck is %.2fx PIL 1 process (%.3f s vs %.3f s, medians)\n",
                    ts / t, t, ts);
    if (tp > 0) {
        std::printf("ratio: flightdeck is %.2fx PIL pool of %u (%.3f s vs %.3f s, medians)\n",
                    tp / t, threads, t, tp);
        std::printf("ratio without the store (importImageFolder alone, pixels in memory like "
                    "PIL's array): %.2fx the pool (%.3f s vs %.3f s)\n",
                    tp / imp.median(), imp.median(), tp);
    }
}

void idxSection(const fs::path& idxDir, const fs::path& projectDir, int repeat, bool withPython,
                const std::string& python)
{
    std::printf("\n== Fashion-MNIST IDX: %s ==\n", idxDir.c_str());
    std::error_code ec;
    if (!fs::is_directory(idxDir, ec)) {
        std::printf("not found (install dataset-fashion-mnist); skipped\n");
        return;
    }
    std::uint64_t gzBytes = 0;
    for (const auto& e : fs::directory_iterator(idxDir))
        gzBytes += e.file_size(ec);
    Spread total, read, hashes, store;
    double peak = 0;
    std::size_t n = 0;
    for (int i = 0; i < repeat; ++i) {
        fs::remove_all(projectDir);
        {
            store::Project project = store::Project::create(projectDir);
            resetPeak();
            const auto t0 = std::chrono::steady_clock::now();
            const auto pairs = data::findIdxPairs(idxDir);
            const data::ImageSet s = data::readIdxImages(pairs);
            const double tRead = seconds(t0);
            const auto t1 = std::chrono::steady_clock::now();
            data::DatasetCatalog(project).addImageVersion("fashion-mnist", s, idxDir.string());
            const double tStore = seconds(t1);
            const double tTotal = seconds(t0);
            const double p = statusKb("VmHWM:") / 1024.0;
            // addImageVersion hashes every sample inside (beside the pixels write); timed alone.
            const auto t2 = std::chrono::steady_clock::now();
            const auto h = data::sampleHashes(s);
            const double tHash = seconds(t2);
            n = s.size();
            total.add(tTotal);
            read.add(tRead);
            hashes.add(tHash);
            store.add(tStore);
            peak = std::max(peak, p);
            std::printf("  flightdeck run %d: %.3f s = read+gunzip %.3f s + addImageVersion "
                        "%.3f s (sample hashes alone %.3f s); peak RSS %.1f MB; %zu hashes\n",
                        i + 1, tTotal, tRead, tStore, tHash, p, h.size());
        }
        fs::remove_all(projectDir);
    }
    std::printf("flightdeck findIdxPairs + readIdxImages + addImageVersion: %s for %zu images "
                "(%.0f images/s; target < 5 s: %s)\n  read+gunzip %s, sample hashes alone %s, "
                "addImageVersion %s (the hashes run beside its pixels write); peak RSS %.1f MB (pixels %.1f MB); %.1f MB of .gz\n",
                total.text().c_str(), n, double(n) / total.median(),
                total.max() < 5 ? "met" : "MISSED", read.text().c_str(), hashes.text().c_str(),
                store.text().c_str(), peak, double(n) * 784 / 1048576.0, gzBytes / 1e6);
    if (!withPython)
        return;
    const Py py = runPython(python, "idx " + idxDir.string() + " --repeat " + std::to_string(repeat));
    if (!py.ok) {
        std::printf("python gzip + numpy: not run (%s)\n", py.note.c_str());
        return;
    }
    Spread s;
    for (double x : py.times)
        s.add(x);
    std::printf("python gzip.decompress + numpy.frombuffer (read only): %s; peak RSS %.1f MB; %s\n",
                s.text().c_str(), py.peakMb, py.detail.c_str());
    std::printf("ratio: flightdeck's read+gunzip is %.2fx python's (%.3f s vs %.3f s); the whole "
                "import (hashes, store) takes %.2fx python's read\n",
                s.median() / read.median(), read.median(), s.median(),
                total.median() / s.median());
}

}  // namespace

int main(int argc, char** argv)
{
    std::size_t images = 10000;
    int classes = 10, repeat = 3;
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    std::string python = "/usr/bin/python3";
    fs::path userFolder;
    fs::path idxDir = "/usr/share/datasets/fashion-mnist";
    bool withPython = true, folder = true, mixed = true, idx = true, keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--images" && i + 1 < argc)
            images = std::strtoull(argv[++i], nullptr, 10);
        else if (a == "--classes" && i + 1 < argc)
            classes = std::max(1, std::atoi(argv[++i]));
        else if (a == "--repeat" && i + 1 < argc)
            repeat = std::max(1, std::atoi(argv[++i]));
        else if (a == "--threads" && i + 1 < argc)
            threads = unsigned(std::max(1, std::atoi(argv[++i])));
        else if (a == "--python" && i + 1 < argc)
            python = argv[++i];
        else if (a == "--folder" && i + 1 < argc)
            userFolder = argv[++i];
        else if (a == "--idx" && i + 1 < argc)
            idxDir = argv[++i];
        else if (a == "--no-python")
            withPython = false;
        else if (a == "--no-folder")
            folder = false;
        else if (a == "--no-mixed")
            mixed = false;
        else if (a == "--no-idx")
            idx = false;
        else if (a == "--keep")
            keep = true;
        else {
            std::fprintf(stderr, "usage: %s [--images N] [--classes K] [--repeat R] [--threads T] "
                                 "[--no-python] [--python EXE] [--folder DIR] [--idx DIR] "
                                 "[--no-folder] [--no-mixed] [--no-idx] [--keep]\n", argv[0]);
            return 2;
        }
    }
    std::printf("cores: %u (import threads %u); repeat %d; load average: ",
                std::thread::hardware_concurrency(), threads, repeat);
    std::fflush(stdout);
    std::system("cut -d' ' -f1-3 /proc/loadavg");
    const fs::path tmp = fs::temp_directory_path();
    const fs::path projectDir = tmp / ("flightdeck_bench_images_project_" + std::to_string(::getpid()));
    if (!userFolder.empty()) {
        folderSection("image folder", existing(userFolder), projectDir, repeat, threads,
                      withPython, python);
        folder = mixed = false;
    }
    if (folder) {
        const auto t0 = std::chrono::steady_clock::now();
        const Folder f = generate(tmp / "flightdeck_bench_images", images, classes, false);
        std::printf("generated %zu PNGs in %.1f s\n", f.files, seconds(t0));
        folderSection("image folder, 64x64 RGB", f, projectDir, repeat, threads, withPython, python);
        if (!keep)
            fs::remove_all(f.dir);
    }
    if (mixed) {
        const Folder f = generate(tmp / "flightdeck_bench_images_mixed", images, classes, true);
        folderSection("image folder, mixed 64x64 (80 %), 48x48, 80x60 -> 64x64 stretch", f,
                      projectDir, repeat, threads, withPython, python);
        if (!keep)
            fs::remove_all(f.dir);
    }
    if (idx)
        idxSection(idxDir, projectDir, repeat, withPython, python);
    return 0;
}
