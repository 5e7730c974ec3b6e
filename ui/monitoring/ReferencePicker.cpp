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
#include <QPointer>
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
        if (deployed_)
            useDeployedModel();
    });
    connect(session_, &ProjectSession::exportsChanged, this, [this] {
        if (deployed_)
            useDeployedModel();
    });
    retranslateUi();
    if (session_->isOpen())
        useDeployedModel();
}

void ReferencePicker::retranslateUi() {
    caption_->setText(tr("Reference:"));
    button_->setText(tr("Choose\u2026"));
    button_->setToolTip(tr("What drift is measured against"));
    QMenu* menu = button_->menu();
    menu->clear();
    menu->addAction(tr("Deployed model's training data"), this, &ReferencePicker::useDeployedModel);
    menu->addAction(tr("Bundle folder\u2026"), this, &ReferencePicker::chooseBundle);
    menu->addAction(tr("Profile, dataset CSV or log file\u2026"), this, &ReferencePicker::chooseFile);
    menu->addAction(tr("No reference"), this, [this] { choose({}); });
    showState();
}

void ReferencePicker::showState() {
    QString text;
    if (!path_.isEmpty())
        text = deployed_ ? tr("%1 (deployed model)").arg(description_) : QDir::toNativeSeparators(path_);
    else if (!lookupError_.isEmpty())
        text = lookupError_;
    else
        text = session_->isOpen() ? tr("none") : tr("none (open a project to use its deployed model)");
    label_->setText(text);
    label_->setToolTip(QDir::toNativeSeparators(path_));
}

void ReferencePicker::choose(const QString& path) {
    deployed_ = false;
    lookupError_.clear();
    path_ = path;
    showState();
    Q_EMIT referenceChanged(path_);
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
    deployed_ = true;
    lookupError_.clear();
    if (!session_->isOpen()) {
        path_.clear();
        showState();
        Q_EMIT referenceChanged(path_);
        return;
    }
    struct Found { QString path, description, problem; };
    auto found = std::make_shared<Found>();
    const std::string folder = session_->folder().toStdString();
    QPointer<ReferencePicker> self(this);
    runner_->run(tr("Finding the deployed model"),
                 [found, folder](store::Project& project, const std::atomic<bool>&) {
                     const auto models = store::ModelRegistry(project).models();   // newest first
                     if (models.empty())
                         return QVariant();
                     const store::RegisteredModelRecord* pick = &models.front();
                     for (const auto& m : models)
                         if (m.alias == "production") {
                             pick = &m;
                             break;
                         }
                     const auto bundle = store::absoluteBundlePath(folder, pick->bundlePath);
                     found->description = QStringLiteral("%1 v%2").arg(QString::fromStdString(pick->name)).arg(pick->version);
                     if (const auto file = monitor::ReferenceProfile::locate(bundle); file && std::filesystem::exists(*file))
                         found->path = QString::fromStdString(bundle.string());
                     else
                         found->problem = QString::fromStdString(bundle.string());
                     return QVariant();
                 },
                 [self, found](const QVariant&) {
                     if (!self || !self->deployed_)
                         return;   // the user chose something else meanwhile
                     self->path_ = found->path;
                     self->description_ = found->description;
                     if (!found->problem.isEmpty())
                         self->lookupError_ = tr("%1 has no reference_profile.json (export it again)").arg(found->description);
                     else if (found->description.isEmpty())
                         self->lookupError_ = tr("no registered model in this project");
                     self->showState();
                     Q_EMIT self->referenceChanged(self->path_);
                 });
}

}  // namespace flightdeck::ui
