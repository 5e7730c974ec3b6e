// Internal to core/data: which column is the label, and the order of the class names.
#include "CsvLabels.h"

#include "CsvRecords.h"
#include "CsvSource.h"

#include "flightdeck/common/Error.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace fs = std::filesystem;

namespace flightdeck::data {

namespace csv {

namespace {

bool parseInteger(const std::string& s, long long& out)
{
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size() && !s.empty();
}

}  // namespace

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string joinNames(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
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
    if (const std::size_t named = namedLabelColumn(header); named != std::string::npos)
        return named;
    ctx.fail(ErrorCode::NoLabelColumn, line, {},
             "expected a column named label, class, target or y, found columns: "
                 + joinNames(header));
}

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

}  // namespace csv

char csvDelimiter(const fs::path& file, char requested)
{
    if (requested != 0)
        return requested;
    const std::string ext = csv::lower(file.extension().string());
    return (ext == ".tsv" || ext == ".tab") ? '\t' : ',';
}

std::size_t namedLabelColumn(const std::vector<std::string>& header)
{
    // By name first, then by position: in "x,y,label" the label is "label", not "y".
    for (const char* wanted : {"label", "class", "target", "y"})
        for (std::size_t i = 0; i < header.size(); ++i)
            if (csv::lower(csv::trim(header[i])) == wanted)
                return i;
    return std::string::npos;
}

}  // namespace flightdeck::data
