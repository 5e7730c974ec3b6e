#pragma once
// Image folders: one subfolder per class (the folder names are the labels) or a flat folder
// (unlabeled). PNG, JPEG and BMP through stb_image (libstb), so the CLI and servers import
// without Qt. Every image becomes the dataset's one shape by a chosen rule.
#include "flightdeck/data/ImageSet.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace flightdeck::data {

enum class ResizeRule {
    Stretch,   // scale to the target size, aspect ratio not kept
    Fit,       // scale to fit inside, pad the rest with black (letterbox)
    Crop,      // scale to cover, cut the centre
};

struct ImportProgress {
    std::size_t done = 0, total = 0;   // files
    std::uint64_t bytes = 0;           // file bytes read so far
    double seconds = 0;
};

struct ImageImportOptions {
    std::uint32_t width = 0, height = 0;   // 0 x 0 = the most common size among the images
    ResizeRule rule = ResizeRule::Stretch;
    std::uint32_t channels = 0;            // 0 = 1 if every image is grayscale, else 3
    std::uint64_t maxFileBytes = std::uint64_t(256) << 20;
    unsigned threads = 0;                  // decoding threads; 0 = the cores
    // The memory the version is weighed against: pixels over a fifth of it (training holds
    // them as floats too) are refused before decoding. 0 = the machine's physical memory.
    std::uint64_t memoryBytes = 0;
    // Called on the importing thread every few dozen files; returning false cancels the
    // import (Error Cancelled), and nothing has been written anywhere.
    std::function<bool(const ImportProgress&)> progress;
};

struct SkippedFile {
    std::string file;
    std::string reason;
};

struct SizeCount {
    std::uint32_t width = 0, height = 0;
    std::size_t count = 0;
};

struct ImageImport {
    ImageSet images;
    std::vector<SkippedFile> skipped;      // unreadable, not an image, too large, links...
    std::vector<SizeCount> sizes;          // the sizes found, most common first
    std::size_t resized = 0;               // images whose size differed from the target
    std::uint64_t bytes = 0;               // file bytes read
    bool labeledByFolder = false;
};

// Files are taken in path order, so the same folder always gives the same version. Symbolic
// links to folders are not followed (no loops); a file that fails is skipped and reported.
// Throws FileNotFound (no such folder), TooFewRows (no image could be read, with the first
// reasons) and BadValue (a class folder whose name cannot be a class name; more pixels than
// memory allows, or memory running out, with the sizes).
ImageImport importImageFolder(const std::filesystem::path& folder,
                              const ImageImportOptions& options = {});

ResizeRule resizeRuleFromName(const std::string& name);   // stretch, fit, crop
const char* resizeRuleName(ResizeRule rule);

}  // namespace flightdeck::data
