// recoverGraph: a Flightdeck module's forward, read back onto the layer set. Model::build
// writes one statement per node ("v_<id> = torch.conv2d(...)"), so each operation is one node
// and its value's name gives the node id back; sizes come from the weights' shapes and the
// constant arguments. What one node writes as several operations (SiLU's x * sigmoid(x), an
// Add of three inputs, Embedding's .long()) is gathered back into that node. The result is
// checked: it must infer without a problem and count the file's parameters exactly.
#include "flightdeck/model/GraphShapes.h"
#include "flightdeck/model/TorchScriptGraph.h"

#include "TorchScriptNames.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace flightdeck::model {

namespace {

using detail::baseName;
using detail::endsWith;
using detail::lastPart;
using detail::validId;
using Kind = TorchScriptArg::Kind;

const std::string kHead = "\x01head";   // the value the Output's appended Linear produced

// The numbers of a constant or of a list of constants; empty if any item is not a number.
std::vector<std::int64_t> ints(const TorchScriptArg& arg)
{
    std::vector<double> numbers;
    if (arg.kind == Kind::Constant) {
        numbers = arg.numbers;
    } else if (arg.kind == Kind::List) {
        for (const auto& item : arg.items) {
            if (item.kind != Kind::Constant || item.numbers.size() != 1)
                return {};
            numbers.push_back(item.numbers.front());
        }
    }
    std::vector<std::int64_t> out;
    for (double x : numbers)
        out.push_back(static_cast<std::int64_t>(std::llround(x)));
    return out;
}

struct Unmapped {
    std::string why;
};

class Recovery {
public:
    explicit Recovery(const TorchScriptGraph& script) : s_(script) {}

    RecoveredGraph run()
    {
        r_.regression = s_.typeName == "FlightdeckRegressor";
        r_.graph.name = "model";
        try {
            if (s_.inputs.size() != 1)
                throw Unmapped{"forward takes " + std::to_string(s_.inputs.size()) + " inputs, not one"};
            x_ = s_.inputs.front();
            for (std::size_t i = 0; i < s_.ops.size(); ++i) {
                index_ = i;
                visit(s_.ops[i]);
            }
            finish();
        } catch (const Unmapped& u) {
            r_.ok = false;
            r_.problem = u.why;
            return r_;
        }
        r_.ok = true;
        return r_;
    }

private:
    [[noreturn]] void unmapped(const TorchScriptOp& op, const std::string& why = {})
    {
        throw Unmapped{"operation " + std::to_string(index_ + 1) + " (" + op.kind + ") "
                       + (why.empty() ? "has no Flightdeck layer" : why)};
    }

    const TorchScriptArg& arg(const TorchScriptOp& op, std::size_t i)
    {
        if (i >= op.inputs.size())
            unmapped(op, "has too few arguments");
        return op.inputs[i];
    }

    const std::vector<std::int64_t>& tensorShape(const TorchScriptOp& op, std::size_t i, std::size_t rank)
    {
        const auto& a = arg(op, i);
        if (a.kind != Kind::Tensor || a.shape.size() != rank)
            unmapped(op, "reads a tensor of an unexpected shape");
        return a.shape;
    }

    // The node a value argument comes from; gathered values (x.long(), a lone sigmoid, part of
    // an Add) become their node here when something else uses them.
    std::string nodeOf(const TorchScriptOp& op, const TorchScriptArg& a)
    {
        if (a.kind != Kind::Value)
            unmapped(op, "reads \"" + a.text + "\" where a layer's input was expected");
        if (const auto it = node_.find(a.text); it != node_.end() && it->second != kHead)
            return it->second;
        if (const auto it = sigmoid_.find(a.text); it != sigmoid_.end())
            return node_[a.text] = add(NodeType::Sigmoid, {}, {}, {it->second});
        if (const auto it = sum_.find(a.text); it != sum_.end())
            return node_[a.text] = add(NodeType::Add, {}, {}, it->second);
        if (a.text == standardized_ && !inputId_.empty())
            return inputId_;
        unmapped(op, "reads \"" + baseName(a.text) + "\", which no layer produced");
    }

    // Model::build names a node's value v_<id> and its parameters n_<id>_*.
    std::string idFor(NodeType type, const std::string& value, const std::string& weightPath)
    {
        std::string id;
        const std::string name = baseName(value);
        const std::string weight = lastPart(weightPath);
        if (name.rfind("v_", 0) == 0)
            id = name.substr(2);
        else if (weight.rfind("n_", 0) == 0 && endsWith(weight, "_weight"))
            id = weight.substr(2, weight.size() - 2 - 7);
        if (!validId(id) || r_.graph.node(id))
            id = r_.graph.freshId(type);
        return id;
    }

