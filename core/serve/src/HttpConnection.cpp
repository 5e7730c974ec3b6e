#include "HttpConnection.h"

#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>

namespace flightdeck::serve::detail {

namespace {

constexpr std::size_t kMaxUrl = 8192;

bool equalsLower(const std::string& s, const char* lower)
{
    const std::size_t n = std::strlen(lower);
    if (s.size() != n)
        return false;
    for (std::size_t i = 0; i < n; ++i)
        if (static_cast<char>(std::tolower(static_cast<unsigned char>(s[i]))) != lower[i])
            return false;
    return true;
}

const char* reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 417: return "Expectation Failed";
    case 422: return "Unprocessable Entity";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
    }
}

std::string trimmed(const std::string& s)
{
    const auto begin = s.find_first_not_of(" \t");
    return begin == std::string::npos ? std::string() : s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

// The first coding in a Transfer-Encoding list that is neither chunked nor identity (RFC 9112
// 6.1: such a request gets 501), parameters dropped; "" when all are understood.
std::string unknownTransferCoding(const std::string& list)
{
    std::size_t begin = 0;
    while (begin <= list.size()) {
        const std::size_t end = std::min(list.find(',', begin), list.size());
        const std::string coding = trimmed(list.substr(begin, end - begin));
        const std::string name = trimmed(coding.substr(0, coding.find(';')));
        if (!name.empty() && !equalsLower(name, "chunked") && !equalsLower(name, "identity"))
            return name;
        begin = end + 1;
    }
    return {};
}

// A header value quoted back in an answer: printable ASCII only (the answer is JSON, which must
// stay UTF-8, and a header may carry any byte), at most 64 characters.
std::string printable(const std::string& value)
{
    std::string s;
    for (const char c : value.substr(0, 64))
        s += c >= 0x20 && c < 0x7f ? c : '?';
    return s + (value.size() > 64 ? "..." : "");
}

HttpConnection& self(http_parser* p) { return *static_cast<HttpConnection*>(p->data); }

}  // namespace

HttpConnection::HttpConnection(int fd, std::size_t maxBodyBytes, bool overCapacity)
    : lastActivity(Clock::now()), fd_(fd), maxBodyBytes_(maxBodyBytes), overCapacity_(overCapacity)
{
    http_parser_init(&parser_, HTTP_REQUEST);
    parser_.data = this;
}

HttpConnection::~HttpConnection() = default;

const http_parser_settings& HttpConnection::settings()
{
    static const http_parser_settings s = [] {
        http_parser_settings v;
        http_parser_settings_init(&v);
        v.on_message_begin = &HttpConnection::onMessageBegin;
        v.on_url = &HttpConnection::onUrl;
        v.on_header_field = &HttpConnection::onHeaderField;
        v.on_header_value = &HttpConnection::onHeaderValue;
        v.on_headers_complete = &HttpConnection::onHeadersComplete;
        v.on_body = &HttpConnection::onBody;
        v.on_message_complete = &HttpConnection::onMessageComplete;
        return v;
    }();
    return s;
}

void HttpConnection::consume(const char* data, std::size_t size)
{
    lastActivity = Clock::now();
    if (stopped_ || size == 0)
        return;   // after a refusal or a closing request, the rest is drained unread
    if (!held_.empty()) {
        held_.append(data, size);   // after the bytes already waiting, never before them
        return;
    }
    const std::size_t parsed = http_parser_execute(&parser_, &settings(), data, size);
    const auto err = static_cast<http_errno>(parser_.http_errno);
    if (stopped_)
        return;   // a callback refused the request and said why
    if (err == HPE_PAUSED) {
        // kMaxRequestsPerTurn reached: the rest waits (data may point into held_ itself).
        held_ = std::string(data + parsed, size - parsed);
        http_parser_pause(&parser_, 0);
        return;
    }
    if (err != HPE_OK || parser_.upgrade || parsed != size)
        refuse(400, std::string("not a valid HTTP/1.1 request (") + http_errno_description(err) + ")");
}

void HttpConnection::consumeHeld()
{
    std::string bytes;
    bytes.swap(held_);
    consume(bytes.data(), bytes.size());
}

