#pragma once
// The two benchmark networks written directly against libtorch (no TorchScript), with their
// parameters either as separate tensors or as views into one flat buffer (grads too), a fused
// Adam over that buffer, and a hand-written forward/backward for the MLP with every
// intermediate preallocated (at::addmm_out / mm_out). Used by TrainLoops.h.
//
// MLP: 784-256-128-10, ReLU. CNN (core/model's fashion_cnn template): conv 32@5x5 pad 2, ReLU,
// max-pool 2, conv 64@5x5 pad 2, ReLU, max-pool 2, flatten, linear 1024, ReLU, dropout 0.4,
// linear 10. The per-feature standardization (x - mean) / std is part of the forward unless
// the loop hoists it out.
#include <torch/torch.h>

#include <ATen/Parallel.h>

#include <cmath>
#include <string>
#include <vector>

namespace flightdeck::bench {

struct Net {
    bool cnn = false;
    std::vector<torch::Tensor> params;   // requires_grad leaves (views of `flat` when flat)
    torch::Tensor flat, flatGrad;        // defined only for the flat layout
    torch::Tensor mean, std;
};

inline std::vector<std::vector<std::int64_t>> shapesOf(bool cnn)
{
    if (!cnn)
        return {{256, 784}, {256}, {128, 256}, {128}, {10, 128}, {10}};
    return {{32, 1, 5, 5}, {32}, {64, 32, 5, 5}, {64}, {1024, 3136}, {1024}, {10, 1024}, {10}};
}

// U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for every tensor, seeded; flat = one contiguous buffer
// whose narrowed views are the parameters, and one for their grads (autograd accumulates into
// an existing grad in place, so the grads stay in the buffer as long as they are zeroed, not
// reset).
inline Net makeNet(bool cnn, bool flat, const torch::Tensor& mean, const torch::Tensor& std,
                   std::uint64_t seed)
{
    torch::manual_seed(seed);
    Net n;
    n.cnn = cnn;
    n.mean = mean;
    n.std = std;
    const auto shapes = shapesOf(cnn);
    std::int64_t total = 0;
    for (const auto& s : shapes)
        total += c10::multiply_integers(s);
    if (flat) {
        n.flat = torch::empty({total});
        n.flatGrad = torch::zeros({total});
    }
    std::int64_t off = 0;
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        const auto& s = shapes[i];
        const std::int64_t numel = c10::multiply_integers(s);
        const std::int64_t fanIn = s.size() == 1 ? c10::multiply_integers(shapes[i - 1]) / s[0]
                                                 : numel / s[0];
        const double bound = 1.0 / std::sqrt(double(fanIn));
        torch::Tensor p = flat ? n.flat.narrow(0, off, numel).view(s) : torch::empty(s);
        p.uniform_(-bound, bound);
        p.requires_grad_(true);
        if (flat)
            p.mutable_grad() = n.flatGrad.narrow(0, off, numel).view(s);
        n.params.push_back(p);
        off += numel;
    }
    return n;
}

inline torch::Tensor forward(const Net& n, torch::Tensor x, bool standardize, bool train)
{
    const auto& p = n.params;
    if (standardize)
        x = (x - n.mean) / n.std;
    if (!n.cnn) {
        x = torch::relu(torch::linear(x, p[0], p[1]));
        x = torch::relu(torch::linear(x, p[2], p[3]));
        return torch::linear(x, p[4], p[5]);
    }
    x = x.reshape({-1, 1, 28, 28});
    x = torch::max_pool2d(torch::relu(torch::conv2d(x, p[0], p[1], 1, 2)), 2, 2);
    x = torch::max_pool2d(torch::relu(torch::conv2d(x, p[2], p[3], 1, 2)), 2, 2);
    x = torch::relu(torch::linear(torch::flatten(x, 1), p[4], p[5]));
    x = torch::dropout(x, 0.4, train);
    return torch::linear(x, p[6], p[7]);
}

