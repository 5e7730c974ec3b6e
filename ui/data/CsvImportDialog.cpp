#include "data/CsvImportDialog.h"

#include "data/DataPanel.h"
#include "data/ImportSummary.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace flightdeck::ui {

namespace {
using flightdeck::data::DatasetTask;
enum TaskChoice { AutoChoice, ClassificationChoice, RegressionChoice };
}  // namespace

CsvImportDialog::CsvImportDialog(const CsvInspection& inspection, QWidget* parent)
    : QDialog(parent),
      inspection_(inspection),
      summaryLabel_(new QLabel(this)),
      nameLabel_(new QLabel(this)),
      nameEdit_(new QLineEdit(inspection.datasetName, this)),
      taskLabel_(new QLabel(this)),
      taskCombo_(new QComboBox(this)),
      explanationLabel_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("csvImportDialog"));
    summaryLabel_->setObjectName(QStringLiteral("csvImportSummary"));
    nameEdit_->setObjectName(QStringLiteral("csvImportNameEdit"));
    taskCombo_->setObjectName(QStringLiteral("csvImportTaskCombo"));
    explanationLabel_->setObjectName(QStringLiteral("csvImportTaskExplanation"));
    buttons_->setObjectName(QStringLiteral("csvImportButtons"));
    summaryLabel_->setTextFormat(Qt::PlainText);
    summaryLabel_->setWordWrap(true);
    explanationLabel_->setWordWrap(true);
    explanationLabel_->setMinimumWidth(420);
    taskCombo_->addItems({QString(), QString(), QString()});
    // Text labels cannot be a regression target.
    if (auto* model = qobject_cast<QStandardItemModel*>(taskCombo_->model()))
        model->item(RegressionChoice)->setEnabled(inspection.assessment.numeric);
    nameLabel_->setBuddy(nameEdit_);
    taskLabel_->setBuddy(taskCombo_);

    auto* form = new QFormLayout;
    form->addRow(nameLabel_, nameEdit_);
    form->addRow(taskLabel_, taskCombo_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summaryLabel_);
    layout->addLayout(form);
    layout->addWidget(explanationLabel_);
    layout->addStretch(1);
    layout->addWidget(buttons_);

    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(taskCombo_, &QComboBox::currentIndexChanged, this, &CsvImportDialog::updateExplanation);
    connect(nameEdit_, &QLineEdit::textChanged, this, [this](const QString& text) {
        buttons_->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
    retranslateUi();
}

QString CsvImportDialog::datasetName() const
{
    return nameEdit_->text().trimmed();
}

std::optional<DatasetTask> CsvImportDialog::chosenTask() const
{
    switch (taskCombo_->currentIndex()) {
    case ClassificationChoice: return DatasetTask::TableClassification;
    case RegressionChoice: return DatasetTask::TableRegression;
    default: return std::nullopt;
    }
}

void CsvImportDialog::chooseTask(std::optional<DatasetTask> task)
{
    taskCombo_->setCurrentIndex(!task ? AutoChoice
                                : *task == DatasetTask::TableRegression ? RegressionChoice
                                                                        : ClassificationChoice);
}

QString CsvImportDialog::explanation() const
{
    return explanationLabel_->text();
}

void CsvImportDialog::updateExplanation()
{
    const auto& a = inspection_.assessment;
    const DatasetTask task = chosenTask().value_or(inspection_.detected);
    QString text = ImportSummary::taskReason(a, inspection_.detected);
    if (chosenTask() && task != inspection_.detected) {
        // Said plainly, because the choice goes against what the values look like.
        text = task == DatasetTask::TableClassification
                   ? tr("%1 Imported as %2 classes instead.").arg(text).arg(QLocale().toString(qint64(a.distinct)))
                   : tr("%1 Imported as a regression target instead.").arg(text);
    }
    explanationLabel_->setText(text);
    const bool doubtful = task == DatasetTask::TableClassification
                          && a.concern != flightdeck::data::LabelConcern::None;
    explanationLabel_->setStyleSheet(doubtful ? QStringLiteral("color: #b00020;") : QString());
}

void CsvImportDialog::retranslateUi()
{
    const QLocale locale;
    setWindowTitle(tr("Import %1").arg(QFileInfo(inspection_.path).fileName()));
    summaryLabel_->setText(
        tr("%1 rows, %2 features. Label column \"%3\" with %4 distinct values.")
            .arg(locale.toString(inspection_.rows()), locale.toString(inspection_.features()),
                 inspection_.labelName(), locale.toString(qint64(inspection_.assessment.distinct))));
    nameLabel_->setText(tr("Dataset name:"));
    taskLabel_->setText(tr("Task:"));
    taskCombo_->setItemText(AutoChoice,
                            tr("Auto (%1)").arg(ImportSummary::taskText(inspection_.detected)));
    taskCombo_->setItemText(ClassificationChoice, tr("Classification"));
    taskCombo_->setItemText(RegressionChoice, tr("Regression"));
    taskCombo_->setToolTip(tr("What the label column is: classes to predict, or a number to "
                              "estimate. Auto decides from the values."));
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    updateExplanation();
}

void CsvImportDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

}  // namespace flightdeck::ui
