#include "flightdeck/data/CsvImporter.h"

#include "CsvLabels.h"
#include "CsvRecords.h"
#include "CsvSource.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Utf8.h"
#include "flightdeck/data/ClassName.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string_view>
#include <unordered_set>

namespace fs = std::filesystem;

namespace flightdeck::data {

namespace {

constexpr const char* kSaveAsUtf8 = "save the file as UTF-8 (Latin-1 and Windows-1252 are not read)";

using csv::Context;
using csv::findLabelColumn;
using csv::joinNames;
using csv::LabelIds;
using csv::lower;
using csv::orderClasses;
using csv::trim;

constexpr std::int32_t kUnlabeled = -1;

// Why a regression target that strtod would read is still refused: training keeps targets as
// float32 (1e39 is not one, and became "invalid argument" at train), and "0x10" is not the
// decimal number a person means (strtod reads 16). Empty when strtod would not read it, since
// then it is plainly not a number.
std::string targetFault(std::string_view text)
{
    const std::string s(text);
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size())
        return {};
    if (s.find_first_of("xXiInN") == std::string::npos && std::fabs(v) > FLT_MAX)
        return "; a target must be a float32, at most 3.4e38 in magnitude";
    return "; a target is a plain decimal number (no hex, inf or nan)";
}

// One import: the file is read block by block (CsvSource), plain rows go through the fast
// path, everything else through the general reader, and the table's arrays are reserved from
// a row-count estimate so they are not copied while they grow.
class Importer {
public:
    Importer(const fs::path& file, const CsvOptions& options)
        : options_(options), ctx_{file.string()}, source_(file, ctx_),
          delimiter_(csvDelimiter(file, options.delimiter)), parser_(delimiter_, ctx_)
    {
    }

    Table run()
    {
        source_.more();
        const std::string_view start = source_.window();
        if (start.size() >= 3 && start.compare(0, 3, "\xEF\xBB\xBF") == 0)
            source_.consume(3);   // UTF-8 byte order mark written by spreadsheet programs
        const bool noBytes = source_.window().empty() && source_.atEof();
        std::vector<std::string> header;
        std::int64_t headerLine = 0;
        if (!nextRecord(header, headerLine) || onlyBlanksLeft(header))
            ctx_.fail(ErrorCode::EmptyFile, 0, {},
                      std::string("expected a header line and data rows, found ")
                          + (noBytes ? "no bytes" : "only blank lines"));
        readHeader(header, headerLine);
        reserveRows();
        readRows();
        if (table_.labels.empty())
            ctx_.fail(ErrorCode::TooFewRows, headerLine, {},
                      "expected at least 1 data row after the header, found 0");
        if (labels_.names().empty())
            ctx_.fail(ErrorCode::BadValue, headerLine, table_.labelName,
                      "expected at least one row with a label, found only blank labels");
        finishClasses();
        return std::move(table_);
    }

private:
    // The next non-blank record through the general reader; false at the end of the file.
    bool nextRecord(std::vector<std::string>& fields, std::int64_t& recordLine)
    {
        for (;;) {
            const auto step = parser_.next(source_.window(), source_.atEof(), line_, fields);
            if (step == csv::RecordParser::Step::End)
                return false;
            if (step == csv::RecordParser::Step::NeedMore) {
                if (!source_.more())
                    recordTooLong();
                continue;
            }
            recordLine = line_;
            source_.consume(parser_.used());
            line_ += parser_.lines();
            if (step == csv::RecordParser::Step::Record)
                return true;
        }
    }

    // A "header" of carriage returns and spaces in a file of nothing else is an empty file
    // (a '\r' alone is not a line end, so the reader sees it as a cell).
    bool onlyBlanksLeft(const std::vector<std::string>& header)
    {
        if (header.size() != 1 || parser_.lastFieldQuoted()
            || header[0].find_first_not_of(" \t\r") != std::string::npos)
            return false;
        for (;;) {
            const std::string_view w = source_.window();
            if (w.find_first_not_of(" \t\r\n") != std::string_view::npos)
                return false;
            if (source_.atEof())
                return true;
            source_.consume(w.size());
            source_.more();
        }
    }

