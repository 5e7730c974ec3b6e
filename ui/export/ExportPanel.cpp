#include "export/ExportPanel.h"
#include "common/StatusLine.h"
#include "export/LocalServer.h"

#include "common/RunStatusText.h"

#include "common/ErrorText.h"
#include "common/ProjectSession.h"
#include "common/TaskRunner.h"
#include "export/BundleInspector.h"
#include "export/RegistryView.h"

#include "flightdeck/export/BundleExporter.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSplitter>
#include <QVBoxLayout>

#include <filesystem>

namespace flightdeck::ui {

namespace {

// A destination the user picked: used as the bundle folder if it is empty or new, otherwise
// the bundle goes into a fresh subfolder named after the model (never into a non-empty one).
std::filesystem::path bundleDestination(const std::filesystem::path& chosen, const std::string& name) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(chosen, ec) || (fs::is_directory(chosen, ec) && fs::is_empty(chosen, ec)))
        return chosen;
    fs::path candidate = chosen / name;
    for (int i = 2; fs::exists(candidate, ec); ++i)
        candidate = chosen / (name + "-" + std::to_string(i));
    return candidate;
}

}  // namespace

ExportPanel::ExportPanel(ProjectSession* session, TaskRunner* runner, QWidget* parent)
    : QWidget(parent), session_(session), runner_(runner) {
    setObjectName(QStringLiteral("exportPanel"));

    exportGroup_ = new QGroupBox(this);
    exportGroup_->setObjectName(QStringLiteral("exportGroup"));
    runCaption_ = new QLabel(exportGroup_);
    runLabel_ = new QLabel(exportGroup_);
    runLabel_->setObjectName(QStringLiteral("exportRunLabel"));
    nameCaption_ = new QLabel(exportGroup_);
    modelNameEdit_ = new QLineEdit(QStringLiteral("model"), exportGroup_);
    modelNameEdit_->setObjectName(QStringLiteral("modelNameEdit"));
    modelNameEdit_->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")), modelNameEdit_));
    nameCaption_->setBuddy(modelNameEdit_);
    destinationCaption_ = new QLabel(exportGroup_);
    destinationEdit_ = new QLineEdit(exportGroup_);
    destinationEdit_->setObjectName(QStringLiteral("destinationEdit"));
    destinationEdit_->setClearButtonEnabled(true);
    destinationCaption_->setBuddy(destinationEdit_);
    chooseFolderButton_ = new QPushButton(exportGroup_);
    chooseFolderButton_->setObjectName(QStringLiteral("chooseFolderButton"));
    exportButton_ = new QPushButton(exportGroup_);
    exportButton_->setObjectName(QStringLiteral("exportButton"));
    exportButton_->setDefault(true);
    messageLabel_ = new StatusLine(exportGroup_);
    messageLabel_->setObjectName(QStringLiteral("exportMessageLabel"));
    messageLabel_->hide();

    auto* form = new QGridLayout(exportGroup_);
    form->addWidget(runCaption_, 0, 0);
    form->addWidget(runLabel_, 0, 1, 1, 5);
    form->addWidget(nameCaption_, 1, 0);
    form->addWidget(modelNameEdit_, 1, 1);
    form->addWidget(destinationCaption_, 1, 2);
    form->addWidget(destinationEdit_, 1, 3);
    form->addWidget(chooseFolderButton_, 1, 4);
    form->addWidget(exportButton_, 1, 5);
    form->addWidget(messageLabel_, 2, 0, 1, 6);
    form->setColumnStretch(1, 1);
    form->setColumnStretch(3, 2);

    registryGroup_ = new QGroupBox(this);
    registryGroup_->setObjectName(QStringLiteral("registryGroup"));
    registryView_ = new RegistryView(session_, runner_, registryGroup_);
    auto* registryLayout = new QVBoxLayout(registryGroup_);
    registryLayout->addWidget(registryView_);

    bundleGroup_ = new QGroupBox(this);
    bundleGroup_->setObjectName(QStringLiteral("bundleGroup"));
    inspector_ = new BundleInspector(runner_, bundleGroup_);
    server_ = new LocalServer(bundleGroup_);
    auto* bundleLayout = new QVBoxLayout(bundleGroup_);
    bundleLayout->addWidget(inspector_);
    bundleLayout->addWidget(server_);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("exportSplitter"));
    splitter->addWidget(registryGroup_);
    splitter->addWidget(bundleGroup_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(exportGroup_);
    layout->addWidget(splitter, 1);

    connect(exportButton_, &QPushButton::clicked, this, &ExportPanel::exportCurrentRun);
    connect(modelNameEdit_, &QLineEdit::returnPressed, this, &ExportPanel::exportCurrentRun);
    connect(chooseFolderButton_, &QPushButton::clicked, this, &ExportPanel::chooseDestination);
    connect(registryView_, &RegistryView::selectionChanged, this,
            &ExportPanel::onRegistrySelectionChanged);
    connect(registryView_, &RegistryView::message, this, &ExportPanel::showMessage);
    connect(session_, &ProjectSession::projectOpened, this, [this] {
        updateRunState();
        reloadRegistry();
    });
    connect(session_, &ProjectSession::projectClosed, this, [this] {
        exporting_ = false;   // an export under way is dropped with its project (TaskRunner)
        updateRunState();
        reloadRegistry();
    });
    connect(session_, &ProjectSession::currentRunChanged, this, [this] {
        // "Exported version 1…" was about the run selected before.
        if (!exporting_)
            showMessage(QString(), false);
        updateRunState();
    });
    connect(session_, &ProjectSession::runsChanged, this, &ExportPanel::updateRunState);
    connect(session_, &ProjectSession::exportsChanged, this, &ExportPanel::reloadRegistry);

    retranslateUi();
    reloadRegistry();
}

