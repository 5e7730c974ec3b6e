#include "monitoring/ReferencePicker.h"

#include "common/ProjectSession.h"
#include "common/TaskRunner.h"

#include "flightdeck/monitor/ReferenceProfile.h"
#include "flightdeck/store/ModelRegistry.h"
#include "flightdeck/store/Project.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QTemporaryDir>
#include <QToolButton>

#include <memory>

namespace flightdeck::ui {

ReferencePicker::ReferencePicker(ProjectSession* session, TaskRunner* runner, QWidget* parent)
    : QWidget(parent), session_(session), runner_(runner) {
    caption_ = new QLabel(this);
    button_ = new QToolButton(this);
    button_->setObjectName(QStringLiteral("referenceButton"));
    button_->setPopupMode(QToolButton::InstantPopup);
    button_->setMenu(new QMenu(button_));
    versionsMenu_ = new QMenu(this);
    versionsMenu_->setObjectName(QStringLiteral("referenceVersionsMenu"));
    label_ = new QLabel(this);
    label_->setObjectName(QStringLiteral("referenceLabel"));
    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label_->setMinimumWidth(60);
    label_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(caption_);
    layout->addWidget(button_);
    layout->addWidget(label_, 1);
    connect(session_, &ProjectSession::projectOpened, this, [this] {
        listVersions();
        // Another project's version means nothing here: back to the deployed model.
        if (source_ != Source::File)
            useDeployedModel();
    });
    connect(session_, &ProjectSession::projectClosed, this, [this] {
        versions_.clear();
        fillVersionsMenu();
    });
    connect(session_, &ProjectSession::datasetsChanged, this, &ReferencePicker::listVersions);
    connect(session_, &ProjectSession::exportsChanged, this, [this] {
        if (source_ == Source::Deployed)
            useDeployedModel();
    });
    retranslateUi();
    if (session_->isOpen()) {
        listVersions();
        useDeployedModel();
    }
}

ReferencePicker::~ReferencePicker() = default;

void ReferencePicker::retranslateUi() {
    caption_->setText(tr("Reference:"));
    button_->setText(tr("Choose\u2026"));
    button_->setToolTip(tr("What drift is measured against"));
    QMenu* menu = button_->menu();
    menu->clear();
    menu->addAction(tr("Deployed model's training data"), this, &ReferencePicker::useDeployedModel);
    versionsMenu_->setTitle(tr("Dataset version of this project"));
    menu->addMenu(versionsMenu_);
    fillVersionsMenu();
    menu->addAction(tr("Bundle folder\u2026"), this, &ReferencePicker::chooseBundle);
    menu->addAction(tr("Profile, dataset CSV or log file\u2026"), this, &ReferencePicker::chooseFile);
    menu->addAction(tr("No reference"), this, [this] { choose({}); });
    showState();
}

QString ReferencePicker::versionText(const VersionEntry& v) const {
    return v.images ? tr("%1 v%2 (#%3, images)").arg(v.dataset).arg(v.number).arg(v.id)
                    : tr("%1 v%2 (#%3)").arg(v.dataset).arg(v.number).arg(v.id);
}

void ReferencePicker::fillVersionsMenu() {
    versionsMenu_->clear();
    for (const VersionEntry& v : versions_)
        versionsMenu_->addAction(versionText(v), this, [this, id = v.id] { chooseVersion(id); });
    if (versions_.isEmpty())
        versionsMenu_->addAction(session_->isOpen() ? tr("No dataset version yet") : tr("Open a project first"))
            ->setEnabled(false);
}

// Built when shown, not when chosen, so a language change reaches it.
QString ReferencePicker::versionDescription() const {
    const QString version = version_.id ? versionText(version_) : tr("dataset version #%1").arg(versionId_);
    if (path_.isEmpty())
        return tr("profiling %1\u2026").arg(version);
    const QString rows = splitId_ ? tr("%1, train split #%2").arg(version).arg(splitId_)
                                  : tr("%1, labeled rows").arg(version);
    return tr("%1 (dataset version)").arg(rows);
}

QString ReferencePicker::labelText() const { return label_->text(); }

void ReferencePicker::showState() {
    QString text;
    if (!lookupError_.isEmpty())
        text = lookupError_;
    else if (source_ == Source::Version)
        text = versionDescription();
    else if (!path_.isEmpty())
        text = source_ == Source::Deployed ? tr("%1 (deployed model)").arg(description_) : QDir::toNativeSeparators(path_);
    else
        text = session_->isOpen() ? tr("none") : tr("none (open a project to use its deployed model)");
    label_->setText(text);
    label_->setToolTip(QDir::toNativeSeparators(path_));
}

void ReferencePicker::choose(const QString& path) {
    ++request_;
    source_ = Source::File;
    lookupError_.clear();
    path_ = path;
    showState();
    Q_EMIT referenceChanged(path_);
}

void ReferencePicker::listVersions() {
    if (!session_->isOpen())
        return;
    runner_->run(tr("Listing dataset versions"), this,
                 [](store::Project& project, const std::atomic<bool>&) {
                     return flightdeck::ui::listVersions(project);
                 },
                 [this](QVector<VersionEntry> listed) {
                     versions_ = std::move(listed);
                     fillVersionsMenu();
                     Q_EMIT versionsListed();
                 });
}

void ReferencePicker::chooseVersion(qint64 versionId) {
    const int request = ++request_;
    source_ = Source::Version;
    versionId_ = versionId;
    lookupError_.clear();
    path_.clear();
    version_ = {};
    splitId_ = 0;
    for (const VersionEntry& v : versions_)
        if (v.id == versionId)
            version_ = v;
    showState();
    Q_EMIT referenceChanged(path_);   // nothing to compare against until the profile is ready
    if (!profiles_)
        profiles_ = std::make_unique<QTemporaryDir>();
    // A new name each time: the dashboard's worker may still be reading the previous file.
    const std::string file =
        profiles_->filePath(QStringLiteral("version-%1-%2.json").arg(versionId).arg(request)).toStdString();
    runner_->run(tr("Profiling dataset version %1").arg(versionId), this,
                 [versionId, file](store::Project& project, const std::atomic<bool>&) {
                     VersionReference built = versionReference(project, versionId);
                     built.profile.save(file);
                     return built;
                 },
                 [this, request, file](const VersionReference& built) {
                     if (request_ != request)
                         return;   // the user chose something else meanwhile
                     version_ = built.version;
                     splitId_ = built.splitId;
                     path_ = QString::fromStdString(file);
                     showState();
                     Q_EMIT referenceChanged(path_);
                 },
                 [this, request](const QString& message) {
                     if (request_ != request)
                         return;
                     lookupError_ = tr("The dataset version could not be profiled: %1").arg(message);
                     showState();
                 });
}

void ReferencePicker::chooseFile() {
    auto* dialog = new QFileDialog(this, tr("Choose a reference"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("References (*.json *.csv *.tsv *.jsonl *.ndjson *.log)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, this, &ReferencePicker::choose);
    dialog->open();
}

void ReferencePicker::chooseBundle() {
    auto* dialog = new QFileDialog(this, tr("Choose a bundle folder"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    if (session_->isOpen())
        dialog->setDirectory(session_->folder());
    connect(dialog, &QFileDialog::fileSelected, this, &ReferencePicker::choose);
    dialog->open();
}

void ReferencePicker::useDeployedModel() {
    const int request = ++request_;
    source_ = Source::Deployed;
    lookupError_.clear();
    if (!session_->isOpen()) {
        path_.clear();
        showState();
        Q_EMIT referenceChanged(path_);
        return;
    }
    // The deployed bundle; an empty description when nothing is registered.
    struct Found {
        QString path, description, problem;
    };
    const std::string folder = session_->folder().toStdString();
    runner_->run(tr("Finding the deployed model"), this,
                 [folder](store::Project& project, const std::atomic<bool>&) {
                     Found found;
                     const auto pick = store::ModelRegistry(project).deployed();
                     if (!pick)
                         return found;
                     const auto bundle = store::absoluteBundlePath(folder, pick->bundlePath);
                     found.description = QStringLiteral("%1 v%2").arg(QString::fromStdString(pick->name)).arg(pick->version);
                     if (const auto file = monitor::ReferenceProfile::locate(bundle); file && std::filesystem::exists(*file))
                         found.path = QString::fromStdString(bundle.string());
                     else
                         found.problem = QString::fromStdString(bundle.string());
                     return found;
                 },
                 [this, request](const Found& found) {
                     if (request_ != request)
                         return;   // the user chose something else meanwhile
                     path_ = found.path;
                     description_ = found.description;
                     if (!found.problem.isEmpty())
                         lookupError_ = tr("%1 has no reference_profile.json (export it again)").arg(found.description);
                     else if (found.description.isEmpty())
                         lookupError_ = tr("no registered model in this project");
                     showState();
                     Q_EMIT referenceChanged(path_);
                 });
}

}  // namespace flightdeck::ui
