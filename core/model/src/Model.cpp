#include "flightdeck/model/Model.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/model/detail/ModelImpl.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/script.h>
#include <torch/torch.h>

#include <cmath>
#include <cstdio>
#include <algorithm>
#include <atomic>
#include <cstring>
#include <sstream>

namespace flightdeck::model {

namespace {

std::string formatDouble(double v)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

// Uniform(-1/sqrt(fan_in), 1/sqrt(fan_in)) for weight and bias: what nn.Linear's default
// kaiming_uniform_(a=sqrt(5)) works out to.
void addLinear(torch::jit::Module& m, const std::string& prefix, std::int64_t in, std::int64_t out,
               at::Generator& gen)
{
    const double bound = 1.0 / std::sqrt(static_cast<double>(in));
    auto w = torch::empty({out, in}, torch::kFloat32);
    w.uniform_(-bound, bound, gen);
    auto b = torch::empty({out}, torch::kFloat32);
    b.uniform_(-bound, bound, gen);
    m.register_parameter(prefix + "_weight", w.set_requires_grad(true), /*is_buffer=*/false);
    m.register_parameter(prefix + "_bias", b.set_requires_grad(true), /*is_buffer=*/false);
}

std::string c10Message(const c10::Error& e)
{
    return e.what_without_backtrace();
}

// inputs from the "mean" buffer (or the first matrix parameter), classes from one forward pass.
void inferDims(detail::ModelImpl& impl)
{
    auto& m = impl.module;
    if (m.hasattr("mean") && m.attr("mean").isTensor()) {
        impl.inputs = m.attr("mean").toTensor().numel();
    } else {
        for (const auto& p : m.parameters()) {
            if (p.dim() == 2) {
                impl.inputs = p.size(1);
                break;
            }
        }
    }
    if (impl.inputs < 1)
        throw Error(ErrorInfo{ErrorCode::BadValue, {}, 0, "inputs",
                              "cannot tell the model's input width (no \"mean\" buffer)"});
    torch::NoGradGuard noGrad;
    m.eval();   // a loaded model is for inference
    auto out = m.forward({torch::zeros({1, impl.inputs}, torch::kFloat32)}).toTensor();
    if (out.dim() != 2 || out.size(0) != 1)
        throw Error(ErrorInfo{ErrorCode::BadValue, {}, 0, "forward",
                              "forward(x) must return [N, classes] logits"});
    impl.classes = out.size(1);
}

}  // namespace

Model::Model(std::unique_ptr<detail::ModelImpl> impl) : impl_(std::move(impl)) {}
Model::Model(Model&&) noexcept = default;
Model& Model::operator=(Model&&) noexcept = default;
Model::~Model() = default;

Model Model::build(const ArchitectureSpec& spec, std::int64_t inputs, std::int64_t classes,
                   std::uint64_t seed, const std::vector<float>& mean,
                   const std::vector<float>& stddev)
{
    inferShapes(spec, inputs, classes);   // validates inputs, classes and units
    if (static_cast<std::int64_t>(mean.size()) != inputs ||
        static_cast<std::int64_t>(stddev.size()) != inputs)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "mean/std",
                              "one entry per input feature (" + std::to_string(inputs) + ")"});

    auto impl = std::make_unique<detail::ModelImpl>();
    impl->inputs = inputs;
    impl->classes = classes;
    torch::jit::Module m("FlightdeckClassifier");
    if (!m.hasattr("training"))
        m.register_attribute("training", c10::BoolType::get(), true);

    // Initialization draws from a private generator so it is reproducible whatever else the
    // process does with torch's global one.
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(seed);

    auto meanT = torch::from_blob(const_cast<float*>(mean.data()), {inputs}, torch::kFloat32).clone();
    auto stdT = torch::from_blob(const_cast<float*>(stddev.data()), {inputs}, torch::kFloat32).clone();
    auto* s = stdT.data_ptr<float>();
    for (std::int64_t i = 0; i < inputs; ++i)
        if (!(std::isfinite(s[i]) && s[i] > 1e-12f))
            s[i] = 1.0f;
    m.register_buffer("mean", meanT);
    m.register_buffer("std", stdT);

    std::string src = "def forward(self, x):\n    x = (x - self.mean) / self.std\n";
    std::int64_t width = inputs;
    int linearIndex = 0;
    for (const auto& layer : spec.layers) {
        switch (layer.type) {
        case LayerType::Linear: {
            const std::string prefix = "fc" + std::to_string(linearIndex++);
            addLinear(m, prefix, width, layer.units, gen);
            src += "    x = torch.linear(x, self." + prefix + "_weight, self." + prefix + "_bias)\n";
            width = layer.units;
            break;
        }
        case LayerType::ReLU: src += "    x = torch.relu(x)\n"; break;
        case LayerType::Tanh: src += "    x = torch.tanh(x)\n"; break;
        case LayerType::Sigmoid: src += "    x = torch.sigmoid(x)\n"; break;
        case LayerType::GELU: src += "    x = torch.gelu(x)\n"; break;
        case LayerType::Dropout:
            src += "    x = torch.dropout(x, " + formatDouble(layer.p) + ", self.training)\n";
            break;
        }
    }
    addLinear(m, "head", width, classes, gen);
    src += "    return torch.linear(x, self.head_weight, self.head_bias)\n";
    try {
        m.define(src);
    } catch (const c10::Error& e) {
        throw Error(ErrorInfo{ErrorCode::InvalidSpec, {}, 0, "layers", c10Message(e)});
    }
    m.train(true);
    impl->module = std::move(m);
    return Model(std::move(impl));
}

