#include "flightdeck/data/CsvImporter.h"

#include "flightdeck/common/Error.h"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace fs = std::filesystem;

namespace flightdeck::data {

namespace {

struct Context {
    std::string file;
    [[noreturn]] void fail(ErrorCode code, std::int64_t line, std::string field,
                           std::string detail) const
    {
        throw Error(ErrorInfo{code, file, line, std::move(field), std::move(detail)});
    }
};

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// RFC 4180 records over an in-memory buffer. Quoted fields may hold delimiters, doubled
// quotes and line breaks, which is why records and physical lines are tracked separately.
class RecordReader {
public:
    RecordReader(std::string_view text, char delimiter, const Context& ctx)
        : text_(text), delim_(delimiter), ctx_(ctx)
    {
    }

    // Fills `fields` with the next non-blank record; false at the end of the input.
    // `line` receives the 1-based line on which the record starts.
    bool next(std::vector<std::string>& fields, std::int64_t& line)
    {
        while (pos_ < text_.size()) {
            line = line_;
            std::size_t count = 0;
            bool endOfRecord = false;
            while (!endOfRecord) {
                if (fields.size() <= count)
                    fields.emplace_back();
                std::string& field = fields[count++];
                field.clear();
                endOfRecord = readField(field, line);
            }
            fields.resize(count);
            if (count == 1 && trim(fields[0]).empty() && !lastFieldQuoted_)
                continue;   // blank line (including a trailing one)
            return true;
        }
        return false;
    }

private:
    // Returns true when the field ended its record.
    bool readField(std::string& field, std::int64_t recordLine)
    {
        lastFieldQuoted_ = pos_ < text_.size() && text_[pos_] == '"';
        if (lastFieldQuoted_) {
            ++pos_;
            for (;;) {
                if (pos_ >= text_.size())
                    ctx_.fail(ErrorCode::BadValue, recordLine, {},
                              "expected a closing quote for the field opened on line "
                                  + std::to_string(recordLine) + ", found the end of the file");
                const char c = text_[pos_++];
                if (c == '"') {
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
            if (pos_ < text_.size() && text_[pos_] != delim_ && !atLineEnd())
                ctx_.fail(ErrorCode::BadValue, line_, {},
                          std::string("expected a delimiter or line end after a closing quote, "
                                      "found '")
                              + text_[pos_] + "'");
        } else {
            const std::size_t start = pos_;
            while (pos_ < text_.size() && text_[pos_] != delim_ && !atLineEnd())
                ++pos_;
            field.assign(text_.data() + start, pos_ - start);
        }
        if (pos_ >= text_.size())
            return true;
        if (text_[pos_] == delim_) {
            ++pos_;
            return false;
        }
        pos_ = std::min(text_.size(), pos_ + (text_[pos_] == '\r' ? 2 : 1));   // "\r\n" or "\n"
        ++line_;
        return true;
    }

    bool atLineEnd() const
    {
        return text_[pos_] == '\n'
               || (text_[pos_] == '\r' && (pos_ + 1 == text_.size() || text_[pos_ + 1] == '\n'));
    }

    std::string_view text_;
    char delim_;
    const Context& ctx_;
    std::size_t pos_ = 0;
    std::int64_t line_ = 1;
    bool lastFieldQuoted_ = false;
};

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Strict: the whole cell must be a finite number that fits a float (features are float32).
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

bool parseInteger(const std::string& s, long long& out)
{
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size() && !s.empty();
}

std::string joinNames(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

char delimiterFor(const fs::path& file, char requested)
{
    if (requested != 0)
        return requested;
    const std::string ext = lower(file.extension().string());
    return (ext == ".tsv" || ext == ".tab") ? '\t' : ',';
}

std::string readAll(const fs::path& file, const Context& ctx)
{
    std::error_code ec;
    if (!fs::exists(file, ec))
        ctx.fail(ErrorCode::FileNotFound, 0, {}, "expected a CSV file at this path, found nothing");
    if (fs::is_directory(file, ec))
        ctx.fail(ErrorCode::FileUnreadable, 0, {}, "expected a file, found a folder");
    std::ifstream in(file, std::ios::binary);
    if (!in)
        ctx.fail(ErrorCode::FileUnreadable, 0, {}, "cannot open the file for reading");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad())
        ctx.fail(ErrorCode::FileUnreadable, 0, {}, "read error");
    return buffer.str();
}

std::size_t findLabelColumn(const std::vector<std::string>& header, const CsvOptions& options,
                            std::int64_t line, const Context& ctx)
{
    if (!options.labelColumn.empty()) {
        auto it = std::find(header.begin(), header.end(), options.labelColumn);
        if (it == header.end()) {
            const std::string wanted = lower(options.labelColumn);
            it = std::find_if(header.begin(), header.end(),
                              [&](const std::string& h) { return lower(h) == wanted; });
        }
        if (it == header.end())
            ctx.fail(ErrorCode::NoLabelColumn, line, options.labelColumn,
                     "expected a column named \"" + options.labelColumn
                         + "\", found columns: " + joinNames(header));
        return static_cast<std::size_t>(it - header.begin());
    }
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string name = lower(trim(header[i]));
        if (name == "label" || name == "class" || name == "target" || name == "y")
            return i;
    }
    ctx.fail(ErrorCode::NoLabelColumn, line, {},
             "expected a column named label, class, target or y, found columns: "
                 + joinNames(header));
}

// Numeric order when every class name is an integer ("2" before "10"), else byte order.
std::vector<std::string> orderClasses(std::vector<std::string> names)
{
    std::vector<long long> values(names.size());
    bool allIntegers = true;
    for (std::size_t i = 0; i < names.size() && allIntegers; ++i)
        allIntegers = parseInteger(names[i], values[i]);
    if (!allIntegers) {
        std::sort(names.begin(), names.end());
        return names;
    }
    std::vector<std::size_t> order(names.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return values[a] != values[b] ? values[a] < values[b] : names[a] < names[b];
    });
    std::vector<std::string> out;
    out.reserve(names.size());
    for (std::size_t i : order)
        out.push_back(names[i]);
    return out;
}

}  // namespace

Table importCsv(const fs::path& file, const CsvOptions& options)
{
    const Context ctx{file.string()};
    const std::string content = readAll(file, ctx);
    std::string_view text(content);
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0)
        text.remove_prefix(3);   // UTF-8 byte order mark written by spreadsheet programs
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        ctx.fail(ErrorCode::EmptyFile, 0, {},
                 "expected a header line and data rows, found "
                     + std::string(text.empty() ? "no bytes" : "only blank lines"));

