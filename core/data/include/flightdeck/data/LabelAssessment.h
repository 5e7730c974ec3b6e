#pragma once
// Looks at an imported label column before anyone trains on it: a random float label once
// imported silently as 49,999 classes. The assessment is data (the ui translates it, the CLI
// prints it); import itself still proceeds, the caller decides how loudly to warn.
#include "flightdeck/data/Table.h"

#include <cstddef>

namespace flightdeck::data {

enum class LabelConcern {
    None,
    LooksLikeId,          // (almost) every row has its own label
    LooksContinuous,      // numbers with many distinct values: a regression target
    ManyClasses,          // more classes than anyone labels by hand or trains well on
};

struct LabelAssessment {
    LabelConcern concern = LabelConcern::None;
    std::size_t rows = 0;
    std::size_t distinct = 0;
    bool numeric = false;          // every class name reads as a finite number
    bool integerValued = false;    // ... and every one is a whole number
};

// Beyond this many classes an import is flagged whatever the values look like.
constexpr std::size_t kManyClasses = 1000;

LabelAssessment assessLabels(const Table& table);

// Plain English for the CLI and logs, empty when concern == None.
std::string describeConcern(const LabelAssessment& a, const std::string& labelName);

}  // namespace flightdeck::data
