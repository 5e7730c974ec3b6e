#pragma once
// The import wizard's last page: the file read whole with the chosen roles (on the TaskRunner,
// busy until done), then what the import will store: rows, features, classes with their
// counts, unlabeled rows, the lines left out and why, the task detected with an override, the
// dataset name, and whether this content is already a version (with a way to open it).
#include "data/CsvInspection.h"

#include <QWizardPage>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace flightdeck::ui {

class TaskRunner;

class CsvSummaryPage : public QWizardPage {
    Q_OBJECT
public:
    CsvSummaryPage(TaskRunner* tasks, QWidget* parent = nullptr);

    // Reads the file on the TaskRunner; a newer call makes an older one's result stale.
    void inspect(const QString& path, const QString& labelColumn, const QStringList& leftOut);
    void setDatasetName(const QString& name);
    bool isComplete() const override;

    bool isLoading() const { return loading_; }
    const CsvInspection& inspection() const { return inspection_; }
    QString datasetName() const;
    // Empty: keep the detected task.
    std::optional<flightdeck::data::DatasetTask> chosenTask() const;
    // Selects Auto (no task), Classification or Regression.
    void chooseTask(std::optional<flightdeck::data::DatasetTask> task);
    QString summaryText() const;
    QString explanation() const;
    QString existingText() const;
    QString skippedText() const;
    void retranslateUi();

Q_SIGNALS:
    void inspected(flightdeck::data::DatasetTask detected);
    void openVersionRequested(qint64 versionId);

private:
    void showInspection(const CsvInspection& inspection);
    void showError(const QString& message);
    void updateExplanation();
    void fillClassCounts();

    TaskRunner* tasks_;
    int ticket_ = 0;
    bool loading_ = false;
    bool ready_ = false;
    CsvInspection inspection_;
    QLabel* status_;
    QProgressBar* busy_;
    QLabel* summary_;
    QTableWidget* classes_;
    QPlainTextEdit* skipped_;
    QLabel* existing_;
    QPushButton* openExisting_;
    QLabel* nameLabel_;
    QLineEdit* nameEdit_;
    QLabel* taskLabel_;
    QComboBox* taskCombo_;
    QLabel* explanation_;
};

}  // namespace flightdeck::ui
