#pragma once
// A numeric dataset in memory: float32 features (row-major) plus an integer class label per row.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flightdeck::data {

struct Table {
    std::vector<std::string> featureNames;
    std::string labelName;
    std::vector<std::string> classes;   // label index -> class name
    std::vector<float> features;        // rows() * cols(), row-major
    // One per row, index into classes; -1 = unlabeled (fresh production data waiting for a
    // label): in no split, so never trained or evaluated on.
    std::vector<std::int32_t> labels;

    std::size_t rows() const { return labels.size(); }
    std::size_t cols() const { return featureNames.size(); }
    const float* row(std::size_t r) const { return features.data() + r * cols(); }
};

// Binary form stored in the object store (its SHA-256 is the dataset version hash).
// Deterministic: the same table always serializes to the same bytes.
std::string serializeTable(const Table& table);
Table deserializeTable(const std::string& bytes);   // Error(CorruptObject) on bad bytes
// serializeTable's bytes as parts, for ObjectStore::put(parts): {header, feature bytes, label
// bytes}, the arrays viewed in place in `table` (so no copy of the dataset is made). `header`
// receives the header bytes and must outlive the views, as must `table`. Joined, the parts are
// byte-identical to serializeTable(table); a big-endian host gets its whole bytes as one part.
std::vector<std::string_view> tableParts(const Table& table, std::string& header);

// {"features":[...],"label":"...","classes":[...]} as stored in DatasetVersionRecord::schemaJson.
std::string tableSchemaJson(const Table& table);

}  // namespace flightdeck::data
