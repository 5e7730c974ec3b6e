#pragma once
// The first rows of a CSV/TSV as text, for a person to look at before choosing what each column
// is. Reads only as far as those rows (a 2 GB file costs what its first block costs), and
// never fails on a row the import would refuse: the preview is where such rows are seen.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace flightdeck::data {

// What a column's previewed cells hold: every non-blank one a number, some text, or nothing.
enum class ColumnKind { Number, Text, Empty };

struct CsvPreview {
    char delimiter = ',';
    std::vector<std::string> header;              // trimmed, as the import reads it
    std::vector<std::vector<std::string>> rows;   // at most the rows asked for, as written
    std::vector<std::int64_t> lines;              // each row's 1-based line
    bool wholeFile = false;                       // no rows beyond these

    ColumnKind kind(std::size_t column) const;
};

// Error(FileNotFound, FileUnreadable, EmptyFile) as importCsv; an unclosed quote ends the
// preview at the row it opens.
CsvPreview previewCsv(const std::filesystem::path& file, std::size_t maxRows, char delimiter = 0);

}  // namespace flightdeck::data
