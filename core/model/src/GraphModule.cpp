// Model::build for version-2 graphs: each node becomes TorchScript source over torch builtins
// (torch.conv2d, torch.batch_norm, ...; torch.nn.functional is not reachable from define())
// plus the parameters and buffers it owns, initialized as torch.nn's layers are.
#include "flightdeck/model/Model.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/model/GraphShapes.h"
#include "flightdeck/model/detail/ModelImpl.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/script.h>
#include <torch/torch.h>

#include <cmath>
#include <cstdio>

namespace flightdeck::model {

namespace {

std::string num(double v)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    std::string s = buf;
    if (s.find_first_of(".eEn") == std::string::npos)
        s += ".0";   // TorchScript wants a float literal where a float is expected
    return s;
}

std::string ints(std::initializer_list<std::int64_t> v)
{
    std::string s = "[";
    for (auto x : v)
        s += (s.size() > 1 ? ", " : "") + std::to_string(x);
    return s + "]";
}

class Emitter {
public:
    Emitter(torch::jit::Module& m, std::uint64_t seed)
        : m_(m), gen_(at::make_generator<at::CPUGeneratorImpl>(seed))
    {
    }

    // nn.Linear / nn.Conv*d default init: uniform(+-1/sqrt(fan_in)) for weight and bias.
    void fanIn(const std::string& name, std::vector<std::int64_t> weightShape, std::int64_t out,
               std::int64_t fanIn)
    {
        const double bound = 1.0 / std::sqrt(static_cast<double>(fanIn));
        auto w = torch::empty(weightShape, torch::kFloat32);
        w.uniform_(-bound, bound, gen_);
        auto b = torch::empty({out}, torch::kFloat32);
        b.uniform_(-bound, bound, gen_);
        param(name + "_weight", w);
        param(name + "_bias", b);
    }
    void affine(const std::string& name, std::int64_t n)
    {
        param(name + "_weight", torch::ones({n}, torch::kFloat32));
        param(name + "_bias", torch::zeros({n}, torch::kFloat32));
    }
    void param(const std::string& name, const torch::Tensor& t)
    {
        m_.register_parameter(name, t.set_requires_grad(true), /*is_buffer=*/false);
    }
    void buffer(const std::string& name, const torch::Tensor& t) { m_.register_buffer(name, t); }
    at::Generator& generator() { return gen_; }

private:
    torch::jit::Module& m_;
    at::Generator gen_;
};

}  // namespace

