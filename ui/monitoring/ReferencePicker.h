#pragma once
// What drift is measured against. By default the deployed model's training data: the
// reference_profile.json of the bundle the registry's "production" alias points at, else of
// the newest registered bundle (looked up on the TaskRunner when a project opens). Or a dataset
// version of the open project (profiled on the TaskRunner into a file of this picker's own, see
// VersionReference.h), or any file the user picks: a bundle folder, a reference_profile.json,
// a dataset CSV or a log.
#include "monitoring/VersionReference.h"

#include <QString>
#include <QVector>
#include <QWidget>

#include <memory>

class QLabel;
class QMenu;
class QTemporaryDir;
class QToolButton;

namespace flightdeck::ui {

class ProjectSession;
class TaskRunner;

class ReferencePicker : public QWidget {
    Q_OBJECT
public:
    enum class Source { Deployed, File, Version };

    ReferencePicker(ProjectSession* session, TaskRunner* runner, QWidget* parent = nullptr);
    ~ReferencePicker() override;

    QString path() const { return path_; }
    Source source() const { return source_; }
    bool isDeployedDefault() const { return source_ == Source::Deployed; }
    // Uses `path` (empty: none) as chosen by the user; the deployed default stops applying.
    void choose(const QString& path);
    // Looks up the deployed model's bundle again and, found, uses its profile.
    void useDeployedModel();
    // Profiles the project's dataset version `versionId` on the TaskRunner and uses it.
    void chooseVersion(qint64 versionId);
    qint64 versionId() const { return source_ == Source::Version ? versionId_ : 0; }
    // The project's dataset versions, as last listed (on the TaskRunner, when a project opens
    // or its datasets change).
    const QVector<VersionEntry>& versions() const { return versions_; }
    QString labelText() const;
    void retranslateUi();

Q_SIGNALS:
    void referenceChanged(const QString& path);
    void versionsListed();

private:
    void chooseFile();
    void chooseBundle();
    void listVersions();
    void fillVersionsMenu();
    void showState();
    QString versionText(const VersionEntry& v) const;
    QString versionDescription() const;

    ProjectSession* session_;
    TaskRunner* runner_;
    QLabel* caption_;
    QToolButton* button_;
    QMenu* versionsMenu_;
    QLabel* label_;
    QString path_, description_, lookupError_;
    Source source_ = Source::Deployed;
    qint64 versionId_ = 0;
    VersionEntry version_;   // the chosen version as listed (id 0 until known)
    qint64 splitId_ = 0;     // its profiled split; 0: every labeled row
    int request_ = 0;   // the latest lookup; older answers are dropped
    QVector<VersionEntry> versions_;
    std::unique_ptr<QTemporaryDir> profiles_;   // the version profiles written for the worker
};

}  // namespace flightdeck::ui
