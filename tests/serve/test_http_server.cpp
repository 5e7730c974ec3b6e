// core/serve's event-loop HTTP side (detail::HttpServer) on loopback with raw sockets: one turn
// hands every request it completed to the handler at once (the batching /predict relies on),
// pipelined requests answer in order, Expect: 100-continue and chunked bodies work, malformed
// requests, oversized bodies and connections over the bound are refused with their status,
// idle connections are closed, and stop() ends run() answering what is still unanswered.
#include "RawHttp.h"

#include "flightdeck/common/Error.h"

#include <QtTest>

#include <atomic>
#include <thread>

using namespace flightdeck::serve::detail;
using namespace flightdeck::serve::testing;

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
