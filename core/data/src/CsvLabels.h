#pragma once
// Internal to core/data: finding the label column of a CSV header and ordering class names,
// shared by the importer's passes.
#include "flightdeck/data/CsvImporter.h"

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace flightdeck::data::csv {

struct Context;

std::string lower(std::string_view s);
std::string joinNames(const std::vector<std::string>& names);

// The column options.labelColumn names (exact, then case-insensitive), else the first of
// label, class, target, y; fails with NoLabelColumn naming the columns that exist.
std::size_t findLabelColumn(const std::vector<std::string>& header, const CsvOptions& options,
                            std::int64_t line, const Context& ctx);

// Numeric order when every class name is an integer ("2" before "10"), else byte order.
std::vector<std::string> orderClasses(std::vector<std::string> names);

// Class names in order of first appearance. Rows are looked up by a view into the input, so
// a row costs a hash lookup, not a string; a deque keeps the names (the map's keys) in place.
class LabelIds {
public:
    std::int32_t id(std::string_view name)
    {
        const auto it = ids_.find(name);
        if (it != ids_.end())
            return it->second;
        names_.emplace_back(name);
        const auto id = static_cast<std::int32_t>(names_.size() - 1);
        ids_.emplace(names_.back(), id);
        return id;
    }
    std::vector<std::string> names() const { return {names_.begin(), names_.end()}; }
    std::size_t size() const { return names_.size(); }
    // Forgets the name id() added last (a name the importer then refused).
    void dropLast()
    {
        ids_.erase(names_.back());
        names_.pop_back();
    }

private:
    std::deque<std::string> names_;
    std::unordered_map<std::string_view, std::int32_t> ids_;
};

}  // namespace flightdeck::data::csv
