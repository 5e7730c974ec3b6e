// exportOnnx: walks the frozen TorchScript graph node by node, running each node on an example
// batch as it goes (node->getOperation()), so every value's concrete shape is known when its
// ONNX node is written: that is what adaptive pooling and the choice of Gemm need.
#include "flightdeck/model/OnnxExport.h"

#include "OnnxProto.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/model/Model.h"
#include "flightdeck/model/detail/ModelImpl.h"

#include <torch/csrc/jit/ir/constants.h>
#include <torch/csrc/jit/passes/constant_propagation.h>
#include <torch/csrc/jit/passes/dead_code_elimination.h>
#include <torch/csrc/jit/passes/freeze_module.h>
#include <torch/csrc/jit/passes/inliner.h>
#include <torch/script.h>

#include <cmath>
#include <map>

namespace flightdeck::model {

namespace {

using torch::jit::Node;
using torch::jit::Value;

// The graph node a TorchScript value came from: GraphModule names them "v_<id>" (v1 stacks
// write "x"), so an unsupported operation can be reported by the node the user drew.
std::string ownerOf(const Node* n)
{
    for (const Value* v : n->outputs()) {
        std::string name = v->debugName();
        const auto dot = name.find('.');
        if (dot != std::string::npos)
            name.resize(dot);
        if (name.rfind("v_", 0) == 0)
            return "node " + name.substr(2);
    }
    return "the model's forward";
}

class Converter {
public:
    Converter(onnx::GraphProto& g) : g_(g) {}

    // Runs `n` on the concrete inputs, then writes its ONNX nodes. False = no mapping.
    bool convert(const Node* n, std::string* why);

    void bindInput(const Value* v, const at::Tensor& example, const std::string& name)
    {
        vals_[v] = example;
        names_[v] = name;
    }
    const at::Tensor& valueOf(const Value* v) { return vals_.at(v).toTensor(); }
    std::string nameOf(const Value* v);

private:
    std::string fresh(const std::string& base) { return base + "_" + std::to_string(counter_++); }
    std::string scalar(double v);
    std::string initializer(const at::Tensor& t, const std::string& base);
    onnx::NodeProto* node(const std::string& op, std::vector<std::string> in, const Value* out,
                          const std::string& outName = {});
    std::vector<std::int64_t> ints(const Value* v) { return vals_.at(v).toIntVector(); }
    double real(const Value* v) { return vals_.at(v).toScalar().toDouble(); }
    bool isTensor(const Value* v) { return vals_.at(v).isTensor(); }

