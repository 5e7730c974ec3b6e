#pragma once
// JSON file helpers shared by the core modules (nlohmann::json is the chosen library).
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace flightdeck {

// Deeper nesting than this is refused before anything recurses over it: nlohmann's dump, copy
// and our own walkers recurse per level, and 100,000 nested brackets overflowed the stack.
constexpr int kMaxJsonDepth = 256;

// Parses JSON text; throws Error(BadValue, file = where) with the parser's position, or when the
// nesting is deeper than maxDepth. Every JSON entry point of the core goes through this.
nlohmann::json parseJson(const std::string& text, const std::string& where = {},
                         int maxDepth = kMaxJsonDepth);

// Reads and parses a JSON file; throws Error(FileNotFound / BadValue with the parser's position).
nlohmann::json readJsonFile(const std::filesystem::path& path);

// Writes atomically: temp file in the same folder, flush, rename. Throws Error(FileUnwritable).
void writeFileAtomically(const std::filesystem::path& path, const std::string& bytes);

// Current wall time in seconds since the Unix epoch (sub-second resolution).
double unixTimeNow();

// ISO-8601 UTC text for a Unix time, e.g. "2026-11-23T08:15:00Z".
std::string isoTimeUtc(double unixSeconds);

}  // namespace flightdeck
