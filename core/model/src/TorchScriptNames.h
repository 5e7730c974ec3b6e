#pragma once
// Names in a TorchScript graph as Flightdeck reads them back (TorchScriptLayers.cpp and the
// listing in TorchScriptListing.cpp): value names without TorchScript's assignment counter,
// attribute paths, and the ids a spec accepts.
#include <algorithm>
#include <string>

namespace flightdeck::model::detail {

// "v_fc1.1" -> "v_fc1": TorchScript numbers every assignment of a name.
inline std::string baseName(const std::string& name)
{
    const auto dot = name.rfind('.');
    if (dot == std::string::npos || dot + 1 == name.size())
        return name;
    for (std::size_t i = dot + 1; i < name.size(); ++i)
        if (name[i] < '0' || name[i] > '9')
            return name;
    return name.substr(0, dot);
}

inline std::string lastPart(const std::string& path)
{
    const auto dot = path.rfind('.');
    return dot == std::string::npos ? path : path.substr(dot + 1);
}

inline bool endsWith(const std::string& s, const std::string& tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// The ids GraphSpec::fromJson accepts: 1 to 64 letters, digits or _.
inline bool validId(const std::string& id)
{
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
}

}  // namespace flightdeck::model::detail