    onnx::GraphProto& g_;
    std::map<const Value*, c10::IValue> vals_;
    std::map<const Value*, std::string> names_;
    int counter_ = 0;
};

std::string Converter::initializer(const at::Tensor& t, const std::string& base)
{
    const std::string name = fresh(base);
    onnxproto::setTensor(*g_.add_initializer(), name, t);
    return name;
}

std::string Converter::scalar(double v)
{
    return initializer(torch::full({}, v, torch::kFloat32), "scalar");
}

std::string Converter::nameOf(const Value* v)
{
    auto it = names_.find(v);
    if (it != names_.end())
        return it->second;
    // A constant used as an operand: a tensor initializer, or a float scalar for arithmetic.
    const c10::IValue& iv = vals_.at(v);
    const std::string name = iv.isTensor() ? initializer(iv.toTensor(), "const") : scalar(iv.toScalar().toDouble());
    names_[v] = name;
    return name;
}

onnx::NodeProto* Converter::node(const std::string& op, std::vector<std::string> in,
                                 const Value* out, const std::string& outName)
{
    auto* p = g_.add_node();
    p->set_op_type(op);
    p->set_name(fresh(op));
    for (auto& i : in)
        p->add_input(i);
    const std::string o = !outName.empty() ? outName : fresh("t");
    p->add_output(o);
    if (out != nullptr)
        names_[out] = o;
    return p;
}

bool Converter::convert(const Node* n, std::string* why)
{
    // Concrete values first: constants, lists and every tensor's shape.
    const std::string kind = n->kind().toQualString();
    if (kind == "prim::Constant") {
        vals_[n->output(0)] = *torch::jit::toIValue(n->output(0));
        return true;
    }
    if (kind == "prim::ListConstruct") {   // materialized where used
        c10::impl::GenericList list(n->output(0)->type()->castRaw<c10::ListType>()->getElementType());
        for (const Value* in : n->inputs())
            list.push_back(vals_.at(in));
        vals_[n->output(0)] = c10::IValue(std::move(list));
        return true;
    }
    torch::jit::Stack stack;
    for (const Value* in : n->inputs())
        stack.push_back(vals_.at(in));
    n->getOperation()(stack);
    for (std::size_t i = 0; i < n->outputs().size(); ++i)
        vals_[n->outputs()[i]] = stack.at(i);

    auto in = [&](std::size_t i) { return nameOf(n->input(i)); };
    const Value* out = n->output(0);
    using onnxproto::attr;

    if (kind == "aten::sub" || kind == "aten::add") {
        if (n->inputs().size() > 2 && real(n->input(2)) != 1.0) {
            *why = "alpha other than 1";
            return false;
        }
        node(kind == "aten::sub" ? "Sub" : "Add", {in(0), in(1)}, out);
    } else if (kind == "aten::mul" || kind == "aten::div") {
        if (n->inputs().size() > 2) {
            *why = "a rounding mode";
            return false;
        }
        node(kind == "aten::mul" ? "Mul" : "Div", {in(0), in(1)}, out);
    } else if (kind == "aten::linear") {
        const at::Tensor& w = valueOf(n->input(1));
        const bool bias = isTensor(n->input(2));
        if (valueOf(n->input(0)).dim() == 2) {
            std::vector<std::string> args = {in(0), in(1)};
            if (bias)
                args.push_back(in(2));
            attr(node("Gemm", args, out), "transB", std::int64_t{1});
        } else {
            const std::string wt = initializer(w.t().contiguous(), "weight_t");
            if (!bias) {
                node("MatMul", {in(0), wt}, out);
            } else {
                auto* mm = node("MatMul", {in(0), wt}, nullptr);
                node("Add", {mm->output(0), in(2)}, out);
            }
        }
    } else if (kind == "aten::conv1d" || kind == "aten::conv2d") {
        const at::Tensor& w = valueOf(n->input(1));
        std::vector<std::string> args = {in(0), in(1)};
        if (isTensor(n->input(2)))
            args.push_back(in(2));
        auto* p = node("Conv", args, out);
        std::vector<std::int64_t> kernel(w.sizes().begin() + 2, w.sizes().end());
        auto pads = ints(n->input(4));
        pads.insert(pads.end(), pads.begin(), pads.end());
        attr(p, "kernel_shape", kernel);
        attr(p, "strides", ints(n->input(3)));
        attr(p, "pads", pads);
        attr(p, "dilations", ints(n->input(5)));
        attr(p, "group", vals_.at(n->input(6)).toInt());
    } else if (kind == "aten::max_pool2d" || kind == "aten::avg_pool2d") {
        const bool max = kind == "aten::max_pool2d";
        const auto kernel = ints(n->input(1));
        auto stride = ints(n->input(2));
        if (stride.empty())
            stride = kernel;
        auto pads = ints(n->input(3));
        pads.insert(pads.end(), pads.begin(), pads.end());
        if (!max && !vals_.at(n->input(6)).isNone()) {
            *why = "a divisor override";
            return false;
        }
        auto* p = node(max ? "MaxPool" : "AveragePool", {in(0)}, out);
        attr(p, "kernel_shape", kernel);
        attr(p, "strides", stride);
        attr(p, "pads", pads);
        if (max) {
            attr(p, "dilations", ints(n->input(4)));
            attr(p, "ceil_mode", std::int64_t{vals_.at(n->input(5)).toBool()});
        } else {
            attr(p, "ceil_mode", std::int64_t{vals_.at(n->input(4)).toBool()});
            attr(p, "count_include_pad", std::int64_t{vals_.at(n->input(5)).toBool()});
        }
    } else if (kind == "aten::adaptive_avg_pool2d") {
        const auto size = ints(n->input(1));
        const at::Tensor& x = valueOf(n->input(0));
        if (size == std::vector<std::int64_t>{1, 1}) {
            node("GlobalAveragePool", {in(0)}, out);
        } else if (x.size(2) % size[0] == 0 && x.size(3) % size[1] == 0) {
            // Even windows: exactly an average pool with kernel = stride = input / output.
            const std::vector<std::int64_t> k = {x.size(2) / size[0], x.size(3) / size[1]};
            auto* p = node("AveragePool", {in(0)}, out);
            attr(p, "kernel_shape", k);
            attr(p, "strides", k);
        } else {
            *why = "output " + std::to_string(size[0]) + "x" + std::to_string(size[1])
                   + " does not divide the input " + std::to_string(x.size(2)) + "x"
                   + std::to_string(x.size(3)) + " (uneven windows have no ONNX operator)";
            return false;
        }
    } else if (kind == "aten::batch_norm") {
        auto* p = node("BatchNormalization", {in(0), in(1), in(2), in(3), in(4)}, out);
        attr(p, "epsilon", static_cast<float>(real(n->input(7))));
    } else if (kind == "aten::layer_norm") {
        auto* p = node("LayerNormalization", {in(0), in(2), in(3)}, out);
        attr(p, "axis", -static_cast<std::int64_t>(ints(n->input(1)).size()));
        attr(p, "epsilon", static_cast<float>(real(n->input(4))));
    } else if (kind == "aten::dropout" || kind == "aten::feature_dropout"
               || kind == "aten::contiguous") {
        if (kind != "aten::contiguous" && vals_.at(n->input(2)).toBool()) {
            *why = "dropout in training mode";
            return false;
        }
        node("Identity", {in(0)}, out);
    } else if (kind == "aten::relu" || kind == "aten::sigmoid" || kind == "aten::tanh") {
        node(kind == "aten::relu" ? "Relu" : kind == "aten::sigmoid" ? "Sigmoid" : "Tanh", {in(0)}, out);
    } else if (kind == "aten::leaky_relu") {
        attr(node("LeakyRelu", {in(0)}, out), "alpha", static_cast<float>(real(n->input(1))));
    } else if (kind == "aten::gelu") {
        if (n->inputs().size() > 1 && vals_.at(n->input(1)).toStringRef() != "none") {
            *why = "the tanh approximation";
            return false;
        }
        // Exact GELU (opset 17 has no Gelu): 0.5 * x * (1 + erf(x / sqrt(2))).
        auto* d = node("Div", {in(0), scalar(std::sqrt(2.0))}, nullptr);
        auto* e = node("Erf", {d->output(0)}, nullptr);
        auto* a = node("Add", {e->output(0), scalar(1.0)}, nullptr);
        auto* m = node("Mul", {in(0), a->output(0)}, nullptr);
        node("Mul", {m->output(0), scalar(0.5)}, out);
    } else if (kind == "aten::softmax") {
        attr(node("Softmax", {in(0)}, out), "axis", vals_.at(n->input(1)).toInt());
    } else if (kind == "aten::flatten") {
        const std::int64_t start = vals_.at(n->input(1)).toInt();
        const std::int64_t end = vals_.at(n->input(2)).toInt();
        if (end == -1 || end == valueOf(n->input(0)).dim() - 1) {
            attr(node("Flatten", {in(0)}, out), "axis", start);
        } else {
            auto shape = valueOf(out).sizes().vec();
            shape[0] = -1;
            node("Reshape", {in(0), initializer(torch::tensor(shape, torch::kInt64), "shape")}, out);
        }
    } else if (kind == "aten::reshape" || kind == "aten::view") {
        auto shape = ints(n->input(1));
        node("Reshape", {in(0), initializer(torch::tensor(shape, torch::kInt64), "shape")}, out);
    } else if (kind == "aten::cat") {
        const Node* list = n->input(0)->node();
        if (list->kind().toQualString() != std::string("prim::ListConstruct")) {
            *why = "a tensor list not built in the graph";
            return false;
        }
        std::vector<std::string> args;
        for (const Value* v : list->inputs())
            args.push_back(nameOf(v));
        attr(node("Concat", args, out), "axis", vals_.at(n->input(1)).toInt());
    } else if (kind == "aten::embedding") {
        attr(node("Gather", {in(0), in(1)}, out), "axis", std::int64_t{0});
    } else if (kind == "aten::to") {
        const auto type = valueOf(out).scalar_type();
        if (type != at::kLong && type != at::kFloat) {
            *why = "a cast to " + std::string(c10::toString(type));
            return false;
        }
        attr(node("Cast", {in(0)}, out), "to",
             std::int64_t{type == at::kLong ? onnx::TensorProto::INT64 : onnx::TensorProto::FLOAT});
    } else {
        *why = "no ONNX mapping";
        return false;
    }
    return true;
}

}  // namespace

OnnxExport exportOnnx(const Model& model, const OnnxExportOptions& options)
{
    OnnxExport result;
    result.opset = options.opset;
    torch::NoGradGuard noGrad;
    torch::jit::Module module = model.impl().module.clone();
    module.eval();
    torch::jit::Module frozen = torch::jit::freeze_module(module);
    auto graph = frozen.get_method("forward").graph()->copy();
    torch::jit::Inline(*graph);
    torch::jit::ConstantPropagation(graph);
    torch::jit::EliminateDeadCode(graph);

    onnx::ModelProto proto;
    proto.set_ir_version(onnx::IR_VERSION);
    proto.set_producer_name("flightdeck");
    proto.set_producer_version(options.producerVersion);
    auto* opset = proto.add_opset_import();
    opset->set_domain("");
    opset->set_version(options.opset);
    for (const auto& [k, v] : options.metadata) {
        auto* entry = proto.add_metadata_props();
        entry->set_key(k);
        entry->set_value(v);
    }
    onnx::GraphProto& g = *proto.mutable_graph();
    g.set_name(options.graphName);

    const std::int64_t inputs = model.inputs();
    Converter conv(g);
    // Graph input 0 is the frozen module's unused `self`.
    const Value* x = graph->inputs().at(graph->inputs().size() - 1);
    conv.bindInput(x, torch::zeros({2, inputs}, torch::kFloat32), "features");
    for (const Node* n : graph->nodes()) {
        std::string why;
        if (!conv.convert(n, &why))
            result.unsupported.push_back(ownerOf(n) + " (" + n->kind().toQualString() + "): " + why);
    }
    if (!result.unsupported.empty())
        return result;

    const Value* y = graph->outputs().at(0);
    const std::int64_t outputs = conv.valueOf(y).size(1);
    auto* id = g.add_node();
    id->set_op_type("Identity");
    id->set_name("output");
    id->add_input(conv.nameOf(y));
    id->add_output("logits");
    onnxproto::setValueInfo(*g.add_input(), "features", inputs);
    onnxproto::setValueInfo(*g.add_output(), "logits", outputs);
    if (!proto.SerializeToString(&result.bytes))
        throw Error(ErrorInfo{ErrorCode::BadValue, {}, 0, "onnx", "the model did not serialize"});
    return result;
}

}  // namespace flightdeck::model
