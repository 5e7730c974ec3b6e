// flightdeck-serve BUNDLE: serves a verified export bundle over HTTP until SIGINT/SIGTERM;
// SIGHUP reopens the prediction log. Built as flightdeck-serve-engine, which the launcher
// flightdeck-serve execs.
// flightdeck-serve --project DIR NAME@ALIAS: the bundle the registry's alias points at.
#include "RegisteredBundle.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/model/Model.h"
#include "flightdeck/serve/BundleModel.h"
#include "flightdeck/serve/PredictionServer.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <iostream>
#include <thread>

#include <signal.h>   // sigaction

namespace {

flightdeck::serve::PredictionServer* gServer = nullptr;

extern "C" void onStop(int)
{
    if (gServer)
        gServer->stop();   // an eventfd write: async-signal-safe
}

// SIGHUP's default ends the process, and logrotate's usual postrotate is `kill -HUP`: a daemon
// reopens its log instead (a flag the next log line reads).
extern "C" void onHangUp(int)
{
    if (gServer)
        gServer->reopenLog();
}

// Installed from .preinit_array, before any library's constructors (a fifth of a second of
// libtorch's and OpenCV's static initialisers) and before main: the launcher (launcher.cpp)
// ignored SIGHUP across the dynamic loader's work before this; from here the signal reopens the
// log. Started directly rather than by the launcher, only the loader's time is uncovered.
extern "C" void catchHangUpFromTheStart(int, char**, char**)
{
    struct sigaction action = {};
    action.sa_handler = onHangUp;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGHUP, &action, nullptr);
}

__attribute__((section(".preinit_array"), used)) void (*const kCatchHangUp)(int, char**, char**) =
    catchHangUpFromTheStart;

}  // namespace

int main(int argc, char** argv)
{
    CLI::App app{"flightdeck-serve: serve an exported Flightdeck bundle over HTTP "
                 "(POST /predict, GET /health, /metadata, /metrics)"};
    std::string bundle;
    flightdeck::serve::ServerOptions options;
    std::string log;
    int intraOp = 1;
    std::string project;
    app.add_option("bundle", bundle, "The bundle folder (flightdeck-cli export writes it), or "
                                     "NAME@ALIAS with --project")->required();
    app.add_option("--project", project, "Serve the registered bundle NAME@ALIAS of this project "
                                         "(e.g. --project DIR fraud@production)");
    app.add_option("--host", options.host, "Address to bind (127.0.0.1: this machine only)");
    app.add_option("--port", options.port, "Port (0 = any free one, printed)")->check(CLI::Range(0, 65535));
    app.add_option("--threads", options.threads, "Event-loop threads, each reading its connections "
                                                 "and running their forward passes (0: one per core)")
        ->check(CLI::Range(0, 1024));
    app.add_option("--connections", options.maxConnections, "Most open connections (more are answered "
                                                            "503 with Retry-After)")
        ->check(CLI::Range(1, 1000000));
    app.add_option("--batch-rows", options.batchRows, "Most rows one forward pass carries (the requests "
                                                      "that arrive together share passes)")
        ->check(CLI::Range(1, 1 << 20));
    // Ranges checked as signed 64-bit numbers: "-1" into a size_t would wrap to 2^64-1.
    app.add_option("--max-body", options.maxBodyBytes, "Largest request body in bytes (then 413)")
        ->check(CLI::Range(std::int64_t(1), std::int64_t(1) << 30));
    app.add_option("--max-batch", options.maxBatch, "Most records per request")
        ->check(CLI::Range(std::int64_t(1), std::int64_t(1) << 20));
    app.add_option("--token", options.token, "Require Authorization: Bearer <token> (not /health)")
        ->check(CLI::Validator(
            [](std::string& token) {
                // An empty token would switch authentication off, e.g. --token "$UNSET_VARIABLE".
                if (token.empty())
                    return std::string("an empty token would leave the server open; omit --token to "
                                       "serve without authentication");
                if (token.find_first_of(" \t\r\n") != std::string::npos)
                    return std::string("a token with spaces or line breaks cannot be sent in a header");
                return std::string();
            },
            "TOKEN"));
    app.add_option("--log", log, "JSONL prediction log for the Monitoring panel");
    app.add_option("--log-max-bytes", options.logMaxBytes, "Rotate the log at this size (at least "
                                                           "4096: smaller would rotate on every line)")
        ->check(CLI::Range(std::int64_t(4096), std::int64_t(1) << 50));
    app.add_option("--log-keep", options.logKeep, "Rotated logs kept")->check(CLI::Range(0, 1000));
    int requestTimeout = 30;
    app.add_option("--request-timeout", requestTimeout, "Seconds a request's headers and body may "
                                                        "take to arrive from its first byte (then 408)")
        ->check(CLI::Range(1, 3600));
    app.add_option("--intra-op-threads", intraOp,
                   "libtorch threads per forward pass")
        ->check(CLI::Range(1, 256));
    CLI11_PARSE(app, argc, argv);
    flightdeck::model::Model::setIntraOpThreads(intraOp);
    options.log = log;
    options.requestTimeout = std::chrono::seconds(requestTimeout);
    options.warn = [](const std::string& message) { std::cerr << "flightdeck-serve: " << message << std::endl; };
    try {
        std::string via;
        if (!project.empty()) {
            const auto registered = flightdeck::serve::resolveRegisteredBundle(project, bundle);
            via = " (" + flightdeck::escapeControls(bundle) + ")";
            std::cout << flightdeck::escapeControls(bundle) << " is "
                      << flightdeck::escapeControls(registered.name) << " v" << registered.version
                      << " at " << flightdeck::escapeControls(registered.dir.string()) << std::endl;
            bundle = registered.dir.string();
        }
        const auto model = flightdeck::serve::BundleModel::load(bundle);
        flightdeck::serve::PredictionServer server(model, options);
        const int port = server.bind();
        gServer = &server;
        std::signal(SIGINT, onStop);
        std::signal(SIGTERM, onStop);
        // An IPv6 address takes brackets in a URL, or its colons read as the port's.
        const bool v6 = options.host.find(':') != std::string::npos;
        std::cout << "serving " << model.info().name << " v" << model.info().version << via << " on http://"
                  << (v6 ? "[" + options.host + "]" : options.host) << ":" << port << " ("
                  << (options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency()))
                  << " event loops"
                  << (options.token.empty() ? "" : ", bearer token required")
                  << (log.empty() ? std::string() : ", log " + log) << ")" << std::endl;
        server.listen();
        gServer = nullptr;
        std::cout << "stopped" << std::endl;
        return 0;
    } catch (const flightdeck::Error& e) {
        std::cerr << "flightdeck-serve: " << e.what() << "\n";
        return 1;
    }
}
