// Every JSON document the core reads from a file a user can hand it: architecture specs
// (parse, shape inference, canonical form), evaluation reports, and bundle manifests.
#include "FuzzInput.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/eval/Classification.h"
#include "flightdeck/model/ArchitectureSpec.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const auto spec = flightdeck::model::ArchitectureSpec::fromJson(text);
        (void)flightdeck::model::inferShapes(spec, 4, 3);
        (void)flightdeck::model::ArchitectureSpec::fromJson(spec.toJson()).hash();
    } catch (const flightdeck::Error&) {
    }
    try {
        std::vector<std::string> names;
        const auto report = flightdeck::eval::reportFromJson(text, &names);
        (void)flightdeck::eval::toJson(report, names);
    } catch (const flightdeck::Error&) {
    }
    try {
        (void)flightdeck::parseJson(text).dump();
    } catch (const flightdeck::Error&) {
    }
    return 0;
}
