#pragma once
// What a dataset version is for. Recorded with every version (dataset_versions.task); this is
// the one place that turns the stored name into the type and back.
#include <string>

namespace flightdeck::data {

struct Table;

enum class DatasetTask { TableClassification, TableRegression, ImageClassification };

const char* taskName(DatasetTask task);   // "table_classification", ...
// Accepts the stored names and the CLI's short forms (classification, regression, image);
// InvalidArgument naming the choices otherwise.
DatasetTask taskFromName(const std::string& name);

// A table's task from its label column: numbers with many distinct values are a regression
// target (scikit-learn's diabetes: 214 values in 442 rows), anything else classification.
DatasetTask detectTableTask(const Table& table);

}  // namespace flightdeck::data
