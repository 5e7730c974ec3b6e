#include "data/CsvImportWizard.h"

#include "data/CsvColumnsPage.h"
#include "data/CsvSummaryPage.h"

#include <QEvent>
#include <QFileInfo>

namespace flightdeck::ui {

CsvImportWizard::CsvImportWizard(const QString& path, const QString& datasetName,
                                 const QString& labelHint, TaskRunner* tasks, QWidget* parent)
    : QWizard(parent),
      path_(path),
      columns_(new CsvColumnsPage(tasks, this)),
      summary_(new CsvSummaryPage(tasks, this))
{
    setObjectName(QStringLiteral("csvImportWizard"));
    // One look on every platform, and no page of the size of a mac sheet.
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(ColumnsPageId, columns_);
    setPage(SummaryPageId, summary_);
    columns_->setSource(path, labelHint);
    summary_->setDatasetName(datasetName.trimmed().isEmpty() ? QFileInfo(path).completeBaseName()
                                                             : datasetName.trimmed());
    resize(960, 620);
    connect(summary_, &CsvSummaryPage::inspected, this, &CsvImportWizard::inspected);
    connect(summary_, &CsvSummaryPage::openVersionRequested, this, [this](qint64 versionId) {
        Q_EMIT openVersionRequested(versionId);
        reject();
    });
    retranslateUi();
}

const CsvInspection& CsvImportWizard::inspection() const
{
    return summary_->inspection();
}

QString CsvImportWizard::datasetName() const
{
    return summary_->datasetName();
}

std::optional<flightdeck::data::DatasetTask> CsvImportWizard::chosenTask() const
{
    return summary_->chosenTask();
}

void CsvImportWizard::initializePage(int id)
{
    QWizard::initializePage(id);
    // Read again each time: going back and changing a role changes what is stored.
    if (id == SummaryPageId)
        summary_->inspect(path_, columns_->labelColumn(), columns_->leftOutColumns());
}

void CsvImportWizard::retranslateUi()
{
    setWindowTitle(tr("Import %1").arg(QFileInfo(path_).fileName()));
    setButtonText(QWizard::FinishButton, tr("Import"));
    columns_->retranslateUi();
    summary_->retranslateUi();
}

void CsvImportWizard::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizard::changeEvent(event);
}

}  // namespace flightdeck::ui
