#pragma once
// The import wizard's first page: the first rows of the file as written, and per column its
// detected kind (number, text, empty) and its role (feature, label, ignore, id). The rows are
// read on the TaskRunner, so a big file never blocks the window; until they arrive the page is
// busy and Next is off. Exactly one column is the label.
#include "flightdeck/data/CsvPreview.h"

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QTableWidget;

namespace flightdeck::ui {

class StatusLine;
class TaskRunner;

enum class ColumnRole { Feature, Label, Ignore, Id };

class CsvColumnsPage : public QWizardPage {
    Q_OBJECT
public:
    static constexpr int kPreviewRows = 50;

    CsvColumnsPage(TaskRunner* tasks, QWidget* parent = nullptr);

    // `labelHint`: the column to propose as the label (empty: by name, else the last column).
    void setSource(const QString& path, const QString& labelHint);
    void initializePage() override;
    bool isComplete() const override;

    bool isLoading() const { return loading_; }
    int columnCount() const { return static_cast<int>(preview_.header.size()); }
    QString columnName(int column) const;
    flightdeck::data::ColumnKind kind(int column) const { return preview_.kind(std::size_t(column)); }
    ColumnRole role(int column) const;
    // Choosing Label for a column makes the previous label column a feature (or ignored text).
    void setRole(int column, ColumnRole role);
    QString labelColumn() const;
    QStringList leftOutColumns() const;   // ignored and id columns
    int previewRowCount() const;
    void retranslateUi();

Q_SIGNALS:
    void previewLoaded();

private:
    void showPreview();
    void showError(const QString& message);
    void updateHeaders();
    ColumnRole defaultRole(int column, int label) const;
    QString kindText(flightdeck::data::ColumnKind kind) const;

    TaskRunner* tasks_;
    QString path_, labelHint_, loadedPath_;
    int ticket_ = 0;
    bool loading_ = false;
    bool failed_ = false;
    flightdeck::data::CsvPreview preview_;
    QLabel* status_;
    QProgressBar* busy_;
    QTableWidget* columns_;
    QTableWidget* rows_;
    StatusLine* warning_;
};

}  // namespace flightdeck::ui
