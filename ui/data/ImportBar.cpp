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
      nameEdit_(new QLineEdit(this))
{
    setObjectName(QStringLiteral("importBar"));
    csvButton_->setObjectName(QStringLiteral("importCsvButton"));
    imagesButton_->setObjectName(QStringLiteral("importImagesButton"));
    idxButton_->setObjectName(QStringLiteral("importIdxButton"));
    nameLabel_->setObjectName(QStringLiteral("datasetNameLabel"));
    nameEdit_->setObjectName(QStringLiteral("datasetNameEdit"));
    nameLabel_->setBuddy(nameEdit_);

    // Two rows: the buttons, then the fields, so a narrow dock still shows every button.
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(csvButton_);
    buttons->addWidget(imagesButton_);
    buttons->addWidget(idxButton_);
    buttons->addStretch(1);
    auto* fields = new QHBoxLayout;
    fields->addWidget(nameLabel_);
    fields->addWidget(nameEdit_, 1);
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

void ImportBar::setProjectOpen(bool open)
{
    projectOpen_ = open;
    for (QPushButton* button : {csvButton_, imagesButton_, idxButton_})
        button->setEnabled(open);
    retranslateUi();
}

void ImportBar::retranslateUi()
{
    // A disabled button still shows its tooltip: the one place that can say why it is off.
    const QString noProject = tr("Open or create a project first (File > New Project or Open Project).");
    csvButton_->setText(tr("Import CSV…"));
    csvButton_->setToolTip(projectOpen_ ? tr("Import a CSV or TSV file: preview its rows, choose what "
                                             "each column is, then import")
                                        : noProject);
    imagesButton_->setText(tr("Import images…"));
    imagesButton_->setToolTip(projectOpen_ ? tr("Import a folder of PNG, JPEG or BMP images, one "
                                                "subfolder per class or flat (unlabeled)")
                                           : noProject);
    idxButton_->setText(tr("Import IDX…"));
    idxButton_->setToolTip(projectOpen_ ? tr("Import MNIST-style IDX files (train and t10k pairs)")
                                        : noProject);
    nameLabel_->setText(tr("Dataset name:"));
    nameEdit_->setPlaceholderText(tr("from the file name"));
}

}  // namespace flightdeck::ui
