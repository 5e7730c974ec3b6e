#pragma once
// How nodes read on the canvas: the one-line summary of a node's
// key fields. Technical spellings (Conv2d, 5×5, [32, 14, 14]) are not translated, like the
// layer table's labels.
#include "flightdeck/model/GraphSpec.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace flightdeck::ui {

QString nodeSummary(const flightdeck::model::NodeSpec& node,
                    const std::vector<std::int64_t>& inputShape);
QString shapeLabel(const std::vector<std::int64_t>& shape);
QString compactCount(std::int64_t value);   // 1234567 -> "1.23 M"
QString compactBytes(std::int64_t bytes);   // 3211264 -> "3.06 MiB"

}  // namespace flightdeck::ui
