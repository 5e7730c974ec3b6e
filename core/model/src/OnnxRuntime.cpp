// checkOnnx and runOnnx: the export's self-check. runOnnx reads the weights back out of the
// file and follows its node list, so a weight written wrongly, a transposed matrix or a wrong
// attribute shows up as a difference from model.pt.
#include "flightdeck/model/OnnxExport.h"

#include "OnnxProto.h"
#include "flightdeck/common/Error.h"

#include <onnx/checker.h>
#include <onnx/shape_inference/implementation.h>

#include <map>

namespace flightdeck::model {

namespace {

[[noreturn]] void bad(const std::string& field, const std::string& what)
{
    throw Error(ErrorInfo{ErrorCode::BadValue, {}, 0, field, what});
}

onnx::ModelProto parse(const std::string& bytes)
{
    onnx::ModelProto proto;
    if (!proto.ParseFromString(bytes))
        bad("onnx", "the bytes are not an ONNX ModelProto");
    return proto;
}

at::Tensor tensorFrom(const onnx::TensorProto& t)
{
    std::vector<std::int64_t> dims(t.dims().begin(), t.dims().end());
    std::int64_t count = 1;
    for (auto d : dims)
        count *= d;
    if (t.data_type() == onnx::TensorProto::FLOAT) {
        if (t.has_raw_data()) {
            if (t.raw_data().size() != static_cast<std::size_t>(count) * sizeof(float))
                bad(t.name(), "raw data of the wrong size");
            return torch::from_blob(const_cast<char*>(t.raw_data().data()), dims, torch::kFloat32).clone();
        }
        std::vector<float> v(t.float_data().begin(), t.float_data().end());
        return torch::tensor(v, torch::kFloat32).reshape(dims);
    }
    if (t.data_type() == onnx::TensorProto::INT64) {
        if (t.has_raw_data()) {
            if (t.raw_data().size() != static_cast<std::size_t>(count) * sizeof(std::int64_t))
                bad(t.name(), "raw data of the wrong size");
            return torch::from_blob(const_cast<char*>(t.raw_data().data()), dims, torch::kInt64).clone();
        }
        std::vector<std::int64_t> v(t.int64_data().begin(), t.int64_data().end());
        return torch::tensor(v, torch::kInt64).reshape(dims);
    }
    bad(t.name(), "a float32 or int64 tensor");
}

const onnx::AttributeProto* find(const onnx::NodeProto& n, const std::string& name)
{
    for (const auto& a : n.attribute())
        if (a.name() == name)
            return &a;
    return nullptr;
}
std::int64_t intAttr(const onnx::NodeProto& n, const std::string& name, std::int64_t fallback)
{
    const auto* a = find(n, name);
    return a ? a->i() : fallback;
}
float floatAttr(const onnx::NodeProto& n, const std::string& name, float fallback)
{
    const auto* a = find(n, name);
    return a ? a->f() : fallback;
}
std::vector<std::int64_t> intsAttr(const onnx::NodeProto& n, const std::string& name,
                                   std::vector<std::int64_t> fallback)
{
    const auto* a = find(n, name);
    return a ? std::vector<std::int64_t>(a->ints().begin(), a->ints().end()) : fallback;
}

// ONNX pads are [begin..., end...]; torch takes one symmetric value per axis.
std::vector<std::int64_t> symmetricPads(const onnx::NodeProto& n, std::size_t axes)
{
    auto pads = intsAttr(n, "pads", std::vector<std::int64_t>(2 * axes, 0));
    if (pads.size() != 2 * axes)
        bad(n.name(), "pads with " + std::to_string(2 * axes) + " values");
    for (std::size_t i = 0; i < axes; ++i)
        if (pads[i] != pads[i + axes])
            bad(n.name(), "symmetric pads");
    pads.resize(axes);
    return pads;
}

at::Tensor run(const onnx::NodeProto& n, const std::vector<at::Tensor>& in)
{
    const std::string& op = n.op_type();
    auto arg = [&](std::size_t i) -> const at::Tensor& {
        if (i >= in.size())
            bad(n.name(), op + " with at least " + std::to_string(i + 1) + " inputs");
        return in[i];
    };
    if (op == "Add") return arg(0) + arg(1);
    if (op == "Sub") return arg(0) - arg(1);
    if (op == "Mul") return arg(0) * arg(1);
    if (op == "Div") return arg(0) / arg(1);
    if (op == "MatMul") return at::matmul(arg(0), arg(1));
    if (op == "Gemm") {
        const at::Tensor a = intAttr(n, "transA", 0) ? arg(0).t() : arg(0);
        const at::Tensor b = intAttr(n, "transB", 0) ? arg(1).t() : arg(1);
        const double alpha = floatAttr(n, "alpha", 1.0f), beta = floatAttr(n, "beta", 1.0f);
        return in.size() > 2 ? at::addmm(in[2], a, b, beta, alpha) : at::mm(a, b) * alpha;
    }
    if (op == "Conv") {
        const std::size_t axes = static_cast<std::size_t>(arg(1).dim() - 2);
        const at::Tensor bias = in.size() > 2 ? in[2] : at::Tensor();
        return at::convolution(arg(0), arg(1), bias, intsAttr(n, "strides", std::vector<std::int64_t>(axes, 1)),
                               symmetricPads(n, axes), intsAttr(n, "dilations", std::vector<std::int64_t>(axes, 1)),
                               false, std::vector<std::int64_t>(axes, 0), intAttr(n, "group", 1));
    }
    if (op == "MaxPool" || op == "AveragePool") {
        const auto kernel = intsAttr(n, "kernel_shape", {});
        if (kernel.size() != 2)
            bad(n.name(), op + " over two axes");
        const auto strides = intsAttr(n, "strides", {1, 1});
        const auto pads = symmetricPads(n, 2);
        const bool ceil = intAttr(n, "ceil_mode", 0) != 0;
        if (op == "MaxPool")
            return at::max_pool2d(arg(0), kernel, strides, pads, intsAttr(n, "dilations", {1, 1}), ceil);
        return at::avg_pool2d(arg(0), kernel, strides, pads, ceil, intAttr(n, "count_include_pad", 0) != 0);
    }
    if (op == "GlobalAveragePool") {
        std::vector<std::int64_t> dims;
        for (std::int64_t d = 2; d < arg(0).dim(); ++d)
            dims.push_back(d);
        return arg(0).mean(dims, /*keepdim=*/true);
    }
    if (op == "BatchNormalization")
        return at::batch_norm(arg(0), arg(1), arg(2), arg(3), arg(4), false, 0.1,
                              floatAttr(n, "epsilon", 1e-5f), false);
    if (op == "LayerNormalization") {
        std::int64_t axis = intAttr(n, "axis", -1);
        if (axis < 0)
            axis += arg(0).dim();
        const auto shape = arg(0).sizes().slice(static_cast<std::size_t>(axis)).vec();
        return at::layer_norm(arg(0), shape, arg(1), in.size() > 2 ? in[2] : at::Tensor(),
                              floatAttr(n, "epsilon", 1e-5f));
    }
    if (op == "Identity") return arg(0);
    if (op == "Relu") return at::relu(arg(0));
    if (op == "Sigmoid") return at::sigmoid(arg(0));
    if (op == "Tanh") return at::tanh(arg(0));
    if (op == "Erf") return at::erf(arg(0));
    if (op == "LeakyRelu") return at::leaky_relu(arg(0), floatAttr(n, "alpha", 0.01f));
    if (op == "Softmax") return at::softmax(arg(0), intAttr(n, "axis", -1));
    if (op == "Flatten") {
        std::int64_t axis = intAttr(n, "axis", 1);
        if (axis < 0)
            axis += arg(0).dim();
        std::int64_t outer = 1;
        for (std::int64_t d = 0; d < axis; ++d)
            outer *= arg(0).size(d);
        return arg(0).reshape({outer, -1});
    }
    if (op == "Reshape") {
        auto shape = std::vector<std::int64_t>(arg(1).data_ptr<std::int64_t>(),
                                               arg(1).data_ptr<std::int64_t>() + arg(1).numel());
        for (std::size_t i = 0; i < shape.size(); ++i)
            if (shape[i] == 0)   // ONNX: 0 copies the input's dimension
                shape[i] = arg(0).size(static_cast<std::int64_t>(i));
        return arg(0).reshape(shape);
    }
    if (op == "Concat") return at::cat(in, intAttr(n, "axis", 0));
    if (op == "Gather") {
        const std::int64_t axis = intAttr(n, "axis", 0);
        if (axis != 0)
            bad(n.name(), "Gather on axis 0");
        auto shape = arg(1).sizes().vec();
        for (std::int64_t d = 1; d < arg(0).dim(); ++d)
            shape.push_back(arg(0).size(d));
        return at::index_select(arg(0), 0, arg(1).reshape({-1})).reshape(shape);
    }
    if (op == "Cast") {
        const auto to = intAttr(n, "to", 0);
        if (to == onnx::TensorProto::INT64) return arg(0).to(at::kLong);
        if (to == onnx::TensorProto::FLOAT) return arg(0).to(at::kFloat);
        bad(n.name(), "Cast to float or int64");
    }
    bad(n.name(), "an operator of Flightdeck's export subset, found " + op);
}

}  // namespace

std::vector<std::string> checkOnnx(const std::string& bytes)
{
    std::vector<std::string> problems;
    onnx::ModelProto proto;
    if (!proto.ParseFromString(bytes))
        return {"the bytes are not an ONNX ModelProto"};
    try {
        onnx::checker::check_model(proto);
    } catch (const std::exception& e) {
        problems.push_back(std::string("onnx::checker: ") + e.what());
    }
    try {
        onnx::shape_inference::InferShapes(proto, onnx::OpSchemaRegistry::Instance(),
                                           onnx::ShapeInferenceOptions(true, 1, false));
    } catch (const std::exception& e) {
        problems.push_back(std::string("shape inference: ") + e.what());
    }
    return problems;
}

std::vector<float> runOnnx(const std::string& bytes, const float* features, std::size_t rows,
                           std::int64_t inputs, std::int64_t* outputs)
{
    const onnx::ModelProto proto = parse(bytes);
    const auto& g = proto.graph();
    if (g.input_size() != 1 || g.output_size() != 1)
        bad("onnx", "one input and one output");
    torch::NoGradGuard noGrad;
    std::map<std::string, at::Tensor> env;
    for (const auto& t : g.initializer())
        env[t.name()] = tensorFrom(t);
    env[g.input(0).name()] = torch::from_blob(const_cast<float*>(features),
                                              {static_cast<std::int64_t>(rows), inputs},
                                              torch::kFloat32).clone();
    for (const auto& n : g.node()) {
        std::vector<at::Tensor> in;
        for (const auto& name : n.input()) {
            auto it = env.find(name);
            if (it == env.end())
                bad(n.name(), "input \"" + name + "\" defined before use");
            in.push_back(it->second);
        }
        if (n.output_size() != 1)
            bad(n.name(), "one output");
        env[n.output(0)] = run(n, in);
    }
    auto it = env.find(g.output(0).name());
    if (it == env.end())
        bad("onnx", "the graph output \"" + g.output(0).name() + "\" is never computed");
    const at::Tensor y = it->second.to(at::kFloat).contiguous();
    if (y.dim() != 2 || y.size(0) != static_cast<std::int64_t>(rows))
        bad("onnx", "an output of [rows, outputs]");
    if (outputs)
        *outputs = y.size(1);
    return std::vector<float>(y.data_ptr<float>(), y.data_ptr<float>() + y.numel());
}

}  // namespace flightdeck::model
