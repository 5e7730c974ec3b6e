#include "data/DataPanel.h"

#include "common/ProjectSession.h"
#include "common/Settings.h"
#include "common/TaskRunner.h"
#include "data/DatasetPreview.h"
#include "data/DatasetTree.h"
#include "data/PreviewModel.h"
#include "data/SplitForm.h"
#include "data/SplitTable.h"

#include "flightdeck/data/CsvImporter.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/LabelAssessment.h"

#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QVariantMap>

#include <filesystem>

namespace flightdeck::ui {

DataPanel::DataPanel(ProjectSession* session, TaskRunner* tasks, QWidget* parent)
    : QWidget(parent),
      session_(session),
      tasks_(tasks),
      importButton_(new QPushButton(this)),
      nameLabel_(new QLabel(this)),
      nameEdit_(new QLineEdit(this)),
      labelColumnLabel_(new QLabel(this)),
      labelColumnEdit_(new QLineEdit(this)),
      datasetsBox_(new QGroupBox(this)),
      tree_(new DatasetTree(session, datasetsBox_)),
      splitsBox_(new QGroupBox(this)),
      splitTable_(new SplitTable(session, splitsBox_)),
      splitForm_(new SplitForm(splitsBox_)),
      tabs_(new QTabWidget(this)),
      previewView_(new QTableView(tabs_)),
      previewModel_(new PreviewModel(this)),
      classCounts_(new QTableWidget(0, 3, tabs_)),
      previewLabel_(new QLabel(this)),
      messageLabel_(new QLabel(this))
{
    setObjectName(QStringLiteral("dataPanel"));
    importButton_->setObjectName(QStringLiteral("importCsvButton"));
    nameEdit_->setObjectName(QStringLiteral("datasetNameEdit"));
    labelColumnEdit_->setObjectName(QStringLiteral("labelColumnEdit"));
    tabs_->setObjectName(QStringLiteral("dataTabs"));
    previewView_->setObjectName(QStringLiteral("previewTable"));
    classCounts_->setObjectName(QStringLiteral("classCountsTable"));
    previewLabel_->setObjectName(QStringLiteral("previewLabel"));
    messageLabel_->setObjectName(QStringLiteral("dataMessageLabel"));
    messageLabel_->setWordWrap(true);
    messageLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    messageLabel_->hide();

    previewView_->setModel(previewModel_);
    previewView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    previewView_->horizontalHeader()->setDefaultSectionSize(80);
    classCounts_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    classCounts_->verticalHeader()->setVisible(false);
    classCounts_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    tabs_->addTab(previewView_, QString());
    tabs_->addTab(classCounts_, QString());

    auto* importRow = new QHBoxLayout;
    importRow->addWidget(importButton_);
    importRow->addWidget(nameLabel_);
    importRow->addWidget(nameEdit_, 2);
    importRow->addWidget(labelColumnLabel_);
    importRow->addWidget(labelColumnEdit_, 1);

    auto* datasetsLayout = new QVBoxLayout(datasetsBox_);
    datasetsLayout->addLayout(importRow);
    datasetsLayout->addWidget(tree_, 1);

    auto* splitsLayout = new QVBoxLayout(splitsBox_);
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
    splitter->addWidget(splitsBox_);
    splitter->addWidget(previewBox);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 3);
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(messageLabel_);

    connect(importButton_, &QPushButton::clicked, this, &DataPanel::chooseAndImportCsv);
    connect(splitForm_, &SplitForm::createRequested, this, &DataPanel::createSplit);
    connect(tree_, &DatasetTree::versionChosen, this, &DataPanel::onVersionChosen);
    connect(splitTable_, &SplitTable::splitChosen, session_, &ProjectSession::setCurrentSplit);