// Adam (torch's defaults: betas 0.9/0.999, eps 1e-8, no weight decay) as five ATen kernels over
// the flat parameter, grad and moment buffers (each vectorized and split across the intra-op
// threads); the same arithmetic as torch::optim::Adam, which launches them once per parameter
// tensor (6 tensors for the MLP, 8 for the CNN). A hand-written loop here would run on one
// thread and scalar: this file is not compiled with -fopenmp or -mavx2, so at::parallel_for is
// serial in it, and that was 30 % slower than torch::optim::Adam.
struct FusedAdam {
    torch::Tensor m, v, denom;
    double lr;
    std::int64_t step = 0;
    FusedAdam(const torch::Tensor& flat, double lr_)
        : m(torch::zeros_like(flat)), v(torch::zeros_like(flat)), denom(torch::empty_like(flat)),
          lr(lr_) {}
    void apply(torch::Tensor& flat, const torch::Tensor& grad)
    {
        torch::NoGradGuard noGrad;
        ++step;
        const double b1 = 0.9, b2 = 0.999, eps = 1e-8;
        const double bc1 = 1.0 - std::pow(b1, double(step));
        const double sqrtBc2 = std::sqrt(1.0 - std::pow(b2, double(step)));
        m.mul_(b1).add_(grad, 1.0 - b1);
        v.mul_(b2).addcmul_(grad, grad, 1.0 - b2);
        at::sqrt_out(denom, v).div_(sqrtBc2).add_(eps);
        flat.addcdiv_(m, denom, -lr / bc1);
    }
};

// The MLP's step without autograd: forward and backward through preallocated buffers
// (at::addmm_out / mm_out / sum_out / threshold_backward_out), grads written straight into the
// flat grad buffer's views. The caller applies the optimizer. Returns the batch's loss as a
// 0-dim tensor (no sync).
struct ManualMlp {
    torch::Tensor h1, h2, z, ls, dz, dh2, dh1, negOnes, picked, loss;
    explicit ManualMlp(std::int64_t batch)
        : h1(torch::empty({batch, 256})), h2(torch::empty({batch, 128})),
          z(torch::empty({batch, 10})), ls(torch::empty({batch, 10})),
          dz(torch::empty({batch, 10})), dh2(torch::empty({batch, 128})),
          dh1(torch::empty({batch, 256})), negOnes(torch::full({batch, 1}, -1.0f)),
          picked(torch::empty({batch, 1})), loss(torch::empty({}))
    {}
    torch::Tensor step(Net& n, const torch::Tensor& x, const torch::Tensor& y)
    {
        torch::NoGradGuard noGrad;
        const std::int64_t b = x.size(0);
        auto H1 = h1.narrow(0, 0, b), H2 = h2.narrow(0, 0, b), Z = z.narrow(0, 0, b);
        auto LS = ls.narrow(0, 0, b), DZ = dz.narrow(0, 0, b), DH2 = dh2.narrow(0, 0, b),
             DH1 = dh1.narrow(0, 0, b);
        const auto& p = n.params;
        std::vector<torch::Tensor> g;
        for (const auto& t : p)
            g.push_back(t.grad());
        const auto yv = y.view({b, 1});
        at::addmm_out(H1, p[1], x, p[0].t()).relu_();
        at::addmm_out(H2, p[3], H1, p[2].t()).relu_();
        at::addmm_out(Z, p[5], H2, p[4].t());
        at::_log_softmax_out(LS, Z, 1, false);
        auto picks = picked.narrow(0, 0, b);
        at::gather_out(picks, LS, 1, yv);
        at::mean_out(loss, picks, at::IntArrayRef{0, 1}, false, c10::nullopt).neg_();
        // d(mean NLL)/dz = (softmax - onehot) / b
        at::exp_out(DZ, LS).scatter_add_(1, yv, negOnes.narrow(0, 0, b)).mul_(1.0 / double(b));
        at::mm_out(g[4], DZ.t(), H2);
        at::sum_out(g[5], DZ, {0});
        at::mm_out(DH2, DZ, p[4]);
        at::threshold_backward_out(DH2, DH2, H2, 0);
        at::mm_out(g[2], DH2.t(), H1);
        at::sum_out(g[3], DH2, {0});
        at::mm_out(DH1, DH2, p[2]);
        at::threshold_backward_out(DH1, DH1, H1, 0);
        at::mm_out(g[0], DH1.t(), x);
        at::sum_out(g[1], DH1, {0});
        return loss;
    }
};

}  // namespace flightdeck::bench
