#pragma once
// The model card's descriptive sections (intended use and limitations, data, training recipe)
// and the small helpers the card's files share. Internal to core/export.
#include "CardDocument.h"
#include "CardEvaluation.h"
#include "ModelCard.h"

#include <nlohmann/json.hpp>

namespace flightdeck::exporting::card {

constexpr std::size_t kClassesListed = 20;

std::string fixed(double v, int decimals = 4);
std::string count(std::int64_t n);
// The dataset version's schema JSON, or an empty object when it cannot be read.
nlohmann::json parsedSchema(const CardInput& in);
// The run's "task" param, else the dataset version's task.
bool isRegression(const CardInput& in);
std::int64_t featureCount(const CardInput& in);
// "a, b, c and 4 more".
std::string listed(const std::vector<std::string>& names, std::size_t limit);

// `ev` is the evaluation the card reports, or null when there is none.
void intendedUse(Document& doc, const CardInput& in, const nlohmann::json& schema,
                 const EvaluationView* ev);
void dataSection(Document& doc, const CardInput& in, const nlohmann::json& schema);
void recipeSection(Document& doc, const CardInput& in);

}  // namespace flightdeck::exporting::card
