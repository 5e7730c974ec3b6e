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
    return assessLabels(table).concern == LabelConcern::LooksContinuous
               ? DatasetTask::TableRegression
               : DatasetTask::TableClassification;
}

}  // namespace flightdeck::data
