#pragma once
// Private to core/serve: one HTTP request and the answer the routes give it, as the event loops
// (HttpServer) hand them over: a whole turn's requests at once, so that the /predict route can
// run every one of them through a single forward pass.
#include <chrono>
#include <cstddef>
#include <string>

namespace flightdeck::serve::detail {

enum class Method { Get, Head, Post, Other };

struct HttpRequest {
    Method method = Method::Other;
    std::string path;               // without the query
    std::string authorization;      // the Authorization header, as sent
    std::string requestId;          // X-Request-Id, as sent
    std::string body;
    std::chrono::steady_clock::time_point received;   // when its first bytes were read
    // Set when the HTTP side refuses the request before any route sees it (413 body too large,
    // 400 not HTTP, 408 too slow to arrive, 505 not HTTP/1.x, 417 an Expect other than
    // 100-continue, 415 a compressed body, 501 a transfer coding but chunked, 503 over capacity
    // or shutting down): the routes only word the answer.
    int refusal = 0;
    std::string refusalReason;
};

struct HttpResponse {
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::string headers;            // extra "Name: value\r\n" lines
};

struct HttpExchange {
    HttpRequest request;
    HttpResponse response;
    bool keepAlive = true;          // the client's wish (HTTP/1.1 default, Connection header)
};

}  // namespace flightdeck::serve::detail
