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
    // An ImageFolder export writes each class as a folder: these would name no folder, this
    // one, its parent or one elsewhere, and nobody means them as a class.
    if (name.empty())
        return "empty";
    if (name == "." || name == "..")
        return "\"" + std::string(name) + "\", which names a folder (this one or its parent), not a class";
    if (const auto slash = name.find('/'); slash != std::string_view::npos)
        return "a name with '/' (at position " + std::to_string(slash)
               + "), which cannot be a folder name";
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
