#include "HttpServer.h"

#include "HttpConnection.h"

#include "flightdeck/common/Error.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <thread>
#include <unordered_map>

namespace flightdeck::serve::detail {

namespace {

using Clock = std::chrono::steady_clock;

// Per turn, per connection: enough to take a burst of pipelined requests, small enough that
// one client cannot starve the loop's others.
constexpr std::size_t kReadChunk = 64 * 1024;
constexpr int kReadsPerTurn = 4;
constexpr int kOverCapacitySlack = 64;   // refused-but-answered connections beyond the bound
constexpr auto kDrainTimeout = std::chrono::seconds(1);
char kListenTag, kStopTag;

}  // namespace

class HttpServer::Loop {
public:
    explicit Loop(HttpServer& server) : s_(server) {}
    ~Loop()
    {
        for (auto& [fd, slot] : slots_)
            closeNow(*slot);
        if (ep_ >= 0)
            ::close(ep_);
    }

    void run()
    {
        ep_ = ::epoll_create1(EPOLL_CLOEXEC);
        watch(s_.listenFd_, EPOLLIN | EPOLLEXCLUSIVE, &kListenTag);
        watch(s_.stopFd_, EPOLLIN, &kStopTag);
        std::vector<epoll_event> events(512);
        auto nextSweep = Clock::now() + std::chrono::seconds(1);
        for (bool stopping = false; !stopping;) {
            // Held input is served on the next turn without waiting for the socket.
            const int n = ::epoll_wait(ep_, events.data(), static_cast<int>(events.size()),
                                       held_.empty() ? 1000 : 0);
            ++turn_;
            touched_.clear();
            serveHeld();
            for (int i = 0; i < n; ++i) {
                void* tag = events[i].data.ptr;
                if (tag == &kListenTag)
                    acceptAll();
                else if (tag == &kStopTag)
                    stopping = true;
                else
                    serviceEvent(*static_cast<Slot*>(tag), events[i].events);
            }
            if (stopping)
                refuseEverything();
            if (Clock::now() >= nextSweep) {
                sweep();
                nextSweep = Clock::now() + std::chrono::seconds(1);
            }
            answer();
            for (Slot* dead : doomed_)
                slots_.erase(dead->conn->fd());
            doomed_.clear();
        }
    }

private:
    struct Slot {
        std::unique_ptr<HttpConnection> conn;
        bool writing = false;    // EPOLLOUT is watched
        bool reading = true;     // EPOLLIN is watched: the unsent answers are within the bound
        bool draining = false;   // our side is shut; reading to EOF before close
        bool dead = false;
        unsigned turn = 0;
        Clock::time_point drainingSince;
    };

    void watch(int fd, std::uint32_t events, void* tag, int op = EPOLL_CTL_ADD)
    {
        epoll_event ev{};
        ev.events = events;
        ev.data.ptr = tag;
        ::epoll_ctl(ep_, op, fd, &ev);
    }

    void touch(Slot& slot)
    {
        if (slot.turn != turn_) {
            slot.turn = turn_;
            touched_.push_back(&slot);
        }
    }

    void acceptAll()
    {
        for (;;) {
            const int fd = ::accept4(s_.listenFd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0)
                return;   // EAGAIN: another loop took it, or the queue is empty
            const int open = s_.open_.fetch_add(1, std::memory_order_relaxed);
            if (open >= s_.options_.maxConnections + kOverCapacitySlack || s_.stopping_.load()) {
                s_.open_.fetch_sub(1, std::memory_order_relaxed);
                ::close(fd);
                continue;
            }
            // Without it Nagle holds a small answer back until the client's delayed ACK: 40 ms.
            const int one = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            auto slot = std::make_unique<Slot>();
            slot->conn = std::make_unique<HttpConnection>(fd, s_.options_.maxBodyBytes,
                                                          open >= s_.options_.maxConnections);
            watch(fd, EPOLLIN | EPOLLRDHUP, slot.get());
            slots_.emplace(fd, std::move(slot));
        }
    }

    void serviceEvent(Slot& slot, std::uint32_t events)
    {
        if (slot.dead)
            return;
        if (slot.reading && (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)))
            readFrom(slot);
        touch(slot);
    }

    void serveHeld()
    {
        std::vector<int> fds;
        fds.swap(held_);
        for (const int fd : fds) {
            const auto it = slots_.find(fd);
            if (it == slots_.end() || it->second->dead || !it->second->reading)
                continue;   // a slot that stopped reading is listed again when it resumes
            readFrom(*it->second);
            touch(*it->second);
        }
    }

