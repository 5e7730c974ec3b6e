#pragma once
// What a run needs before Start: a project, a dataset version with a split of its own, a saved
// architecture and a budget and recipe the trainer accepts. Also what Sweep… checks.
#include <QCoreApplication>
#include <QString>

namespace flightdeck::ui {

class ProjectSession;
class RecipeForm;
class TrainingForm;

class TrainingPrerequisites {
    Q_DECLARE_TR_FUNCTIONS(TrainingPrerequisites)
public:
    // Empty when a run can start; else the first thing missing (translated).
    static QString missing(ProjectSession& session, const TrainingForm& form, const RecipeForm& recipe);
};

}  // namespace flightdeck::ui