ExportPanel::~ExportPanel() = default;

void ExportPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ExportPanel::retranslateUi() {
    exportGroup_->setTitle(tr("Export the current run"));
    runCaption_->setText(tr("Run:"));
    nameCaption_->setText(tr("&Model name:"));
    modelNameEdit_->setToolTip(tr("Letters, digits, '.', '_' and '-'; each export becomes the "
                                  "next version of this name in the registry"));
    destinationCaption_->setText(tr("&Destination:"));
    destinationEdit_->setPlaceholderText(tr("Project exports folder (default)"));
    chooseFolderButton_->setText(tr("&Choose folder\u2026"));
    exportButton_->setText(tr("E&xport"));
    exportButton_->setToolTip(tr("Write model.pt, labels.json, preprocessing.json, "
                                 "model_card.md and manifest.json"));
    registryGroup_->setTitle(tr("Model registry"));
    registryView_->retranslateUi();
    bundleGroup_->setTitle(tr("Bundle"));
    inspector_->retranslateUi();
    updateRunState();
}

void ExportPanel::showMessage(const QString& text, bool error) {
    messageLabel_->showMessage(text, error ? StatusLine::Kind::Error : StatusLine::Kind::Info);
    messageLabel_->setVisible(!text.isEmpty());
}

void ExportPanel::updateRunState() {
    QString text = tr("none \u2014 select a run in Experiments");
    bool exportable = false;
    if (session_->isOpen() && session_->currentRunId() > 0) {
        try {
            const auto run = flightdeck::store::RunRepository(session_->project()).run(session_->currentRunId());
            text = tr("#%1 %2 (%3)").arg(run.id).arg(QString::fromStdString(run.name),
                                                  RunStatusText::text(run.status));
            exportable = run.status != flightdeck::store::RunStatus::Running;
        } catch (const std::exception& e) {
            text = ErrorText::fromException(e);
        }
    } else if (!session_->isOpen()) {
        text = tr("no project open");
    }
    runLabel_->setText(text);
    exportButton_->setEnabled(exportable && !exporting_);
}

QString ExportPanel::messageText() const {
    return messageLabel_->isHidden() ? QString() : messageLabel_->message();
}

qint64 ExportPanel::selectedModelId() const {
    return registryView_->selectedModelId();
}

void ExportPanel::reloadRegistry() {
    registryView_->reload();
}

void ExportPanel::onRegistrySelectionChanged(const QString& path) {
    server_->setBundle(path, session_->isOpen() ? QDir(session_->folder()).filePath(QStringLiteral("logs")) : QString());
    if (path != inspector_->bundlePath() || (!path.isEmpty() && !inspector_->hasResult() && !inspector_->isBusy()))
        inspector_->inspect(path);
}

