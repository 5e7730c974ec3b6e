#pragma once
// Shown after a CSV file was read and before it is stored: its size, label column and the task
// detected from the label, which the user may override (a numeric label with many values is a
// regression target unless the numbers are really classes).
#include "data/CsvInspection.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace flightdeck::ui {

class CsvImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit CsvImportDialog(const CsvInspection& inspection, QWidget* parent = nullptr);

    const CsvInspection& inspection() const { return inspection_; }
    QString datasetName() const;
    // Empty: keep the detected task.
    std::optional<flightdeck::data::DatasetTask> chosenTask() const;
    // Selects Auto (no task), Classification or Regression.
    void chooseTask(std::optional<flightdeck::data::DatasetTask> task);
    // The line that explains the task that will be recorded.
    QString explanation() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateExplanation();

    CsvInspection inspection_;
    QLabel* summaryLabel_;
    QLabel* nameLabel_;
    QLineEdit* nameEdit_;
    QLabel* taskLabel_;
    QComboBox* taskCombo_;
    QLabel* explanationLabel_;
    QDialogButtonBox* buttons_;
};

}  // namespace flightdeck::ui
