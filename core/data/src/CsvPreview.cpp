#include "flightdeck/data/CsvPreview.h"

#include "CsvRecords.h"
#include "CsvSource.h"

#include "flightdeck/data/CsvImporter.h"

namespace flightdeck::data {

ColumnKind CsvPreview::kind(std::size_t column) const
{
    bool any = false;
    for (const auto& row : rows) {
        if (column >= row.size())
            continue;
        const std::string_view cell = csv::trim(row[column]);
        if (cell.empty())
            continue;
        float ignored;
        if (!csv::parseNumber(cell, ignored))
            return ColumnKind::Text;
        any = true;
    }
    return any ? ColumnKind::Number : ColumnKind::Empty;
}

CsvPreview previewCsv(const std::filesystem::path& file, std::size_t maxRows, char delimiter)
{
    const csv::Context ctx{file.string()};
    csv::CsvSource source(file, ctx);
    CsvPreview preview;
    preview.delimiter = csvDelimiter(file, delimiter);
    csv::RecordParser parser(preview.delimiter, ctx);
    source.more();
    const std::string_view start = source.window();
    if (start.size() >= 3 && start.compare(0, 3, "\xEF\xBB\xBF") == 0)
        source.consume(3);
    std::int64_t line = 1;
    std::vector<std::string> fields;
    bool header = true;
    for (;;) {
        if (!header && preview.rows.size() >= maxRows)
            return preview;
        csv::RecordParser::Step step;
        try {
            step = parser.next(source.window(), source.atEof(), line, fields);
        } catch (const Error&) {
            if (header)
                throw;
            return preview;   // a malformed quote: the rows before it are still worth seeing
        }
        if (step == csv::RecordParser::Step::End)
            break;
        if (step == csv::RecordParser::Step::NeedMore) {
            if (!source.more())
                return preview;   // an over-long record: the import reports it
            continue;
        }
        const std::int64_t recordLine = line;
        source.consume(parser.used());
        line += parser.lines();
        if (step != csv::RecordParser::Step::Record)
            continue;
        if (header) {
            for (auto& name : fields)
                preview.header.emplace_back(csv::trim(name));
            header = false;
        } else {
            preview.rows.push_back(fields);
            preview.lines.push_back(recordLine);
        }
    }
    if (header)
        ctx.fail(ErrorCode::EmptyFile, 0, {}, "expected a header line and data rows, found none");
    preview.wholeFile = true;
    return preview;
}

}  // namespace flightdeck::data
