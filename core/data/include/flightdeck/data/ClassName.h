#pragma once
// What a class name may be, checked wherever one enters a project (a CSV's label column, an
// image folder's subfolders, a label file): UTF-8 text, since it becomes JSON (labels.json, the
// server's answers and log lines), at most kMaxClassNameBytes long, not empty and without
// control characters (a line break or NUL breaks the log lines and CSVs a class goes into).
// "N/A" or "cat/dog" are real labels: whether a class can be a folder name ('/', ".", "..") is
// the ImageFolder export's question, asked there.
#include <cstddef>
#include <string>
#include <string_view>

namespace flightdeck::data {

// The longest folder name (NAME_MAX), since an ImageFolder export writes each class as a
// folder. A 2,000,000-byte "class" (a text column taken for the label) once imported, trained
// and exported, and then every prediction of it made a log line the monitor could not read;
// even escaped six times over in JSON, 255 bytes stay far under any line limit.
constexpr std::size_t kMaxClassNameBytes = 255;

// Empty when `name` can be a class name; else why not: "not UTF-8 text (byte 0xE9 at position
// 4)", "2000000 bytes long; a class name is at most 255 bytes", "a name with the control
// character 0x09 at position 3".
std::string classNameFault(std::string_view name);

}  // namespace flightdeck::data
