#pragma once
// CSV/TSV with a header row: numeric feature columns plus one label column (any text).
#include "flightdeck/data/Table.h"

#include <filesystem>
#include <string>

namespace flightdeck::data {

struct CsvOptions {
    // 0 = from the extension (.tsv/.tab -> tab, else comma).
    char delimiter = 0;
    // Empty = the first column named label/class/target/y (case-insensitive); if none exists,
    // Error(NoLabelColumn) listing the columns that do.
    std::string labelColumn;
};

// Parses with fast_float; quoted fields (RFC 4180) are accepted. Every problem throws
// flightdeck::Error with file, 1-based line and column name: FileNotFound, EmptyFile,
// NoHeader, RaggedRow, NotANumber (also for NaN/Inf text and empty cells), NoLabelColumn,
// TooFewRows (a header with no data). Class names are ordered numerically when all labels are
// integers, else lexicographically.
Table importCsv(const std::filesystem::path& file, const CsvOptions& options = {});

}  // namespace flightdeck::data
