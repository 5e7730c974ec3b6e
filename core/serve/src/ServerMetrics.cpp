#include "flightdeck/serve/ServerMetrics.h"

#include <sstream>

namespace flightdeck::serve {

namespace {

// The text format's label value: a backslash, a double quote and a line feed escaped, or a
// model named with one would end the value early and break every scraper's parse.
std::string labelValue(const std::string& value)
{
    std::string out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

}  // namespace

void ServerMetrics::record(int status, double seconds, std::int64_t predictions)
{
    std::size_t b = 0;
    while (b < kBuckets.size() && seconds > kBuckets[b])
        ++b;
    buckets_[b].fetch_add(1, std::memory_order_relaxed);
    std::size_t c = 0;
    while (c + 1 < kCodes.size() && kCodes[c] != status)
        ++c;
    byCode_[c].fetch_add(1, std::memory_order_relaxed);
    count_.fetch_add(1, std::memory_order_relaxed);
    predictions_.fetch_add(predictions, std::memory_order_relaxed);
    sumMicros_.fetch_add(static_cast<std::int64_t>(seconds * 1e6), std::memory_order_relaxed);
}

std::string ServerMetrics::text(const std::string& model, int version, std::int64_t logErrors) const
{
    const BatchStats batches = this->batches();
    std::ostringstream o;
    const std::string labels = "model=\"" + labelValue(model) + "\",version=\"" + std::to_string(version) + "\"";
    o << "# HELP flightdeck_requests_total Prediction requests answered, by HTTP status code.\n"
         "# TYPE flightdeck_requests_total counter\n";
    for (std::size_t c = 0; c < kCodes.size(); ++c) {
        const auto n = byCode_[c].load(std::memory_order_relaxed);
        if (n > 0 || kCodes[c] == 200)
            o << "flightdeck_requests_total{" << labels << ",code=\""
              << (kCodes[c] ? std::to_string(kCodes[c]) : std::string("other")) << "\"} " << n << "\n";
    }
    o << "# HELP flightdeck_predictions_total Records predicted (a batch request counts each).\n"
         "# TYPE flightdeck_predictions_total counter\n"
         "flightdeck_predictions_total{" << labels << "} " << predictions_.load() << "\n"
         "# HELP flightdeck_rejected_total Requests refused with 503: over the connection bound, or shutting down.\n"
         "# TYPE flightdeck_rejected_total counter\n"
         "flightdeck_rejected_total{" << labels << "} " << rejected_.load() << "\n"
         "# HELP flightdeck_forward_passes_total Forward passes through the model (requests that arrive together share one).\n"
         "# TYPE flightdeck_forward_passes_total counter\n"
         "flightdeck_forward_passes_total{" << labels << "} " << batches.forwards << "\n"
         "# HELP flightdeck_forward_rows_total Rows carried by the forward passes.\n"
         "# TYPE flightdeck_forward_rows_total counter\n"
         "flightdeck_forward_rows_total{" << labels << "} " << batches.rows << "\n"
         "# HELP flightdeck_log_errors_total Prediction log lines lost: the log could not be opened or written.\n"
         "# TYPE flightdeck_log_errors_total counter\n"
         "flightdeck_log_errors_total{" << labels << "} " << logErrors << "\n"
         "# HELP flightdeck_request_duration_seconds Time from request to response.\n"
         "# TYPE flightdeck_request_duration_seconds histogram\n";
    std::int64_t cumulative = 0;
    for (std::size_t b = 0; b <= kBuckets.size(); ++b) {
        cumulative += buckets_[b].load(std::memory_order_relaxed);
        o << "flightdeck_request_duration_seconds_bucket{" << labels << ",le=\"";
        if (b < kBuckets.size())
            o << kBuckets[b];
        else
            o << "+Inf";
        o << "\"} " << cumulative << "\n";
    }
    o << "flightdeck_request_duration_seconds_sum{" << labels << "} "
      << static_cast<double>(sumMicros_.load()) / 1e6 << "\n"
      << "flightdeck_request_duration_seconds_count{" << labels << "} " << count_.load() << "\n";
    return o.str();
}

}  // namespace flightdeck::serve
