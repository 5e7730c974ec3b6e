#include "flightdeck/data/Table.h"

#include "Binary.h"

#include <nlohmann/json.hpp>

namespace flightdeck::data {

namespace {
constexpr char kMagic[5] = "FDTB";
constexpr std::uint32_t kFormatVersion = 1;

void checkShape(const Table& table)
{
    if (table.features.size() != table.rows() * table.cols())
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "features",
                              "expected rows x cols = "
                                  + std::to_string(table.rows() * table.cols()) + " values, got "
                                  + std::to_string(table.features.size())});
}

// Everything before the feature values: magic, version, counts and names.
void writeHeader(binary::Writer& w, const Table& table)
{
    w.raw(kMagic, 4);
    w.u32(kFormatVersion);
    w.u64(table.rows());
    w.u64(table.cols());
    w.u64(table.classes.size());
    w.str(table.labelName);
    for (const auto& name : table.featureNames)
        w.str(name);
    for (const auto& name : table.classes)
        w.str(name);
}

std::size_t headerSize(const Table& table)
{
    std::size_t size = 4 + 4 + 3 * 8 + 4 + table.labelName.size();
    for (const auto& name : table.featureNames)
        size += 4 + name.size();
    for (const auto& name : table.classes)
        size += 4 + name.size();
    return size;
}

}  // namespace

// Layout (all little-endian): "FDTB", u32 version, u64 rows, u64 cols, u64 classes,
// str label name, cols x str feature name, classes x str class name,
// rows*cols f32 features (row-major), rows x u32 label; str = u32 length + UTF-8 bytes.
std::string serializeTable(const Table& table)
{
    checkShape(table);
    // The exact size: a short reserve made the last append reallocate, holding the features
    // three times over (the table, the full buffer and its doubled successor) at the peak.
    binary::Writer w;
    w.reserve(headerSize(table) + (table.features.size() + table.labels.size()) * 4);
    writeHeader(w, table);
    w.array32(table.features.data(), table.features.size());
    w.array32(table.labels.data(), table.labels.size());
    return w.take();
}

std::vector<std::string_view> tableParts(const Table& table, std::string& header)
{
    if (!binary::kLittleEndianHost) {
        // The arrays' in-memory bytes are not their stored bytes here: serialize them whole.
        header = serializeTable(table);
        return {header};
    }
    checkShape(table);
    binary::Writer w;
    w.reserve(headerSize(table));
    writeHeader(w, table);
    header = w.take();
    return {header,
            {reinterpret_cast<const char*>(table.features.data()), table.features.size() * 4},
            {reinterpret_cast<const char*>(table.labels.data()), table.labels.size() * 4}};
}

Table deserializeTable(const std::string& bytes)
{
    binary::Reader r(bytes, "table");
    r.magic(kMagic);
    const std::uint32_t version = r.u32("the format version");
    if (version != kFormatVersion)
        r.fail("expected table format version " + std::to_string(kFormatVersion) + ", found "
               + std::to_string(version));
    const std::uint64_t rows = r.u64("the row count");
    const std::uint64_t cols = r.u64("the column count");
    const std::uint64_t classes = r.u64("the class count");
    // Every name takes at least its 4-byte length, every cell 4 bytes: checking those minimums
    // before reserving keeps a corrupt count from triggering a huge allocation.
    if (cols > r.remaining() / 4 || classes > r.remaining() / 4
        || (cols != 0 && rows > r.remaining() / 4 / cols) || rows > r.remaining() / 4)
        r.fail("counts (" + std::to_string(rows) + " rows, " + std::to_string(cols)
               + " columns, " + std::to_string(classes) + " classes) exceed the "
               + std::to_string(bytes.size()) + " bytes present");
    Table t;
    t.labelName = r.str("the label name");
    t.featureNames.reserve(cols);
    for (std::uint64_t i = 0; i < cols; ++i)
        t.featureNames.push_back(r.str("a feature name"));
    t.classes.reserve(classes);
    for (std::uint64_t i = 0; i < classes; ++i)
        t.classes.push_back(r.str("a class name"));
    r.need((rows * cols + rows) * 4, "the features and labels");
    t.features.resize(rows * cols);
    r.array32(t.features.data(), t.features.size(), "the feature values");
    t.labels.resize(rows);
    r.array32(t.labels.data(), t.labels.size(), "the labels");
    for (std::uint64_t i = 0; i < rows; ++i)
        if (t.labels[i] < -1 || (t.labels[i] >= 0 && static_cast<std::uint64_t>(t.labels[i]) >= classes))
            r.fail("row " + std::to_string(i) + ": expected a label below "
                   + std::to_string(classes) + " (or -1, unlabeled), found "
                   + std::to_string(t.labels[i]));
    r.end();
    return t;
}

std::string tableSchemaJson(const Table& table)
{
    nlohmann::json j;
    j["features"] = table.featureNames;
    j["label"] = table.labelName;
    j["classes"] = table.classes;
    return j.dump();
}

}  // namespace flightdeck::data
