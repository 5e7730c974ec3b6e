#pragma once
// Hand-written libtorch training loops for bench_train_mlp, one idea at a time (see
// bench/README.md): the baseline does what Flightdeck's Trainer does per step (index_select
// batches, standardization in the forward, zero_grad, cross-entropy, backward,
// torch::optim::Adam, loss.item()), minus TorchScript and the run's bookkeeping. Also the
// ceiling (the step's matrix products / convolutions alone) and the validation pass under
// grad mode, NoGradGuard and InferenceMode.
#include "BenchSupport.h"
#include "TrainNets.h"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

namespace flightdeck::bench {

struct Ideas {
    bool reuse = false;     // batches gathered by index_select_out into preallocated tensors
    bool flat = false;      // parameters and grads as views into one buffer; one zero_() a step
    bool fused = false;     // + Adam as one pass over the flat buffers (FusedAdam)
    bool noItem = false;    // the loss summed on a tensor, read once per epoch
    bool manual = false;    // MLP: no autograd, ManualMlp (addmm_out/mm_out), implies fused
    bool hoist = false;     // the training tensor standardized once, not every forward
    bool prefetch = false;  // a thread gathers the next batch (memcpy rows) during the step
    bool zeroNone = false;  // grads reset to undefined (set_to_none) instead of zeroed
};

// "baseline" or ideas joined by '+': reuse, flat, fused, noitem, manual, hoist, prefetch, none.
inline Ideas parseIdeas(const std::string& spec)
{
    Ideas i;
    std::size_t start = 0;
    while (start <= spec.size()) {
        const std::size_t end = std::min(spec.find('+', start), spec.size());
        const std::string w = spec.substr(start, end - start);
        if (w == "reuse") i.reuse = true;
        else if (w == "flat") i.flat = true;
        else if (w == "fused") i.flat = i.fused = true;
        else if (w == "noitem") i.noItem = true;
        else if (w == "manual") i.manual = i.flat = i.fused = true;
        else if (w == "hoist") i.hoist = true;
        else if (w == "prefetch") i.prefetch = true;
        else if (w == "none") i.zeroNone = true;
        else if (w != "baseline" && !w.empty()) throw std::invalid_argument("unknown idea " + w);
        start = end + 1;
    }
    return i;
}

// Gathers batch rows (memcpy) on its own thread into one of two preallocated slots while the
// training step uses the other.
class Prefetcher {
public:
    Prefetcher(const torch::Tensor& x, const torch::Tensor& y, std::int64_t batch)
        : x_(x), y_(y), batch_(batch), worker_([this] { loop(); })
    {
        for (auto& s : xs_)
            s = torch::empty({batch, x.size(1)});
        for (auto& s : ys_)
            s = torch::empty({batch}, torch::kLong);
    }
    ~Prefetcher()
    {
        {
            std::lock_guard<std::mutex> l(mu_);
            quit_ = true;
        }
        cv_.notify_all();
        worker_.join();
    }
    void startEpoch(const torch::Tensor& perm)
    {
        std::lock_guard<std::mutex> l(mu_);
        perm_ = perm;
        ready_[0] = ready_[1] = -1;
        want_ = 0;
        cv_.notify_all();
    }
    // The batch starting at row b of the permutation (waits for it), and asks for the next.
    std::pair<torch::Tensor, torch::Tensor> take(std::int64_t b)
    {
        const int slot = int((b / batch_) % 2);
        std::unique_lock<std::mutex> l(mu_);
        cv_.wait(l, [&] { return ready_[slot] == b; });
        if (b + batch_ < perm_.size(0))
            want_ = b + batch_;
        l.unlock();
        cv_.notify_all();
        const std::int64_t n = std::min(batch_, perm_.size(0) - b);
        return {xs_[slot].narrow(0, 0, n), ys_[slot].narrow(0, 0, n)};
    }

private:
    void loop()
    {
        std::unique_lock<std::mutex> l(mu_);
        for (;;) {
            cv_.wait(l, [&] { return quit_ || want_ >= 0; });
            if (quit_)
                return;
            const std::int64_t b = want_;
            want_ = -1;
            const int slot = int((b / batch_) % 2);
            l.unlock();
            const std::int64_t n = std::min(batch_, perm_.size(0) - b), w = x_.size(1);
            const std::int64_t* p = perm_.data_ptr<std::int64_t>() + b;
            const float* src = x_.data_ptr<float>();
            const std::int64_t* ysrc = y_.data_ptr<std::int64_t>();
            float* dst = xs_[slot].data_ptr<float>();
            std::int64_t* ydst = ys_[slot].data_ptr<std::int64_t>();
            for (std::int64_t i = 0; i < n; ++i) {
                std::memcpy(dst + i * w, src + p[i] * w, std::size_t(w) * sizeof(float));
                ydst[i] = ysrc[p[i]];
            }
            l.lock();
            ready_[slot] = b;
            cv_.notify_all();
        }
    }
    torch::Tensor x_, y_, perm_, xs_[2], ys_[2];
    std::int64_t batch_;
    std::mutex mu_;
    std::condition_variable cv_;
    std::int64_t want_ = -1, ready_[2] = {-1, -1};
    bool quit_ = false;
    std::thread worker_;   // last: starts after the members it uses exist
};

struct LoopResult {
    std::vector<double> rates;   // samples/s per epoch
    double lastEpochLoss = 0;
};

// Trains `epochs` epochs on x [N, 784] in [0, 1], y [N] (int64); the figure is per epoch.
inline LoopResult runLoop(bool cnn, const Ideas& I, const torch::Tensor& x, const torch::Tensor& y,
                          int epochs, std::int64_t batch, double lr, std::uint64_t seed)
{
    if (I.manual && cnn)
        throw std::invalid_argument("the manual forward/backward is written for the MLP only");
    const auto mean = x.to(torch::kDouble).mean(0).to(torch::kFloat);
    auto std = x.to(torch::kDouble).std(0, false).to(torch::kFloat);
    std.masked_fill_(std <= 1e-12, 1.0);
    const torch::Tensor data = I.hoist ? ((x - mean) / std).contiguous() : x;
    Net net = makeNet(cnn, I.flat, mean, std, seed);
    std::optional<torch::optim::Adam> adam;
    std::optional<FusedAdam> fusedAdam;
    if (I.fused)
        fusedAdam.emplace(net.flat, lr);
    else
        adam.emplace(net.params, torch::optim::AdamOptions(lr));
    std::optional<ManualMlp> manual;
    if (I.manual)
        manual.emplace(batch);
    std::optional<Prefetcher> prefetcher;
    if (I.prefetch)
        prefetcher.emplace(data, y, batch);
    const torch::Tensor xBuf = torch::empty({batch, x.size(1)}), yBuf = torch::empty({batch}, torch::kLong);
    const torch::Tensor stdBuf = torch::empty({batch, x.size(1)});

    const std::int64_t n = x.size(0);
    LoopResult r;
    for (int epoch = 0; epoch < epochs; ++epoch) {
        const auto t0 = std::chrono::steady_clock::now();
        const auto perm = torch::randperm(n, torch::kLong);
        if (prefetcher)
            prefetcher->startEpoch(perm);
        auto lossSum = torch::zeros({}, torch::kDouble);
        double lossCpu = 0;
        for (std::int64_t b = 0; b < n; b += batch) {
            const std::int64_t m = std::min(batch, n - b);
            const auto idx = perm.slice(0, b, b + m);
            torch::Tensor xb, yb;
            if (prefetcher) {
                std::tie(xb, yb) = prefetcher->take(b);
            } else if (I.reuse) {
                xb = xBuf.narrow(0, 0, m);
                yb = yBuf.narrow(0, 0, m);
                at::index_select_out(xb, data, 0, idx);
                at::index_select_out(yb, y, 0, idx);
            } else {
                xb = data.index_select(0, idx);
                yb = y.index_select(0, idx);
            }
            torch::Tensor loss;
            if (manual) {
                if (!I.hoist) {
                    auto out = stdBuf.narrow(0, 0, m);
                    xb = at::sub_out(out, xb, mean).div_(std);
                }
                loss = manual->step(net, xb, yb);
                fusedAdam->apply(net.flat, net.flatGrad);
            } else {
                if (I.flat)
                    net.flatGrad.zero_();
                else if (I.zeroNone)
                    for (auto& p : net.params)
                        p.mutable_grad() = torch::Tensor();
                else
                    adam->zero_grad();
                loss = torch::cross_entropy_loss(forward(net, xb, !I.hoist, true), yb);
                loss.backward();
                if (fusedAdam) {
                    torch::NoGradGuard g;
                    fusedAdam->apply(net.flat, net.flatGrad);
                } else {
                    adam->step();
                }
            }
            if (I.noItem) {
                lossSum.add_(loss.detach(), double(m));
            } else {
                const double v = loss.item<double>();
                if (!std::isfinite(v))
                    throw std::runtime_error("loss diverged");
                lossCpu += v * double(m);
            }
        }
        r.rates.push_back(double(n) / seconds(t0));
        r.lastEpochLoss = (I.noItem ? lossSum.item<double>() : lossCpu) / double(n);
    }
    return r;
}

// The step's matrix products (MLP) or convolutions + matrix products (CNN) alone, forward and
// backward, at batch `batch`, outputs preallocated where ATen has an _out form (the convolutions
// allocate theirs). No activations, pooling, loss, optimizer or data. Samples/s of `reps` steps.
inline double ceiling(bool cnn, std::int64_t batch, int reps)
{
    torch::NoGradGuard g;
    const std::int64_t B = batch;
    struct Lin {
        torch::Tensor in, w, b, out, gout, gw, gin;
        bool needInputGrad;
    };
    std::vector<Lin> lins;
    auto lin = [&](std::int64_t i, std::int64_t o, bool gi) {
        lins.push_back({torch::rand({B, i}), torch::rand({o, i}), torch::rand({o}),
                        torch::empty({B, o}), torch::rand({B, o}), torch::empty({o, i}),
                        torch::empty({B, i}), gi});
    };
    if (cnn) {
        lin(3136, 1024, true);
        lin(1024, 10, true);
    } else {
        lin(784, 256, false);
        lin(256, 128, true);
        lin(128, 10, true);
    }
    const auto x1 = torch::rand({B, 1, 28, 28}), w1 = torch::rand({32, 1, 5, 5}), b1 = torch::rand({32});
    const auto x2 = torch::rand({B, 32, 14, 14}), w2 = torch::rand({64, 32, 5, 5}), b2 = torch::rand({64});
    const auto g1 = torch::rand({B, 32, 28, 28}), g2 = torch::rand({B, 64, 14, 14});
    auto step = [&] {
        if (cnn) {
            at::convolution(x1, w1, b1, {1, 1}, {2, 2}, {1, 1}, false, {0, 0}, 1);
            at::convolution(x2, w2, b2, {1, 1}, {2, 2}, {1, 1}, false, {0, 0}, 1);
            at::convolution_backward(g2, x2, w2, at::IntArrayRef{64}, {1, 1}, {2, 2}, {1, 1}, false,
                                     {0, 0}, 1, {true, true, true});
            at::convolution_backward(g1, x1, w1, at::IntArrayRef{32}, {1, 1}, {2, 2}, {1, 1}, false,
                                     {0, 0}, 1, {false, true, true});
        }
        for (auto& l : lins) {
            at::addmm_out(l.out, l.b, l.in, l.w.t());
            at::mm_out(l.gw, l.gout.t(), l.in);
            if (l.needInputGrad)
                at::mm_out(l.gin, l.gout, l.w);
        }
    };
    for (int i = 0; i < 3; ++i)
        step();
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < reps; ++i)
        step();
    return double(B) * reps / seconds(t0);
}

// One validation pass over x in chunks of 1024 rows, eval mode, in three grad settings: ms.
struct ValTimes {
    double grad = 0, noGrad = 0, inference = 0;
};
inline ValTimes validationTimes(bool cnn, const torch::Tensor& x, int reps)
{
    const auto mean = x.mean(0), std = x.std(0, false).clamp_min(1e-6);
    Net net = makeNet(cnn, false, mean, std, 1);
    auto pass = [&] {
        const auto t0 = std::chrono::steady_clock::now();
        double correct = 0;
        for (std::int64_t b = 0; b < x.size(0); b += 1024)
            correct += forward(net, x.slice(0, b, b + 1024), true, false).argmax(1).sum().item<double>();
        (void)correct;
        return seconds(t0) * 1e3;
    };
    auto best = [&](auto&& f) {
        std::vector<double> v;
        for (int i = 0; i < reps; ++i)
            v.push_back(f());
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    ValTimes t;
    t.grad = best([&] { return pass(); });
    t.noGrad = best([&] { torch::NoGradGuard g; return pass(); });
    t.inference = best([&] { c10::InferenceMode g; return pass(); });
    return t;
}

}  // namespace flightdeck::bench
