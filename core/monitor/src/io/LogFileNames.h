#pragma once
// Internal to the log readers: what a log file's name says (LogFileNames.cpp). Which files of a
// folder are logs, in what order logrotate wrote them, and their compression.
#include <string>

namespace flightdeck::monitor::detail {

// Where a file stands in a folder's history, oldest first when sorted with operator<:
// numbered rotations ("app.log.12" before "app.log.3", any number of digits), then logrotate's
// dateext files in name (date) order ("app.log-20261122" before "app.log-20261123"), then the
// current files without a suffix, by name.
struct RotationKey {
    int group = 2;            // 0: numbered, 1: dated, 2: current
    std::string number;       // group 0: the index's digits without leading zeros
    std::string name;
    bool operator<(const RotationKey& o) const;
};
RotationKey rotationKey(const std::string& fileName);

// ".gz", ".bz2", ".xz", ".zst", ".zip" (lower case) or "".
std::string compressionOf(const std::string& fileName);
std::string withoutCompression(const std::string& fileName);

// A known extension (.jsonl, .ndjson, .json, .log, .csv, .tsv) before any rotation number,
// dateext suffix or ".gz".
bool isLogName(const std::string& fileName);

std::string lowerCase(std::string s);
bool allDigits(const std::string& s);

}  // namespace flightdeck::monitor::detail
