// LD_PRELOAD shim for the I/O-error harness: after FLIGHTDECK_FAIL_AFTER successful writes to
// files (descriptors above 2, so stdout and stderr keep working) every further write, pwrite,
// fsync and fdatasync fails with FLIGHTDECK_FAIL_ERRNO (default EIO). Nothing else changes.
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <dlfcn.h>
#include <sys/types.h>
#include <unistd.h>

namespace {

long budget()
{
    static const long n = [] {
        const char* v = std::getenv("FLIGHTDECK_FAIL_AFTER");
        return v ? std::atol(v) : -1;
    }();
    return n;
}

int failure()
{
    static const int e = [] {
        const char* v = std::getenv("FLIGHTDECK_FAIL_ERRNO");
        return v && std::strcmp(v, "ENOSPC") == 0 ? ENOSPC : EIO;
    }();
    return e;
}

long g_writes = 0;

// True when this call must fail (and sets errno).
bool fails(int fd)
{
    if (fd <= 2 || budget() < 0)
        return false;
    if (__atomic_add_fetch(&g_writes, 1, __ATOMIC_RELAXED) <= budget())
        return false;
    errno = failure();
    return true;
}

template <typename F>
F real(const char* name)
{
    return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

}  // namespace

extern "C" {

ssize_t write(int fd, const void* buf, size_t n)
{
    static auto next = real<ssize_t (*)(int, const void*, size_t)>("write");
    return fails(fd) ? -1 : next(fd, buf, n);
}

ssize_t pwrite(int fd, const void* buf, size_t n, off_t off)
{
    static auto next = real<ssize_t (*)(int, const void*, size_t, off_t)>("pwrite");
    return fails(fd) ? -1 : next(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void* buf, size_t n, off64_t off)
{
    static auto next = real<ssize_t (*)(int, const void*, size_t, off64_t)>("pwrite64");
    return fails(fd) ? -1 : next(fd, buf, n, off);
}

int fsync(int fd)
{
    static auto next = real<int (*)(int)>("fsync");
    return fails(fd) ? -1 : next(fd);
}

int fdatasync(int fd)
{
    static auto next = real<int (*)(int)>("fdatasync");
    return fails(fd) ? -1 : next(fd);
}

}  // extern "C"
