#pragma once
// Typed errors for the Qt-free core. The core never formats user-facing prose for the GUI:
// it reports a code plus context (file, line, field, detail) and the ui turns that into a
// translated message. what() carries a plain English rendering for the CLI and logs.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace flightdeck {

enum class ErrorCode {
    FileNotFound,      // file: the missing path
    FileUnreadable,    // file
    FileUnwritable,    // file (or folder)
    EmptyFile,         // file
    NoHeader,          // file
    RaggedRow,         // file, line, detail: "expected N fields, got M"
    NotANumber,        // file, line, field (column name), detail: the offending text
    NoLabelColumn,     // file, detail: the columns that exist
    TooFewRows,        // file / detail
    BadValue,          // file, line, field, detail: generic malformed value
    NotAProject,       // file: the folder or database
    NewerSchema,       // file, detail: "database schema N, this build understands M"
    CorruptProject,    // file, detail: sqlite's message
    CorruptObject,     // field: object hash
    InvalidSpec,       // field: the JSON path, detail: what was expected
    InvalidArgument,   // field, detail
    NotFound,          // field: the kind ("run", "dataset version"), detail: the id
    TrainingFailed,    // detail
    Cancelled,
    Database,          // detail: sqlite's message
    Io,                // file, detail
    DiskFull,          // file: where the write failed, detail: what was being written
};

// The code for a failed write with this errno: DiskFull for ENOSPC / EDQUOT, else `otherwise`.
ErrorCode writeErrorCode(int errnoValue, ErrorCode otherwise = ErrorCode::FileUnwritable);

struct ErrorInfo {
    ErrorCode code = ErrorCode::Io;
    std::string file;
    std::int64_t line = 0;  // 1-based; 0 when not about a line
    std::string field;
    std::string detail;
};

// Stable identifier, e.g. "ragged_row"; used in JSON output and by the ui's translation table.
const char* errorCodeName(ErrorCode code);

// English one-liner: "data.csv:12: column \"age\": expected a number, got \"abc\"". Control
// characters from the data (ESC, CR, BEL, C1 codes) are written as \xNN, so printing a
// hostile file's bytes in an error cannot drive the user's terminal.
std::string describe(const ErrorInfo& info);

// `text` with ASCII controls (except none), DEL and UTF-8-encoded C1 controls as \xNN.
std::string escapeControls(std::string_view text);

class Error : public std::runtime_error {
public:
    explicit Error(ErrorInfo info);
    Error(ErrorCode code, std::string detail);
    const ErrorInfo& info() const noexcept { return info_; }
    ErrorCode code() const noexcept { return info_.code; }

private:
    ErrorInfo info_;
};

}  // namespace flightdeck
