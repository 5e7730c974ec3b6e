#include "flightdeck/train/Runtime.h"

#include "flightdeck/common/Error.h"

#include <torch/torch.h>
#include <torch/version.h>
#include <ATen/Version.h>

#include <dlfcn.h>
#include <sched.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

namespace flightdeck::train {

namespace {

// The file behind the first mapping whose path contains `needle` (the kernel shows resolved
// paths, so the alternatives symlink libblas.so.3 -> .../openblas-openmp/libblas.so.3 reads as
// the real library).
std::string mappedLibrary(const char* needle)
{
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        const auto slash = line.find('/');
        if (slash == std::string::npos)
            continue;
        const std::string path = line.substr(slash);
        const auto base = path.rfind('/');
        if (path.find(needle, base) != std::string::npos)
            return path;
    }
    return {};
}

std::string openblasConfig()
{
    using ConfigFn = char* (*)();
    if (auto fn = reinterpret_cast<ConfigFn>(dlsym(RTLD_DEFAULT, "openblas_get_config"))) {
        if (const char* text = fn())
            return text;
    }
    return {};
}

// The library that provides sgemm_ to the process: libtorch's GEMM calls resolve the same way,
// so this is the BLAS that actually runs (an OpenBLAS may be loaded too, e.g. through LAPACK,
// without being the one used).
std::string gemmProvider()
{
    void* sym = dlsym(RTLD_DEFAULT, "sgemm_");
    Dl_info dl{};
    if (!sym || dladdr(sym, &dl) == 0 || !dl.dli_fname)
        return {};
    std::error_code ec;
    const auto real = std::filesystem::canonical(dl.dli_fname, ec);
    return ec ? std::string(dl.dli_fname) : real.string();
}

void describeBlas(RuntimeInfo& info)
{
    std::string path = gemmProvider();
    if (path.find("libtorch") != std::string::npos)
        path.clear();   // a BLAS linked into libtorch itself: see show_config() below
    if (path.empty())
        path = mappedLibrary("libblas.so");
    if (path.empty())
        path = mappedLibrary("libopenblas");
    if (path.empty())
        path = mappedLibrary("libmkl");
    if (path.empty())
        path = mappedLibrary("libblis");

    if (path.empty()) {
        // A PyTorch-built libtorch links its BLAS statically; its build config says which.
        std::string kind = "built into libtorch";
        const std::string config = at::show_config();
        const auto pos = config.find("BLAS_INFO=");
        if (pos != std::string::npos) {
            const auto end = config.find_first_of(", \n", pos);
            kind = config.substr(pos + 10, end == std::string::npos ? end : end - pos - 10) +
                   " (built into libtorch)";
        }
        info.blas = kind;
        return;
    }

    bool openblas = false;
    if (path.find("openblas-openmp") != std::string::npos)
        info.blas = "OpenBLAS (OpenMP)", openblas = true;
    else if (path.find("openblas-pthread") != std::string::npos)
        info.blas = "OpenBLAS (pthreads)", openblas = true;
    else if (path.find("openblas-serial") != std::string::npos)
        info.blas = "OpenBLAS (serial)", openblas = true;
    else if (path.find("openblas") != std::string::npos)
        info.blas = "OpenBLAS", openblas = true;
    else if (path.find("mkl") != std::string::npos)
        info.blas = "Intel MKL";
    else if (path.find("blis") != std::string::npos)
        info.blas = "BLIS";
    else if (path.find("atlas") != std::string::npos)
        info.blas = "ATLAS";
    else if (path.find("/blas/libblas") != std::string::npos) {
        info.blas = "reference BLAS";
        info.blasIsReference = true;
    } else {
        info.blas = "unknown BLAS";
    }
    if (openblas) {
        const std::string cfg = openblasConfig();
        if (!cfg.empty())
            info.blas += " [" + cfg + "]";
    }
    info.blas += ": " + path;
}

}  // namespace

int availableCores()
{
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        const int n = CPU_COUNT(&set);
        if (n > 0)
            return n;
    }
    const unsigned hw = std::thread::hardware_concurrency();
    return hw > 0 ? static_cast<int>(hw) : 1;
}

int configureThreads(int threads)
{
    const int cores = availableCores();
    if (threads < 0 || threads > cores)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "threads",
                              "0 (all cores) to " + std::to_string(cores) +
                                  " (the cores available here), got " + std::to_string(threads)});
    const int n = threads > 0 ? threads : availableCores();
    if (torch::get_num_threads() != n)
        torch::set_num_threads(n);
    return torch::get_num_threads();
}

RuntimeInfo runtimeInfo()
{
    RuntimeInfo info;
    info.torchVersion = TORCH_VERSION;
    describeBlas(info);
    info.cudaAvailable = torch::cuda::is_available();
    info.defaultDevice = info.cudaAvailable ? "cuda" : "cpu";
    info.threads = torch::get_num_threads();
    return info;
}

}  // namespace flightdeck::train
