#include "common/ProjectSession.h"

#include "common/ErrorText.h"
#include "common/Settings.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/store/Project.h"

#include <QDir>

namespace flightdeck::ui {

ProjectSession::ProjectSession(QObject* parent) : QObject(parent) {}

ProjectSession::~ProjectSession() = default;

bool ProjectSession::isOpen() const { return project_ != nullptr; }

QString ProjectSession::folder() const { return folder_; }

flightdeck::store::Project& ProjectSession::project()
{
    Q_ASSERT(project_);
    return *project_;
}

bool ProjectSession::openProject(const QString& folder, bool create, QString* error)
{
    const QString absolute = QDir(folder).absolutePath();
    try {
        const std::filesystem::path path(absolute.toStdString());
        auto opened = std::make_unique<flightdeck::store::Project>(
            create ? flightdeck::store::Project::create(path) : flightdeck::store::Project::open(path));
        if (project_)
            closeProject();
        project_ = std::move(opened);
        folder_ = absolute;
    } catch (const std::exception& e) {
        if (error)
            *error = ErrorText::fromException(e);
        return false;
    }
    Settings::addRecentProject(folder_);
    Q_EMIT projectOpened(folder_);
    return true;
}

void ProjectSession::closeProject()
{
    if (!project_)
        return;
    project_.reset();
    folder_.clear();
    versionId_ = splitId_ = architectureId_ = runId_ = 0;
    Q_EMIT projectClosed();
}

void ProjectSession::setCurrentVersion(qint64 id)
{
    if (id == versionId_)
        return;
    versionId_ = id;
    Q_EMIT currentVersionChanged(id);
}

void ProjectSession::setCurrentSplit(qint64 id)
{
    if (id == splitId_)
        return;
    splitId_ = id;
    Q_EMIT currentSplitChanged(id);
}

void ProjectSession::setCurrentArchitecture(qint64 id)
{
    if (id == architectureId_)
        return;
    architectureId_ = id;
    Q_EMIT currentArchitectureChanged(id);
}

void ProjectSession::setCurrentRun(qint64 id)
{
    if (id == runId_)
        return;
    runId_ = id;
    Q_EMIT currentRunChanged(id);
}

}  // namespace flightdeck::ui
