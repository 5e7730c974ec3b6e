#pragma once
// What monitoring compares for rows of a dataset version: the version's feature columns, or,
// for an image version, each image's brightness and contrast (brightnessContrast), the two
// numbers flightdeck-serve logs for an image request; 784 pixel columns would say little and
// would not match the log. One place, so a bundle's reference profile, the GUI's dataset-version
// reference and the CLI's project reference describe the same data the same way.
#include "flightdeck/data/Table.h"

#include <cstdint>
#include <string>
#include <vector>

namespace flightdeck::data {

struct MonitoredFeatures {
    std::vector<std::string> names;
    std::vector<float> values;   // rows x names.size(), row-major
};

MonitoredFeatures monitoredFeatures(const Table& table, const std::vector<std::uint32_t>& rows,
                                    bool images);

}  // namespace flightdeck::data
