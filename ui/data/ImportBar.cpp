#include "data/ImportBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace flightdeck::ui {

ImportBar::ImportBar(QWidget* parent)
    : QWidget(parent),
      csvButton_(new QPushButton(this)),
      imagesButton_(new QPushButton(this)),
      idxButton_(new QPushButton(this)),
      nameLabel_(new QLabel(this)),
      nameEdit_(new QLineEdit(this)),
      labelColumnLabel_(new QLabel(this)),
      labelColumnEdit_(new QLineEdit(this))
{
    setObjectName(QStringLiteral("importBar"));
    csvButton_->setObjectName(QStringLiteral("importCsvButton"));
    imagesButton_->setObjectName(QStringLiteral("importImagesButton"));
    idxButton_->setObjectName(QStringLiteral("importIdxButton"));
    nameLabel_->setObjectName(QStringLiteral("datasetNameLabel"));
    nameEdit_->setObjectName(QStringLiteral("datasetNameEdit"));
    labelColumnLabel_->setObjectName(QStringLiteral("labelColumnLabel"));
    labelColumnEdit_->setObjectName(QStringLiteral("labelColumnEdit"));
    nameLabel_->setBuddy(nameEdit_);
    labelColumnLabel_->setBuddy(labelColumnEdit_);

    // Two rows: the buttons, then the fields, so a narrow dock still shows every button.
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(csvButton_);
    buttons->addWidget(imagesButton_);
    buttons->addWidget(idxButton_);
    buttons->addStretch(1);
    auto* fields = new QHBoxLayout;
    fields->addWidget(nameLabel_);
    fields->addWidget(nameEdit_, 2);
    fields->addWidget(labelColumnLabel_);
    fields->addWidget(labelColumnEdit_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addLayout(fields);

    connect(csvButton_, &QPushButton::clicked, this, &ImportBar::csvRequested);
    connect(imagesButton_, &QPushButton::clicked, this, &ImportBar::imagesRequested);
    connect(idxButton_, &QPushButton::clicked, this, &ImportBar::idxRequested);
    retranslateUi();
}

QString ImportBar::datasetName() const
{
    return nameEdit_->text().trimmed();
}

QString ImportBar::labelColumn() const
{
    return labelColumnEdit_->text().trimmed();
}

void ImportBar::retranslateUi()
{
    csvButton_->setText(tr("Import CSV…"));
    csvButton_->setToolTip(tr("Import a CSV or TSV file with a header row and a label column"));
    imagesButton_->setText(tr("Import images…"));
    imagesButton_->setToolTip(tr("Import a folder of PNG, JPEG or BMP images, one subfolder per "
                                 "class or flat (unlabeled)"));
    idxButton_->setText(tr("Import IDX…"));
    idxButton_->setToolTip(tr("Import MNIST-style IDX files (train and t10k pairs)"));
    nameLabel_->setText(tr("Dataset name:"));
    nameEdit_->setPlaceholderText(tr("from the file name"));
    labelColumnLabel_->setText(tr("Label column:"));
    labelColumnEdit_->setPlaceholderText(tr("label, class, target or y"));
    labelColumnEdit_->setToolTip(tr("The column holding the class; empty = the first column named "
                                    "label, class, target or y"));
}

}  // namespace flightdeck::ui
