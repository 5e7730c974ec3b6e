#include "architecture/graph/GraphLayout.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <vector>

namespace flightdeck::ui {

using flightdeck::model::GraphSpec;

namespace {

// Longest path from a source; a cycle (which validation reports) is cut where it closes.
int depthOf(const GraphSpec& graph, const std::string& id, std::map<std::string, int>& depth,
            std::map<std::string, bool>& visiting)
{
    if (auto it = depth.find(id); it != depth.end())
        return it->second;
    const auto* node = graph.node(id);
    if (!node || visiting[id])
        return 0;
    visiting[id] = true;
    int d = 0;
    for (const auto& input : node->inputs)
        if (graph.node(input))
            d = std::max(d, depthOf(graph, input, depth, visiting) + 1);
    visiting[id] = false;
    depth[id] = d;
    return d;
}

}  // namespace

std::map<std::string, std::pair<double, double>> layeredLayout(const GraphSpec& graph)
{
    std::map<std::string, int> depth;
    std::map<std::string, bool> visiting;
    std::vector<std::vector<std::string>> layers;
    for (const auto& node : graph.nodes) {
        const int d = depthOf(graph, node.id, depth, visiting);
        if (static_cast<int>(layers.size()) <= d)
            layers.resize(static_cast<std::size_t>(d) + 1);
        layers[static_cast<std::size_t>(d)].push_back(node.id);
    }
    std::map<std::string, std::pair<double, double>> layout;
    for (std::size_t d = 0; d < layers.size(); ++d) {
        auto& layer = layers[d];
        std::map<std::string, double> key;
        for (std::size_t i = 0; i < layer.size(); ++i) {
            double sum = 0;
            int count = 0;
            for (const auto& input : graph.node(layer[i])->inputs)
                if (auto it = layout.find(input); it != layout.end()) {
                    sum += it->second.first;
                    ++count;
                }
            key[layer[i]] = count ? sum / count : static_cast<double>(i) * kColumnSpacing;
        }
        std::stable_sort(layer.begin(), layer.end(),
                         [&](const std::string& a, const std::string& b) { return key[a] < key[b]; });
        const double width = static_cast<double>(layer.size() - 1) * kColumnSpacing;
        for (std::size_t i = 0; i < layer.size(); ++i)
            layout[layer[i]] = {static_cast<double>(i) * kColumnSpacing - width / 2,
                                static_cast<double>(d) * kLayerSpacing};
    }
    return layout;
}

GraphSpec withLayout(GraphSpec graph)
{
    for (const auto& node : graph.nodes)
        if (!graph.layout.count(node.id)) {
            graph.layout = layeredLayout(graph);
            return graph;
        }
    // Layouts written for smaller boxes (core's templates use an 80 x 160 grid) are spread
    // until no two nodes overlap and each edge keeps room for its shape label.
    double scaleX = 1, scaleY = 1;
    for (auto a = graph.layout.begin(); a != graph.layout.end(); ++a)
        for (auto b = std::next(a); b != graph.layout.end(); ++b) {
            const double dx = std::abs(a->second.first - b->second.first);
            const double dy = std::abs(a->second.second - b->second.second);
            if (dx < kColumnSpacing && dy > 0 && dy < kLayerSpacing)
                scaleY = std::max(scaleY, kLayerSpacing / dy);
            if (dy < kLayerSpacing && dx > 0 && dx < kColumnSpacing)
                scaleX = std::max(scaleX, kColumnSpacing / dx);
        }
    for (auto& [id, xy] : graph.layout)
        xy = {xy.first * scaleX, xy.second * scaleY};
    return graph;
}

}  // namespace flightdeck::ui
