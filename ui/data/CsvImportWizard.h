#pragma once
// Importing a CSV or TSV, after its file was chosen: the columns page (a preview of the first
// rows, each column's kind and role), then the summary page (what will be stored, the task, the
// name, and "already imported" when the content is a version). Both read the file on the
// TaskRunner. Accepting it asks for the import; the Data panel runs it through DataImporter.
#include "data/CsvInspection.h"

#include <QWizard>

#include <optional>

namespace flightdeck::ui {

class CsvColumnsPage;
class CsvSummaryPage;
class TaskRunner;

class CsvImportWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { ColumnsPageId, SummaryPageId };

    // `datasetName` empty: the file's name. `labelHint`: the column proposed as the label.
    CsvImportWizard(const QString& path, const QString& datasetName, const QString& labelHint,
                    TaskRunner* tasks, QWidget* parent = nullptr);

    CsvColumnsPage* columnsPage() const { return columns_; }
    CsvSummaryPage* summaryPage() const { return summary_; }
    const CsvInspection& inspection() const;
    QString datasetName() const;
    std::optional<flightdeck::data::DatasetTask> chosenTask() const;

Q_SIGNALS:
    // The summary page has read the file with the chosen roles.
    void inspected(flightdeck::data::DatasetTask detected);
    void openVersionRequested(qint64 versionId);

protected:
    void initializePage(int id) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QString path_;
    CsvColumnsPage* columns_;
    CsvSummaryPage* summary_;
};

}  // namespace flightdeck::ui