bool HttpConnection::refuseIfStartedBefore(Clock::time_point cutoff)
{
    if (stopped_ || !current_ || current_->request.received >= cutoff)
        return false;
    refuse(408, "the request did not arrive in time (headers and body have a deadline from their "
                "first byte)");
    return true;
}

void HttpConnection::refuseUnanswered(const std::string& reason)
{
    if (current_)
        refuse(503, reason);
    for (auto& ex : ready_) {
        ex->request.refusal = 503;
        ex->request.refusalReason = reason;
        ex->keepAlive = false;
    }
    stopped_ = true;
}

void HttpConnection::refuse(int status, std::string reason)
{
    auto ex = current_ ? std::move(current_) : std::make_unique<HttpExchange>();
    if (ex->request.received == Clock::time_point())
        ex->request.received = Clock::now();
    ex->request.refusal = status;
    ex->request.refusalReason = std::move(reason);
    ex->request.body.clear();
    ex->keepAlive = false;
    ready_.push_back(std::move(ex));
    stopped_ = true;
}

int HttpConnection::onMessageBegin(http_parser* p)
{
    auto& c = self(p);
    c.current_ = std::make_unique<HttpExchange>();
    c.current_->request.received = Clock::now();
    c.url_.clear();
    c.field_.clear();
    c.value_.clear();
    c.inValue_ = false;
    c.continue_ = false;
    c.unmetExpectation_.clear();
    c.encoding_.clear();
    c.transferCoding_.clear();
    return 0;
}

int HttpConnection::onUrl(http_parser* p, const char* at, std::size_t n)
{
    auto& c = self(p);
    c.url_.append(at, n);
    if (c.url_.size() > kMaxUrl) {
        c.refuse(400, "the request URL is longer than 8 KB");
        return -1;
    }
    return 0;
}

int HttpConnection::onHeaderField(http_parser* p, const char* at, std::size_t n)
{
    auto& c = self(p);
    if (c.inValue_)
        c.commitHeader();
    c.field_.append(at, n);
    return 0;
}

int HttpConnection::onHeaderValue(http_parser* p, const char* at, std::size_t n)
{
    auto& c = self(p);
    c.inValue_ = true;
    c.value_.append(at, n);
    return 0;
}

void HttpConnection::commitHeader()
{
    auto& r = current_->request;
    if (equalsLower(field_, "authorization"))
        r.authorization = value_;
    else if (equalsLower(field_, "x-request-id"))
        r.requestId = value_;
    else if (equalsLower(field_, "expect") && equalsLower(trimmed(value_), "100-continue"))
        continue_ = true;
    else if (equalsLower(field_, "expect"))
        unmetExpectation_ = trimmed(value_);
    else if (equalsLower(field_, "content-encoding") && !equalsLower(trimmed(value_), "identity"))
        encoding_ = trimmed(value_);
    else if (equalsLower(field_, "transfer-encoding") && transferCoding_.empty())
        transferCoding_ = unknownTransferCoding(value_);
    field_.clear();
    value_.clear();
    inValue_ = false;
}

