#include "data/DataPanel.h"

#include "common/ProjectSession.h"
#include "common/StatusLine.h"

#include "common/NumberText.h"
#include "common/Settings.h"
#include "common/TaskRunner.h"
#include "data/ClassCountsTable.h"
#include "data/CsvImportWizard.h"
#include "data/DataImporter.h"
#include "data/DatasetActions.h"
#include "data/DatasetTree.h"
#include "data/ImageImportDialog.h"
#include "data/ImportBar.h"
#include "data/ImportSummary.h"
#include "data/SplitForm.h"
#include "data/SplitTable.h"
#include "data/VersionPreview.h"

#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/LabelAssessment.h"

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace flightdeck::ui {

DataPanel::DataPanel(ProjectSession* session, TaskRunner* tasks, QWidget* parent)
    : QWidget(parent),
      session_(session),
      tasks_(tasks),
      importer_(new DataImporter(session, tasks, this)),
      importBar_(new ImportBar(this)),
      datasetsBox_(new QWidget(this)),
      tree_(new DatasetTree(session, datasetsBox_)),
      splitsPage_(new QWidget(this)),
      splitTable_(new SplitTable(session, splitsPage_)),
      splitForm_(new SplitForm(splitsPage_)),
      tabs_(new QTabWidget(this)),
      previewView_(new QTableView(tabs_)),
      classCounts_(new ClassCountsTable(tabs_)),
      previewLabel_(new QLabel(this)),
      messageLabel_(new StatusLine(this)),
      datasetActions_(new DatasetActions(session, tasks, tree_, this)),
      preview_(new VersionPreview(session, tasks, previewLabel_, previewView_, classCounts_, this))
{
    setObjectName(QStringLiteral("dataPanel"));
    tabs_->setObjectName(QStringLiteral("dataTabs"));
    previewView_->setObjectName(QStringLiteral("previewTable"));
    previewLabel_->setObjectName(QStringLiteral("previewLabel"));
    messageLabel_->setObjectName(QStringLiteral("dataMessageLabel"));
    messageLabel_->hide();

    // The splits share the tabs with the preview, so that on a 1366x768 screen the tree keeps
    // room for a dataset and its versions, and the preview for more than a row.
    tabs_->addTab(previewView_, QString());
    tabs_->addTab(splitsPage_, QString());
    tabs_->addTab(classCounts_, QString());

    // No frame or title around the import bar and the tree (the tree's header names it): on a
    // 768-pixel screen that room is two more rows.
    auto* datasetsLayout = new QVBoxLayout(datasetsBox_);
    datasetsLayout->setContentsMargins(0, 0, 0, 0);
    datasetsLayout->addWidget(importBar_);
    datasetsLayout->addWidget(tree_, 1);

    // Room for a dataset and its versions: eight rows (a row is the font's height and a pixel).
    tree_->setMinimumHeight(tree_->header()->sizeHint().height() + 8 * (tree_->fontMetrics().height() + 1)
                            + 2 * tree_->frameWidth());
    splitTable_->setMinimumHeight(tree_->header()->sizeHint().height() + 2 * (fontMetrics().height() + 8));
    auto* splitsLayout = new QVBoxLayout(splitsPage_);
    splitsLayout->setContentsMargins(4, 4, 4, 4);
    splitsLayout->addWidget(splitTable_, 1);
    splitsLayout->addWidget(splitForm_);

    auto* previewBox = new QWidget(this);
    auto* previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(previewLabel_);
    previewLayout->addWidget(tabs_, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("dataSplitter"));
    splitter->addWidget(datasetsBox_);
    splitter->addWidget(previewBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    // Where the user put the divider is where it stays, across launches.
    splitter->restoreState(Settings::dataSplitterState().get());
    connect(splitter, &QSplitter::splitterMoved, this,
            [splitter] { Settings::dataSplitterState().set(splitter->saveState()); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(messageLabel_);

    connect(importBar_, &ImportBar::csvRequested, this, &DataPanel::chooseAndImportCsv);
    connect(importBar_, &ImportBar::imagesRequested, this, &DataPanel::chooseAndImportImages);
    connect(importBar_, &ImportBar::idxRequested, this, &DataPanel::chooseAndImportIdx);
    connect(importer_, &DataImporter::imported, this, &DataPanel::onImported);
    connect(importer_, &DataImporter::failed, this, &DataPanel::onImportFailed);
    connect(splitForm_, &SplitForm::createRequested, this, &DataPanel::createSplit);
    connect(tree_, &DatasetTree::versionChosen, this, &DataPanel::onVersionChosen);
    connect(splitTable_, &SplitTable::splitChosen, session_, &ProjectSession::setCurrentSplit);
    connect(datasetActions_, &DatasetActions::message, this, &DataPanel::showMessage);
    connect(preview_, &VersionPreview::failed, this, [this](const QString& message) { showMessage(message, true); });

    connect(session_, &ProjectSession::projectOpened, this, &DataPanel::reloadAll);
    connect(session_, &ProjectSession::projectClosed, this, &DataPanel::reloadAll);
    connect(session_, &ProjectSession::projectOpened, importBar_, [this] { importBar_->setProjectOpen(true); });
    connect(session_, &ProjectSession::projectClosed, importBar_, [this] { importBar_->setProjectOpen(false); });
    importBar_->setProjectOpen(session_->isOpen());
    connect(session_, &ProjectSession::datasetsChanged, this, [this] {
        const QString error = tree_->reload();
        const QString splitError = splitTable_->reload(session_->currentVersionId());
        if (!error.isEmpty() || !splitError.isEmpty())
            showMessage(error.isEmpty() ? splitError : error, true);
    });
    connect(session_, &ProjectSession::currentVersionChanged, this, &DataPanel::onCurrentVersionChanged);
    connect(session_, &ProjectSession::currentSplitChanged, splitTable_, &SplitTable::selectSplit);

    retranslateUi();
    reloadAll();
}

QString DataPanel::nameOr(const QString& datasetName) const
{
    return datasetName.trimmed().isEmpty() ? importBar_->datasetName() : datasetName.trimmed();
}

void DataPanel::importCsv(const QString& path, const QString& datasetName)
{
    showMessage(tr("Importing %1…").arg(QFileInfo(path).fileName()), false);
    importer_->importCsv(path, nameOr(datasetName), QString());   // the label detected by name
}

void DataPanel::inspectCsv(const QString& path, const QString& datasetName)
{
    if (!session_->isOpen()) {
        onImportFailed(tr("Open or create a project before importing data."));
        return;
    }
    messageLabel_->hide();
    auto* wizard = new CsvImportWizard(path, nameOr(datasetName), QString(), tasks_, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QDialog::accepted, this, [this, wizard] {
        showMessage(tr("Importing %1…").arg(QFileInfo(wizard->inspection().path).fileName()), false);
        importer_->importInspected(wizard->inspection(), wizard->datasetName(), wizard->chosenTask());
    });
    connect(wizard, &CsvImportWizard::openVersionRequested, this, &DataPanel::onVersionChosen);
    connect(wizard, &CsvImportWizard::inspected, this, [this](flightdeck::data::DatasetTask task) {
        Q_EMIT csvInspected(QString::fromLatin1(flightdeck::data::taskName(task)));
    });
    wizard->open();
}

void DataPanel::importImages(const QString& folder,
                             const flightdeck::data::ImageImportOptions& options,
                             const QString& datasetName)
{
    showMessage(tr("Importing images from %1…").arg(QFileInfo(folder).fileName()), false);
    importer_->importImages(folder, nameOr(datasetName), options);
}

void DataPanel::importIdx(const QString& path, const QString& datasetName)
{
    showMessage(tr("Importing IDX from %1…").arg(QFileInfo(path).fileName()), false);
    importer_->importIdx(path, nameOr(datasetName));
}

void DataPanel::onImported(const ImportOutcome& outcome)
{
    session_->notifyDatasetsChanged();
    onVersionChosen(outcome.versionId);   // selects the version's newest split, IDX's too
    const QString summary = ImportSummary::message(outcome);
    messageLabel_->showMessage(summary, ImportSummary::isWarning(outcome) ? StatusLine::Kind::Warning
                                                                          : StatusLine::Kind::Success);
    messageLabel_->setVisible(!summary.isEmpty());
    messageLabel_->setToolTip(ImportSummary::skippedList(outcome));
    Q_EMIT importFinished(outcome.versionId);
    if (outcome.splitId > 0)
        Q_EMIT splitCreated(outcome.splitId);
}

void DataPanel::onImportFailed(const QString& message)
{
    showMessage(message, true);
    Q_EMIT importFailed(message);
}

void DataPanel::chooseAndImportCsv()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import CSV"), Settings::lastImportFolder().get(),
        tr("Tables (*.csv *.tsv *.tab);;All files (*)"));
    if (path.isEmpty())
        return;
    Settings::lastImportFolder().set(QFileInfo(path).absolutePath());
    inspectCsv(path);
}

void DataPanel::chooseAndImportImages()
{
    openImageDialog(true);
}

void DataPanel::chooseAndImportIdx()
{
    openImageDialog(false);
}

void DataPanel::openImageDialog(bool folderOfImages)
{
    using Mode = ImageImportDialog::Mode;
    auto* dialog = new ImageImportDialog(folderOfImages ? Mode::ImageFolder : Mode::Idx,
                                         Settings::lastImportFolder().get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setDatasetName(importBar_->datasetName());
    connect(dialog, &QDialog::accepted, this, [this, dialog, folderOfImages] {
        Settings::lastImportFolder().set(folderOfImages ? dialog->path() : QFileInfo(dialog->path()).absolutePath());
        if (folderOfImages)
            importImages(dialog->path(), dialog->options(), dialog->datasetName());
        else
            importIdx(dialog->path(), dialog->datasetName());
    });
    dialog->open();
}

void DataPanel::createSplit()
{
    const qint64 versionId = session_->currentVersionId();
    if (!session_->isOpen() || versionId <= 0) {
        showMessage(tr("Select a dataset version before creating a split."), true);
        return;
    }
    if (!splitForm_->isValid()) {
        showMessage(tr("Train and validation fractions add up to more than 1."), true);
        return;
    }
    const auto fractions = splitForm_->fractions();
    const auto seed = splitForm_->seed();
    tasks_->run(
        tr("Creating split"), this,
        [versionId, fractions, seed](flightdeck::store::Project& project, const std::atomic<bool>&) {
            return flightdeck::data::DatasetCatalog(project).createSplit(versionId, fractions, seed);
        },
        [this](const flightdeck::store::SplitRecord& split) {
            session_->notifyDatasetsChanged();
            session_->setCurrentSplit(split.id);
            splitTable_->selectSplit(split.id);
            showMessage(tr("Created split #%1: %2 train, %3 validation, %4 test rows.")
                            .arg(split.id)
                            .arg(NumberText::count(split.trainCount), NumberText::count(split.valCount),
                                 NumberText::count(split.testCount)),
                        false);
            Q_EMIT splitCreated(split.id);
        },
        [this](const QString& message) { showMessage(message, true); });
}

QString DataPanel::messageText() const
{
    return messageLabel_->message();
}

void DataPanel::reloadAll()
{
    QString error = tree_->reload();
    const QString splitError = splitTable_->reload(session_->currentVersionId());
    if (error.isEmpty())
        error = splitError;
    if (!error.isEmpty())
        showMessage(error, true);
    preview_->load(session_->isOpen() ? session_->currentVersionId() : 0);
}

void DataPanel::onVersionChosen(qint64 versionId)
{
    if (versionId != session_->currentVersionId())
        session_->setCurrentVersion(versionId);   // -> onCurrentVersionChanged
    else
        onCurrentVersionChanged(versionId);
    // Keep the split consistent with the version: its current split, else its newest one.
    if (!splitTable_->contains(session_->currentSplitId()))
        session_->setCurrentSplit(splitTable_->newestSplitId());
}

void DataPanel::onCurrentVersionChanged(qint64 versionId)
{
    // What the panel said was about the previous selection (an import's error, a split made).
    showMessage(QString(), false);
    tree_->selectVersion(versionId);
    const QString error = splitTable_->reload(versionId);
    if (!error.isEmpty())
        showMessage(error, true);
    preview_->load(versionId);
}

void DataPanel::showMessage(const QString& text, bool error)
{
    messageLabel_->showMessage(text, error ? StatusLine::Kind::Error : StatusLine::Kind::Info);
    messageLabel_->setVisible(!text.isEmpty());
}

void DataPanel::retranslateUi()
{
    importBar_->retranslateUi();
    splitForm_->retranslateUi();
    tabs_->setTabText(tabs_->indexOf(previewView_), tr("Preview"));
    tabs_->setTabText(tabs_->indexOf(splitsPage_), tr("Splits"));
    tabs_->setTabToolTip(tabs_->indexOf(splitsPage_), tr("Splits of the selected version"));
    tabs_->setTabText(tabs_->indexOf(classCounts_), tr("Class counts"));
    classCounts_->retranslateUi();
    tree_->retranslateUi();
    datasetActions_->retranslateUi();
    if (session_->isOpen())
        tree_->reload();   // the "n versions" texts
    splitTable_->retranslateUi();
    preview_->retranslateUi();
}

void DataPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace flightdeck::ui
