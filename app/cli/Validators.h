#pragma once
// Option checks that CLI11 runs on the text before converting it, so "-1" or "2^64" for an
// unsigned seed is refused instead of wrapping or saturating, and a value outside what the
// help promises is an error, not a silent surprise.
#include <CLI/CLI.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

namespace flightdeck::cli {

// A decimal integer in [0, 2^64 - 1].
inline CLI::Validator seedValidator()
{
    return CLI::Validator(
        [](std::string& text) -> std::string {
            std::uint64_t v = 0;
            const char* end = text.data() + text.size();
            const auto [ptr, ec] = std::from_chars(text.data(), end, v);
            if (text.empty() || ec != std::errc() || ptr != end)
                return "expected a whole number from 0 to 18446744073709551615, got \"" + text + "\"";
            return {};
        },
        "SEED");
}

// A stored record's id: a whole number from 1 ("-1" would otherwise reach the store as 0
// and come back as "not found (0)", "0" as a missing option).
inline CLI::Validator idValidator(const std::string& what)
{
    return CLI::Validator(
        [what](std::string& text) -> std::string {
            std::int64_t v = 0;
            const char* end = text.data() + text.size();
            const auto [ptr, ec] = std::from_chars(text.data(), end, v);
            if (text.empty() || ec != std::errc() || ptr != end || v < 1)
                return "expected " + what + " (a whole number from 1), got \"" + text + "\"";
            return {};
        },
        "ID");
}

// A number between lo and hi; each bound included or not as asked.
inline CLI::Validator numberIn(double lo, double hi, bool loIncluded = true, bool hiIncluded = true)
{
    const std::string range = std::string(loIncluded ? "[" : "(") + CLI::detail::to_string(lo) +
                              ", " + CLI::detail::to_string(hi) + (hiIncluded ? "]" : ")");
    return CLI::Validator(
        [=](std::string& text) -> std::string {
            double v = 0;
            if (!CLI::detail::lexical_cast(text, v) || !std::isfinite(v) ||
                (loIncluded ? v < lo : v <= lo) || (hiIncluded ? v > hi : v >= hi))
                return "expected a number in " + range + ", got \"" + text + "\"";
            return {};
        },
        "NUMBER in " + range);
}

}  // namespace flightdeck::cli
