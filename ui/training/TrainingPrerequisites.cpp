#include "training/TrainingPrerequisites.h"

#include "common/ErrorText.h"
#include "common/ProjectSession.h"
#include "training/RecipeForm.h"
#include "training/TrainingForm.h"

#include "flightdeck/store/DatasetRepository.h"

#include <exception>

namespace flightdeck::ui {

QString TrainingPrerequisites::missing(ProjectSession& session, const TrainingForm& form, const RecipeForm& recipe)
{
    if (!session.isOpen())
        return tr("No project: open or create one first.");
    if (session.currentVersionId() <= 0)
        return tr("No dataset version: import or select one in the Data panel.");
    if (session.currentSplitId() <= 0)
        return tr("No split: create one for the selected version in the Data panel.");
    try {
        flightdeck::store::DatasetRepository repo(session.project());
        if (repo.split(session.currentSplitId()).versionId != session.currentVersionId())
            return tr("The selected split belongs to another dataset version: select or create a split "
                      "of this version.");
    } catch (const std::exception& e) {
        return ErrorText::fromException(e);
    }
    if (session.currentArchitectureId() <= 0)
        return tr("No architecture: save one in the Architecture panel.");
    const QString problem = form.problem();
    return problem.isEmpty() ? recipe.problem() : problem;
}

}  // namespace flightdeck::ui
