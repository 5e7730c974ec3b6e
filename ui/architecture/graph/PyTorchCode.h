#pragma once
// The graph as the equivalent PyTorch nn.Module source, for reading (the editor's read-only code
// view). Plain string building from the spec and its inferred shapes: in-features and channels
// come from the shapes, so the text is only complete for a valid graph.
#include "flightdeck/model/GraphShapes.h"

#include <QString>

#include <cstdint>

namespace flightdeck::ui {

QString pytorchModule(const flightdeck::model::GraphSpec& graph,
                      const flightdeck::model::GraphShapes& shapes, std::int64_t classes);

}  // namespace flightdeck::ui