    connect(session_, &ProjectSession::projectOpened, this, &DataPanel::reloadAll);
    connect(session_, &ProjectSession::projectClosed, this, &DataPanel::reloadAll);
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

QString DataPanel::labelConcernText(flightdeck::data::LabelConcern concern, qint64 distinct,
                                    qint64 rows)
{
    using flightdeck::data::LabelConcern;
    const QLocale locale;
    const QString d = locale.toString(distinct), r = locale.toString(rows);
    switch (concern) {
    case LabelConcern::None: return {};
    case LabelConcern::LooksLikeId:
        return tr("Warning: the label has %1 distinct values in %2 rows; it looks like an id, "
                  "not a class.").arg(d, r);
    case LabelConcern::LooksContinuous:
        return tr("Warning: the label has %1 distinct numbers in %2 rows; it looks like a "
                  "continuous (regression) target, imported as %1 classes.").arg(d, r);
    case LabelConcern::ManyClasses:
        return tr("Warning: %1 classes is unusually many.").arg(d);
    }
    return {};
}

void DataPanel::importCsv(const QString& path, const QString& datasetName)
{
    const QString fileName = QFileInfo(path).fileName();
    if (!session_->isOpen()) {
        const QString message = tr("Open or create a project before importing data.");
        showMessage(message, true);
        Q_EMIT importFailed(message);
        return;
    }
    QString name = datasetName.trimmed();
    if (name.isEmpty())
        name = nameEdit_->text().trimmed();
    if (name.isEmpty())
        name = QFileInfo(path).completeBaseName();
    const std::filesystem::path file(QFile::encodeName(path).toStdString());
    const std::string stdName = name.toStdString();
    const std::string source = path.toStdString();
    flightdeck::data::CsvOptions options;
    options.labelColumn = labelColumnEdit_->text().trimmed().toStdString();
    showMessage(tr("Importing %1…").arg(fileName), false);
    QPointer<DataPanel> self(this);
    tasks_->run(
        tr("Importing %1").arg(fileName),
        [file, stdName, source, options](flightdeck::store::Project& project, const std::atomic<bool>&) {
            const auto table = flightdeck::data::importCsv(file, options);
            flightdeck::data::DatasetCatalog catalog(project);
            const auto record = catalog.addVersion(stdName, table, source);
            const auto assessment = flightdeck::data::assessLabels(table);
            QVariantMap out;
            out[QStringLiteral("version")] = QVariant::fromValue<qlonglong>(record.id);
            out[QStringLiteral("concern")] = static_cast<int>(assessment.concern);
            out[QStringLiteral("distinct")] = QVariant::fromValue<qulonglong>(assessment.distinct);
            out[QStringLiteral("rows")] = QVariant::fromValue<qulonglong>(assessment.rows);
            return QVariant(out);
        },
        [self, fileName](const QVariant& result) {
            if (!self)
                return;
            const QVariantMap out = result.toMap();
            const qint64 versionId = out.value(QStringLiteral("version")).toLongLong();
            self->session_->notifyDatasetsChanged();
            self->onVersionChosen(versionId);
            const QString concern = labelConcernText(
                static_cast<flightdeck::data::LabelConcern>(out.value(QStringLiteral("concern")).toInt()),
                out.value(QStringLiteral("distinct")).toLongLong(),
                out.value(QStringLiteral("rows")).toLongLong());
            self->showMessage(tr("Imported %1 as dataset version #%2.").arg(fileName).arg(versionId)
                                  + (concern.isEmpty() ? QString() : QLatin1Char(' ') + concern),
                              !concern.isEmpty());
            Q_EMIT self->importFinished(versionId);
        },
        [self](const QString& message) {
            if (!self)
                return;
            self->showMessage(message, true);
            Q_EMIT self->importFailed(message);
        });
}

void DataPanel::chooseAndImportCsv()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import CSV"), Settings::lastImportFolder().get(),
        tr("Tables (*.csv *.tsv *.tab);;All files (*)"));
    if (path.isEmpty())
        return;
    Settings::lastImportFolder().set(QFileInfo(path).absolutePath());
    importCsv(path);
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
    QPointer<DataPanel> self(this);
    tasks_->run(
        tr("Creating split"),
        [versionId, fractions, seed](flightdeck::store::Project& project, const std::atomic<bool>&) {
            flightdeck::data::DatasetCatalog catalog(project);
            const auto split = catalog.createSplit(versionId, fractions, seed);
            QVariantMap result;
            result[QStringLiteral("id")] = static_cast<qlonglong>(split.id);
            result[QStringLiteral("train")] = static_cast<qlonglong>(split.trainCount);
            result[QStringLiteral("val")] = static_cast<qlonglong>(split.valCount);
            result[QStringLiteral("test")] = static_cast<qlonglong>(split.testCount);
            return QVariant(result);
        },
        [self](const QVariant& value) {
            if (!self)
                return;
            const QVariantMap result = value.toMap();
            const qint64 splitId = result.value(QStringLiteral("id")).toLongLong();
            self->session_->notifyDatasetsChanged();
            self->session_->setCurrentSplit(splitId);
            self->splitTable_->selectSplit(splitId);
            self->showMessage(tr("Created split #%1: %2 train, %3 validation, %4 test rows.")
                                  .arg(splitId)
                                  .arg(result.value(QStringLiteral("train")).toLongLong())
                                  .arg(result.value(QStringLiteral("val")).toLongLong())
                                  .arg(result.value(QStringLiteral("test")).toLongLong()),
                              false);
            Q_EMIT self->splitCreated(splitId);
        },
        [self](const QString& message) {
            if (self)
                self->showMessage(message, true);
        });
}

