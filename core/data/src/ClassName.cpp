#include "flightdeck/data/ClassName.h"

#include "flightdeck/common/Utf8.h"

#include <cstdio>

namespace flightdeck::data {

std::string classNameFault(std::string_view name)
{
    if (const auto bad = invalidUtf8At(name); bad != std::string_view::npos)
        return "not UTF-8 text (" + describeInvalidUtf8(name, bad) + ")";
    if (name.size() > kMaxClassNameBytes)
        return std::to_string(name.size()) + " bytes long; a class name is at most "
               + std::to_string(kMaxClassNameBytes) + " bytes";
    // "N/A", "cat/dog" or "1/2" are real labels in real CSVs: a name that cannot be a folder
    // ('/', ".", "..") is refused where one is needed, by the ImageFolder export, not here.
    if (name.empty())
        return "empty";
    // Control characters (a line break, NUL) break the log lines and CSVs a class goes into.
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c < 0x20 || c == 0x7F) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", c);
            return std::string("a name with the control character ") + hex + " at position "
                   + std::to_string(i);
        }
    }
    return {};
}

}  // namespace flightdeck::data