Model Model::build(const GraphSpec& graph, const std::vector<std::int64_t>& input,
                   std::int64_t classes, std::uint64_t seed, const std::vector<float>& mean,
                   const std::vector<float>& stddev)
{
    const GraphShapes shapes = checkedShapes(graph, input, classes);
    std::int64_t inputs = 1;
    for (auto d : input)
        inputs *= d;
    if (static_cast<std::int64_t>(mean.size()) != inputs
        || static_cast<std::int64_t>(stddev.size()) != inputs)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "mean/std",
                              "one entry per input feature (" + std::to_string(inputs) + ")"});

    torch::jit::Module m("FlightdeckGraph");
    if (!m.hasattr("training"))
        m.register_attribute("training", c10::BoolType::get(), true);
    Emitter e(m, seed);

    // Token ids must reach an Embedding as they are: no standardization in front of one.
    bool ids = false;
    for (const auto& n : graph.nodes)
        if (n.type == NodeType::Embedding)
            ids = true;
    auto meanT = torch::from_blob(const_cast<float*>(mean.data()), {inputs}, torch::kFloat32).clone();
    auto stdT = torch::from_blob(const_cast<float*>(stddev.data()), {inputs}, torch::kFloat32).clone();
    auto* s = stdT.data_ptr<float>();
    for (std::int64_t i = 0; i < inputs; ++i)
        if (ids || !(std::isfinite(s[i]) && s[i] > 1e-12f))
            s[i] = 1.0f;
    if (ids)
        meanT.zero_();
    e.buffer("mean", meanT);
    e.buffer("std", stdT);

    std::string src = "def forward(self, x):\n    x = (x - self.mean) / self.std\n";
    auto in = [&](const NodeSpec& n, std::size_t port = 0) { return "v_" + n.inputs.at(port); };
    auto shapeOf = [&](const std::string& id) { return shapes.nodes.at(id).output; };
    for (const auto& id : topologicalOrder(graph)) {
        const NodeSpec& n = *graph.node(id);
        const std::string v = "v_" + id, p = "n_" + id, self = "self." + p;
        const auto x = n.inputs.empty() ? input : shapeOf(n.inputs.front());
        const std::int64_t stride = n.stride > 0 ? n.stride : n.kernel;
        std::string expr;
        switch (n.type) {
        case NodeType::Input:
            if (input.size() == 1)
                expr = "x";
            else
                expr = input.size() == 2 ? "x.reshape(" + ints({-1, input[0], input[1]}) + ")"
                                         : "x.reshape(" + ints({-1, input[0], input[1], input[2]}) + ")";
            break;
        case NodeType::Linear:
            e.fanIn(p, {n.units, x.back()}, n.units, x.back());
            expr = "torch.linear(" + in(n) + ", " + self + "_weight, " + self + "_bias)";
            break;
        case NodeType::Conv1d:
            e.fanIn(p, {n.outChannels, x[0], n.kernel}, n.outChannels, x[0] * n.kernel);
            expr = "torch.conv1d(" + in(n) + ", " + self + "_weight, " + self + "_bias, "
                   + ints({std::max<std::int64_t>(1, n.stride)}) + ", " + ints({n.padding}) + ", [1], 1)";
            break;
        case NodeType::Conv2d: {
            const std::int64_t st = std::max<std::int64_t>(1, n.stride);
            e.fanIn(p, {n.outChannels, x[0], n.kernel, n.kernel}, n.outChannels, x[0] * n.kernel * n.kernel);
            expr = "torch.conv2d(" + in(n) + ", " + self + "_weight, " + self + "_bias, "
                   + ints({st, st}) + ", " + ints({n.padding, n.padding}) + ", [1, 1], 1)";
            break;
        }
        case NodeType::MaxPool2d:
            expr = "torch.max_pool2d(" + in(n) + ", " + ints({n.kernel, n.kernel}) + ", "
                   + ints({stride, stride}) + ", " + ints({n.padding, n.padding}) + ", [1, 1], False)";
            break;
        case NodeType::AvgPool2d:
            expr = "torch.avg_pool2d(" + in(n) + ", " + ints({n.kernel, n.kernel}) + ", "
                   + ints({stride, stride}) + ", " + ints({n.padding, n.padding}) + ", False, True, None)";
            break;
        case NodeType::AdaptiveAvgPool2d:
            expr = "torch.adaptive_avg_pool2d(" + in(n) + ", " + ints({n.outputSize, n.outputSize}) + ")";
            break;
        case NodeType::BatchNorm1d:
        case NodeType::BatchNorm2d:
            e.affine(p, x[0]);
            e.buffer(p + "_running_mean", torch::zeros({x[0]}, torch::kFloat32));
            e.buffer(p + "_running_var", torch::ones({x[0]}, torch::kFloat32));
            expr = "torch.batch_norm(" + in(n) + ", " + self + "_weight, " + self + "_bias, " + self
                   + "_running_mean, " + self + "_running_var, self.training, 0.1, 1e-05, False)";
            break;
        case NodeType::LayerNorm:
            e.affine(p, x.back());
            expr = "torch.layer_norm(" + in(n) + ", " + ints({x.back()}) + ", " + self + "_weight, "
                   + self + "_bias, 1e-05, False)";
            break;
        case NodeType::Dropout:
            expr = "torch.dropout(" + in(n) + ", " + num(n.p) + ", self.training)";
            break;
        case NodeType::ReLU: expr = "torch.relu(" + in(n) + ")"; break;
        case NodeType::LeakyReLU: expr = "torch.leaky_relu(" + in(n) + ", " + num(n.slope) + ")"; break;
        case NodeType::GELU: expr = "torch.gelu(" + in(n) + ")"; break;
        case NodeType::SiLU: expr = in(n) + " * torch.sigmoid(" + in(n) + ")"; break;
        case NodeType::Sigmoid: expr = "torch.sigmoid(" + in(n) + ")"; break;
        case NodeType::Tanh: expr = "torch.tanh(" + in(n) + ")"; break;
        case NodeType::Softmax: expr = "torch.softmax(" + in(n) + ", " + std::to_string(n.dim + 1) + ")"; break;
        case NodeType::Flatten: expr = "torch.flatten(" + in(n) + ", 1)"; break;
        case NodeType::Reshape: {
            const auto out = shapeOf(id);
            std::string dims = "[-1";
            for (auto d : out)
                dims += ", " + std::to_string(d);
            expr = in(n) + ".reshape(" + dims + "])";
            break;
        }
        case NodeType::Add:
            for (std::size_t i = 0; i < n.inputs.size(); ++i)
                expr += (i ? " + " : "") + in(n, i);
            break;
        case NodeType::Concat: {
            expr = "torch.cat([";
            for (std::size_t i = 0; i < n.inputs.size(); ++i)
                expr += (i ? ", " : "") + in(n, i);
            expr += "], " + std::to_string(n.dim + 1) + ")";
            break;
        }
        case NodeType::Embedding: {
            auto w = torch::empty({n.vocabulary, n.embeddingDim}, torch::kFloat32);
            w.normal_(0.0, 1.0, e.generator());
            e.param(p + "_weight", w);
            expr = "torch.embedding(" + self + "_weight, " + in(n) + ".long(), -1, False, False)";
            break;
        }
        case NodeType::Output:
            if (n.head) {
                e.fanIn("head", {classes, x[0]}, classes, x[0]);
                expr = "torch.linear(" + in(n) + ", self.head_weight, self.head_bias)";
            } else {
                expr = in(n);
            }
            src += "    return " + expr + "\n";
            continue;
        }
        src += "    " + v + " = " + expr + "\n";
    }
    try {
        m.define(src);
    } catch (const c10::Error& err) {
        throw Error(ErrorInfo{ErrorCode::InvalidSpec, {}, 0, "graph", err.what_without_backtrace()});
    }
    m.train(true);
    auto impl = std::make_unique<detail::ModelImpl>();
    impl->inputs = inputs;
    impl->classes = classes;
    impl->module = std::move(m);
    return Model(std::move(impl));
}

std::int64_t Model::parameterCount() const
{
    std::int64_t n = 0;
    for (const auto& p : impl_->module.parameters())
        n += p.numel();
    return n;
}

}  // namespace flightdeck::model