int HttpConnection::onHeadersComplete(http_parser* p)
{
    auto& c = self(p);
    if (c.inValue_)
        c.commitHeader();
    auto& r = c.current_->request;
    if (p->http_major != 1) {
        c.refuse(505, "HTTP/" + std::to_string(p->http_major) + "." + std::to_string(p->http_minor)
                          + " is not supported; send HTTP/1.1");
        return -1;
    }
    // Refused before the body is read (it is drained by the lingering close): the server meets
    // no expectation but 100-continue (RFC 9110 15.5.18), and decompressing a body is work a
    // client should not be able to hand it, nor a way around --max-body.
    if (!c.unmetExpectation_.empty()) {
        c.refuse(417, "Expect: \"" + printable(c.unmetExpectation_) + "\" cannot be met; the server "
                      "meets only Expect: 100-continue");
        return -1;
    }
    if (!c.encoding_.empty()) {
        c.refuse(415, "Content-Encoding: \"" + printable(c.encoding_) + "\" is not supported; send the "
                      "body uncompressed (identity)");
        return -1;
    }
    // libhttp-parser takes "gzip, chunked" as chunked and hands on the gzip bytes as the body.
    if (!c.transferCoding_.empty()) {
        c.refuse(501, "Transfer-Encoding: \"" + printable(c.transferCoding_) + "\" is not implemented; "
                      "the server understands only chunked");
        return -1;
    }
    r.method = p->method == HTTP_GET    ? Method::Get
               : p->method == HTTP_HEAD ? Method::Head
               : p->method == HTTP_POST ? Method::Post
                                        : Method::Other;
    r.path = c.url_.substr(0, c.url_.find('?'));
    const bool chunked = (p->flags & F_CHUNKED) != 0;
    const std::uint64_t length = p->content_length;
    if (!chunked && length != std::numeric_limits<std::uint64_t>::max() && length > c.maxBodyBytes_) {
        c.refuse(413, "the body is larger than the server accepts");
        return -1;
    }
    if (!chunked && length != std::numeric_limits<std::uint64_t>::max())
        r.body.reserve(static_cast<std::size_t>(length));
    // Not to HTTP/1.0, which has no 1xx answers (RFC 9110 10.1.1: the expectation is ignored).
    if (c.continue_ && p->http_minor >= 1 && c.ready_.empty() && !c.hasOutput())
        c.out_ += "HTTP/1.1 100 Continue\r\n\r\n";
    c.continue_ = false;
    return 0;
}

int HttpConnection::onBody(http_parser* p, const char* at, std::size_t n)
{
    auto& c = self(p);
    auto& body = c.current_->request.body;
    if (body.size() + n > c.maxBodyBytes_) {
        c.refuse(413, "the body is larger than the server accepts");
        return -1;
    }
    body.append(at, n);
    return 0;
}

int HttpConnection::onMessageComplete(http_parser* p)
{
    auto& c = self(p);
    auto ex = std::move(c.current_);
    ex->keepAlive = http_should_keep_alive(p) != 0;
    if (c.overCapacity_) {
        ex->request.refusal = 503;
        ex->request.refusalReason = "the server is at capacity; retry shortly";
        ex->keepAlive = false;
    }
    const bool last = !ex->keepAlive;
    c.ready_.push_back(std::move(ex));
    if (last) {
        // Nothing after a closing request is read: pause so the rest of this buffer is left.
        c.stopped_ = true;
        http_parser_pause(p, 1);
    } else if (c.ready_.size() >= kMaxRequestsPerTurn) {
        http_parser_pause(p, 1);   // consume() holds the rest
    }
    return 0;
}

void HttpConnection::queueAnswers()
{
    for (const auto& ex : ready_) {
        if (closeAfterWrite_)
            break;
        const auto& r = ex->response;
        out_ += "HTTP/1.1 ";
        out_ += std::to_string(r.status);
        out_ += ' ';
        out_ += reasonPhrase(r.status);
        out_ += "\r\nContent-Type: ";
        out_ += r.contentType;
        out_ += "\r\nContent-Length: ";
        out_ += std::to_string(r.body.size());
        out_ += "\r\n";
        out_ += r.headers;
        if (!ex->keepAlive) {
            out_ += "Connection: close\r\n";
            closeAfterWrite_ = true;
        }
        out_ += "\r\n";
        // HEAD: the headers a GET would get, Content-Length included, and no body.
        if (ex->request.method != Method::Head)
            out_ += r.body;
    }
    ready_.clear();
}

bool HttpConnection::flush()
{
    while (outPos_ < out_.size()) {
        const ssize_t n = ::send(fd_, out_.data() + outPos_, out_.size() - outPos_, MSG_NOSIGNAL);
        if (n > 0) {
            outPos_ += static_cast<std::size_t>(n);
            lastActivity = Clock::now();
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            // A peer that reads slowly while it keeps sending: drop what went out, so the
            // buffer holds the pending answers only, not everything ever answered.
            if (outPos_ >= out_.size() / 2) {
                out_.erase(0, outPos_);
                outPos_ = 0;
            }
            return true;
        } else {
            return false;
        }
    }
    out_.clear();
    outPos_ = 0;
    return true;
}

}  // namespace flightdeck::serve::detail
