#include "data/CsvSummaryPage.h"

#include "common/ErrorText.h"
#include "common/StatusLine.h"
#include "common/TaskRunner.h"
#include "data/ImportSummary.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace flightdeck::ui {

namespace {
using flightdeck::data::DatasetTask;
enum TaskChoice { AutoChoice, ClassificationChoice, RegressionChoice };
constexpr int kListedSkipped = 200;
}  // namespace

CsvSummaryPage::CsvSummaryPage(TaskRunner* tasks, QWidget* parent)
    : QWizardPage(parent),
      tasks_(tasks),
      status_(new QLabel(this)),
      busy_(new QProgressBar(this)),
      summary_(new QLabel(this)),
      classes_(new QTableWidget(this)),
      skipped_(new QPlainTextEdit(this)),
      existing_(new QLabel(this)),
      openExisting_(new QPushButton(this)),
      nameLabel_(new QLabel(this)),
      nameEdit_(new QLineEdit(this)),
      taskLabel_(new QLabel(this)),
      taskCombo_(new QComboBox(this)),
      explanation_(new QLabel(this))
{
    setObjectName(QStringLiteral("csvSummaryPage"));
    status_->setObjectName(QStringLiteral("csvSummaryStatus"));
    summary_->setObjectName(QStringLiteral("csvImportSummary"));
    classes_->setObjectName(QStringLiteral("csvClassCounts"));
    skipped_->setObjectName(QStringLiteral("csvSkippedLines"));
    existing_->setObjectName(QStringLiteral("csvImportExisting"));
    openExisting_->setObjectName(QStringLiteral("csvImportOpenExisting"));
    nameEdit_->setObjectName(QStringLiteral("csvImportNameEdit"));
    taskCombo_->setObjectName(QStringLiteral("csvImportTaskCombo"));
    explanation_->setObjectName(QStringLiteral("csvImportTaskExplanation"));
    for (QLabel* label : {status_, summary_, existing_, explanation_}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
    }
    busy_->setRange(0, 0);
    busy_->setTextVisible(false);
    classes_->setColumnCount(2);
    classes_->verticalHeader()->hide();
    classes_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    classes_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    classes_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    skipped_->setReadOnly(true);
    skipped_->setLineWrapMode(QPlainTextEdit::NoWrap);
    existing_->setStyleSheet(StatusLine::styleSheetOf(StatusLine::Kind::Warning));
    taskCombo_->addItems({QString(), QString(), QString()});
    nameLabel_->setBuddy(nameEdit_);
    taskLabel_->setBuddy(taskCombo_);

    auto* lists = new QHBoxLayout;
    lists->addWidget(classes_, 1);
    lists->addWidget(skipped_, 2);
    auto* existingRow = new QHBoxLayout;
    existingRow->addWidget(existing_, 1);
    existingRow->addWidget(openExisting_);
    auto* form = new QFormLayout;
    form->addRow(nameLabel_, nameEdit_);
    form->addRow(taskLabel_, taskCombo_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(status_);
    layout->addWidget(busy_);
    layout->addWidget(summary_);
    layout->addLayout(lists, 1);
    layout->addLayout(existingRow);
    layout->addLayout(form);
    layout->addWidget(explanation_);

    connect(taskCombo_, &QComboBox::currentIndexChanged, this, &CsvSummaryPage::updateExplanation);
    connect(nameEdit_, &QLineEdit::textChanged, this, &CsvSummaryPage::completeChanged);
    connect(openExisting_, &QPushButton::clicked, this,
            [this] { Q_EMIT openVersionRequested(inspection_.existingVersionId); });
    showInspection(CsvInspection{});
    loading_ = false;
    retranslateUi();
}

void CsvSummaryPage::inspect(const QString& path, const QString& labelColumn, const QStringList& leftOut)
{
    const int ticket = ++ticket_;
    loading_ = true;
    ready_ = false;
    showInspection(CsvInspection{});
    status_->setText(tr("Reading %1 with the chosen columns…").arg(QFileInfo(path).fileName()));
    busy_->show();
    Q_EMIT completeChanged();
    tasks_->run(
        tr("Reading %1").arg(QFileInfo(path).fileName()), this,
        [path, labelColumn, leftOut](flightdeck::store::Project& project, const std::atomic<bool>&) {
            CsvInspection inspection = CsvInspection::inspect(path, labelColumn, leftOut, true);
            inspection.findExisting(project);
            return inspection;
        },
        [this, ticket](const CsvInspection& inspection) {
            if (ticket != ticket_)
                return;
            loading_ = false;
            ready_ = true;
            showInspection(inspection);
            Q_EMIT inspected(inspection_.detected);
            Q_EMIT completeChanged();
        },
        [this, ticket](const QString& message) {
            if (ticket == ticket_)
                showError(message);
        });
}

void CsvSummaryPage::showInspection(const CsvInspection& inspection)
{
    inspection_ = inspection;
    busy_->setVisible(loading_);
    // Text labels cannot be a regression target.
    if (auto* model = qobject_cast<QStandardItemModel*>(taskCombo_->model()))
        model->item(RegressionChoice)->setEnabled(inspection.assessment.numeric);
    taskCombo_->setCurrentIndex(AutoChoice);
    for (QWidget* w : std::initializer_list<QWidget*>{summary_, classes_, skipped_, nameLabel_, nameEdit_,
                                                      taskLabel_, taskCombo_, explanation_})
        w->setVisible(ready_);
    skipped_->setVisible(ready_ && inspection.skippedCount > 0);
    existing_->setVisible(ready_ && inspection.existingVersionId > 0);
    openExisting_->setVisible(existing_->isVisible());
    retranslateUi();
}

void CsvSummaryPage::showError(const QString& message)
{
    loading_ = false;
    ready_ = false;
    showInspection(CsvInspection{});
    status_->setText(tr("Could not read the file: %1").arg(message));
    Q_EMIT completeChanged();
}

void CsvSummaryPage::setDatasetName(const QString& name)
{
    nameEdit_->setText(name);
}

QString CsvSummaryPage::datasetName() const
{
    return nameEdit_->text().trimmed();
}

bool CsvSummaryPage::isComplete() const
{
    return ready_ && !datasetName().isEmpty();
}

std::optional<DatasetTask> CsvSummaryPage::chosenTask() const
{
    switch (taskCombo_->currentIndex()) {
    case ClassificationChoice: return DatasetTask::TableClassification;
    case RegressionChoice: return DatasetTask::TableRegression;
    default: return std::nullopt;
    }
}

void CsvSummaryPage::chooseTask(std::optional<DatasetTask> task)
{
    taskCombo_->setCurrentIndex(!task ? AutoChoice
                                : *task == DatasetTask::TableRegression ? RegressionChoice
                                                                        : ClassificationChoice);
}

QString CsvSummaryPage::summaryText() const { return summary_->text(); }
QString CsvSummaryPage::explanation() const { return explanation_->text(); }
QString CsvSummaryPage::existingText() const { return existing_->text(); }
QString CsvSummaryPage::skippedText() const { return skipped_->toPlainText(); }

void CsvSummaryPage::updateExplanation()
{
    if (!ready_) {
        explanation_->clear();
        return;
    }
    const auto& a = inspection_.assessment;
    const DatasetTask task = chosenTask().value_or(inspection_.detected);
    QString text = ImportSummary::taskReason(a, inspection_.detected);
    if (chosenTask() && task != inspection_.detected) {
        // Said plainly, because the choice goes against what the values look like.
        text = task == DatasetTask::TableClassification
                   ? tr("%1 Imported as %2 classes instead.").arg(text).arg(QLocale().toString(qint64(a.distinct)))
                   : tr("%1 Imported as a regression target instead.").arg(text);
    }
    explanation_->setText(text);
    const bool doubtful = task == DatasetTask::TableClassification
                          && a.concern != flightdeck::data::LabelConcern::None;
    explanation_->setStyleSheet(StatusLine::styleSheetOf(doubtful ? StatusLine::Kind::Error : StatusLine::Kind::Info));
    fillClassCounts();
}

void CsvSummaryPage::fillClassCounts()
{
    const QLocale locale;
    const bool regression = chosenTask().value_or(inspection_.detected) == DatasetTask::TableRegression;
    classes_->setHorizontalHeaderLabels({regression ? tr("Value") : tr("Class"), tr("Rows")});
    const auto& names = inspection_.table ? inspection_.table->classes : std::vector<std::string>{};
    const int unlabeledRow = inspection_.unlabeled > 0 ? 1 : 0;
    classes_->setRowCount(int(names.size()) + unlabeledRow);
    for (std::size_t i = 0; i < names.size(); ++i) {
        classes_->setItem(int(i), 0, new QTableWidgetItem(QString::fromStdString(names[i])));
        auto* count = new QTableWidgetItem(locale.toString(inspection_.classCounts[i]));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        classes_->setItem(int(i), 1, count);
    }
    if (unlabeledRow) {
        const int row = int(names.size());
        auto* name = new QTableWidgetItem(tr("(unlabeled)"));
        name->setForeground(palette().placeholderText());
        classes_->setItem(row, 0, name);
        auto* count = new QTableWidgetItem(locale.toString(inspection_.unlabeled));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        classes_->setItem(row, 1, count);
    }
}

void CsvSummaryPage::retranslateUi()
{
    const QLocale locale;
    setTitle(tr("Summary"));
    setSubTitle(tr("What the import will store. Nothing is written until you press Import."));
    nameLabel_->setText(tr("Dataset name:"));
    taskLabel_->setText(tr("Task:"));
    taskCombo_->setItemText(AutoChoice, tr("Auto (%1)").arg(ImportSummary::taskText(inspection_.detected)));
    taskCombo_->setItemText(ClassificationChoice, tr("Classification"));
    taskCombo_->setItemText(RegressionChoice, tr("Regression"));
    taskCombo_->setToolTip(tr("What the label column is: classes to predict, or a number to "
                              "estimate. Auto decides from the values."));
    openExisting_->setText(tr("Open Version %1").arg(inspection_.existingNumber));
    if (loading_)
        return;
    if (!ready_) {
        if (status_->text().isEmpty())
            status_->setText(tr("Choose the columns first."));
        return;
    }
    status_->setText(QFileInfo(inspection_.path).fileName());
    QStringList parts;
    parts << tr("%1 rows, %2 features, label \"%3\" with %4 distinct values.")
                 .arg(locale.toString(inspection_.rows()), locale.toString(inspection_.features()),
                      inspection_.labelName(), locale.toString(qint64(inspection_.assessment.distinct)));
    parts << tr("Rows without a label: %1 (imported as unlabeled, in no split until labeled).")
                 .arg(locale.toString(inspection_.unlabeled));
    parts << tr("Lines skipped: %1.").arg(locale.toString(inspection_.skippedCount));
    summary_->setText(parts.join(QLatin1Char('\n')));
    QStringList lines;
    for (std::size_t i = 0; i < inspection_.skipped.size() && i < std::size_t(kListedSkipped); ++i) {
        flightdeck::ErrorInfo info = inspection_.skipped[i];
        const qint64 line = info.line;
        info.file.clear();
        info.line = 0;
        lines << tr("Line %1: %2").arg(line).arg(ErrorText::message(info));
    }
    if (inspection_.skippedCount > qint64(lines.size()))
        lines << tr("… and %1 more").arg(locale.toString(inspection_.skippedCount - lines.size()));
    skipped_->setPlainText(lines.join(QLatin1Char('\n')));
    existing_->setText(
        tr("Already imported as version %1 of dataset \"%2\" (#%3, %4). Importing it again "
           "into that dataset adds no version.")
            .arg(inspection_.existingNumber)
            .arg(inspection_.existingDataset)
            .arg(inspection_.existingVersionId)
            .arg(ImportSummary::taskText(inspection_.existingTask)));
    updateExplanation();
}

}  // namespace flightdeck::ui
