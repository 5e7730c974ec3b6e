#include "flightdeck/model/GraphShapes.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/model/ArchitectureSpec.h"

#include <limits>

namespace flightdeck::model {

namespace {

using Shape = std::vector<std::int64_t>;
constexpr std::int64_t kHuge = std::numeric_limits<std::int64_t>::max() / 4;

// Saturating: absurd sizes stay comparable instead of wrapping into small ones.
std::int64_t mul(std::int64_t a, std::int64_t b)
{
    if (a == 0 || b == 0)
        return 0;
    return a > kHuge / b ? kHuge : a * b;
}

std::int64_t numel(const Shape& s)
{
    std::int64_t n = 1;
    for (auto d : s)
        n = mul(n, d);
    return n;
}

struct Fail {
    std::string message;
};

std::int64_t convOut(std::int64_t in, std::int64_t k, std::int64_t s, std::int64_t p, const char* axis)
{
    const std::int64_t span = in + 2 * p - k;
    if (span < 0)
        throw Fail{std::string("kernel ") + std::to_string(k) + " is larger than the padded "
                   + axis + " (" + std::to_string(in + 2 * p) + ")"};
    return span / s + 1;
}

void needRank(const Shape& in, std::size_t rank, const char* what)
{
    if (in.size() != rank)
        throw Fail{std::string("expects ") + what + ", got " + shapeText(in)};
}

NodeShape inferNode(const NodeSpec& n, const std::vector<Shape>& in, const Shape& input,
                    std::int64_t classes)
{
    NodeShape out;
    const Shape x = in.empty() ? Shape{} : in.front();
    switch (n.type) {
    case NodeType::Input:
        out.output = input;
        break;
    case NodeType::Linear:
        if (x.size() != 1 && x.size() != 2)
            throw Fail{"expects [features] (or [sequence, features]), got " + shapeText(x)
                       + (x.size() > 2 ? ": add a Flatten before it" : "")};
        out.output = x;
        out.output.back() = n.units;
        out.parameters = mul(x.back(), n.units) + n.units;
        out.flops = mul(2, mul(numel(x), n.units));
        break;
    case NodeType::Conv1d: {
        needRank(x, 2, "[channels, length]");
        const std::int64_t s = std::max<std::int64_t>(1, n.stride);
        out.output = {n.outChannels, convOut(x[1], n.kernel, s, n.padding, "length")};
        out.parameters = mul(mul(x[0], n.kernel), n.outChannels) + n.outChannels;
        out.flops = mul(mul(2, mul(x[0], n.kernel)), numel(out.output));
        break;
    }
    case NodeType::Conv2d: {
        needRank(x, 3, "[channels, height, width]");
        const std::int64_t s = std::max<std::int64_t>(1, n.stride);
        out.output = {n.outChannels, convOut(x[1], n.kernel, s, n.padding, "height"),
                      convOut(x[2], n.kernel, s, n.padding, "width")};
        out.parameters = mul(mul(x[0], mul(n.kernel, n.kernel)), n.outChannels) + n.outChannels;
        out.flops = mul(mul(2, mul(x[0], mul(n.kernel, n.kernel))), numel(out.output));
        break;
    }
    case NodeType::MaxPool2d:
    case NodeType::AvgPool2d: {
        needRank(x, 3, "[channels, height, width]");
        if (2 * n.padding > n.kernel)
            throw Fail{"padding " + std::to_string(n.padding) + " is more than half the kernel ("
                       + std::to_string(n.kernel) + ")"};
        const std::int64_t s = n.stride > 0 ? n.stride : n.kernel;
        out.output = {x[0], convOut(x[1], n.kernel, s, n.padding, "height"),
                      convOut(x[2], n.kernel, s, n.padding, "width")};
        out.flops = mul(mul(n.kernel, n.kernel), numel(out.output));
        break;
    }
    case NodeType::AdaptiveAvgPool2d:
        needRank(x, 3, "[channels, height, width]");
        out.output = {x[0], n.outputSize, n.outputSize};
        out.flops = numel(x);
        break;
    case NodeType::BatchNorm1d:
        if (x.size() != 1 && x.size() != 2)
            throw Fail{"expects [features] or [channels, length], got " + shapeText(x)};
        out.output = x;
        out.parameters = 2 * x[0];
        out.flops = mul(2, numel(x));
        break;
    case NodeType::BatchNorm2d:
        needRank(x, 3, "[channels, height, width]");
        out.output = x;
        out.parameters = 2 * x[0];
        out.flops = mul(2, numel(x));
        break;
    case NodeType::LayerNorm:
        if (x.empty())
            throw Fail{"expects a shape, got " + shapeText(x)};
        out.output = x;
        out.parameters = 2 * x.back();
        out.flops = mul(5, numel(x));
        break;
    case NodeType::Dropout:
    case NodeType::ReLU:
    case NodeType::LeakyReLU:
    case NodeType::GELU:
    case NodeType::SiLU:
    case NodeType::Sigmoid:
    case NodeType::Tanh:
        out.output = x;
        out.flops = numel(x);
        break;
    case NodeType::Softmax:
        if (n.dim >= static_cast<std::int64_t>(x.size()))
            throw Fail{"dim " + std::to_string(n.dim) + " is not an axis of " + shapeText(x)};
        out.output = x;
        out.flops = mul(3, numel(x));
        break;
    case NodeType::Flatten:
        out.output = {numel(x)};
        break;
    case NodeType::Reshape: {
        std::int64_t known = 1;
        int free = -1;
        for (std::size_t i = 0; i < n.shape.size(); ++i) {
            if (n.shape[i] == -1)
                free = int(i);
            else
                known = mul(known, n.shape[i]);
        }
        out.output = n.shape;
        const std::int64_t total = numel(x);
        if (free >= 0) {
            if (known == 0 || total % known != 0)
                throw Fail{"cannot reshape " + shapeText(x) + " into " + shapeText(n.shape)};
            out.output[std::size_t(free)] = total / known;
        } else if (known != total) {
            throw Fail{"cannot reshape " + shapeText(x) + " (" + std::to_string(total) + " values) into "
                       + shapeText(n.shape) + " (" + std::to_string(known) + ")"};
        }
        break;
    }
    case NodeType::Add:
        for (std::size_t i = 1; i < in.size(); ++i)
            if (in[i] != x)
                throw Fail{"adds inputs of one shape; input 0 is " + shapeText(x) + ", input "
                           + std::to_string(i) + " is " + shapeText(in[i])};
        out.output = x;
        out.flops = mul(numel(x), std::int64_t(in.size()) - 1);
        break;
    case NodeType::Concat: {
        const auto d = static_cast<std::size_t>(n.dim);
        if (d >= x.size())
            throw Fail{"dim " + std::to_string(n.dim) + " is not an axis of " + shapeText(x)};
        out.output = x;
        for (std::size_t i = 1; i < in.size(); ++i) {
            Shape a = in[i], b = x;
            if (a.size() != b.size())
                throw Fail{"joins inputs of one rank; input 0 is " + shapeText(x) + ", input "
                           + std::to_string(i) + " is " + shapeText(in[i])};
            a[d] = b[d] = 0;
            if (a != b)
                throw Fail{"joins inputs that differ only along dim " + std::to_string(n.dim)
                           + "; input 0 is " + shapeText(x) + ", input " + std::to_string(i)
                           + " is " + shapeText(in[i])};
            out.output[d] += in[i][d];
        }
        break;
    }
    case NodeType::Embedding:
        needRank(x, 1, "[sequence] of token ids");
        out.output = {x[0], n.embeddingDim};
        out.parameters = mul(n.vocabulary, n.embeddingDim);
        break;
    case NodeType::Output:
        if (n.head) {
            if (x.size() != 1)
                throw Fail{"the classifier head expects [features], got " + shapeText(x)
                           + ": add a Flatten (or a pooling) before the output"};
            out.output = {classes};
            out.parameters = mul(x[0], classes) + classes;
            out.flops = mul(2, mul(x[0], classes));
        } else {
            if (x != Shape{classes})
                throw Fail{"expects [" + std::to_string(classes) + "] (one score per class) "
                           "without a head, got " + shapeText(x)};
            out.output = x;
        }
        break;
    }
    out.activationBytes = mul(numel(out.output), 4);
    return out;
}

}  // namespace

std::string shapeText(const std::vector<std::int64_t>& shape)
{
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

GraphShapes inferGraph(const GraphSpec& graph, const std::vector<std::int64_t>& input,
                       std::int64_t classes)
{
    GraphShapes result;
    result.problems = validateGraph(graph);
    for (const auto& p : result.problems)
        if (!p.node.empty()) {
            result.nodes[p.node].error = p.message;
            result.nodes[p.node].structural = true;
        }
    std::vector<std::string> order;
    try {
        order = topologicalOrder(graph);
    } catch (const Error&) {
        return result;   // a cycle: validateGraph said where
    }
    for (const auto& id : order) {
        const NodeSpec& n = *graph.node(id);
        NodeShape& slot = result.nodes[id];
        if (!slot.error.empty())
            continue;
        std::vector<Shape> ins;
        bool ready = true;
        for (const auto& src : n.inputs) {
            const auto it = result.nodes.find(src);
            if (it == result.nodes.end() || it->second.output.empty()) {
                ready = false;
                break;
            }
            ins.push_back(it->second.output);
        }
        if (!ready)
            continue;   // an earlier node failed; that one carries the error
        try {
            NodeShape s = inferNode(n, ins, input, classes);
            for (auto d : s.output)
                if (d < 1)
                    throw Fail{"would produce an empty tensor " + shapeText(s.output)};
            if (s.parameters > kMaxParameters)
                throw Fail{"has " + std::to_string(s.parameters) + " parameters; at most "
                           + std::to_string(kMaxParameters) + " fit in a model"};
            if (s.activationBytes > (std::int64_t(1) << 32))
                throw Fail{"its output " + shapeText(s.output) + " is over 4 GiB per sample"};
            slot = s;
            result.parameters += s.parameters;
            result.flops = std::min(kHuge, result.flops + s.flops);
            result.activationBytes = std::min(kHuge, result.activationBytes + s.activationBytes);
        } catch (const Fail& f) {
            slot.error = f.message;
            result.problems.push_back({id, -1, f.message});
        }
    }
    if (result.problems.empty() && result.parameters > kMaxParameters)
        result.problems.push_back({"", -1, "the graph has " + std::to_string(result.parameters)
                                               + " parameters; at most " + std::to_string(kMaxParameters)});
    return result;
}

GraphShapes checkedShapes(const GraphSpec& graph, const std::vector<std::int64_t>& input,
                          std::int64_t classes)
{
    if (input.empty() || input.size() > 3)
        throw Error(ErrorInfo{ErrorCode::InvalidSpec, {}, 0, "input",
                              "an input shape of 1 to 3 sizes, got " + shapeText(input)});
    for (auto d : input)
        if (d < 1)
            throw Error(ErrorInfo{ErrorCode::InvalidSpec, {}, 0, "input",
                                  "positive sizes, got " + shapeText(input)});
    if (classes < 1)   // 1 = a regression value
        throw Error(ErrorInfo{ErrorCode::InvalidSpec, {}, 0, "classes",
                              "at least 1 output, got " + std::to_string(classes)});
    GraphShapes shapes = inferGraph(graph, input, classes);
    if (!shapes.ok()) {
        const auto& p = shapes.problems.front();
        throw Error(ErrorInfo{ErrorCode::InvalidSpec, {}, 0,
                              p.node.empty() ? std::string("graph")
                                             : "node \"" + p.node + "\""
                                                   + (p.port >= 0 ? " input " + std::to_string(p.port) : ""),
                              p.message});
    }
    return shapes;
}

}  // namespace flightdeck::model
