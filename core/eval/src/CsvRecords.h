#pragma once
// Internal: a fast CSV record reader for prediction files. RFC 4180 quoting (a quoted field may
// hold delimiters, newlines and doubled quotes), CRLF or LF, a UTF-8 BOM skipped, blank lines
// skipped, spaces around unquoted fields trimmed. Fields are views into the file text (no
// allocation per cell); only quoted fields with doubled quotes are copied, into reused buffers.
#include "flightdeck/common/Error.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace flightdeck::eval::detail {

class CsvRecords {
public:
    // Reads the whole file. Error(FileNotFound / FileUnreadable). delimiter 0 = from the
    // extension: .tsv/.tab -> tab, else comma.
    CsvRecords(const std::filesystem::path& path, char delimiter);

    // The next record; false at the end. Error(BadValue, line) for an unterminated quote or
    // text after a closing quote. The views stay valid until the next call.
    bool next(std::vector<std::string_view>& fields);

    std::int64_t line() const { return recordLine_; }  // where the last record starts, 1-based
    const std::string& file() const { return file_; }

    [[noreturn]] void fail(ErrorCode code, std::int64_t line, const std::string& field,
                           const std::string& detail) const;

private:
    std::string file_;
    std::string text_;
    const char* p_ = nullptr;
    const char* end_ = nullptr;
    std::int64_t physicalLine_ = 1;
    std::int64_t recordLine_ = 0;
    char delim_ = ',';
    std::vector<std::string> scratch_;
};

// The whole text is a number (fast_float when available; "nan" and "inf" included; a leading
// '+' allowed). Empty text is not a number.
bool parseDouble(std::string_view text, double& value);
// The whole text is a base-10 integer.
bool parseInteger(const std::string& text, long long& value);

}  // namespace flightdeck::eval::detail
