#pragma once
// Auto-layout: layers by depth (the longest path from a source), top to bottom, each layer
// ordered by the mean x of its inputs (one barycenter pass, enough to untangle the templates'
// branches); an edge that skips layers keeps a column free in each layer it crosses, so a
// residual connection runs beside the nodes it bypasses. Qt-free so it could move to core if
// the CLI ever draws graphs.
#include "flightdeck/model/GraphSpec.h"

#include <map>
#include <string>
#include <utility>

namespace flightdeck::ui {

constexpr double kLayerSpacing = 120.0;   // node height plus room for the edge's shape label
constexpr double kColumnSpacing = 200.0;  // node width plus a gap

std::map<std::string, std::pair<double, double>> layeredLayout(
    const flightdeck::model::GraphSpec& graph);
// The graph with a position for every node: when any is missing, all are laid out.
flightdeck::model::GraphSpec withLayout(flightdeck::model::GraphSpec graph);

}  // namespace flightdeck::ui
