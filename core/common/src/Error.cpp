#include "flightdeck/common/Error.h"

#include <cerrno>

namespace flightdeck {

const char* errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::FileNotFound: return "file_not_found";
    case ErrorCode::FileUnreadable: return "file_unreadable";
    case ErrorCode::FileUnwritable: return "file_unwritable";
    case ErrorCode::EmptyFile: return "empty_file";
    case ErrorCode::NoHeader: return "no_header";
    case ErrorCode::RaggedRow: return "ragged_row";
    case ErrorCode::NotANumber: return "not_a_number";
    case ErrorCode::NoLabelColumn: return "no_label_column";
    case ErrorCode::TooFewRows: return "too_few_rows";
    case ErrorCode::BadValue: return "bad_value";
    case ErrorCode::NotAProject: return "not_a_project";
    case ErrorCode::NewerSchema: return "newer_schema";
    case ErrorCode::CorruptProject: return "corrupt_project";
    case ErrorCode::CorruptObject: return "corrupt_object";
    case ErrorCode::InvalidSpec: return "invalid_spec";
    case ErrorCode::InvalidArgument: return "invalid_argument";
    case ErrorCode::NotFound: return "not_found";
    case ErrorCode::TrainingFailed: return "training_failed";
    case ErrorCode::Cancelled: return "cancelled";
    case ErrorCode::Database: return "database";
    case ErrorCode::Io: return "io";
    case ErrorCode::DiskFull: return "disk_full";
    }
    return "unknown";
}

static const char* englishSummary(ErrorCode code)
{
    switch (code) {
    case ErrorCode::FileNotFound: return "no such file";
    case ErrorCode::FileUnreadable: return "cannot read the file";
    case ErrorCode::FileUnwritable: return "cannot write here";
    case ErrorCode::EmptyFile: return "the file is empty";
    case ErrorCode::NoHeader: return "the first line is not a header";
    case ErrorCode::RaggedRow: return "wrong number of fields";
    case ErrorCode::NotANumber: return "expected a number";
    case ErrorCode::NoLabelColumn: return "no label column";
    case ErrorCode::TooFewRows: return "too few rows";
    case ErrorCode::BadValue: return "bad value";
    case ErrorCode::NotAProject: return "not a Flightdeck project";
    case ErrorCode::NewerSchema: return "written by a newer Flightdeck";
    case ErrorCode::CorruptProject: return "the project database is damaged";
    case ErrorCode::CorruptObject: return "a stored object does not match its hash";
    case ErrorCode::InvalidSpec: return "invalid architecture spec";
    case ErrorCode::InvalidArgument: return "invalid argument";
    case ErrorCode::NotFound: return "not found";
    case ErrorCode::TrainingFailed: return "training failed";
    case ErrorCode::Cancelled: return "cancelled";
    case ErrorCode::Database: return "database error";
    case ErrorCode::Io: return "input/output error";
    case ErrorCode::DiskFull: return "the disk is full; free some space and try again";
    }
    return "error";
}

ErrorCode writeErrorCode(int errnoValue, ErrorCode otherwise)
{
    return errnoValue == ENOSPC || errnoValue == EDQUOT ? ErrorCode::DiskFull : otherwise;
}

std::string escapeControls(std::string_view text)
{
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    auto escape = [&](unsigned char c) {
        out += "\\x";
        out += hex[c >> 4];
        out += hex[c & 15];
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7f) {
            escape(c);
        } else if (c == 0xc2 && i + 1 < text.size() &&
                   static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
            escape(c);   // U+0080..U+009F: C1 controls (CSI among them)
            escape(static_cast<unsigned char>(text[++i]));
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string describe(const ErrorInfo& info)
{
    std::string out;
    if (!info.file.empty()) {
        out += escapeControls(info.file);
        if (info.line > 0)
            out += ":" + std::to_string(info.line);
        out += ": ";
    }
    if (!info.field.empty())
        out += "\"" + escapeControls(info.field) + "\": ";
    out += englishSummary(info.code);
    if (!info.detail.empty())
        out += " (" + escapeControls(info.detail) + ")";
    return out;
}

Error::Error(ErrorInfo info) : std::runtime_error(describe(info)), info_(std::move(info)) {}

Error::Error(ErrorCode code, std::string detail)
    : Error(ErrorInfo{code, {}, 0, {}, std::move(detail)})
{
}

}  // namespace flightdeck
