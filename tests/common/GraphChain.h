#pragma once
// Small graphs for model tests: input -> nodes -> output, one node type at a time.
#include "flightdeck/model/GraphSpec.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace flightdeck::testing {

using model::GraphSpec;
using model::NodeSpec;
using model::NodeType;

// input -> the nodes given (each fed by the previous unless it names inputs) -> output.
inline GraphSpec chain(std::vector<NodeSpec> body, bool head = true)
{
    GraphSpec g;
    NodeSpec in;
    in.id = "in";
    in.type = NodeType::Input;
    g.nodes.push_back(in);
    std::string last = "in";
    for (auto& n : body) {
        if (n.inputs.empty())
            n.inputs = {last};
        last = n.id;
        g.nodes.push_back(n);
    }
    NodeSpec out;
    out.id = "out";
    out.type = NodeType::Output;
    out.head = head;
    out.inputs = {last};
    g.nodes.push_back(out);
    return g;
}

inline NodeSpec node(const char* id, NodeType type, std::function<void(NodeSpec&)> set = {})
{
    NodeSpec n;
    n.id = id;
    n.type = type;
    if (type == NodeType::Conv1d || type == NodeType::Conv2d)
        n.stride = 1;
    if (set)
        set(n);
    return n;
}

inline std::int64_t numel(const std::vector<std::int64_t>& s)
{
    std::int64_t n = 1;
    for (auto d : s)
        n *= d;
    return n;
}


// One small graph per layer type (and a few variants), on the input shape it needs: the cases
// every per-layer test runs (built module vs inferred shapes, ONNX vs TorchScript).
inline std::vector<const char*> layerCaseNames()
{
    return {"linear", "conv1d", "conv2d", "maxpool2d", "avgpool2d", "adaptive",
            "batchnorm1d", "batchnorm1d-2d", "batchnorm2d", "layernorm", "dropout",
            "relu", "leakyrelu", "gelu", "silu", "sigmoid", "tanh", "softmax",
            "reshape", "add", "concat", "embedding", "no head", "adaptive-even", "adaptive-global"};
}

inline GraphSpec layerCase(int which, std::vector<std::int64_t>* input)
{
    *input = {6};
    GraphSpec g;
    auto flat = node("flat", NodeType::Flatten);
    switch (which) {
    case 0: g = chain({node("a", NodeType::Linear, [](NodeSpec& n) { n.units = 5; })}); break;
    case 1:
        *input = {2, 10};
        g = chain({node("a", NodeType::Conv1d, [](NodeSpec& n) { n.outChannels = 4; n.kernel = 3; n.stride = 2; n.padding = 1; }), flat});
        break;
    case 2:
        *input = {3, 9, 7};
        g = chain({node("a", NodeType::Conv2d, [](NodeSpec& n) { n.outChannels = 4; n.kernel = 3; n.stride = 2; n.padding = 1; }), flat});
        break;
    case 3:
    case 4:
        *input = {2, 9, 8};
        g = chain({node("a", which == 3 ? NodeType::MaxPool2d : NodeType::AvgPool2d,
                        [](NodeSpec& n) { n.kernel = 3; n.stride = 2; n.padding = 1; }), flat});
        break;
    case 5:
        *input = {2, 9, 8};
        g = chain({node("a", NodeType::AdaptiveAvgPool2d, [](NodeSpec& n) { n.outputSize = 3; }), flat});
        break;
    case 6: g = chain({node("a", NodeType::BatchNorm1d)}); break;
    case 7: *input = {3, 5}; g = chain({node("a", NodeType::BatchNorm1d), flat}); break;
    case 8: *input = {3, 4, 4}; g = chain({node("a", NodeType::BatchNorm2d), flat}); break;
    case 9: g = chain({node("a", NodeType::LayerNorm)}); break;
    case 10: g = chain({node("a", NodeType::Dropout, [](NodeSpec& n) { n.p = 0.3; })}); break;
    case 11: g = chain({node("a", NodeType::ReLU)}); break;
    case 12: g = chain({node("a", NodeType::LeakyReLU, [](NodeSpec& n) { n.slope = 0.2; })}); break;
    case 13: g = chain({node("a", NodeType::GELU)}); break;
    case 14: g = chain({node("a", NodeType::SiLU)}); break;
    case 15: g = chain({node("a", NodeType::Sigmoid)}); break;
    case 16: g = chain({node("a", NodeType::Tanh)}); break;
    case 17: g = chain({node("a", NodeType::Softmax, [](NodeSpec& n) { n.dim = 0; })}); break;
    case 18:
        *input = {12};
        g = chain({node("a", NodeType::Reshape, [](NodeSpec& n) { n.shape = {3, -1}; }), flat});
        break;
    case 19:
    case 20: {
        auto l1 = node("l1", NodeType::Linear, [](NodeSpec& n) { n.units = 4; });
        auto l2 = node("l2", NodeType::Linear, [which](NodeSpec& n) { n.units = which == 19 ? 4 : 3; });
        l2.inputs = {"in"};
        auto j = node("j", which == 19 ? NodeType::Add : NodeType::Concat, [](NodeSpec& n) { n.dim = 0; });
        j.inputs = {"l1", "l2"};
        g = chain({l1, l2, j});
        break;
    }
    case 21:
        *input = {5};
        g = chain({node("a", NodeType::Embedding, [](NodeSpec& n) { n.vocabulary = 20; n.embeddingDim = 3; }), flat});
        break;
    case 22: g = chain({node("a", NodeType::Linear, [](NodeSpec& n) { n.units = 3; })}, false); break;
    case 23:
    case 24:
        *input = {2, 9, 6};
        g = chain({node("a", NodeType::AdaptiveAvgPool2d, [which](NodeSpec& n) { n.outputSize = which == 23 ? 3 : 1; }), flat});
        break;
    }
    return g;
}

}  // namespace flightdeck::testing
