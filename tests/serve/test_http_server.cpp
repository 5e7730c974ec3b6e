// core/serve's event-loop HTTP side (detail::HttpServer) on loopback with raw sockets: one turn
// hands every request it completed to the handler at once (the batching /predict relies on),
// pipelined requests answer in order, Expect: 100-continue and chunked bodies work, malformed
// requests, oversized bodies and connections over the bound are refused with their status,
// idle connections are closed, and stop() ends run() answering what is still unanswered.
#include "HttpServer.h"

#include "flightdeck/common/Error.h"

#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <thread>

using namespace flightdeck::serve::detail;

namespace {

// A handler that echoes what it saw and records each turn's size.
struct Echo {
    std::mutex mutex;
    std::vector<std::size_t> turns;
    std::function<void()> beforeFirst;
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

int connectTo(int port)
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

void sendAll(int fd, const std::string& s) { QCOMPARE(::send(fd, s.data(), s.size(), MSG_NOSIGNAL), ssize_t(s.size())); }

struct Answer {
    int status = 0;
    std::string head, body;
};

// Reads one answer (headers and a Content-Length body) from fd, keeping any bytes after it.
Answer readAnswer(int fd, std::string& pending)
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

Answer ask(int fd, const std::string& request)
{
    sendAll(fd, request);
    std::string pending;
    return readAnswer(fd, pending);
}

std::string post(const std::string& path, const std::string& body, const std::string& extra = {})
{
    return "POST " + path + " HTTP/1.1\r\nHost: x\r\n" + extra + "Content-Length: " + std::to_string(body.size()) +
           "\r\n\r\n" + body;
}

bool closedByServer(int fd)
{
    char c;
    return ::recv(fd, &c, 1, 0) == 0;
}

}  // namespace

class TestHttpServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void oneTurnCarriesEveryReadyRequest()
    {
        Echo echo;
        std::atomic<int> sent{0};
        constexpr int kClients = 8;
        // The first turn is held until the other clients' requests are in the kernel's buffers:
        // the next turn must hand all of them over together.
        echo.beforeFirst = [&] {
            while (sent.load() < kClients)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        };
        HttpServerOptions options;
        options.threads = 1;
        Running r(options, echo);
        const int first = connectTo(r.port);
        std::vector<int> fds;
        for (int i = 0; i < kClients; ++i)
            fds.push_back(connectTo(r.port));
        sendAll(first, post("/predict", "{}"));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        for (int i = 0; i < kClients; ++i) {
            sendAll(fds[std::size_t(i)], post("/predict", std::string(std::size_t(i + 1), 'x'), "X-Request-Id: c" + std::to_string(i) + "\r\n"));
            ++sent;
        }
        std::string pending;
        QCOMPARE(readAnswer(first, pending).body, std::string("POST /predict 2 "));
        for (int i = 0; i < kClients; ++i) {
            std::string p;
            const auto a = readAnswer(fds[std::size_t(i)], p);
            QCOMPARE(a.status, 200);
            QCOMPARE(a.body, "POST /predict " + std::to_string(i + 1) + " c" + std::to_string(i));
        }
        const auto turns = echo.seen();
        QCOMPARE(turns.size(), std::size_t(2));
        QCOMPARE(turns[1], std::size_t(kClients));
        for (int fd : fds)
            ::close(fd);
        ::close(first);
    }