QString DataPanel::messageText() const
{
    return messageLabel_->text();
}

void DataPanel::reloadAll()
{
    QString error = tree_->reload();
    const QString splitError = splitTable_->reload(session_->currentVersionId());
    if (error.isEmpty())
        error = splitError;
    if (!error.isEmpty())
        showMessage(error, true);
    loadPreview(session_->isOpen() ? session_->currentVersionId() : 0);
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
    tree_->selectVersion(versionId);
    const QString error = splitTable_->reload(versionId);
    if (!error.isEmpty())
        showMessage(error, true);
    loadPreview(versionId);
}

void DataPanel::loadPreview(qint64 versionId)
{
    const int ticket = ++previewTicket_;
    clearPreview();
    if (versionId <= 0 || !session_->isOpen())
        return;
    previewLabel_->setText(tr("Loading version #%1…").arg(versionId));
    QPointer<DataPanel> self(this);
    tasks_->run(
        tr("Loading preview"),
        [versionId](flightdeck::store::Project& project, const std::atomic<bool>&) {
            return QVariant::fromValue(DatasetPreview::load(project, versionId, kPreviewRows));
        },
        [self, ticket](const QVariant& result) {
            if (self && ticket == self->previewTicket_)
                self->showPreview(result.value<DatasetPreview>());
        },
        [self, ticket](const QString& message) {
            if (self && ticket == self->previewTicket_) {
                self->previewLabel_->clear();
                self->showMessage(tr("Could not load the preview: %1").arg(message), true);
            }
        });
}

void DataPanel::showPreview(const DatasetPreview& preview)
{
    const QLocale locale;
    previewModel_->setPreview(preview);
    previewLabel_->setText(tr("Version #%1: first %2 of %3 rows, %4 classes")
                               .arg(preview.versionId)
                               .arg(locale.toString(static_cast<qint64>(preview.rows.size())),
                                    locale.toString(preview.totalRows))
                               .arg(preview.classCounts.size()));
    classCounts_->setRowCount(static_cast<int>(preview.classCounts.size()));
    int row = 0;
    for (const auto& [name, count] : preview.classCounts) {
        const double share = preview.totalRows > 0 ? 100.0 * double(count) / double(preview.totalRows) : 0.0;
        classCounts_->setItem(row, 0, new QTableWidgetItem(name));
        auto* countItem = new QTableWidgetItem(locale.toString(count));
        countItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        classCounts_->setItem(row, 1, countItem);
        auto* shareItem = new QTableWidgetItem(tr("%1 %").arg(locale.toString(share, 'f', 1)));
        shareItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        classCounts_->setItem(row, 2, shareItem);
        ++row;
    }
}

void DataPanel::clearPreview()
{
    previewModel_->clear();
    classCounts_->setRowCount(0);
    previewLabel_->setText(session_->isOpen() ? tr("Select a dataset version to preview it.")
                                              : tr("Open or create a project to import data."));
}

void DataPanel::showMessage(const QString& text, bool error)
{
    messageLabel_->setText(text);
    messageLabel_->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    messageLabel_->setVisible(!text.isEmpty());
}

void DataPanel::retranslateUi()
{
    importButton_->setText(tr("Import CSV…"));
    importButton_->setToolTip(tr("Import a CSV or TSV file with a header row and a label column"));
    nameLabel_->setText(tr("Dataset name:"));
    nameEdit_->setPlaceholderText(tr("from the file name"));
    labelColumnLabel_->setText(tr("Label column:"));
    labelColumnEdit_->setPlaceholderText(tr("label, class, target or y"));
    labelColumnEdit_->setToolTip(tr("The column holding the class; empty = the first column named "
                                    "label, class, target or y"));
    datasetsBox_->setTitle(tr("Datasets and versions"));
    splitsBox_->setTitle(tr("Splits of the selected version"));
    splitForm_->retranslateUi();
    tabs_->setTabText(0, tr("Preview"));
    tabs_->setTabText(1, tr("Class counts"));
    classCounts_->setHorizontalHeaderLabels({tr("Class"), tr("Rows"), tr("Share")});
    tree_->retranslateUi();
    if (session_->isOpen())
        tree_->reload();   // the "n versions" texts
    splitTable_->retranslateUi();
    if (previewModel_->rowCount() == 0)
        clearPreview();
}

void DataPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace flightdeck::ui
