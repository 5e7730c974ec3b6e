// flightdeck-serve's outside input: the bytes a client sends, cut into up to four reads the way
// a socket delivers them, through the connection's HTTP parsing (http-parser and our header,
// body and refusal handling), then every complete request's body through the /predict record
// parser for a table model and for an image model. Invariants: a request that reached the
// routes carries at most the body bound; parsed rows have the model's width and a count.
#include "HttpConnection.h"
#include "RecordParser.h"

#include <cstdlib>

namespace {

constexpr std::size_t kMaxBody = 1 << 16;

flightdeck::serve::BundleInfo tableModel()
{
    flightdeck::serve::BundleInfo info;
    info.name = "fuzz";
    info.features = {"a", "b", "c"};
    info.classes = {"x", "y"};
    info.inputs = 3;
    return info;
}

flightdeck::serve::BundleInfo imageModel()
{
    flightdeck::serve::BundleInfo info = tableModel();
    info.image = {1, 4, 4};
    info.inputs = 16;
    info.features.clear();
    for (int i = 0; i < 16; ++i)
        info.features.push_back("p" + std::to_string(i));
    return info;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace flightdeck::serve;
    static const BundleInfo models[2] = {tableModel(), imageModel()};
    if (size < 1)
        return 0;
    const std::uint8_t control = data[0];
    ++data;
    --size;
    detail::HttpConnection connection(-1, kMaxBody, (control & 0x80) != 0);
    const std::size_t pieces = 1 + (control & 3);
    std::size_t at = 0;
    for (std::size_t p = 0; p < pieces && at < size; ++p) {
        const std::size_t n = p + 1 == pieces ? size - at : std::min(size - at, std::size_t(1) + (size >> (p + 1)));
        connection.consume(reinterpret_cast<const char*>(data) + at, n);
        at += n;
    }
    for (const auto& ex : connection.ready()) {
        if (ex->request.refusal == 0 && ex->request.body.size() > kMaxBody)
            std::abort();
        const auto parsed = detail::parseRecords(ex->request.body, models[(control >> 2) & 1], 16, (control & 0x10) != 0);
        const auto& model = models[(control >> 2) & 1];
        if (parsed.error.empty() && parsed.rows.size() != parsed.count * std::size_t(model.inputs))
            std::abort();
        ex->response.body = parsed.error;
    }
    connection.queueAnswers();
    return 0;
}
