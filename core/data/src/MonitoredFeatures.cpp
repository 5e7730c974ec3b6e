#include "flightdeck/data/MonitoredFeatures.h"

#include "flightdeck/data/ImageInput.h"

namespace flightdeck::data {

MonitoredFeatures monitoredFeatures(const Table& table, const std::vector<std::uint32_t>& rows, bool images)
{
    MonitoredFeatures out;
    const std::size_t cols = table.cols();
    if (images) {
        out.names = {"brightness", "contrast"};
        out.values.reserve(rows.size() * 2);
        for (const std::uint32_t r : rows) {
            const ImageLook look = brightnessContrast(table.row(r), cols);
            out.values.push_back(float(look.brightness));
            out.values.push_back(float(look.contrast));
        }
        return out;
    }
    out.names = table.featureNames;
    out.values.reserve(rows.size() * cols);
    for (const std::uint32_t r : rows)
        out.values.insert(out.values.end(), table.row(r), table.row(r) + cols);
    return out;
}

}  // namespace flightdeck::data
