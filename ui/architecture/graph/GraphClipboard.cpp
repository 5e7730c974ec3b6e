#include "architecture/graph/GraphClipboard.h"

#include "architecture/graph/GraphLayout.h"
#include "common/ErrorText.h"

#include <exception>
#include <map>
#include <set>

namespace flightdeck::ui {

using flightdeck::model::GraphSpec;
using flightdeck::model::NodeSpec;

QString copyNodes(const GraphSpec& graph, const QStringList& ids)
{
    std::set<std::string> chosen;
    for (const QString& id : ids)
        chosen.insert(id.toStdString());
    GraphSpec part;
    part.name = graph.name;
    for (auto node : graph.nodes) {
        if (!chosen.count(node.id))
            continue;
        std::vector<std::string> inner;
        for (const auto& input : node.inputs)
            if (chosen.count(input))
                inner.push_back(input);
        node.inputs = inner;
        if (auto it = graph.layout.find(node.id); it != graph.layout.end())
            part.layout[node.id] = it->second;
        part.nodes.push_back(std::move(node));
    }
    return QString::fromStdString(part.toJson(true));
}

bool pasteEntries(const GraphSpec& into, const QString& json, QPointF offset,
                  std::vector<GraphNodeEntry>* entries, QString* error)
{
    GraphSpec part;
    try {
        part = withLayout(GraphSpec::fromJson(json.toStdString()));
    } catch (const std::exception& e) {
        if (error)
            *error = ErrorText::fromException(e);
        return false;
    }
    GraphSpec working = into;   // fresh ids must not collide with each other either
    std::map<std::string, std::string> renamed;
    for (const auto& node : part.nodes) {
        NodeSpec placeholder;
        placeholder.id = working.freshId(node.type);
        placeholder.type = node.type;
        renamed[node.id] = placeholder.id;
        working.nodes.push_back(placeholder);
    }
    entries->clear();
    for (auto node : part.nodes) {
        const auto [x, y] = part.layout[node.id];
        std::vector<std::string> inputs;
        for (const auto& input : node.inputs)
            if (renamed.count(input))
                inputs.push_back(renamed[input]);
        node.inputs = inputs;
        node.id = renamed[node.id];
        entries->push_back({static_cast<int>(into.nodes.size() + entries->size()), node,
                            QPointF(x, y) + offset});
    }
    return true;
}

}  // namespace flightdeck::ui