    void readFrom(Slot& slot)
    {
        static thread_local std::vector<char> buffer(kReadChunk);
        auto& c = *slot.conn;
        if (c.hasHeldInput())
            c.consumeHeld();
        for (int i = 0; i < kReadsPerTurn && !c.hasHeldInput(); ++i) {
            const ssize_t n = ::recv(c.fd(), buffer.data(), buffer.size(), 0);
            if (n > 0) {
                c.consume(buffer.data(), static_cast<std::size_t>(n));
                if (static_cast<std::size_t>(n) < buffer.size())
                    return;
            } else if (n < 0 && errno == EINTR) {
                --i;
            } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                return;
            } else {
                c.peerClosed();   // EOF or a reset
                return;
            }
        }
    }

    void refuseEverything()
    {
        s_.stopping_.store(true);
        for (auto& [fd, slot] : slots_) {
            if (slot->dead)
                continue;
            readFrom(*slot);
            slot->conn->refuseUnanswered("the server is shutting down");
            touch(*slot);
        }
    }

    // Every request this turn completed goes to the handler at once, then each touched
    // connection writes what it can and settles.
    void answer()
    {
        batch_.clear();
        for (Slot* slot : touched_)
            for (auto& ex : slot->conn->ready())
                batch_.push_back(ex.get());
        if (!batch_.empty()) {
            try {
                s_.handler_(batch_);
            } catch (...) {
                for (HttpExchange* ex : batch_) {
                    ex->response.status = 500;
                    ex->response.body = "{\"error\": \"internal error\", \"status\": 500}\n";
                }
            }
        }
        for (Slot* slot : touched_) {
            if (slot->dead)
                continue;
            slot->conn->queueAnswers();
            settle(*slot);
        }
    }

    void settle(Slot& slot)
    {
        auto& c = *slot.conn;
        std::size_t peak = s_.peakPending_.load(std::memory_order_relaxed);
        while (c.pendingOutput() > peak &&
               !s_.peakPending_.compare_exchange_weak(peak, c.pendingOutput(), std::memory_order_relaxed)) {
        }
        if (!c.flush())
            return closeNow(slot);
        const bool reading = c.pendingOutput() <= s_.options_.maxPendingOutput;
        if (c.hasOutput() != slot.writing || reading != slot.reading) {
            slot.writing = c.hasOutput();
            slot.reading = reading;
            watch(c.fd(), (reading ? EPOLLIN | EPOLLRDHUP : 0u) | (slot.writing ? EPOLLOUT : 0u), &slot,
                  EPOLL_CTL_MOD);
        }
        if (reading && c.hasHeldInput())
            held_.push_back(c.fd());
        if (slot.writing)
            return;
        if (c.peerHasClosed() && !c.hasHeldInput())   // requests sent before the EOF are answered
            return closeNow(slot);
        if (c.closing() && !slot.draining) {
            // Closing with unread bytes would reset the connection and could lose the answer
            // just written: shut our side and read to the peer's EOF first (a lingering close).
            slot.draining = true;
            slot.drainingSince = Clock::now();
            ::shutdown(c.fd(), SHUT_WR);
        }
    }

    // Idle connections close; a request still arriving at its deadline is refused (answered on
    // this turn, then closed); a lingering close ends after kDrainTimeout even if the peer keeps
    // sending.
    void sweep()
    {
        const auto now = Clock::now();
        for (auto& [fd, slot] : slots_) {
            if (slot->dead)
                continue;
            const auto idle = now - slot->conn->lastActivity;
            if ((slot->draining && now - slot->drainingSince > kDrainTimeout) || idle > s_.options_.idleTimeout)
                closeNow(*slot);
            else if (slot->conn->refuseIfStartedBefore(now - s_.options_.requestTimeout))
                touch(*slot);
        }
    }

    void closeNow(Slot& slot)
    {
        if (slot.dead)
            return;
        slot.dead = true;
        ::epoll_ctl(ep_, EPOLL_CTL_DEL, slot.conn->fd(), nullptr);
        ::close(slot.conn->fd());
        s_.open_.fetch_sub(1, std::memory_order_relaxed);
        doomed_.push_back(&slot);
    }

    HttpServer& s_;
    int ep_ = -1;
    unsigned turn_ = 0;
    std::unordered_map<int, std::unique_ptr<Slot>> slots_;
    std::vector<Slot*> touched_, doomed_;
    std::vector<int> held_;   // connections with input held for the next turn
    std::vector<HttpExchange*> batch_;
};

HttpServer::HttpServer(HttpServerOptions options, Handler handler)
    : options_(std::move(options)), handler_(std::move(handler)),
      stopFd_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
{
}

HttpServer::~HttpServer()
{
    if (listenFd_ >= 0)
        ::close(listenFd_);
    if (stopFd_ >= 0)
        ::close(stopFd_);
}

int HttpServer::bind()
{
    // What the system said, and the usual cause: another server on the port.
    const auto refuse = [&](const std::string& why) {
        return Error(ErrorInfo{ErrorCode::Io, options_.host + ":" + std::to_string(options_.port), 0, {},
                               "cannot listen there: " + why});
    };
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    if (const int rc = ::getaddrinfo(options_.host.c_str(), std::to_string(options_.port).c_str(), &hints, &found))
        throw refuse(std::string(::gai_strerror(rc)) + " (not an address of this machine?)");
    int failure = 0;
    for (addrinfo* a = found; a && listenFd_ < 0; a = a->ai_next) {
        const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0)
            continue;
        const int one = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (::bind(fd, a->ai_addr, a->ai_addrlen) == 0 && ::listen(fd, 1024) == 0) {
            listenFd_ = fd;
        } else {
            failure = errno;
            ::close(fd);
        }
    }
    ::freeaddrinfo(found);
    if (listenFd_ < 0)
        throw refuse(std::string(std::strerror(failure))
                     + (failure == EADDRINUSE ? " (another server holds the port; choose another --port)" : ""));
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    ::getsockname(listenFd_, reinterpret_cast<sockaddr*>(&addr), &len);
    return ntohs(addr.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port
                                            : reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
}

void HttpServer::run()
{
    std::vector<std::thread> others;
    for (int i = 1; i < std::max(1, options_.threads); ++i)
        others.emplace_back([this] { Loop(*this).run(); });
    Loop(*this).run();
    for (auto& t : others)
        t.join();
}

void HttpServer::stop()
{
    stopping_.store(true);
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = ::write(stopFd_, &one, sizeof one);
}

}  // namespace flightdeck::serve::detail