    std::string add(NodeType type, const std::string& value, const std::string& weightPath,
                     std::vector<std::string> inputs, const std::function<void(NodeSpec&)>& set = {})
    {
        NodeSpec n;
        n.type = type;
        n.id = idFor(type, value, weightPath);
        n.inputs = std::move(inputs);
        if (set)
            set(n);
        r_.graph.nodes.push_back(n);
        if (!value.empty())
            node_[value] = n.id;
        return n.id;
    }

    void visit(const TorchScriptOp& op)
    {
        const std::string kind = op.kind.rfind("aten::", 0) == 0 ? op.kind.substr(6) : op.kind;
        const std::string out = op.outputs.size() == 1 ? op.outputs.front() : std::string();
        if (out.empty())
            unmapped(op, "does not produce one value");
        const bool named = out.front() != '%';
        // The standardization Model::build puts first: x = (x - self.mean) / self.std.
        if (kind == "sub" && arg(op, 0).kind == Kind::Value && arg(op, 0).text == x_
            && arg(op, 1).kind == Kind::Tensor && lastPart(arg(op, 1).text) == "mean") {
            centred_ = out;
            if (arg(op, 1).shape.size() != 1)
                unmapped(op, "subtracts a mean that is not one value per feature");
            features_ = arg(op, 1).shape.front();
            return;
        }
        if (kind == "div" && !centred_.empty() && arg(op, 0).text == centred_
            && arg(op, 1).kind == Kind::Tensor && lastPart(arg(op, 1).text) == "std") {
            standardized_ = out;
            // A flat input is used as it is, so its node has no statement and no name.
            NodeSpec in;
            in.type = NodeType::Input;
            in.id = inputId_ = "input";
            r_.graph.nodes.push_back(in);
            r_.input = {features_};
            return;
        }
        if (standardized_.empty())
            unmapped(op, "comes before the input is standardized, which Flightdeck's models do first");

        const auto first = [&] { return nodeOf(op, arg(op, 0)); };
        if (kind == "reshape" && arg(op, 0).text == standardized_ && !inputUsed_) {
            // The Input node: the flat row as the dataset's [C, L] or [C, H, W].
            const auto dims = ints(arg(op, 1));
            std::int64_t n = 1;
            for (std::size_t i = 1; i < dims.size(); ++i)
                n *= dims[i];
            if (dims.size() < 3 || dims.front() != -1 || n != features_)
                unmapped(op, "reshapes the input to a shape Flightdeck does not build");
            r_.input.assign(dims.begin() + 1, dims.end());
            NodeSpec* in = r_.graph.node(inputId_);
            in->id.clear();   // its placeholder id is not taken by another node
            const std::string id = idFor(NodeType::Input, out, {});
            in->id = id;
            inputId_ = id;
            node_[out] = id;
            inputUsed_ = true;
            return;
        }
        inputUsed_ = true;
        if (kind == "linear") {
            const auto& w = tensorShape(op, 1, 2);
            if (lastPart(arg(op, 1).text) == "head_weight") {
                headFrom_ = first();
                headClasses_ = w[0];
                node_[out] = kHead;
                return;
            }
            add(NodeType::Linear, out, arg(op, 1).text, {first()}, [&](NodeSpec& n) { n.units = w[0]; });
        } else if (kind == "conv1d" || kind == "conv2d") {
            const bool two = kind == "conv2d";
            const auto& w = tensorShape(op, 1, two ? 4 : 3);
            const auto stride = ints(arg(op, 3)), padding = ints(arg(op, 4)), dilation = ints(arg(op, 5));
            const auto groups = ints(arg(op, 6));
            const std::size_t rank = two ? 2 : 1;
            if (stride.size() != rank || padding.size() != rank || stride.front() != stride.back()
                || padding.front() != padding.back() || (two && w[2] != w[3])
                || dilation != std::vector<std::int64_t>(rank, 1) || groups != std::vector<std::int64_t>{1})
                unmapped(op, "uses a stride, padding, dilation or grouping Flightdeck does not build");
            add(two ? NodeType::Conv2d : NodeType::Conv1d, out, arg(op, 1).text, {first()}, [&](NodeSpec& n) {
                n.outChannels = w[0];
                n.kernel = w[2];
                n.stride = stride.front();
                n.padding = padding.front();
            });
        } else if (kind == "max_pool2d" || kind == "avg_pool2d") {
            const auto k = ints(arg(op, 1)), stride = ints(arg(op, 2)), padding = ints(arg(op, 3));
            const bool max = kind == "max_pool2d";
            const bool plain = max ? ints(arg(op, 4)) == std::vector<std::int64_t>{1, 1} && ints(arg(op, 5)) == std::vector<std::int64_t>{0}
                                   : ints(arg(op, 4)) == std::vector<std::int64_t>{0} && ints(arg(op, 5)) == std::vector<std::int64_t>{1};
            if (k.size() != 2 || stride.size() != 2 || padding.size() != 2 || k[0] != k[1]
                || stride[0] != stride[1] || padding[0] != padding[1] || !plain)
                unmapped(op, "pools in a way Flightdeck does not build");
            add(max ? NodeType::MaxPool2d : NodeType::AvgPool2d, out, {}, {first()}, [&](NodeSpec& n) {
                n.kernel = k[0];
                n.stride = stride[0] == k[0] ? 0 : stride[0];   // 0: the kernel, as specs write it
                n.padding = padding[0];
            });
        } else if (kind == "adaptive_avg_pool2d") {
            const auto size = ints(arg(op, 1));
            if (size.size() != 2 || size[0] != size[1])
                unmapped(op, "pools to a size that is not square");
            add(NodeType::AdaptiveAvgPool2d, out, {}, {first()}, [&](NodeSpec& n) { n.outputSize = size[0]; });
        } else if (kind == "batch_norm") {
            // 1d or 2d is told by the rank of what comes in, once shapes are known (finish).
            add(NodeType::BatchNorm1d, out, arg(op, 1).text, {first()});
        } else if (kind == "layer_norm") {
            add(NodeType::LayerNorm, out, arg(op, 2).text, {first()});
        } else if (kind == "dropout") {
            const auto& p = arg(op, 1);
            if (p.kind != Kind::Constant || p.numbers.size() != 1)
                unmapped(op, "has no constant probability");
            add(NodeType::Dropout, out, {}, {first()}, [&](NodeSpec& n) { n.p = p.numbers.front(); });
        } else if (kind == "relu" || kind == "gelu" || kind == "tanh" || kind == "flatten") {
            if (kind == "flatten" && ints(arg(op, 1)) != std::vector<std::int64_t>{1})
                unmapped(op, "flattens from a dimension other than the first after the batch");
            const NodeType type = kind == "relu" ? NodeType::ReLU
                                  : kind == "gelu" ? NodeType::GELU
                                  : kind == "tanh" ? NodeType::Tanh : NodeType::Flatten;
            add(type, out, {}, {first()});
        } else if (kind == "leaky_relu") {
            const auto& slope = arg(op, 1);
            if (slope.kind != Kind::Constant || slope.numbers.size() != 1)
                unmapped(op, "has no constant slope");
            add(NodeType::LeakyReLU, out, {}, {first()}, [&](NodeSpec& n) { n.slope = slope.numbers.front(); });
        } else if (kind == "softmax" || kind == "cat") {
            const auto dim = ints(arg(op, 1));
            if (dim.size() != 1 || dim.front() < 1)
                unmapped(op, "works along the batch dimension");
            std::vector<std::string> inputs;
            if (kind == "cat") {
                if (arg(op, 0).kind != Kind::List)
                    unmapped(op, "does not join a list");
                for (const auto& item : arg(op, 0).items)
                    inputs.push_back(nodeOf(op, item));
            } else {
                inputs = {first()};
            }
            add(kind == "cat" ? NodeType::Concat : NodeType::Softmax, out, {}, inputs,
                [&](NodeSpec& n) { n.dim = dim.front() - 1; });
        } else if (kind == "sigmoid") {
            if (named)
                add(NodeType::Sigmoid, out, {}, {first()});
            else
                sigmoid_[out] = first();   // SiLU's half, unless something else reads it
        } else if (kind == "mul") {
            const auto& a = arg(op, 0);
            const auto& b = arg(op, 1);
            if (r_.regression && b.kind == Kind::Tensor && lastPart(b.text) == "target_std") {
                node_[out] = node_.count(a.text) ? node_[a.text] : nodeOf(op, a);   // scale: not a layer
                return;
            }
            const auto it = sigmoid_.find(b.text);
            if (it == sigmoid_.end() || nodeOf(op, a) != it->second)
                unmapped(op, "multiplies values, which no layer but SiLU does");
            add(NodeType::SiLU, out, {}, {it->second});
        } else if (kind == "add") {
            const auto& a = arg(op, 0);
            const auto& b = arg(op, 1);
            if (r_.regression && b.kind == Kind::Tensor && lastPart(b.text) == "target_mean") {
                node_[out] = node_.count(a.text) ? node_[a.text] : nodeOf(op, a);
                return;
            }
            if (ints(arg(op, 2)) != std::vector<std::int64_t>{1})
                unmapped(op, "scales what it adds");
            std::vector<std::string> inputs;
            for (const auto* side : {&a, &b}) {
                if (const auto it = sum_.find(side->text); it != sum_.end())
                    inputs.insert(inputs.end(), it->second.begin(), it->second.end());
                else
                    inputs.push_back(nodeOf(op, *side));
            }
            if (named)
                add(NodeType::Add, out, {}, inputs);
            else
                sum_[out] = inputs;   // a + b + c: the first sum is part of one Add
        } else if (kind == "to" && !named) {
            long_[out] = first();   // ids.long() in front of an Embedding
        } else if (kind == "embedding") {
            const auto& w = tensorShape(op, 0, 2);
            const auto& ids = arg(op, 1);
            const auto it = long_.find(ids.text);
            const std::string from = it != long_.end() ? it->second : nodeOf(op, ids);
            add(NodeType::Embedding, out, arg(op, 0).text, {from}, [&](NodeSpec& n) {
                n.vocabulary = w[0];
                n.embeddingDim = w[1];
            });
        } else if (kind == "reshape") {
            const auto dims = ints(arg(op, 1));
            if (dims.size() < 2 || dims.front() != -1)
                unmapped(op, "reshapes across the batch dimension");
            add(NodeType::Reshape, out, {}, {first()},
                [&](NodeSpec& n) { n.shape.assign(dims.begin() + 1, dims.end()); });
        } else {
            unmapped(op);
        }
    }