    void readHeader(std::vector<std::string>& header, std::int64_t headerLine)
    {
        bool allNumeric = true;
        // A set, not a search of the names before: 100,000 columns took 20 s that way.
        std::unordered_set<std::string_view> seen;
        seen.reserve(header.size());
        for (std::size_t i = 0; i < header.size(); ++i) {
            header[i] = std::string(trim(header[i]));
            float ignored;
            allNumeric = allNumeric && csv::parseNumber(header[i], ignored);
            if (header[i].empty())
                ctx_.fail(ErrorCode::NoHeader, headerLine, {},
                          "expected a name for column " + std::to_string(i + 1)
                              + ", found an empty cell");
            if (const auto bad = invalidUtf8At(header[i]); bad != std::string_view::npos)
                ctx_.fail(ErrorCode::BadValue, headerLine, {},
                          "the name of column " + std::to_string(i + 1) + " is not UTF-8 text ("
                              + describeInvalidUtf8(header[i], bad) + "); " + kSaveAsUtf8);
            // Views into names already trimmed and never changed again.
            if (!seen.insert(header[i]).second)
                ctx_.fail(ErrorCode::NoHeader, headerLine, header[i],
                          "expected unique column names, found \"" + header[i] + "\" twice");
        }
        if (allNumeric)
            ctx_.fail(ErrorCode::NoHeader, headerLine, {},
                      "expected column names in the first line, found only numbers: "
                          + joinNames(header));
        labelIndex_ = findLabelColumn(header, options_, headerLine, ctx_);
        table_.labelName = header[labelIndex_];
        skipped_.assign(header.size(), false);
        for (const std::string& name : options_.skipColumns) {
            auto it = std::find(header.begin(), header.end(), name);
            if (it == header.end())
                it = std::find_if(header.begin(), header.end(),
                                  [&](const std::string& h) { return lower(h) == lower(name); });
            const auto index = static_cast<std::size_t>(it - header.begin());
            if (it == header.end() || index == labelIndex_)
                throw Error(ErrorInfo{ErrorCode::InvalidArgument, ctx_.file, headerLine, name,
                                      it == header.end()
                                          ? "expected a column to leave out, found no such column"
                                          : "the label column cannot be left out"});
            skipped_[index] = true;
        }
        for (std::size_t i = 0; i < header.size(); ++i)
            if (i != labelIndex_ && !skipped_[i])
                table_.featureNames.push_back(header[i]);
        header_ = std::move(header);
        dataStart_ = source_.offset();
    }

    void readRows()
    {
        const std::size_t columns = header_.size();
        const bool fast = csv::fastPathDelimiter(delimiter_);
        std::vector<float> row(columns);
        std::vector<std::string> fields;
        for (;;) {
            const std::string_view w = source_.window();
            const char* begin = w.data();
            const char* end = begin + w.size();
            // Only whole lines, so a plain row never has to be resumed; the end of the file
            // ends the last one.
            const char* zoneEnd = end;
            if (!source_.atEof()) {
                const void* nl = ::memrchr(begin, '\n', w.size());
                if (nl == nullptr) {
                    if (!source_.more())
                        recordTooLong(false);
                    continue;
                }
                zoneEnd = static_cast<const char*>(nl) + 1;
            }
            const bool zoneEndsFile = zoneEnd == end && source_.atEof();
            const char* p = begin;
            bool needMore = false;
            while (p < zoneEnd) {
                std::string_view label;
                if (fast) {
                    if (const char* next = csv::parseFastRow(p, zoneEnd, delimiter_, columns,
                                                             labelIndex_, row.data(), label)) {
                        append(row.data(), label, p - begin);
                        p = next;
                        ++line_;
                        continue;
                    }
                }
                const auto step = parser_.next(
                    std::string_view(p, static_cast<std::size_t>(zoneEnd - p)), zoneEndsFile,
                    line_, fields);
                if (step == csv::RecordParser::Step::NeedMore) {
                    needMore = true;
                    break;
                }
                if (step == csv::RecordParser::Step::End)
                    break;
                if (step == csv::RecordParser::Step::Record)
                    addGeneralRow(fields, row, p - begin);
                p += parser_.used();
                line_ += parser_.lines();
            }
            source_.consume(static_cast<std::size_t>(p - begin));
            if (zoneEndsFile && !needMore)
                return;
            if (!source_.more())
                recordTooLong();
        }
    }

