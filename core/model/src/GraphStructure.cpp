// The graph's structure: converting a v1 stack, checking wiring (arity, dangling inputs, one
// input and one output, every node on a path from input to output) and the topological order.
#include "flightdeck/model/GraphSpec.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/model/ArchitectureSpec.h"

#include <functional>
#include <set>

namespace flightdeck::model {

namespace {

[[noreturn]] void invalid(const std::string& field, const std::string& expected)
{
    throw Error(ErrorInfo{ErrorCode::InvalidSpec, {}, 0, field, expected});
}

}  // namespace

GraphSpec graphFromStack(const ArchitectureSpec& stack)
{
    GraphSpec g;
    g.name = stack.name;
    NodeSpec input;
    input.id = "input";
    input.type = NodeType::Input;
    g.nodes.push_back(input);
    std::string previous = "input";
    for (std::size_t i = 0; i < stack.layers.size(); ++i) {
        const LayerSpec& l = stack.layers[i];
        NodeSpec n;
        n.inputs = {previous};
        switch (l.type) {
        case LayerType::Linear: n.type = NodeType::Linear; n.units = l.units; break;
        case LayerType::ReLU: n.type = NodeType::ReLU; break;
        case LayerType::Tanh: n.type = NodeType::Tanh; break;
        case LayerType::Sigmoid: n.type = NodeType::Sigmoid; break;
        case LayerType::GELU: n.type = NodeType::GELU; break;
        case LayerType::Dropout: n.type = NodeType::Dropout; n.p = l.p; break;
        }
        n.id = std::string(nodeTypeName(n.type)) + "_" + std::to_string(i + 1);
        previous = n.id;
        g.layout[n.id] = {0.0, 90.0 * double(i + 1)};
        g.nodes.push_back(std::move(n));
    }
    NodeSpec out;
    out.id = "output";
    out.type = NodeType::Output;
    out.inputs = {previous};
    g.layout["input"] = {0.0, 0.0};
    g.layout["output"] = {0.0, 90.0 * double(stack.layers.size() + 1)};
    g.nodes.push_back(out);
    return g;
}

std::vector<GraphProblem> validateGraph(const GraphSpec& g)
{
    std::vector<GraphProblem> problems;
    int inputs = 0, outputs = 0;
    for (const auto& n : g.nodes) {
        inputs += n.type == NodeType::Input ? 1 : 0;
        outputs += n.type == NodeType::Output ? 1 : 0;
        const auto [lo, hi] = inputArity(n.type);
        const int count = static_cast<int>(n.inputs.size());
        if (count < lo)
            problems.push_back({n.id, count, "needs " + std::to_string(lo) + " input(s), has "
                                                 + std::to_string(count)});
        else if (hi >= 0 && count > hi)
            problems.push_back({n.id, hi, std::string("takes ") + (hi == 0 ? "no input" : "one input")
                                              + ", has " + std::to_string(count)});
        for (int port = 0; port < count; ++port) {
            const std::string& from = n.inputs[std::size_t(port)];
            const NodeSpec* src = g.node(from);
            if (!src)
                problems.push_back({n.id, port, "input \"" + from + "\" is not a node"});
            else if (src->type == NodeType::Output)
                problems.push_back({n.id, port, "the output node feeds nothing"});
        }
    }
    if (inputs != 1)
        problems.push_back({"", -1, "needs exactly one input node, has " + std::to_string(inputs)});
    if (outputs != 1)
        problems.push_back({"", -1, "needs exactly one output node, has " + std::to_string(outputs)});
    if (!problems.empty())
        return problems;
    try {
        topologicalOrder(g);
    } catch (const Error& e) {
        problems.push_back({e.info().field, -1, e.info().detail});
        return problems;
    }
    // Every node must lie on a path from the input to the output: a dangling branch trains
    // nothing and is almost always a forgotten edge.
    std::set<std::string> fromInput, toOutput;
    std::function<void(const std::string&)> back = [&](const std::string& id) {
        if (!toOutput.insert(id).second)
            return;
        for (const auto& in : g.node(id)->inputs)
            back(in);
    };
    for (const auto& n : g.nodes)
        if (n.type == NodeType::Output)
            back(n.id);
    for (const auto& id : topologicalOrder(g)) {
        const NodeSpec* n = g.node(id);
        if (n->type == NodeType::Input)
            fromInput.insert(id);
        for (const auto& in : n->inputs)
            if (fromInput.count(in))
                fromInput.insert(id);
    }
    for (const auto& n : g.nodes) {
        if (!fromInput.count(n.id))
            problems.push_back({n.id, -1, "is not reached from the input"});
        else if (!toOutput.count(n.id))
            problems.push_back({n.id, -1, "does not lead to the output"});
    }
    return problems;
}

std::vector<std::string> topologicalOrder(const GraphSpec& g)
{
    std::map<std::string, int> state;   // 0 new, 1 visiting, 2 done
    std::vector<std::string> order;
    std::function<void(const NodeSpec&)> visit = [&](const NodeSpec& n) {
        int& s = state[n.id];
        if (s == 2)
            return;
        if (s == 1)
            invalid(n.id, "no cycle (node \"" + n.id + "\" is its own input through the graph)");
        s = 1;
        for (const auto& in : n.inputs)
            if (const NodeSpec* src = g.node(in))
                visit(*src);
        state[n.id] = 2;
        order.push_back(n.id);
    };
    for (const auto& n : g.nodes)
        visit(n);
    return order;
}

}  // namespace flightdeck::model
