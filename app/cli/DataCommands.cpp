#include "DataCommands.h"
#include "CliSupport.h"
#include "Validators.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/IdxReader.h"
#include "flightdeck/data/ImageFolderImporter.h"
#include "flightdeck/data/LabelFiles.h"
#include "flightdeck/data/LabelHistory.h"
#include "flightdeck/data/VersionDiff.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/LabelRepository.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <memory>
#include <new>

namespace fs = std::filesystem;

namespace flightdeck::cli {

namespace {

struct DataArgs {
    std::string project, path, name, size, resize = "stretch", out, folder, message,
        dataset;
    std::int64_t version = 0, other = 0;
    unsigned channels = 0;
    double val = 0.1;
    std::uint64_t seed = 42;
};

std::string mb(std::uint64_t bytes)
{
    std::ostringstream s;
    s << std::fixed << std::setprecision(1) << double(bytes) / 1e6 << " MB";
    return s.str();
}

std::string datasetName(const DataArgs& a)
{
    if (!a.name.empty())
        return a.name;
    const fs::path p = fs::path(a.path).lexically_normal();
    return (p.has_filename() ? p.filename() : p.parent_path().filename()).string();
}

// Progress on stderr, redrawn in place on a terminal and once every ~5 s otherwise.
std::function<bool(const data::ImportProgress&)> progressPrinter()
{
    const bool tty = isatty(STDERR_FILENO) != 0;
    auto last = std::make_shared<double>(-10.0);
    return [tty, last](const data::ImportProgress& p) {
        if (p.seconds - *last < (tty ? 0.2 : 5.0) || (!tty && p.done == p.total))
            return true;
        *last = p.seconds;
        std::cerr << (tty ? "\r" : "") << "  " << p.done << "/" << p.total << " files, "
                  << mb(p.bytes) << ", "
                  << (p.seconds > 0 ? int(double(p.bytes) / 1e6 / p.seconds) : 0) << " MB/s"
                  << (tty ? "   " : "\n") << std::flush;
        return true;
    };
}

// The images go into the store as one more copy of their bytes at worst; memory running out
// there is said with the path, not as a bare std::bad_alloc.
store::DatasetVersionRecord storeImages(store::Project& project, const DataArgs& a,
                                        const data::ImageSet& images)
{
    try {
        return data::DatasetCatalog(project).addImageVersion(datasetName(a), images, a.path);
    } catch (const std::bad_alloc&) {
        throw Error(ErrorInfo{ErrorCode::BadValue, a.path, 0, {},
                              "ran out of memory storing " + std::to_string(images.size())
                                  + " images of " + mb(images.pixels.size())
                                  + " (std::bad_alloc): import fewer or smaller images, or give "
                                    "the process more memory"});
    }
}

void printVersion(const store::DatasetVersionRecord& v, const std::string& what)
{
    std::cout << what << " -> dataset version " << v.id << " (" << v.hash.substr(0, 12) << ", "
              << v.task << ")\n";
}

void importImages(const DataArgs& a)
{
    auto project = openForWriting(a.project);
    data::ImageImportOptions options;
    constexpr unsigned kMaxSide = 8192;
    if (!a.size.empty()) {
        unsigned w = 0, h = 0;
        char x = 0;
        std::istringstream in(a.size);
        if (!(in >> w >> x >> h) || x != 'x' || w == 0 || h == 0 || w > kMaxSide || h > kMaxSide)
            throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "--size",
                                  "expected WIDTHxHEIGHT such as 64x64, each side from 1 to "
                                      + std::to_string(kMaxSide) + ", got \"" + a.size + "\""});
        options.width = w;
        options.height = h;
    }
    options.rule = data::resizeRuleFromName(a.resize);
    options.channels = a.channels;
    options.progress = progressPrinter();
    const auto start = std::chrono::steady_clock::now();
    const data::ImageImport r = data::importImageFolder(a.path, options);
    const auto& s = r.images;
    const auto v = storeImages(project, a, s);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << (isatty(STDERR_FILENO) ? "\n" : "");
    std::cout << "imported " << s.size() << " images from " << escapeControls(a.path) << " ("
              << s.channels << "x" << s.height << "x" << s.width << ", "
              << (r.labeledByFolder ? std::to_string(s.classes.size())
                                          + (s.classes.size() == 1 ? " class" : " classes")
                                          + " from folder names"
                                    : std::string("unlabeled"))
              << ") in " << std::fixed << std::setprecision(2) << seconds << " s, "
              << int(double(r.bytes) / 1e6 / std::max(seconds, 1e-9)) << " MB/s\n";
    if (r.sizes.size() > 1)
        std::cout << r.resized << (r.resized == 1 ? " image of another size was" : " images of other sizes were")
                  << " resized to " << s.width << "x"
                  << s.height << " (" << data::resizeRuleName(options.rule) << ")\n";
    printVersion(v, "stored");
    if (!r.skipped.empty()) {
        std::cerr << "skipped " << r.skipped.size() << " file(s):\n";
        for (std::size_t i = 0; i < r.skipped.size() && i < 20; ++i)
            std::cerr << "  " << escapeControls(r.skipped[i].file) << ": "
                      << escapeControls(r.skipped[i].reason) << "\n";
        if (r.skipped.size() > 20)
            std::cerr << "  ... and " << r.skipped.size() - 20 << " more\n";
    }
}

