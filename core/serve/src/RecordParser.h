#pragma once
// Private to core/serve: a /predict body to feature rows, or the reason it is refused.
#include "flightdeck/serve/BundleModel.h"

#include <string>
#include <vector>

namespace flightdeck::serve::detail {

struct ParsedRecords {
    std::vector<float> rows;                 // count x inputs
    std::vector<std::string> featuresJson;   // each record's values as a JSON array (the log)
    std::size_t count = 0;
    bool batch = false;
    std::string error;                       // non-empty: answer 400 with it
};

// {"features": [..] | {name: value}} for one record, {"instances": [[..] | {..}, ...]} for a
// batch of at most maxBatch; every value a finite number. featuresJson is filled only when
// `forLog` (writing 784 numbers back out costs about what parsing them does).
ParsedRecords parseRecords(const std::string& body, const BundleInfo& info, std::size_t maxBatch,
                           bool forLog = true);

}  // namespace flightdeck::serve::detail
