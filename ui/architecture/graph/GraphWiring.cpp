#include "architecture/graph/GraphWiring.h"

#include <set>

namespace flightdeck::ui {

using flightdeck::model::GraphSpec;
using flightdeck::model::NodeType;

bool dependsOn(const GraphSpec& graph, const std::string& id, const std::string& ancestor)
{
    std::vector<std::string> todo{id};
    std::set<std::string> seen;
    while (!todo.empty()) {
        const std::string current = todo.back();
        todo.pop_back();
        if (current == ancestor)
            return true;
        if (!seen.insert(current).second)
            continue;
        if (const auto* n = graph.node(current))
            todo.insert(todo.end(), n->inputs.begin(), n->inputs.end());
    }
    return false;
}

bool canConnect(const GraphSpec& graph, const std::string& fromId, const std::string& toId, int port)
{
    const auto* from = graph.node(fromId);
    const auto* to = graph.node(toId);
    if (!from || !to || fromId == toId || from->type == NodeType::Output || port < 0)
        return false;
    const int maxInputs = flightdeck::model::inputArity(to->type).second;
    if (port > static_cast<int>(to->inputs.size()) || (maxInputs >= 0 && port >= maxInputs))
        return false;
    return !dependsOn(graph, from->id, to->id);   // would close a cycle
}

std::vector<std::string> inputsWith(std::vector<std::string> inputs, const std::string& fromId, int port)
{
    if (port >= 0 && port < static_cast<int>(inputs.size()))
        inputs[static_cast<std::size_t>(port)] = fromId;
    else
        inputs.push_back(fromId);
    return inputs;
}

std::vector<std::string> inputsWithout(std::vector<std::string> inputs, int port)
{
    if (port >= 0 && port < static_cast<int>(inputs.size()))
        inputs.erase(inputs.begin() + port);
    return inputs;
}

}  // namespace flightdeck::ui
