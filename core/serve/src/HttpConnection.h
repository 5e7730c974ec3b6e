#pragma once
// Private to core/serve: one client connection of an event loop. Bytes read go through
// http-parser (Debian's libhttp-parser, the parser Node.js used for a decade); complete
// requests queue in order (pipelining keeps its order), and answers are serialized into one
// output buffer the loop writes when the socket takes it. One consume() completes at most
// kMaxRequestsPerTurn requests; the bytes after them are held for a later turn, so one read of
// pipelined requests cannot produce more answers than the loop's output bound allows for.
#include "HttpExchange.h"

#include <http_parser.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace flightdeck::serve::detail {

class HttpConnection {
public:
    using Clock = std::chrono::steady_clock;

    // overCapacity: accepted beyond the connection bound; its first request is refused with
    // 503 and the connection closes.
    HttpConnection(int fd, std::size_t maxBodyBytes, bool overCapacity);
    ~HttpConnection();
    HttpConnection(const HttpConnection&) = delete;
    HttpConnection& operator=(const HttpConnection&) = delete;

    int fd() const { return fd_; }

    static constexpr std::size_t kMaxRequestsPerTurn = 64;

    // Feeds bytes read from the socket. Requests completed by them are appended to ready();
    // a malformed stream or an oversized body yields a refused request and stops parsing.
    void consume(const char* data, std::size_t size);
    // Bytes read but not parsed yet (past kMaxRequestsPerTurn requests): consumed before any
    // more is read, in order.
    bool hasHeldInput() const { return !held_.empty(); }
    void consumeHeld();
    // The request under way began arriving before `cutoff`: it is refused with 408 and the
    // connection closes (a peer trickling bytes would otherwise hold its slot for ever).
    bool refuseIfStartedBefore(Clock::time_point cutoff);
    // The peer closed its side: a request cut off mid-way is dropped.
    void peerClosed() { peerClosed_ = true; }
    // Every request still unanswered is refused with 503 (the server is stopping).
    void refuseUnanswered(const std::string& reason);

    std::vector<std::unique_ptr<HttpExchange>>& ready() { return ready_; }
    // Serializes the answers of ready() in order and clears it.
    void queueAnswers();

    // Writes what the socket takes; false on a hard error (the connection is gone).
    bool flush();
    bool hasOutput() const { return outPos_ < out_.size(); }
    std::size_t pendingOutput() const { return out_.size() - outPos_; }
    // An answer said "Connection: close": nothing after it is served.
    bool closing() const { return closeAfterWrite_; }
    bool peerHasClosed() const { return peerClosed_; }
    // Mid-request: bytes of an unfinished request have arrived.
    bool midRequest() const { return current_ != nullptr; }

    Clock::time_point lastActivity;

private:
    static int onMessageBegin(http_parser* p);
    static int onUrl(http_parser* p, const char* at, std::size_t n);
    static int onHeaderField(http_parser* p, const char* at, std::size_t n);
    static int onHeaderValue(http_parser* p, const char* at, std::size_t n);
    static int onHeadersComplete(http_parser* p);
    static int onBody(http_parser* p, const char* at, std::size_t n);
    static int onMessageComplete(http_parser* p);
    static const http_parser_settings& settings();

    void commitHeader();
    void refuse(int status, std::string reason);

    const int fd_;
    const std::size_t maxBodyBytes_;
    bool overCapacity_;
    http_parser parser_;
    std::unique_ptr<HttpExchange> current_;
    std::string url_, field_, value_;
    bool inValue_ = false;
    bool continue_ = false;          // Expect: 100-continue
    std::string unmetExpectation_;   // any other Expect: 417
    std::string encoding_;           // a Content-Encoding but identity: 415
    std::string transferCoding_;     // a Transfer-Encoding coding but chunked or identity: 501
    bool stopped_ = false;          // parsing stopped: refused, or a request asked to close
    bool peerClosed_ = false;
    bool closeAfterWrite_ = false;
    std::vector<std::unique_ptr<HttpExchange>> ready_;
    std::string held_;
    std::string out_;
    std::size_t outPos_ = 0;
};

}  // namespace flightdeck::serve::detail