namespace {
std::atomic<int> gIntraOpThreads{0};   // 0: never set, libtorch's default
}

void Model::setIntraOpThreads(int threads)
{
    gIntraOpThreads.store(std::max(1, threads));
    at::set_num_threads(std::max(1, threads));
}

Model Model::withOutputScale(Model&& net, double mean, double stddev)
{
    if (!std::isfinite(mean) || !std::isfinite(stddev))
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "target mean/std",
                              "finite numbers"});
    if (!(stddev > 1e-12))
        stddev = 1.0;
    auto impl = std::make_unique<detail::ModelImpl>();
    impl->inputs = net.impl_->inputs;
    impl->classes = net.impl_->classes;
    torch::jit::Module m("FlightdeckRegressor");
    if (!m.hasattr("training"))
        m.register_attribute("training", c10::BoolType::get(), true);
    torch::jit::Module inner = net.impl_->module;
    m.register_module("net", inner);
    // The same tensor as the network's: inferDims reads the input width from "mean".
    if (inner.hasattr("mean"))
        m.register_buffer("mean", inner.attr("mean").toTensor());
    m.register_buffer("target_mean", torch::full({1}, mean, torch::kFloat32));
    m.register_buffer("target_std", torch::full({1}, stddev, torch::kFloat32));
    try {
        m.define("def forward(self, x):\n    return self.net.forward(x) * self.target_std + self.target_mean\n");
    } catch (const c10::Error& e) {
        throw Error(ErrorInfo{ErrorCode::InvalidSpec, {}, 0, "output scale", c10Message(e)});
    }
    m.train(inner.is_training());
    impl->module = std::move(m);
    return Model(std::move(impl));
}

Model Model::load(const std::filesystem::path& file)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        throw Error(ErrorInfo{ErrorCode::FileNotFound, file.string(), 0, {}, {}});
    auto impl = std::make_unique<detail::ModelImpl>();
    try {
        impl->module = torch::jit::load(file.string(), torch::kCPU);
        inferDims(*impl);
    } catch (const c10::Error& e) {
        throw Error(ErrorInfo{ErrorCode::BadValue, file.string(), 0, {},
                              "not a loadable TorchScript model: " + c10Message(e)});
    }
    return Model(std::move(impl));
}

