#pragma once
// The open project as the GUI sees it: one store::Project connection owned by the GUI thread,
// change notifications that keep the panels in step, and the selection panels share (current
// dataset version, split, architecture, run). Workers never use this connection: TaskRunner and
// TrainingController open their own on the same folder.
#include <QObject>
#include <QString>

#include <memory>

namespace flightdeck::store { class Project; }

namespace flightdeck::ui {

class ProjectSession : public QObject {
    Q_OBJECT
public:
    explicit ProjectSession(QObject* parent = nullptr);
    ~ProjectSession() override;

    bool isOpen() const;
    // Changes whenever a project is closed: work started under another generation must not
    // apply its result (ids) to the project open now.
    quint64 generation() const { return generation_; }
    QString folder() const;
    // Precondition: isOpen(). GUI thread only.
    flightdeck::store::Project& project();

    // Opens (create=false) or creates-or-opens (create=true) the project folder. On failure
    // returns false, keeps the previous project open and sets *error to a translated message.
    bool openProject(const QString& folder, bool create, QString* error);
    void closeProject();

    qint64 currentVersionId() const { return versionId_; }
    qint64 currentSplitId() const { return splitId_; }
    qint64 currentArchitectureId() const { return architectureId_; }
    qint64 currentRunId() const { return runId_; }
    void setCurrentVersion(qint64 id);
    void setCurrentSplit(qint64 id);
    void setCurrentArchitecture(qint64 id);
    void setCurrentRun(qint64 id);

    // Whoever changed the project announces it; panels reload from the store.
    void notifyDatasetsChanged() { Q_EMIT datasetsChanged(); }
    void notifyArchitecturesChanged() { Q_EMIT architecturesChanged(); }
    void notifyRunsChanged() { Q_EMIT runsChanged(); }
    void notifyEvaluationsChanged(qint64 runId) { Q_EMIT evaluationsChanged(runId); }
    void notifyExportsChanged() { Q_EMIT exportsChanged(); }

Q_SIGNALS:
    void projectOpened(const QString& folder);
    void projectClosed();
    void datasetsChanged();
    void architecturesChanged();
    void runsChanged();
    void evaluationsChanged(qint64 runId);
    void exportsChanged();
    void currentVersionChanged(qint64 versionId);
    void currentSplitChanged(qint64 splitId);
    void currentArchitectureChanged(qint64 architectureId);
    void currentRunChanged(qint64 runId);

private:
    void restoreSelection();

    std::unique_ptr<flightdeck::store::Project> project_;
    QString folder_;
    qint64 versionId_ = 0, splitId_ = 0, architectureId_ = 0, runId_ = 0;
    quint64 generation_ = 0;
};

}  // namespace flightdeck::ui
