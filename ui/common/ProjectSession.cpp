#include "common/ProjectSession.h"

#include "common/ErrorText.h"
#include "common/Settings.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <QDir>

#include <algorithm>

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
    try {
        // A run whose process died (crash, kill) must not read as "running" forever.
        store::RunRepository(*project_).markInterruptedRuns();
    } catch (const std::exception&) {
    }
    Q_EMIT projectOpened(folder_);
    restoreSelection();
    return true;
}

void ProjectSession::restoreSelection()
{
    // Resume where the user most likely left off: the latest run's inputs, else the newest of
    // each. A damaged row must not stop the project from opening, so failures leave ids at 0.
    try {
        store::RunRepository runs(*project_);
        const auto all = runs.runs();
        if (!all.empty()) {
            const auto& run = all.front();
            setCurrentVersion(run.versionId);
            setCurrentSplit(run.splitId);
            setCurrentArchitecture(run.architectureId);
            setCurrentRun(run.id);
            return;
        }
        store::DatasetRepository datasets(*project_);
        const auto versions = datasets.allVersions();
        if (!versions.empty()) {
            qint64 newest = 0;
            for (const auto& v : versions)
                newest = std::max<qint64>(newest, v.id);
            setCurrentVersion(newest);
            const auto splits = datasets.splits(newest);
            qint64 newestSplit = 0;
            for (const auto& s : splits)
                newestSplit = std::max<qint64>(newestSplit, s.id);
            setCurrentSplit(newestSplit);
        }
        const auto architectures = store::ArchitectureRepository(*project_).all();
        qint64 newestArchitecture = 0;
        for (const auto& a : architectures)
            newestArchitecture = std::max<qint64>(newestArchitecture, a.id);
        setCurrentArchitecture(newestArchitecture);
    } catch (const std::exception&) {
    }
}

void ProjectSession::closeProject()
{
    if (!project_)
        return;
    project_.reset();
    folder_.clear();
    ++generation_;
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