void importIdx(const DataArgs& a)
{
    auto project = openForWriting(a.project);
    const auto start = std::chrono::steady_clock::now();
    const auto pairs = data::findIdxPairs(a.path);
    const data::ImageSet s = data::readIdxImages(pairs);
    data::DatasetCatalog catalog(project);
    const auto v = storeImages(project, a, s);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "imported " << s.size() << " images (" << s.height << "x" << s.width << ", "
              << s.classes.size() << (s.classes.size() == 1 ? " class) from" : " classes) from");
    for (const auto& p : pairs)
        std::cout << " " << p.prefix;
    std::cout << " in " << std::fixed << std::setprecision(2) << seconds << " s\n";
    printVersion(v, "stored");
    const bool anyTrain = std::find(s.parts.begin(), s.parts.end(), data::SamplePart::Train) != s.parts.end();
    if (s.hasFixedParts() && !anyTrain) {
        // Only t10k files: the split would draw train and val from nothing, and its "no
        // labeled rows" would blame labels that are there.
        std::cerr << "warning: only test (t10k) files were found, so version " << v.id
                  << " has no training images and no split was made; import the folder with its "
                     "train-images/labels files to train on it\n";
    } else if (s.hasFixedParts()) {
        const double val = a.val;
        const auto split = catalog.createSplit(v.id, {1.0 - val, val, 0.0}, a.seed);
        std::cout << "split " << split.id << " (the files' own test part kept apart; val "
                  << val << " of train, seed " << a.seed << "): train " << split.trainCount
                  << ", val " << split.valCount << ", test " << split.testCount << "\n";
        if (split.testCount == 0)
            std::cerr << "warning: the test part of split " << split.id
                      << " is empty: no t10k (test) pair was found beside the training files, so "
                         "test metrics will be undefined and a run cannot be evaluated on it; "
                         "import the folder with its t10k-images/labels files\n";
    }
}

void listVersions(const DataArgs& a)
{
    auto project = openProject(a.project);
    store::DatasetRepository repo(project);
    store::LabelRepository labels(project);
    for (const auto& d : repo.datasets()) {
        if (!a.dataset.empty() && d.name != a.dataset)
            continue;
        std::cout << escapeControls(d.name) << "\n";
        for (const auto& v : repo.versions(d.id)) {
            std::cout << "  version " << v.id << "  " << v.task << "  " << v.rows << " rows";
            if (v.parentId)
                std::cout << "  parent " << *v.parentId;
            // Edits after the newest version made from this one are the uncommitted ones.
            double committedAt = 0;
            for (const auto& child : repo.versions(d.id))
                if (child.parentId == v.id)
                    committedAt = std::max(committedAt, child.createdAt);
            std::size_t pending = 0;
            for (const auto& e : labels.events(v.id))
                pending += e.createdAt > committedAt ? 1 : 0;
            if (pending > 0)
                std::cout << "  " << pending << " label edit(s) not committed";
            if (!v.note.empty())
                std::cout << "  \"" << escapeControls(v.note) << "\"";
            std::cout << "\n";
        }
    }
}

void diff(const DataArgs& a)
{
    auto project = openProject(a.project);
    const auto d = data::diffVersions(project, a.version, a.other);
    std::cout << "version " << a.version << " -> " << a.other << ": " << d.added << " added, "
              << d.removed << " removed, " << d.relabeled << " relabeled, " << d.unchanged
              << " unchanged\n";
    for (const auto& c : d.classes)
        if (c.before != c.after)
            std::cout << "  " << escapeControls(c.className) << ": " << c.before << " -> "
                      << c.after << "\n";
    for (const auto& e : d.examples)
        std::cout << "  " << escapeControls(e.name) << ": "
                  << (e.before.empty() ? "(none)" : escapeControls(e.before)) << " -> "
                  << (e.after.empty() ? "(none)" : escapeControls(e.after)) << "\n";
}

void exportLabels(const DataArgs& a)
{
    auto project = openProject(a.project);
    if (a.out.empty() == a.folder.empty())
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "--out/--folder",
                              "expected one of --out FILE.csv or --folder DIR"});
    // Counted before anything is printed: a failed export must not leave "wrote " on stdout.
    if (!a.out.empty()) {
        const std::size_t n = data::exportLabelsCsv(project, a.version, a.out);
        std::cout << "wrote " << n << " labels to " << escapeControls(a.out) << "\n";
    } else {
        const std::size_t n = data::exportImageFolder(project, a.version, a.folder);
        std::cout << "wrote " << n << " images to " << escapeControls(a.folder) << "\n";
    }
}

