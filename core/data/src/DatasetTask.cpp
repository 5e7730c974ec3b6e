#include "flightdeck/data/DatasetTask.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/data/LabelAssessment.h"

namespace flightdeck::data {

const char* taskName(DatasetTask task)
{
    switch (task) {
    case DatasetTask::TableClassification: return "table_classification";
    case DatasetTask::TableRegression: return "table_regression";
    case DatasetTask::ImageClassification: return "image_classification";
    }
    return "table_classification";
}

DatasetTask taskFromName(const std::string& name)
{
    if (name == "table_classification" || name == "classification")
        return DatasetTask::TableClassification;
    if (name == "table_regression" || name == "regression")
        return DatasetTask::TableRegression;
    if (name == "image_classification" || name == "image")
        return DatasetTask::ImageClassification;
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "task",
                          "expected classification, regression or image, got \"" + name + "\""});
}

DatasetTask detectTableTask(const Table& table)
{
    const LabelAssessment a = assessLabels(table);
    // Fractional numbers are measurements, not class ids, even when each row has its own
    // (house prices); whole numbers that differ on every row stay an id-like class column,
    // which the import warns about.
    const bool fractional = a.numeric && !a.integerValued && a.distinct > 2;
    return a.concern == LabelConcern::LooksContinuous || fractional
               ? DatasetTask::TableRegression
               : DatasetTask::TableClassification;
}

}  // namespace flightdeck::data