    // The general reader's row: the checks, in the order and words users have always seen.
    void addGeneralRow(const std::vector<std::string>& fields, std::vector<float>& row,
                       std::ptrdiff_t at)
    {
        if (fields.size() != header_.size())
            return skipOrFail(ErrorCode::RaggedRow, {},
                              "expected " + std::to_string(header_.size()) + " fields, got "
                                  + std::to_string(fields.size()));
        float* out = row.data();
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i == labelIndex_)
                continue;
            if (skipped_[i])
                *out++ = 0.0f;   // any text: the column is not stored
            else if (!csv::parseNumber(fields[i], *out++))
                return skipOrFail(ErrorCode::NotANumber, header_[i],
                                  fields[i].empty() ? std::string("(empty cell)") : fields[i]);
        }
        append(row.data(), trim(fields[labelIndex_]), at);
    }

    // A bad row fails the import, unless the caller asked for a report of the rows left out.
    void skipOrFail(ErrorCode code, std::string field, std::string detail)
    {
        if (options_.report == nullptr)
            ctx_.fail(code, line_, std::move(field), std::move(detail));
        CsvReport& report = *options_.report;
        ++report.skippedCount;
        if (report.skipped.size() < CsvReport::kMaxListed)
            report.skipped.push_back(ErrorInfo{code, ctx_.file, line_, std::move(field), std::move(detail)});
    }

    // Why a label seen for the first time cannot be a class (or a regression target); empty
    // when it can.
    std::string labelFault(std::string_view label) const
    {
        if (invalidUtf8At(label) != std::string_view::npos)
            return classNameFault(label) + "; " + kSaveAsUtf8;
        // The rule of feature cells (csv::parseNumber): decimal, finite as a float32.
        if (float ignored = 0; options_.numericLabels && !csv::parseNumber(label, ignored))
            return "expected a number (the label of a regression target), found \""
                   + std::string(label.substr(0, 64)) + (label.size() > 64 ? "...\"" : "\"")
                   + targetFault(label);
        if (std::string why = classNameFault(label); !why.empty())
            return "the label is " + why + " (is \"" + header_[labelIndex_] + "\" the label column?)";
        return {};
    }

    // `values`: every column but the label's, in file order (skipped ones included).
    void append(const float* values, std::string_view label, std::ptrdiff_t at)
    {
        std::int32_t labelId = kUnlabeled;
        if (!label.empty()) {
            // Each class name is checked once, when it is first seen.
            const std::size_t known = labels_.size();
            labelId = labels_.id(label);
            if (labels_.size() != known) {
                if (std::string why = labelFault(label); !why.empty()) {
                    labels_.dropLast();
                    return skipOrFail(ErrorCode::BadValue, header_[labelIndex_], std::move(why));
                }
            }
        }
        if (table_.labels.size() == table_.labels.capacity())
            reserveRows(source_.offset() + static_cast<std::uint64_t>(at));
        if (table_.cols() + 1 == header_.size()) {
            table_.features.insert(table_.features.end(), values, values + table_.cols());
        } else {
            for (std::size_t i = 0; i < header_.size(); ++i) {
                if (i == labelIndex_)
                    continue;
                if (!skipped_[i])
                    table_.features.push_back(*values);
                ++values;
            }
        }
        table_.labels.push_back(labelId);
    }

    // Capacity for the rows the rest of the file holds at the average row length so far (the
    // first block before any row), plus 10 %. Unused capacity is address space the kernel never
    // backs, so a generous estimate costs nothing, while growing by doubling would copy the
    // features and briefly hold them twice.
    void reserveRows(std::uint64_t at = 0)
    {
        const std::size_t rows = table_.labels.size();
        std::uint64_t from = at, bytes = at > dataStart_ ? at - dataStart_ : 0, seen = rows;
        if (rows == 0) {   // the first block's lines stand in for the rows
            const std::string_view w = source_.window();
            from = dataStart_;
            bytes = w.size();
            seen = static_cast<std::uint64_t>(std::count(w.begin(), w.end(), '\n'));
        }
        std::size_t want = std::max<std::size_t>(rows * 2, 1024);
        if (source_.size() > from && seen > 0 && bytes > 0) {
            const double perRow = static_cast<double>(bytes) / static_cast<double>(seen);
            want = rows + 1024
                   + static_cast<std::size_t>(static_cast<double>(source_.size() - from) / perRow
                                              * 1.1);
        }
        table_.labels.reserve(want);
        table_.features.reserve(want * table_.cols());
    }

    // `parsed`: the general reader has just stopped inside this record (so inQuote() is its).
    [[noreturn]] void recordTooLong(bool parsed = true)
    {
        const std::int64_t start = line_;
        const std::string limit = std::to_string(csv::kMaxRecordBytes >> 20) + " MiB";
        if (parsed && parser_.inQuote()) {
            source_.consume(source_.window().size());
            if (!source_.skipTo('"'))
                ctx_.fail(ErrorCode::BadValue, start, {},
                          "expected a closing quote for the field opened on line "
                              + std::to_string(start) + ", found the end of the file");
            ctx_.fail(ErrorCode::BadValue, start, {},
                      "expected a row under " + limit + ", found a quoted field opened on line "
                          + std::to_string(start) + " that runs on for more than " + limit
                          + " (an unbalanced quote?)");
        }
        ctx_.fail(ErrorCode::BadValue, start, {},
                  "expected a row under " + limit + ", found one on line "
                      + std::to_string(start) + " that runs on for more than " + limit);
    }

    void finishClasses()
    {
        // Provisional ids (order of appearance) are remapped once the class order is known.
        const std::vector<std::string> seen = labels_.names();
        table_.classes = orderClasses(seen);
        std::unordered_map<std::string, std::int32_t> finalIndex;
        for (std::size_t i = 0; i < table_.classes.size(); ++i)
            finalIndex.emplace(table_.classes[i], static_cast<std::int32_t>(i));
        std::vector<std::int32_t> remap(seen.size());
        for (std::size_t i = 0; i < seen.size(); ++i)
            remap[i] = finalIndex.at(seen[i]);
        for (auto& label : table_.labels)
            if (label != kUnlabeled)
                label = remap[static_cast<std::size_t>(label)];
    }

    const CsvOptions& options_;
    const Context ctx_;
    csv::CsvSource source_;
    const char delimiter_;
    csv::RecordParser parser_;
    std::vector<std::string> header_;
    std::size_t labelIndex_ = 0;
    std::vector<bool> skipped_;   // per header column: read, not stored
    std::uint64_t dataStart_ = 0;
    std::int64_t line_ = 1;
    LabelIds labels_;
    Table table_;
};

}  // namespace

Table importCsv(const fs::path& file, const CsvOptions& options)
{
    try {
        return Importer(file, options).run();
    } catch (const std::bad_alloc&) {
        throw Error(ErrorInfo{ErrorCode::BadValue, file.string(), 0, {},
                              "ran out of memory holding the table (std::bad_alloc): import a "
                              "smaller file, or give the process more memory"});
    }
}

}  // namespace flightdeck::data
