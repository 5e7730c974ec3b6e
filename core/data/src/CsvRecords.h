#pragma once
// Internal to core/data: turning CSV bytes into records. Two paths give the same result:
// `parseFastRow` reads a plain row (no quotes, every number plain) straight into floats from
// the bytes, without making a string per field; `RecordParser` is the general RFC 4180 reader
// (quotes, doubled quotes, line breaks inside quotes) that owns every error message. A row the
// fast path does not fully accept is simply read again by the general one, so the errors,
// their order and the values never depend on which path ran.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flightdeck::data::csv {

struct Context;

std::string_view trim(std::string_view s);

// Strict: the whole cell (spaces and tabs around it aside) must be a finite number that fits a
// float; parsed as a double, then rounded to float (features are float32).
bool parseNumber(std::string_view cell, float& out);

// Whether the fast path can be used with this delimiter: not a character a number, a quote or
// a line end can contain.
bool fastPathDelimiter(char delimiter);

// A plain row of `columns` fields starting at `p`, which must end in '\n' before `end` unless
// `end` is the end of the file. Fills `features` (columns - 1 values, the label skipped) and
// `label` (trimmed, viewing the input) and returns the first byte after the row's line end, or
// nullptr when the row needs the general reader (quotes, a different field count, a cell that
// is not a number, an empty label, a blank line).
const char* parseFastRow(const char* p, const char* end, char delimiter, std::size_t columns,
                         std::size_t labelIndex, float* features, std::string_view& label);

// RFC 4180 records over a window of the file. Quoted fields may hold delimiters, doubled
// quotes and line breaks, which is why records and physical lines are tracked separately.
class RecordParser {
public:
    enum class Step {
        Record,     // `fields` holds a record
        Blank,      // a blank line was skipped
        NeedMore,   // the record runs past the window: call again with a longer one
        End         // the window is empty and ends the file
    };
    RecordParser(char delimiter, const Context& ctx) : delim_(delimiter), ctx_(ctx) {}

    // Reads one record from the start of `text`; `atEof` says that `text` ends the file.
    // `line` is the 1-based line the record starts on; afterwards used() and lines() tell how
    // many bytes and line breaks it took.
    Step next(std::string_view text, bool atEof, std::int64_t line,
              std::vector<std::string>& fields);
    std::size_t used() const { return pos_; }
    std::int64_t lines() const { return line_ - startLine_; }
    // After NeedMore: whether the window ended inside a quoted field.
    bool inQuote() const { return inQuote_; }
    // Whether the last field read was quoted (a quoted empty field is not a blank line).
    bool lastFieldQuoted() const { return lastFieldQuoted_; }

private:
    enum class FieldEnd { Delimiter, Record, NeedMore };
    FieldEnd readField(std::string& field, std::int64_t recordLine);
    // 1 = a line end at pos_, 0 = none, -1 = cannot tell before more input.
    int lineEndAt() const;

    std::string_view text_;
    bool atEof_ = false;
    char delim_;
    const Context& ctx_;
    std::size_t pos_ = 0;
    std::int64_t line_ = 1, startLine_ = 1;
    bool lastFieldQuoted_ = false, inQuote_ = false;
};

}  // namespace flightdeck::data::csv
