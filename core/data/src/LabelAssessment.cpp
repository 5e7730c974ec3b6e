#include "flightdeck/data/LabelAssessment.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

namespace flightdeck::data {

namespace {

bool readNumber(const std::string& text, double* out)
{
    if (text.empty())
        return false;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(v))
        return false;
    *out = v;
    return true;
}

}  // namespace

LabelAssessment assessLabels(const Table& table)
{
    LabelAssessment a;
    // Unlabeled rows (-1) say nothing about the column: an id-like label is judged by the
    // rows that have one.
    a.rows = static_cast<std::size_t>(
        std::count_if(table.labels.begin(), table.labels.end(), [](std::int32_t l) { return l >= 0; }));
    a.distinct = table.classes.size();
    a.numeric = !table.classes.empty();
    a.integerValued = a.numeric;
    for (const auto& name : table.classes) {
        double v = 0;
        if (!readNumber(name, &v)) {
            a.numeric = a.integerValued = false;
            break;
        }
        if (v != std::floor(v))
            a.integerValued = false;
    }
    // A class with one example cannot be both learned and tested; when nearly every row is
    // its own class the column names rows, it does not label them.
    if (a.rows >= 20 && a.distinct * 10 >= a.rows * 9)
        a.concern = LabelConcern::LooksLikeId;
    // Numbers: fractional values, or more than 20 distinct whole numbers that are also more
    // than 5 % of the rows (scikit-learn's diabetes target: 214 values in 442 rows).
    else if (a.numeric && a.distinct > 2 &&
             (!a.integerValued || (a.distinct > 20 && a.distinct * 20 > a.rows)))
        a.concern = LabelConcern::LooksContinuous;
    else if (a.distinct > kManyClasses)
        a.concern = LabelConcern::ManyClasses;
    return a;
}

std::string describeConcern(const LabelAssessment& a, const std::string& labelName)
{
    const std::string counts = std::to_string(a.distinct) + " distinct values in " +
                               std::to_string(a.rows) + " rows";
    switch (a.concern) {
    case LabelConcern::None:
        return {};
    case LabelConcern::LooksLikeId:
        return "label \"" + labelName + "\" has " + counts +
               ": it looks like an id, not a class; each row became its own class";
    case LabelConcern::LooksContinuous:
        return "label \"" + labelName + "\" has " + counts +
               " (numbers): it looks like a continuous (regression) target; it was imported as " +
               std::to_string(a.distinct) + " classes";
    case LabelConcern::ManyClasses:
        return "label \"" + labelName + "\" has " + counts + ": " + std::to_string(a.distinct) +
               " classes is unusually many";
    }
    return {};
}

}  // namespace flightdeck::data
