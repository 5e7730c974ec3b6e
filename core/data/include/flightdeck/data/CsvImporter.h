#pragma once
// CSV/TSV with a header row: numeric feature columns plus one label column (any text).
#include "flightdeck/common/Error.h"
#include "flightdeck/data/Table.h"

#include <filesystem>
#include <string>
#include <vector>

namespace flightdeck::data {

// The rows an import left out, when the caller asked to hear of them (CsvOptions::report).
struct CsvReport {
    static constexpr std::size_t kMaxListed = 1000;
    std::vector<ErrorInfo> skipped;   // the first kMaxListed, each with its line and why
    std::size_t skippedCount = 0;
};

struct CsvOptions {
    // 0 = from the extension (.tsv/.tab -> tab, else comma).
    char delimiter = 0;
    // Empty = the first column named label/class/target/y (case-insensitive); if none exists,
    // Error(NoLabelColumn) listing the columns that do.
    std::string labelColumn;
    // Columns read but not stored (an id, a free-text note): any text, never a feature.
    // Error(InvalidArgument) for a name the header lacks or for the label column.
    std::vector<std::string> skipColumns;
    // Set: a row that cannot be read (a different field count, a cell that is not a number)
    // is left out and listed here instead of failing the import.
    CsvReport* report = nullptr;
    // A regression target: a label that is not a finite number is refused at its line (as a
    // bad row), not at training.
    bool numericLabels = false;
};

// Parses with fast_float; quoted fields (RFC 4180) are accepted. Every problem throws
// flightdeck::Error with file, 1-based line and column name: FileNotFound, EmptyFile,
// NoHeader, RaggedRow, NotANumber (also for NaN/Inf text and empty cells), NoLabelColumn,
// TooFewRows (a header with no data, or no row left). A blank label makes the row unlabeled
// (label -1: production data waiting for a label, in no split); a file whose every label is
// blank is BadValue, since it names no class at all. Class names are ordered numerically when
// all labels are integers, else lexicographically.
Table importCsv(const std::filesystem::path& file, const CsvOptions& options = {});

// The delimiter a file is read with: `requested`, else tab for .tsv/.tab and comma otherwise.
char csvDelimiter(const std::filesystem::path& file, char requested = 0);
// The label column when none is named: the first column called label, class, target or y
// (case-insensitive, by name before position); npos when there is none.
std::size_t namedLabelColumn(const std::vector<std::string>& header);

}  // namespace flightdeck::data
