#include "flightdeck/data/ClassName.h"

#include "flightdeck/common/Utf8.h"

namespace flightdeck::data {

std::string classNameFault(std::string_view name)
{
    if (const auto bad = invalidUtf8At(name); bad != std::string_view::npos)
        return "not UTF-8 text (" + describeInvalidUtf8(name, bad) + ")";
    if (name.size() > kMaxClassNameBytes)
        return std::to_string(name.size()) + " bytes long; a class name is at most "
               + std::to_string(kMaxClassNameBytes) + " bytes";
    return {};
}

}  // namespace flightdeck::data
