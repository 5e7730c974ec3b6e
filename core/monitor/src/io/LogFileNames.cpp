#include "LogFileNames.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace flightdeck::monitor::detail {

namespace {

constexpr const char* kCompressions[] = {".gz", ".bz2", ".xz", ".zst", ".zip"};
constexpr const char* kExtensions[] = {"jsonl", "ndjson", "json", "log", "csv", "tsv"};

// The known extension `part` starts with, followed by nothing or a dateext suffix; -1 if none,
// 0 for the extension alone, 1 with a suffix ("log-20261123").
int extensionMatch(const std::string& part)
{
    for (const char* ext : kExtensions) {
        const std::size_t len = std::strlen(ext);
        if (part.compare(0, len, ext) == 0) {
            if (part.size() == len)
                return 0;
            if (part[len] == '-' || part[len] == '_')
                return 1;
        }
    }
    return -1;
}

std::string withoutLeadingZeros(const std::string& digits)
{
    const auto first = digits.find_first_not_of('0');
    return first == std::string::npos ? "0" : digits.substr(first);
}

}  // namespace

std::string lowerCase(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool allDigits(const std::string& s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string compressionOf(const std::string& fileName)
{
    const std::string n = lowerCase(fileName);
    for (const char* ext : kCompressions)
        if (n.size() > std::strlen(ext) && n.compare(n.size() - std::strlen(ext), std::string::npos, ext) == 0)
            return ext;
    return {};
}

std::string withoutCompression(const std::string& fileName)
{
    return fileName.substr(0, fileName.size() - compressionOf(fileName).size());
}

bool isLogName(const std::string& fileName)
{
    const std::string n = lowerCase(withoutCompression(fileName));
    std::size_t end = n.size();
    while (end > 0) {
        const auto dot = n.rfind('.', end - 1);
        if (dot == std::string::npos || dot == 0)
            return false;
        const std::string part = n.substr(dot + 1, end - dot - 1);
        if (allDigits(part)) {
            end = dot;  // a rotation index: look at the part before it
            continue;
        }
        return extensionMatch(part) >= 0;
    }
    return false;
}

RotationKey rotationKey(const std::string& fileName)
{
    RotationKey key;
    key.name = fileName;
    const std::string n = lowerCase(withoutCompression(fileName));
    // "app.log.3" (a number last) or "app.3.jsonl" (a number before the extension).
    const auto lastDot = n.rfind('.');
    if (lastDot != std::string::npos && lastDot > 0) {
        const std::string last = n.substr(lastDot + 1);
        if (allDigits(last)) {
            key.group = 0;
            key.number = withoutLeadingZeros(last);
            return key;
        }
        const auto prevDot = n.rfind('.', lastDot - 1);
        if (prevDot != std::string::npos) {
            const std::string middle = n.substr(prevDot + 1, lastDot - prevDot - 1);
            if (allDigits(middle)) {
                key.group = 0;
                key.number = withoutLeadingZeros(middle);
                return key;
            }
        }
        if (extensionMatch(last) == 1)
            key.group = 1;  // dateext: "app.log-20261123"
    }
    return key;
}

bool RotationKey::operator<(const RotationKey& o) const
{
    if (group != o.group)
        return group < o.group;
    if (group == 0 && number != o.number) {
        // Higher index = older = first; compared as decimal numbers of any length.
        if (number.size() != o.number.size())
            return number.size() > o.number.size();
        return number > o.number;
    }
    return name < o.name;
}

}  // namespace flightdeck::monitor::detail