    void finish()
    {
        if (standardized_.empty())
            throw Unmapped{"forward does not standardize its input as Flightdeck's models do"};
        if (s_.outputs.size() != 1)
            throw Unmapped{"forward returns " + std::to_string(s_.outputs.size()) + " values, not one"};
        const auto it = node_.find(s_.outputs.front());
        if (it == node_.end())
            throw Unmapped{"forward returns \"" + baseName(s_.outputs.front()) + "\", which no layer produced"};
        NodeSpec out;
        out.type = NodeType::Output;
        out.id = r_.graph.freshId(NodeType::Output);   // "output_1", as the templates have it
        out.head = it->second == kHead;
        out.inputs = {out.head ? headFrom_ : it->second};
        out.loss = r_.regression ? LossType::MSE : LossType::CrossEntropy;
        r_.graph.nodes.push_back(out);
        r_.notes.push_back(std::string("The file does not store the loss; ")
                           + (r_.regression ? "MSE" : "cross-entropy") + " is assumed.");

        // BatchNorm1d or 2d by the rank of its input; a 2d one can only be known once the
        // shapes before it are, so settle them in order.
        std::int64_t classes = out.head ? headClasses_ : 2;
        GraphShapes shapes;
        for (std::size_t pass = 0; pass <= r_.graph.nodes.size(); ++pass) {
            shapes = inferGraph(r_.graph, r_.input, classes);
            bool changed = false;
            for (auto& n : r_.graph.nodes) {
                if (n.type != NodeType::BatchNorm1d || n.inputs.empty())
                    continue;
                const auto in = shapes.nodes.find(n.inputs.front());
                if (in != shapes.nodes.end() && in->second.output.size() == 3) {
                    n.type = NodeType::BatchNorm2d;
                    changed = true;
                }
            }
            if (!changed)
                break;
        }
        if (!out.head) {
            const auto fed = shapes.nodes.find(out.inputs.front());
            if (fed == shapes.nodes.end() || fed->second.output.size() != 1)
                throw Unmapped{"the model's output is not one row of values per sample"};
            classes = fed->second.output.front();
            shapes = inferGraph(r_.graph, r_.input, classes);
        }
        r_.classes = classes;
        if (!shapes.ok()) {
            const auto& p = shapes.problems.front();
            throw Unmapped{"the layers read back do not fit together"
                           + (p.node.empty() ? std::string() : " at \"" + p.node + "\"") + ": " + p.message};
        }
        if (shapes.parameters != s_.parameters)
            throw Unmapped{"the layers read back have " + std::to_string(shapes.parameters)
                           + " parameters, the file " + std::to_string(s_.parameters)};
    }

    const TorchScriptGraph& s_;
    RecoveredGraph r_;
    std::size_t index_ = 0;
    std::string x_, centred_, standardized_, inputId_, headFrom_;
    std::int64_t features_ = 0, headClasses_ = 0;
    bool inputUsed_ = false;
    std::map<std::string, std::string> node_;                 // value -> node id
    std::map<std::string, std::string> sigmoid_, long_;       // unnamed value -> its input node
    std::map<std::string, std::vector<std::string>> sum_;     // unnamed a + b -> its inputs
};

}  // namespace

RecoveredGraph recoverGraph(const TorchScriptGraph& script)
{
    if (!script.builtByFlightdeck()) {
        RecoveredGraph r;
        r.problem = "the module is a " + script.typeName + ", not a network Flightdeck built";
        return r;
    }
    return Recovery(script).run();
}

}  // namespace flightdeck::model
