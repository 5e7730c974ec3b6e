#include "CsvRecords.h"

#include "CsvSource.h"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

namespace flightdeck::data::csv {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

bool parseNumber(std::string_view cell, float& out)
{
    std::string_view s = trim(cell);
    if (s.size() > 1 && s.front() == '+' && s[1] != '-' && s[1] != '+')
        s.remove_prefix(1);   // std::from_chars grammar has no leading '+', CSV writers do
    if (s.empty())
        return false;
    double value = 0;
    const auto result = fast_float::from_chars(s.data(), s.data() + s.size(), value);
    if (result.ec != std::errc() || result.ptr != s.data() + s.size())
        return false;
    if (!std::isfinite(value) || std::fabs(value) > FLT_MAX)
        return false;
    out = static_cast<float>(value);
    return true;
}

bool fastPathDelimiter(char d)
{
    return std::strchr("0123456789+-.eE \t\r\n\"", d) == nullptr && d != '\0';
}

namespace {

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
constexpr bool kLittleEndian = true;
#else
constexpr bool kLittleEndian = false;
#endif

constexpr std::uint64_t kPow10Int[9] = {1,         10,         100,         1000,       10000,
                                        100000,    1000000,    10000000,    100000000};
constexpr double kPow10[16] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                               1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

// Counts the ASCII digits at the start of `s` (at most 8, never past `stop`) and adds their
// value to `mantissa`, eight bytes at a time: the random lengths of real numbers make a
// byte-by-byte loop mispredict its exit on nearly every cell. Needs 8 readable bytes at `s`
// (CsvSource pads its buffer).
inline std::size_t digits8(const char* s, const char* stop, std::uint64_t& mantissa)
{
    std::uint64_t v;
    std::memcpy(&v, s, 8);
    if (!kLittleEndian) {
        std::size_t n = 0;
        while (n < 8 && s + n < stop && static_cast<unsigned>(s[n] - '0') < 10)
            mantissa = mantissa * 10 + static_cast<unsigned>(s[n++] - '0');
        return n;
    }
    // Byte k (the k-th character) minus '0' is a digit when below 10; the first non-digit is
    // the lowest byte whose high bit ends up set (the bytes before it neither borrow nor carry).
    const std::uint64_t x = v - 0x3030303030303030ull;
    const std::uint64_t nonDigit = (x | (x + 0x7676767676767676ull)) & 0x8080808080808080ull;
    std::size_t n = nonDigit ? static_cast<std::size_t>(__builtin_ctzll(nonDigit)) / 8 : 8;
    n = std::min<std::size_t>(n, static_cast<std::size_t>(stop - s));
    if (n == 0)
        return 0;
    // The n digits moved to the top bytes read as the 8-digit number 000...d1..dn.
    std::uint64_t d = x << (8 * (8 - n));
    d = d * 10 + (d >> 8);
    d = (((d & 0x000000FF000000FFull) * (100 + (1000000ull << 32)))
         + (((d >> 16) & 0x000000FF000000FFull) * (1 + (10000ull << 32))))
        >> 32;
    mantissa = mantissa * kPow10Int[n] + (d & 0xFFFFFFFFull);
    return n;
}

// The common cell, [-]digits[.digits] with at most 15 digits, read in the same pass that finds
// its end. Such a mantissa and power of ten are exact doubles, so one IEEE division is the
// correctly rounded value: bit for bit what fast_float (also correctly rounded) returns, so
// the dataset's bytes and hash do not depend on the path. Anything else returns false and
// goes through parseNumber.
inline bool plainNumber(const char*& p, const char* stop, char delim, float& out)
{
    const char* s = p;
    const bool negative = s < stop && *s == '-';
    s += negative;
    std::uint64_t mantissa = 0;
    std::size_t intDigits = 0, n;
    do {
        n = digits8(s, stop, mantissa);
        s += n;
        intDigits += n;
    } while (n == 8 && intDigits <= 15);
    std::size_t fracDigits = 0;
    if (s < stop && *s == '.') {
        ++s;
        do {
            n = digits8(s, stop, mantissa);
            s += n;
            fracDigits += n;
        } while (n == 8 && intDigits + fracDigits <= 15);
        if (fracDigits == 0)
            return false;
    }
    if (intDigits == 0 || intDigits + fracDigits > 15 || (s != stop && *s != delim))
        return false;
    double value = static_cast<double>(mantissa);
    if (fracDigits != 0)
        value /= kPow10[fracDigits];
    out = static_cast<float>(negative ? -value : value);
    p = s;
    return true;
}

inline const char* findOr(const char* p, const char* stop, char c)
{
    const void* hit = std::memchr(p, c, static_cast<std::size_t>(stop - p));
    return hit ? static_cast<const char*>(hit) : stop;
}

}  // namespace

const char* parseFastRow(const char* p, const char* end, char delim, std::size_t columns,
                         std::size_t labelIndex, float* features, std::string_view& label)
{
    const char* newline = findOr(p, end, '\n');
    const char* next = newline == end ? end : newline + 1;
    const char* stop = newline;
    if (stop > p && stop[-1] == '\r')
        --stop;   // "\r\n", or a lone '\r' ending the file: both end the line
    for (std::size_t i = 0; i < columns; ++i) {
        if (p < stop && *p == '"')
            return nullptr;
        if (i == labelIndex) {
            const char* fieldEnd = findOr(p, stop, delim);
            label = trim(std::string_view(p, static_cast<std::size_t>(fieldEnd - p)));
            if (label.empty())
                return nullptr;
            p = fieldEnd;
        } else if (!plainNumber(p, stop, delim, *features)) {
            const char* fieldEnd = findOr(p, stop, delim);
            if (!parseNumber(std::string_view(p, static_cast<std::size_t>(fieldEnd - p)),
                             *features))
                return nullptr;
            p = fieldEnd;
        }
        if (i != labelIndex)
            ++features;
        if (i + 1 == columns)
            return p == stop ? next : nullptr;
        if (p == stop)
            return nullptr;   // fewer fields than the header
        ++p;                  // the delimiter
    }
    return nullptr;   // columns == 0: the general reader reports it
}

RecordParser::Step RecordParser::next(std::string_view text, bool atEof, std::int64_t line,
                                      std::vector<std::string>& fields)
{
    text_ = text;
    atEof_ = atEof;
    pos_ = 0;
    line_ = startLine_ = line;
    inQuote_ = false;
    if (text_.empty())
        return atEof ? Step::End : Step::NeedMore;
    std::size_t count = 0;
    for (;;) {
        if (fields.size() <= count)
            fields.emplace_back();
        std::string& field = fields[count++];
        field.clear();
        const FieldEnd end = readField(field, line);
        if (end == FieldEnd::NeedMore)
            return Step::NeedMore;
        if (end == FieldEnd::Record)
            break;
    }
    fields.resize(count);
    if (count == 1 && trim(fields[0]).empty() && !lastFieldQuoted_)
        return Step::Blank;   // blank line (including a trailing one)
    return Step::Record;
}

int RecordParser::lineEndAt() const
{
    if (text_[pos_] == '\n')
        return 1;
    if (text_[pos_] != '\r')
        return 0;
    if (pos_ + 1 == text_.size())
        return atEof_ ? 1 : -1;
    return text_[pos_ + 1] == '\n' ? 1 : 0;
}

RecordParser::FieldEnd RecordParser::readField(std::string& field, std::int64_t recordLine)
{
    lastFieldQuoted_ = pos_ < text_.size() && text_[pos_] == '"';
    if (lastFieldQuoted_) {
        ++pos_;
        inQuote_ = true;
        for (;;) {
            if (pos_ >= text_.size()) {
                if (!atEof_)
                    return FieldEnd::NeedMore;
                ctx_.fail(ErrorCode::BadValue, recordLine, {},
                          "expected a closing quote for the field opened on line "
                              + std::to_string(recordLine) + ", found the end of the file");
            }
            const char c = text_[pos_++];
            if (c == '"') {
                if (pos_ == text_.size() && !atEof_)
                    return FieldEnd::NeedMore;   // a doubled quote may follow
                if (pos_ < text_.size() && text_[pos_] == '"') {
                    field.push_back('"');
                    ++pos_;
                    continue;
                }
                break;
            }
            if (c == '\n')
                ++line_;
            field.push_back(c);
        }
        inQuote_ = false;
        if (pos_ < text_.size() && text_[pos_] != delim_) {
            const int lineEnd = lineEndAt();
            if (lineEnd < 0)
                return FieldEnd::NeedMore;
            if (lineEnd == 0)
                ctx_.fail(ErrorCode::BadValue, line_, {},
                          std::string("expected a delimiter or line end after a closing quote, "
                                      "found '")
                              + text_[pos_] + "'");
        }
    } else {
        const std::size_t start = pos_;
        for (;;) {
            if (pos_ >= text_.size() || text_[pos_] == delim_)
                break;
            const int lineEnd = lineEndAt();
            if (lineEnd < 0)
                return FieldEnd::NeedMore;
            if (lineEnd > 0)
                break;
            ++pos_;
        }
        if (pos_ >= text_.size() && !atEof_)
            return FieldEnd::NeedMore;
        field.assign(text_.data() + start, pos_ - start);
    }
    if (pos_ >= text_.size())
        return atEof_ ? FieldEnd::Record : FieldEnd::NeedMore;
    if (text_[pos_] == delim_) {
        ++pos_;
        return FieldEnd::Delimiter;
    }
    pos_ = std::min(text_.size(), pos_ + (text_[pos_] == '\r' ? 2 : 1));   // "\r\n" or "\n"
    ++line_;
    return FieldEnd::Record;
}

}  // namespace flightdeck::data::csv
