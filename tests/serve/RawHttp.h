#pragma once
// Raw-socket helpers for the event-loop HTTP tests (detail::HttpServer on loopback): an echoing
// handler that records each turn's size, a server on its own thread, and a client that writes
// bytes and reads answers exactly as they come.
#include "HttpServer.h"

#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace flightdeck::serve::testing {

using namespace flightdeck::serve::detail;

// A handler that echoes what it saw and records each turn's size.
struct Echo {
    std::mutex mutex;
    std::vector<std::size_t> turns;
    std::function<void()> beforeFirst;
    std::size_t padding = 0;   // bytes added to every answer's body
    void operator()(const std::vector<HttpExchange*>& batch)
    {
        {
            std::lock_guard<std::mutex> lock(mutex);
            turns.push_back(batch.size());
        }
        if (beforeFirst) {
            auto f = std::move(beforeFirst);
            beforeFirst = nullptr;
            f();
        }
        for (HttpExchange* ex : batch) {
            auto& r = ex->response;
            r.contentType = "text/plain";
            if (ex->request.refusal) {
                r.status = ex->request.refusal;
                r.body = ex->request.refusalReason;
                continue;
            }
            r.body = std::string(ex->request.method == Method::Post ? "POST " : "GET ") + ex->request.path +
                     " " + std::to_string(ex->request.body.size()) + " " + ex->request.requestId;
            r.body.append(padding, '.');
        }
    }
    std::vector<std::size_t> seen()
    {
        std::lock_guard<std::mutex> lock(mutex);
        return turns;
    }
};

struct Running {
    HttpServer server;
    std::thread thread;
    int port;
    Running(HttpServerOptions options, Echo& echo)
        : server([&] { options.port = 0; return options; }(), std::ref(echo))
    {
        port = server.bind();
        thread = std::thread([this] { server.run(); });
    }
    ~Running()
    {
        server.stop();
        thread.join();
    }
};

inline int connectTo(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval tv{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

inline void sendAll(int fd, const std::string& s) { QCOMPARE(::send(fd, s.data(), s.size(), MSG_NOSIGNAL), ssize_t(s.size())); }

struct Answer {
    int status = 0;
    std::string head, body;
};

// Reads one answer (headers and a Content-Length body) from fd, keeping any bytes after it.
inline Answer readAnswer(int fd, std::string& pending)
{
    Answer a;
    char buf[4096];
    for (;;) {
        const auto end = pending.find("\r\n\r\n");
        if (end != std::string::npos) {
            a.head = pending.substr(0, end);
            const auto cl = a.head.find("Content-Length: ");
            const std::size_t length = cl == std::string::npos ? 0 : std::stoul(a.head.substr(cl + 16));
            if (pending.size() >= end + 4 + length) {
                a.body = pending.substr(end + 4, length);
                pending.erase(0, end + 4 + length);
                a.status = std::stoi(a.head.substr(9, 3));
                return a;
            }
        }
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            return a;   // status 0: closed or timed out
        pending.append(buf, static_cast<std::size_t>(n));
    }
}

inline Answer ask(int fd, const std::string& request)
{
    sendAll(fd, request);
    std::string pending;
    return readAnswer(fd, pending);
}

inline std::string post(const std::string& path, const std::string& body, const std::string& extra = {})
{
    return "POST " + path + " HTTP/1.1\r\nHost: x\r\n" + extra + "Content-Length: " + std::to_string(body.size()) +
           "\r\n\r\n" + body;
}

inline bool closedByServer(int fd)
{
    char c;
    return ::recv(fd, &c, 1, 0) == 0;
}

}  // namespace flightdeck::serve::testing
