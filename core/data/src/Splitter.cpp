#include "flightdeck/data/Splitter.h"

#include "Binary.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace flightdeck::data {

namespace {

constexpr char kMagic[5] = "FDSP";
constexpr std::uint32_t kFormatVersion = 1;

// Uniform in [0, bound) by rejection: values below 2^64 mod bound are discarded so every
// residue is equally likely. std::uniform_int_distribution is avoided because its algorithm,
// and so the split a seed produces, differs between standard libraries.
std::uint64_t boundedRandom(std::mt19937_64& rng, std::uint64_t bound)
{
    const std::uint64_t threshold = (0 - bound) % bound;
    for (;;) {
        const std::uint64_t x = rng();
        if (x >= threshold)
            return x % bound;
    }
}

void fisherYates(std::vector<std::uint32_t>& items, std::mt19937_64& rng)
{
    for (std::size_t i = items.size(); i > 1; --i) {
        const auto j = static_cast<std::size_t>(boundedRandom(rng, i));
        std::swap(items[i - 1], items[j]);
    }
}

[[noreturn]] void invalid(const char* field, std::string detail)
{
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, field, std::move(detail)});
}

void checkFractions(const SplitFractions& f)
{
    const bool ok = f.train >= 0 && f.val >= 0 && f.test >= 0   // also false for NaN
                    && std::fabs(f.train + f.val + f.test - 1.0) <= 1e-6;
    if (!ok)
        invalid("fractions", "expected train, val and test >= 0 summing to 1, got "
                                 + std::to_string(f.train) + ", " + std::to_string(f.val) + ", "
                                 + std::to_string(f.test));
}

}  // namespace

Split stratifiedSplit(const std::vector<std::int32_t>& labels, int numClasses,
                      const SplitFractions& fractions, std::uint64_t seed)
{
    checkFractions(fractions);
    if (numClasses < 0)
        invalid("numClasses", "expected a class count >= 0, got " + std::to_string(numClasses));
    std::vector<std::vector<std::uint32_t>> byClass(static_cast<std::size_t>(numClasses));
    for (std::size_t row = 0; row < labels.size(); ++row) {
        const std::int32_t label = labels[row];
        if (label < 0 || label >= numClasses)
            invalid("labels", "row " + std::to_string(row) + ": expected a label in [0, "
                                  + std::to_string(numClasses) + "), got "
                                  + std::to_string(label));
        byClass[static_cast<std::size_t>(label)].push_back(static_cast<std::uint32_t>(row));
    }
    // One stream for all classes, consumed in class order: the split depends only on the
    // labels and the seed.
    std::mt19937_64 rng(seed);
    Split split;
    for (auto& rows : byClass) {
        fisherYates(rows, rng);
        const auto n = static_cast<std::int64_t>(rows.size());
        const std::int64_t nVal = std::min<std::int64_t>(n, std::llround(n * fractions.val));
        const std::int64_t nTest =
            std::min<std::int64_t>(n - nVal, std::llround(n * fractions.test));
        const auto valEnd = rows.begin() + nVal;
        const auto testEnd = valEnd + nTest;
        split.val.insert(split.val.end(), rows.begin(), valEnd);
        split.test.insert(split.test.end(), valEnd, testEnd);
        split.train.insert(split.train.end(), testEnd, rows.end());
    }
    std::sort(split.train.begin(), split.train.end());
    std::sort(split.val.begin(), split.val.end());
    std::sort(split.test.begin(), split.test.end());
    return split;
}

// Layout (little-endian): "FDSP", u32 version, u64 train/val/test counts, then the indices of
// train, val and test as u32.
std::string serializeSplit(const Split& split)
{
    binary::Writer w;
    w.reserve(32 + 4 * (split.train.size() + split.val.size() + split.test.size()));
    w.raw(kMagic, 4);
    w.u32(kFormatVersion);
    w.u64(split.train.size());
    w.u64(split.val.size());
    w.u64(split.test.size());
    for (const auto* part : {&split.train, &split.val, &split.test})
        w.array32(part->data(), part->size());
    return w.take();
}

Split deserializeSplit(const std::string& bytes)
{
    binary::Reader r(bytes, "split");
    r.magic(kMagic);
    const std::uint32_t version = r.u32("the format version");
    if (version != kFormatVersion)
        r.fail("expected split format version " + std::to_string(kFormatVersion) + ", found "
               + std::to_string(version));
    const std::uint64_t counts[3] = {r.u64("the train count"), r.u64("the val count"),
                                     r.u64("the test count")};
    const std::uint64_t limit = r.remaining() / 4;
    if (counts[0] > limit || counts[1] > limit || counts[2] > limit
        || counts[0] + counts[1] + counts[2] != limit)
        r.fail("expected " + std::to_string(limit) + " indices in all, found counts "
               + std::to_string(counts[0]) + " + " + std::to_string(counts[1]) + " + "
               + std::to_string(counts[2]));
    Split split;
    std::vector<std::uint32_t>* parts[3] = {&split.train, &split.val, &split.test};
    for (int p = 0; p < 3; ++p) {
        parts[p]->resize(counts[p]);
        r.array32(parts[p]->data(), parts[p]->size(), "the indices");
    }
    r.end();
    return split;
}

}  // namespace flightdeck::data
