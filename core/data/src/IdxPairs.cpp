#include "flightdeck/data/IdxReader.h"

#include "flightdeck/common/Error.h"

#include <algorithm>

namespace fs = std::filesystem;

namespace flightdeck::data {

namespace {

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

}  // namespace flightdeck::data
