// The c10d side of a data-parallel run: a TCPStore for the rendezvous and Gloo for the
// collectives (Debian's libtorch is CPU-only and ships Gloo, built against libgloo-dev's
// headers; the same code compiles against a PyTorch libtorch 2.x). CUDA tensors are staged
// through a CPU bucket, so it needs no CUDA-enabled Gloo or NCCL: one device-to-host and one
// host-to-device copy of the gradients per step.
#ifndef USE_C10D_GLOO
#define USE_C10D_GLOO 1   // ProcessGroupGloo.hpp is empty without it
#endif
#include "DataParallel.h"

#include "flightdeck/common/Error.h"

#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <chrono>
#include <cstdlib>
#include <functional>

namespace flightdeck::train::detail {

struct DataParallel::Group {
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> gloo;
};

namespace {

// c10d reports a dead peer ("Connection closed by peer"), a hung one ("Timed out waiting ...")
// or a failed rendezvous as c10::Error or std::runtime_error; the run fails with the rank and
// the timeout named, so the message says what to look at.
void collective(const WorldConfig& w, const char* what, const std::function<void()>& fn)
{
    try {
        fn();
    } catch (const std::exception& e) {
        std::string message = e.what();
        if (const auto* c10e = dynamic_cast<const c10::Error*>(&e))
            message = c10e->what_without_backtrace();
        throw Error(ErrorCode::TrainingFailed,
                    "rank " + std::to_string(w.rank) + " of " + std::to_string(w.size) + ": " +
                        what + " failed (another rank died, hung for more than " +
                        std::to_string(w.timeoutSeconds) + " s, or is unreachable at " +
                        w.masterAddr + ":" + std::to_string(w.masterPort) + "): " + message);
    }
}

std::shared_ptr<::gloo::transport::Device> glooDevice(const WorldConfig& w)
{
    if (const char* ifname = std::getenv("GLOO_SOCKET_IFNAME"); ifname && *ifname)
        return c10d::ProcessGroupGloo::createDeviceForInterface(ifname);
    // All ranks on this machine: loopback, which needs no resolvable hostname.
    if (w.localSize >= w.size)
        return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
    return c10d::ProcessGroupGloo::createDefaultDevice();
}

}  // namespace

DataParallel::DataParallel(const WorldConfig& world) : world_(world), group_(std::make_unique<Group>())
{
    const auto timeout = std::chrono::milliseconds(std::int64_t(world.timeoutSeconds) * 1000);
    collective(world_, "joining the process group", [&] {
        c10d::TCPStoreOptions options;
        options.port = static_cast<std::uint16_t>(world.masterPort);
        options.timeout = timeout;
        if (world.agentStore) {
            // torchrun's agent serves the store; every attempt gets its own keys.
            options.isServer = false;
            options.waitWorkers = false;
            auto tcp = c10::make_intrusive<c10d::TCPStore>(world.masterAddr, options);
            group_->store = c10::make_intrusive<c10d::PrefixStore>(
                "/worker/attempt_" + std::to_string(world.restartCount), tcp);
        } else {
            options.isServer = world.rank == 0;
            options.numWorkers = static_cast<std::size_t>(world.size);
            group_->store = c10::make_intrusive<c10d::TCPStore>(world.masterAddr, options);
        }
        auto glooOptions = c10d::ProcessGroupGloo::Options::create(timeout);
        glooOptions->devices.push_back(glooDevice(world));
        group_->gloo = c10::make_intrusive<c10d::ProcessGroupGloo>(group_->store, world.rank,
                                                                   world.size, glooOptions);
    });
}

DataParallel::~DataParallel() = default;

void DataParallel::broadcast(const std::vector<torch::Tensor>& tensors)
{
    torch::NoGradGuard noGrad;
    for (const auto& t : tensors) {
        std::vector<torch::Tensor> staged{t.detach().to(torch::kCPU).contiguous()};
        collective(world_, "broadcasting the initial weights",
                   [&] { group_->gloo->broadcast(staged)->wait(); });
        t.copy_(staged[0]);
    }
}

void DataParallel::sum(std::vector<double>& values)
{
    std::vector<torch::Tensor> t{torch::tensor(values, torch::kFloat64)};
    collective(world_, "summing validation results", [&] { group_->gloo->allreduce(t)->wait(); });
    const double* p = t[0].data_ptr<double>();
    values.assign(p, p + values.size());
}

bool DataParallel::allAgree(bool ok)
{
    std::vector<torch::Tensor> t{torch::tensor({ok ? 0.0f : 1.0f})};
    collective(world_, "checking every rank is ready", [&] { group_->gloo->allreduce(t)->wait(); });
    return t[0].item<float>() == 0.0f;
}

StepTotals DataParallel::averageGradients(const std::vector<torch::Tensor>& params,
                                          std::int64_t rows, double lossSum, bool stop)
{
    torch::NoGradGuard noGrad;
    std::int64_t n = 0;
    for (const auto& p : params)
        n += p.numel();
    if (!bucket_.defined() || bucket_.numel() != n + 3)
        bucket_ = torch::empty({n + 3}, torch::kFloat32);
    std::int64_t offset = 0;
    for (const auto& p : params) {
        auto slot = bucket_.slice(0, offset, offset + p.numel());
        const auto& g = p.grad();
        // A rank without rows this step (or a parameter the forward did not reach) adds 0.
        if (g.defined() && rows > 0)
            slot.copy_(g.reshape({-1}));
        else
            slot.zero_();
        offset += p.numel();
    }
    auto grads = bucket_.slice(0, 0, n);
    grads.mul_(static_cast<float>(rows));
    bucket_[n] = static_cast<float>(rows);
    bucket_[n + 1] = static_cast<float>(lossSum);
    bucket_[n + 2] = stop ? 1.0f : 0.0f;
    std::vector<torch::Tensor> t{bucket_};
    collective(world_, "averaging gradients", [&] { group_->gloo->allreduce(t)->wait(); });

    StepTotals totals;
    const float* tail = bucket_.data_ptr<float>() + n;
    totals.rows = static_cast<std::int64_t>(tail[0]);
    totals.lossSum = tail[1];
    totals.stop = tail[2] > 0;
    if (totals.rows > 0)
        grads.div_(static_cast<float>(totals.rows));
    offset = 0;
    for (const auto& p : params) {
        const auto slot = bucket_.slice(0, offset, offset + p.numel()).view(p.sizes());
        offset += p.numel();
        torch::Tensor param = p;
        auto& g = param.mutable_grad();
        if (g.defined())
            g.copy_(slot);
        else
            g = slot.to(p.device(), p.scalar_type(), /*non_blocking=*/false, /*copy=*/true);
    }
    return totals;
}

}  // namespace flightdeck::train::detail
