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
    const auto place = [&layers](const std::string& id, int d) {
        if (static_cast<int>(layers.size()) <= d)
            layers.resize(static_cast<std::size_t>(d) + 1);
        layers[static_cast<std::size_t>(d)].push_back(id);
    };
    for (const auto& node : graph.nodes)
        place(node.id, depthOf(graph, node.id, depth, visiting));
    // An edge that skips layers (a residual connection) gets a stand-in in each layer it
    // crosses: it takes a column there, so the edge runs beside the nodes, not behind them.
    std::map<std::string, std::vector<std::string>> inputs;
    for (const auto& node : graph.nodes)
        for (std::size_t port = 0; port < node.inputs.size(); ++port) {
            const std::string& input = node.inputs[port];
            if (!graph.node(input))
                continue;
            std::string from = input;
            for (int d = depth[input] + 1; d < depth[node.id]; ++d) {
                const std::string via = "\x01" + node.id + ":" + std::to_string(port) + "@" + std::to_string(d);
                inputs[via] = {from};
                place(via, d);
                from = via;
            }
            inputs[node.id].push_back(from);
        }
    std::map<std::string, std::pair<double, double>> layout;
    for (std::size_t d = 0; d < layers.size(); ++d) {
        auto& layer = layers[d];
        std::map<std::string, double> key;
        for (std::size_t i = 0; i < layer.size(); ++i) {
            double sum = 0;
            int count = 0;
            for (const auto& input : inputs[layer[i]])
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
    for (auto it = layout.begin(); it != layout.end();)
        it = it->first.front() == '\x01' ? layout.erase(it) : std::next(it);
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