    RecordReader reader(text, delimiterFor(file, options.delimiter), ctx);
    std::vector<std::string> header;
    std::int64_t line = 0;
    reader.next(header, line);
    const std::int64_t headerLine = line;
    bool allNumeric = true;
    for (std::size_t i = 0; i < header.size(); ++i) {
        header[i] = std::string(trim(header[i]));
        float ignored;
        allNumeric = allNumeric && parseNumber(header[i], ignored);
        if (header[i].empty())
            ctx.fail(ErrorCode::NoHeader, headerLine, {},
                     "expected a name for column " + std::to_string(i + 1)
                         + ", found an empty cell");
        if (std::find(header.begin(), header.begin() + static_cast<std::ptrdiff_t>(i), header[i])
            != header.begin() + static_cast<std::ptrdiff_t>(i))
            ctx.fail(ErrorCode::NoHeader, headerLine, header[i],
                     "expected unique column names, found \"" + header[i] + "\" twice");
    }
    if (allNumeric)
        ctx.fail(ErrorCode::NoHeader, headerLine, {},
                 "expected column names in the first line, found only numbers: "
                     + joinNames(header));
    const std::size_t labelIndex = findLabelColumn(header, options, headerLine, ctx);

    Table table;
    table.labelName = header[labelIndex];
    for (std::size_t i = 0; i < header.size(); ++i)
        if (i != labelIndex)
            table.featureNames.push_back(header[i]);

    // Labels get provisional ids in order of appearance, remapped once the class order is known.
    std::unordered_map<std::string, std::int32_t> provisional;
    std::vector<std::string> seen;
    std::vector<std::string> fields;
    table.features.reserve(text.size() / 4);
    while (reader.next(fields, line)) {
        if (fields.size() != header.size())
            ctx.fail(ErrorCode::RaggedRow, line, {},
                     "expected " + std::to_string(header.size()) + " fields, got "
                         + std::to_string(fields.size()));
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i == labelIndex)
                continue;
            float value = 0;
            if (!parseNumber(fields[i], value))
                ctx.fail(ErrorCode::NotANumber, line, header[i],
                         fields[i].empty() ? std::string("(empty cell)") : fields[i]);
            table.features.push_back(value);
        }
        std::string label(trim(fields[labelIndex]));
        if (label.empty())
            ctx.fail(ErrorCode::BadValue, line, header[labelIndex],
                     "expected a class name, found an empty cell");
        auto [it, inserted] =
            provisional.emplace(std::move(label), static_cast<std::int32_t>(seen.size()));
        if (inserted)
            seen.push_back(it->first);
        table.labels.push_back(it->second);
    }
    if (table.labels.empty())
        ctx.fail(ErrorCode::TooFewRows, headerLine, {},
                 "expected at least 1 data row after the header, found 0");

    table.classes = orderClasses(seen);
    std::unordered_map<std::string, std::int32_t> finalIndex;
    for (std::size_t i = 0; i < table.classes.size(); ++i)
        finalIndex.emplace(table.classes[i], static_cast<std::int32_t>(i));
    std::vector<std::int32_t> remap(seen.size());
    for (std::size_t i = 0; i < seen.size(); ++i)
        remap[i] = finalIndex.at(seen[i]);
    for (auto& label : table.labels)
        label = remap[static_cast<std::size_t>(label)];
    table.features.shrink_to_fit();
    return table;
}

}  // namespace flightdeck::data
