#pragma once
// reference_profile.json for a bundle: the run's training split summarized as the monitoring
// side reads it (monitor::ReferenceProfile), with the confidence calibration the label-free
// performance estimate needs, fitted on the validation split.
#include "flightdeck/data/Splitter.h"
#include "flightdeck/data/Table.h"

#include <cstdint>
#include <string>
#include <vector>

namespace flightdeck::model { class Model; }

namespace flightdeck::exporting {

// Image models are profiled on what their server logs per request: each image's brightness
// and contrast (mean and standard deviation of its [0, 1] values), not on every pixel.
std::string referenceProfileJson(const model::Model& model, const data::Table& table,
                                 const data::Split& split, bool regression, bool images,
                                 const std::string& source);

}  // namespace flightdeck::exporting