    void pipelinedRequestsAnswerInOrder()
    {
        Echo echo;
        Running r({}, echo);
        const int fd = connectTo(r.port);
        sendAll(fd, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n" + post("/b", "12345") + "GET /c?q=1 HTTP/1.1\r\nHost: x\r\n\r\n");
        std::string pending;
        QCOMPARE(readAnswer(fd, pending).body, std::string("GET /a 0 "));
        QCOMPARE(readAnswer(fd, pending).body, std::string("POST /b 5 "));
        QCOMPARE(readAnswer(fd, pending).body, std::string("GET /c 0 "));
        // Keep-alive: the same connection serves again.
        QCOMPARE(ask(fd, "GET /d HTTP/1.1\r\nHost: x\r\n\r\n").body, std::string("GET /d 0 "));
        ::close(fd);
    }

    void expectContinueAndChunkedBodies()
    {
        Echo echo;
        Running r({}, echo);
        const int fd = connectTo(r.port);
        sendAll(fd, "POST /p HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
        std::string pending;
        char buf[64];
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        QVERIFY(n > 0);
        QCOMPARE(std::string(buf, std::size_t(n)), std::string("HTTP/1.1 100 Continue\r\n\r\n"));
        sendAll(fd, "abcd");
        QCOMPARE(readAnswer(fd, pending).body, std::string("POST /p 4 "));
        const auto chunked = ask(fd, "POST /q HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                     "3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n");
        QCOMPARE(chunked.body, std::string("POST /q 7 "));
        ::close(fd);
    }

    void malformedAndOversizedRequestsAreRefused()
    {
        Echo echo;
        HttpServerOptions options;
        options.maxBodyBytes = 100;
        Running r(options, echo);
        int fd = connectTo(r.port);
        auto a = ask(fd, "BLAH\r\n\r\n");
        QCOMPARE(a.status, 400);
        QVERIFY2(a.body.find("not a valid HTTP/1.1 request") != std::string::npos, a.body.c_str());
        QVERIFY(a.head.find("Connection: close") != std::string::npos);
        QVERIFY(closedByServer(fd));
        ::close(fd);
        fd = connectTo(r.port);
        a = ask(fd, post("/p", std::string(101, 'x')));
        QCOMPARE(a.status, 413);
        QVERIFY(closedByServer(fd));
        ::close(fd);
        fd = connectTo(r.port);
        const std::string chunk(60, 'y');
        a = ask(fd, "POST /p HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3c\r\n" + chunk + "\r\n3c\r\n" + chunk + "\r\n0\r\n\r\n");
        QCOMPARE(a.status, 413);
        ::close(fd);
        // Exactly at the bound is fine, and the server still serves.
        fd = connectTo(r.port);
        QCOMPARE(ask(fd, post("/p", std::string(100, 'x'))).body, std::string("POST /p 100 "));
        ::close(fd);
    }

    void connectionsOverTheBoundAreRefused()
    {
        Echo echo;
        HttpServerOptions options;
        options.maxConnections = 2;
        Running r(options, echo);
        const int a = connectTo(r.port), b = connectTo(r.port);
        QCOMPARE(ask(a, "GET /1 HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
        QCOMPARE(ask(b, "GET /2 HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
        int c = connectTo(r.port);
        const auto refused = ask(c, "GET /3 HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(refused.status, 503);
        QVERIFY(closedByServer(c));
        ::close(c);
        ::close(a);
        // Once a connection goes, a new one is served.
        QTRY_COMPARE(r.server.openConnections(), 1);
        c = connectTo(r.port);
        QCOMPARE(ask(c, "GET /4 HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
        ::close(c);
        ::close(b);
    }

    void idleConnectionsAreClosed()
    {
        Echo echo;
        HttpServerOptions options;
        options.idleTimeout = std::chrono::milliseconds(200);
        Running r(options, echo);
        const int idle = connectTo(r.port);
        const int stalled = connectTo(r.port);
        sendAll(stalled, "POST /p HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc");   // and nothing more
        QVERIFY(closedByServer(idle));    // within the 1 s sweep, not the 5 s receive timeout
        QVERIFY(closedByServer(stalled));
        QCOMPARE(echo.seen().size(), std::size_t(0));
        ::close(idle);
        ::close(stalled);
    }

    // A port another server holds: the error names the address and the cause.
    void aTakenPortIsNamedWithItsCause()
    {
        Echo echo;
        Running r({}, echo);
        HttpServerOptions options;
        options.port = r.port;
        HttpServer second(options, std::ref(echo));
        try {
            second.bind();
            QFAIL("bound a port another server holds");
        } catch (const flightdeck::Error& e) {
            const std::string what = e.what();
            QVERIFY2(what.find("127.0.0.1:" + std::to_string(r.port)) != std::string::npos, e.what());
            QVERIFY2(what.find("choose another --port") != std::string::npos, e.what());
        }
    }

    void stopEndsRunAndRefusesWhatIsLeft()
    {
        Echo echo;
        HttpServerOptions options;
        options.threads = 2;
        options.port = 0;
        HttpServer server(options, std::ref(echo));
        const int port = server.bind();
        std::atomic<bool> done{false};
        std::thread t([&] { server.run(); done = true; });
        const int fd = connectTo(port);
        QCOMPARE(ask(fd, "GET /1 HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
        // A request under way when the server stops is answered 503, not dropped.
        sendAll(fd, "POST /p HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc");
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        server.stop();
        std::string pending;
        const auto last = readAnswer(fd, pending);
        QCOMPARE(last.status, 503);
        QCOMPARE(last.body, std::string("the server is shutting down"));
        QTRY_VERIFY(done.load());
        t.join();
        QVERIFY(closedByServer(fd));
        ::close(fd);
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "test_http_server.moc"