Model Model::loadFromBytes(const std::string& bytes)
{
    auto impl = std::make_unique<detail::ModelImpl>();
    try {
        std::istringstream in(bytes);
        impl->module = torch::jit::load(in, torch::kCPU);
        inferDims(*impl);
    } catch (const c10::Error& e) {
        throw Error(ErrorInfo{ErrorCode::BadValue, {}, 0, "model",
                              "not a loadable TorchScript model: " + c10Message(e)});
    }
    return Model(std::move(impl));
}

void Model::save(const std::filesystem::path& file) const
{
    try {
        impl_->module.save(file.string());
    } catch (const c10::Error& e) {
        throw Error(ErrorInfo{ErrorCode::FileUnwritable, file.string(), 0, {}, c10Message(e)});
    }
}

std::string Model::saveToBytes() const
{
    std::ostringstream out;
    try {
        impl_->module.save(out);
    } catch (const c10::Error& e) {
        throw Error(ErrorInfo{ErrorCode::Io, {}, 0, "model", c10Message(e)});
    }
    return out.str();
}

std::int64_t Model::inputs() const { return impl_->inputs; }
std::int64_t Model::classes() const { return impl_->classes; }

std::vector<float> Model::logits(const float* features, std::size_t rows) const
{
    if (rows == 0)
        return {};
    auto& m = impl_->module;
    torch::NoGradGuard noGrad;
    // Loaded models are already in eval mode, so concurrent inference (a server's worker
    // threads) only reads the module; a freshly trained one is switched once.
    if (m.is_training())
        m.eval();
    // OpenMP keeps the thread count per thread: set on main, it does not reach a server's worker
    // threads, where OpenBLAS then ran every small product on all cores and spun between them.
    if (const int want = gIntraOpThreads.load(std::memory_order_relaxed); want > 0 && at::get_num_threads() != want)
        at::set_num_threads(want);
    std::vector<float> out(rows * static_cast<std::size_t>(impl_->classes));
    try {
        auto x = torch::from_blob(const_cast<float*>(features),
                                  {static_cast<std::int64_t>(rows), impl_->inputs}, torch::kFloat32);
        auto y = m.forward({x}).toTensor().to(torch::kCPU, torch::kFloat32).contiguous();
        if (y.numel() != static_cast<std::int64_t>(out.size()))
            throw Error(ErrorInfo{ErrorCode::BadValue, {}, 0, "forward",
                                  "forward(x) returned an unexpected shape"});
        std::memcpy(out.data(), y.data_ptr<float>(), out.size() * sizeof(float));
    } catch (const c10::Error& e) {
        throw Error(ErrorInfo{ErrorCode::BadValue, {}, 0, "model", c10Message(e)});
    }
    return out;
}

std::vector<std::int32_t> Model::predict(const float* features, std::size_t rows) const
{
    // In chunks of at most ~16M logits, so predicting many rows over many classes never holds
    // the whole rows x classes matrix (7,500 x 50,000 floats would be 1.5 GB).
    const auto k = static_cast<std::size_t>(impl_->classes);
    const std::size_t chunk = std::max<std::size_t>(1, (std::size_t(1) << 24) / std::max<std::size_t>(k, 1));
    const auto width = static_cast<std::size_t>(impl_->inputs);
    std::vector<std::int32_t> pred(rows);
    for (std::size_t begin = 0; begin < rows; begin += chunk) {
        const std::size_t n = std::min(chunk, rows - begin);
        const auto l = logits(features + begin * width, n);
        for (std::size_t r = 0; r < n; ++r) {
            const float* row = l.data() + r * k;
            std::size_t best = 0;
            for (std::size_t c = 1; c < k; ++c)
                if (row[c] > row[best])
                    best = c;
            pred[begin + r] = static_cast<std::int32_t>(best);
        }
    }
    return pred;
}

detail::ModelImpl& Model::impl() { return *impl_; }
const detail::ModelImpl& Model::impl() const { return *impl_; }

}  // namespace flightdeck::model