void ExportPanel::chooseDestination() {
    // Non-blocking (open(), not exec()): the GUI keeps running and headless tests never hang.
    auto* dialog = new QFileDialog(this, tr("Choose a folder for the bundle"));
    dialog->setObjectName(QStringLiteral("exportDestinationDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    if (!destinationEdit_->text().isEmpty())
        dialog->setDirectory(destinationEdit_->text());
    else if (session_->isOpen())
        dialog->setDirectory(session_->folder());
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString& folder) { destinationEdit_->setText(QDir::cleanPath(folder)); });
    dialog->open();
}

void ExportPanel::exportCurrentRun() {
    if (exporting_)
        return;
    if (!session_->isOpen() || session_->currentRunId() <= 0) {
        showMessage(session_->isOpen() ? tr("Select a run in Experiments first.") : tr("Open a project first."), true);
        return;
    }
    const qint64 runId = session_->currentRunId();
    QString warning;
    try {
        flightdeck::store::RunRepository runs(session_->project());
        warning = exportWarning(runId, runs.run(runId).status, !runs.evaluations(runId).empty());
    } catch (const std::exception& e) {
        showMessage(ErrorText::fromException(e), true);
        return;
    }
    if (warning.isEmpty()) {
        startExport(runId);
        return;
    }
    // The user may know better (a cancelled run stopped at a good epoch): a question, not a refusal.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Export this run?"), warning,
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("exportWarning"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    QPushButton* anyway = box->addButton(tr("Export Anyway"), QMessageBox::AcceptRole);
    anyway->setObjectName(QStringLiteral("exportAnywayButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, anyway, runId](QAbstractButton* clicked) {
        // Still the run that was asked about: the selection may have moved meanwhile.
        if (clicked == anyway && session_->isOpen() && session_->currentRunId() == runId)
            startExport(runId);
        box->close();
    });
    box->open();
}

QString ExportPanel::exportWarning(qint64 runId, flightdeck::store::RunStatus status, bool evaluated) {
    using flightdeck::store::RunStatus;
    QStringList lines;
    switch (status) {
    case RunStatus::Cancelled:
        lines << tr("Run #%1 was cancelled: its model is the one from the epoch it stopped at, "
                    "not a finished training.").arg(runId);
        break;
    case RunStatus::Interrupted:
        lines << tr("Run #%1 was interrupted: its model is its last checkpoint, not a finished "
                    "training.").arg(runId);
        break;
    case RunStatus::Failed:
        lines << tr("Run #%1 failed: its model may be incomplete.").arg(runId);
        break;
    case RunStatus::Running:
    case RunStatus::Completed:
        break;
    }
    if (!evaluated)
        lines << tr("Run #%1 was never evaluated: nobody has measured it on held-out rows, and its "
                    "model card will have no test metrics.").arg(runId);
    if (lines.isEmpty())
        return {};
    lines << tr("Export it anyway?");
    return lines.join(QLatin1Char('\n'));
}

void ExportPanel::startExport(qint64 runId) {
    QString name = modelNameEdit_->text().trimmed();
    if (name.isEmpty())
        name = QStringLiteral("model");
    const std::string modelName = name.toStdString();
    const QString destination = destinationEdit_->text().trimmed();
    const std::string chosen = destination.toStdString();
    exporting_ = true;
    updateRunState();
    showMessage(tr("Exporting run #%1 as \u201c%2\u201d\u2026").arg(runId).arg(name), false);

    runner_->run(
        tr("Exporting run %1\u2026").arg(runId), this,
        [runId, modelName, chosen](flightdeck::store::Project& project, const std::atomic<bool>&) {
            const std::filesystem::path out = chosen.empty() ? std::filesystem::path()
                                                             : bundleDestination(chosen, modelName);
            return flightdeck::exporting::BundleExporter(project).exportRun(runId, modelName, out);
        },
        [this, name](const flightdeck::exporting::ExportResult& result) {
            exporting_ = false;
            registryView_->selectAfterReload(result.registeredModelId);
            showMessage(tr("Exported version %1 of \u201c%2\u201d to %3")
                            .arg(result.version)
                            .arg(name, QString::fromStdString(result.bundleDir.string())),
                        false);
            updateRunState();
            session_->notifyExportsChanged();
        },
        [this](const QString& message) {
            exporting_ = false;
            showMessage(message, true);
            updateRunState();
        });
}

}  // namespace flightdeck::ui
