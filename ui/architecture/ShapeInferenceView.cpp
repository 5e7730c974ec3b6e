#include "architecture/ShapeInferenceView.h"

#include "common/ErrorText.h"
#include "common/StatusLine.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStringList>
#include <QTableWidget>
#include <QVBoxLayout>

#include <exception>

namespace flightdeck::ui {

ShapeInferenceView::ShapeInferenceView(QWidget* parent)
    : QWidget(parent),
      sourceLabel_(new QLabel(this)),
      table_(new QTableWidget(0, 3, this)),
      totalLabel_(new QLabel(this)),
      errorLabel_(new StatusLine(this))
{
    setObjectName(QStringLiteral("shapeInferenceView"));
    sourceLabel_->setObjectName(QStringLiteral("shapeSourceLabel"));
    sourceLabel_->setWordWrap(true);
    table_->setObjectName(QStringLiteral("shapeTable"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->verticalHeader()->setVisible(false);
    // Each column as wide as its contents: in a narrow box the table scrolls sideways rather
    // than eliding the layer names to "L…" (a stretched first column shrank to nothing).
    table_->setWordWrap(false);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    totalLabel_->setObjectName(QStringLiteral("totalParametersLabel"));
    errorLabel_->setObjectName(QStringLiteral("specErrorLabel"));
    errorLabel_->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(sourceLabel_);
    layout->addWidget(table_, 1);
    layout->addWidget(totalLabel_);
    layout->addWidget(errorLabel_);
    retranslateUi();
}

void ShapeInferenceView::showShapes(const flightdeck::model::ArchitectureSpec& spec, qint64 inputs,
                                    qint64 classes, bool fromDataset)
{
    spec_ = spec;
    inputs_ = inputs;
    classes_ = classes;
    fromDataset_ = fromDataset;
    refresh();
}

QString ShapeInferenceView::errorText() const
{
    return valid_ ? QString() : errorLabel_->message();
}

void ShapeInferenceView::refresh()
{
    const QLocale locale;
    sourceLabel_->setText(
        fromDataset_ && classes_ == 1
            ? tr("Input width %1, one output: a regression target (current dataset version)").arg(inputs_)
        : fromDataset_
            ? tr("Input width %1, %2 classes (current dataset version)").arg(inputs_).arg(classes_)
            : tr("Input width %1, %2 classes (example: no dataset version selected)")
                  .arg(inputs_).arg(classes_));
    try {
        const auto shapes = flightdeck::model::inferShapes(spec_, inputs_, classes_);
        table_->setRowCount(static_cast<int>(shapes.size()));
        for (int row = 0; row < static_cast<int>(shapes.size()); ++row) {
            const auto& shape = shapes[static_cast<std::size_t>(row)];
            QStringList dims;
            for (const auto dim : shape.outputShape)
                dims << QString::number(dim);
            auto* shapeItem = new QTableWidgetItem(QStringLiteral("[N, %1]").arg(dims.join(QStringLiteral(", "))));
            auto* paramItem = new QTableWidgetItem(locale.toString(shape.parameters));
            paramItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            const QString label = QString::fromStdString(shape.label);
            table_->setItem(row, 0, new QTableWidgetItem(
                shape.head ? tr("Output: %1", "the appended output layer").arg(label) : label));
            table_->setItem(row, 1, shapeItem);
            table_->setItem(row, 2, paramItem);
        }
        total_ = flightdeck::model::parameterCount(shapes);
        totalLabel_->setText(tr("Total parameters: %1").arg(locale.toString(total_)));
        valid_ = true;
        errorLabel_->clear();
        errorLabel_->hide();
        table_->setEnabled(true);
    } catch (const std::exception& e) {
        valid_ = false;
        total_ = 0;
        table_->setRowCount(0);
        table_->setEnabled(false);
        totalLabel_->clear();
        errorLabel_->showMessage(ErrorText::fromException(e), StatusLine::Kind::Error);
        errorLabel_->show();
    }
}

void ShapeInferenceView::retranslateUi()
{
    table_->setHorizontalHeaderLabels({tr("Layer"), tr("Output shape"), tr("Parameters")});
    refresh();
}

void ShapeInferenceView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace flightdeck::ui
