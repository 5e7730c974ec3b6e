// The comma lists the CLI and the sweep dialog take, parsed in one place.
#include "flightdeck/sweep/SweepPlan.h"

#include "flightdeck/common/Error.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace flightdeck::sweep {

namespace {

[[noreturn]] void bad(const char* field, const std::string& detail)
{
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, field, detail});
}

std::string trimmed(const std::string& s)
{
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::vector<std::string> items(const std::string& text, const char* field)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        std::string item = trimmed(text.substr(start, comma - start));
        if (item.empty())
            bad(field, "a comma-separated list without empty items, got \"" + text + "\"");
        out.push_back(std::move(item));
        start = comma + 1;
    }
    return out;
}

double number(const std::string& item, const char* field)
{
    // strtod, not from_chars: GCC 10's from_chars has no floating-point overload.
    char* end = nullptr;
    const double v = std::strtod(item.c_str(), &end);
    if (item.empty() || end != item.c_str() + item.size() || !std::isfinite(v))
        bad(field, "a number, got \"" + item + "\"");
    return v;
}

}  // namespace

std::vector<double> parseNumberList(const std::string& text, const char* field)
{
    std::vector<double> out;
    for (const std::string& item : items(text, field))
        out.push_back(number(item, field));
    return out;
}

std::vector<int> parseIntList(const std::string& text, const char* field)
{
    std::vector<int> out;
    for (const std::string& item : items(text, field)) {
        int v = 0;
        const auto [ptr, ec] = std::from_chars(item.data(), item.data() + item.size(), v);
        if (ec != std::errc() || ptr != item.data() + item.size())
            bad(field, "a whole number, got \"" + item + "\"");
        out.push_back(v);
    }
    return out;
}

std::vector<train::OptimizerKind> parseOptimizerList(const std::string& text)
{
    std::vector<train::OptimizerKind> out;
    for (const std::string& item : items(text, "optimizer"))
        out.push_back(train::parseOptimizer(item));
    return out;
}

LogRange parseLogRange(const std::string& text, const char* field)
{
    const std::size_t dots = text.find("..");
    if (dots == std::string::npos)
        bad(field, "a range LOW..HIGH such as 1e-4..1e-1, got \"" + text + "\"");
    return {number(trimmed(text.substr(0, dots)), field), number(trimmed(text.substr(dots + 2)), field)};
}

}  // namespace flightdeck::sweep