void importLabels(const DataArgs& a)
{
    auto project = openForWriting(a.project);
    const auto r = data::importLabelsCsv(project, a.version, a.path);
    std::cout << "applied " << r.applied << " label change(s), " << r.unchanged
              << " unchanged, to version " << a.version << " (commit them with `data commit`)\n";
    for (const auto& c : r.newClasses)
        std::cout << "  new class: " << escapeControls(c) << "\n";
    if (!r.unknownSamples.empty()) {
        std::cerr << "warning: " << r.unknownSamples.size()
                  << " sample(s) are not in the version and were not applied:\n";
        for (std::size_t i = 0; i < r.unknownSamples.size() && i < 20; ++i)
            std::cerr << "  " << escapeControls(a.path) << ":" << r.unknownSamples[i].first
                      << ": " << escapeControls(r.unknownSamples[i].second) << "\n";
    }
}

// As `git commit` with a clean tree: "nothing to commit" and exit status 1, so that a script
// sees that no version was made and the message was not recorded.
void commit(const DataArgs& a)
{
    auto project = openForWriting(a.project);
    bool created = false;
    const auto v = data::LabelHistory(project).commit(a.version, a.message, &created);
    if (created) {
        printVersion(v, "committed the labels of version " + std::to_string(a.version));
        return;
    }
    if (v.id == a.version)
        std::cout << "nothing to commit: the labels are those of version " << a.version << "\n";
    else
        std::cout << "nothing to commit: the labels of version " << a.version
                  << " were committed before as version " << v.id
                  << (v.note.empty() ? std::string() : " (\"" + escapeControls(v.note) + "\")")
                  << "; no version was made and the message was not recorded\n";
    throw CLI::RuntimeError(1);
}

}  // namespace

void registerDataCommands(CLI::App& app)
{
    auto a = std::make_shared<DataArgs>();
    auto* data = app.add_subcommand("data", "Images, IDX, versions, diffs and labels");
    data->require_subcommand(1);
    auto withProject = [&](const char* name, const char* help, void (*run)(const DataArgs&)) {
        auto* cmd = data->add_subcommand(name, help);
        cmd->add_option("project", a->project, "Project folder")->required();
        cmd->callback([a, run] { run(*a); });
        return cmd;
    };
    auto* images = withProject("import-images", "Import a folder of images (one subfolder per "
                                                "class, or flat = unlabeled)", importImages);
    images->add_option("folder", a->path)->required();
    images->add_option("--name", a->name, "Dataset name (default: the folder's name)");
    images->add_option("--size", a->size, "WIDTHxHEIGHT (default: the most common size)");
    images->add_option("--resize", a->resize, "stretch, fit (letterbox) or crop");
    images->add_option("--channels", a->channels, "1 or 3 (default: 1 if all are grayscale)")
        ->check(CLI::IsMember({0u, 1u, 3u}));
    auto* idx = withProject("import-idx", "Import MNIST-style IDX pairs (a folder or one file)",
                            importIdx);
    idx->add_option("path", a->path)->required();
    idx->add_option("--name", a->name, "Dataset name (default: the folder's name)");
    idx->add_option("--val", a->val, "Share of the training files held out for validation")
        ->check(numberIn(0, 0.9));
    idx->add_option("--seed", a->seed)->check(seedValidator());
    auto* versions = withProject("versions", "List datasets and their versions", listVersions);
    versions->add_option("--dataset", a->dataset, "Only this dataset");
    auto* diffCmd = withProject("diff", "What changed between two versions", diff);
    // "-1" would reach the store as a lookup and come back as "not found (-1)".
    const auto versionId = idValidator("a dataset version id");
    diffCmd->add_option("from", a->version)->required()->check(versionId);
    diffCmd->add_option("to", a->other)->required()->check(versionId);
    auto* exportCmd = withProject("export-labels", "Labels as CSV, or images as an ImageFolder "
                                                   "tree", exportLabels);
    exportCmd->add_option("--version", a->version)->required()->check(versionId);
    exportCmd->add_option("--out", a->out, "CSV file (sample,label,verified,source)");
    exportCmd->add_option("--folder", a->folder, "A new folder: <class>/<image>.png");
    auto* importCmd = withProject("import-labels", "Apply a CSV of sample,label to a version's "
                                                   "working labels", importLabels);
    importCmd->add_option("--version", a->version)->required()->check(versionId);
    importCmd->add_option("file", a->path)->required();
    auto* commitCmd = withProject("commit", "Make a new version from a version's working labels",
                                  commit);
    commitCmd->add_option("--version", a->version)->required()->check(versionId);
    commitCmd->add_option("-m,--message", a->message, "What changed")->required();
}

}  // namespace flightdeck::cli
