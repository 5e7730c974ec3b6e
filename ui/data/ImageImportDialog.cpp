#include "data/ImageImportDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace flightdeck::ui {

namespace {
enum SizeChoice { MostCommonSize, CustomSize };
enum ChannelsChoice { AutoChannels, OneChannel, ThreeChannels };
// The importer's own limit per side.
constexpr int kMaxSide = 8192;
}  // namespace

ImageImportDialog::ImageImportDialog(Mode mode, const QString& startFolder, QWidget* parent)
    : QDialog(parent),
      mode_(mode),
      startFolder_(startFolder),
      hintLabel_(new QLabel(this)),
      form_(new QFormLayout),
      pathEdit_(new QLineEdit(this)),
      folderButton_(new QPushButton(this)),
      fileButton_(new QPushButton(this)),
      nameEdit_(new QLineEdit(this)),
      sizeCombo_(new QComboBox(this)),
      widthSpin_(new QSpinBox(this)),
      heightSpin_(new QSpinBox(this)),
      ruleCombo_(new QComboBox(this)),
      channelsCombo_(new QComboBox(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    const bool images = mode == Mode::ImageFolder;
    setObjectName(images ? QStringLiteral("imageImportDialog") : QStringLiteral("idxImportDialog"));
    hintLabel_->setObjectName(QStringLiteral("importHintLabel"));
    pathEdit_->setObjectName(QStringLiteral("importPathEdit"));
    folderButton_->setObjectName(QStringLiteral("importFolderButton"));
    fileButton_->setObjectName(QStringLiteral("importFileButton"));
    nameEdit_->setObjectName(QStringLiteral("importNameEdit"));
    sizeCombo_->setObjectName(QStringLiteral("imageSizeCombo"));
    widthSpin_->setObjectName(QStringLiteral("imageWidthSpin"));
    heightSpin_->setObjectName(QStringLiteral("imageHeightSpin"));
    ruleCombo_->setObjectName(QStringLiteral("imageResizeCombo"));
    channelsCombo_->setObjectName(QStringLiteral("imageChannelsCombo"));
    buttons_->setObjectName(QStringLiteral("importButtons"));
    hintLabel_->setWordWrap(true);
    hintLabel_->setMinimumWidth(460);

    for (QSpinBox* spin : {widthSpin_, heightSpin_}) {
        spin->setRange(1, kMaxSide);
        spin->setValue(64);
    }
    sizeCombo_->addItems({QString(), QString()});
    ruleCombo_->addItems({QString(), QString(), QString()});
    channelsCombo_->addItems({QString(), QString(), QString()});

    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(pathEdit_, 1);
    pathRow->addWidget(folderButton_);
    pathRow->addWidget(fileButton_);
    fileButton_->setVisible(!images);
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(sizeCombo_);
    sizeRow->addWidget(widthSpin_);
    auto* times = new QLabel(QStringLiteral("×"), this);
    times->setObjectName(QStringLiteral("imageSizeTimesLabel"));
    sizeRow->addWidget(times);
    sizeRow->addWidget(heightSpin_);
    sizeRow->addStretch(1);

    // Row labels by name, so tests and layouts find them; their texts come in retranslateUi.
    const auto rowLabel = [this](const char* name) {
        auto* label = new QLabel(this);
        label->setObjectName(QString::fromLatin1(name));
        return label;
    };
    form_->addRow(rowLabel("importPathLabel"), pathRow);
    form_->addRow(rowLabel("importNameLabel"), nameEdit_);
    if (images) {
        form_->addRow(rowLabel("imageSizeLabel"), sizeRow);
        form_->addRow(rowLabel("imageResizeLabel"), ruleCombo_);
        form_->addRow(rowLabel("imageChannelsLabel"), channelsCombo_);
    } else {
        for (QWidget* w : std::initializer_list<QWidget*>{sizeCombo_, widthSpin_, heightSpin_,
                                                          ruleCombo_, channelsCombo_})
            w->hide();
    }
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(hintLabel_);
    layout->addLayout(form_);
    layout->addStretch(1);
    layout->addWidget(buttons_);

    connect(folderButton_, &QPushButton::clicked, this, [this] { browse(true); });
    connect(fileButton_, &QPushButton::clicked, this, [this] { browse(false); });
    connect(pathEdit_, &QLineEdit::textChanged, this, &ImageImportDialog::updateState);
    connect(sizeCombo_, &QComboBox::currentIndexChanged, this, &ImageImportDialog::updateState);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslateUi();
}

QString ImageImportDialog::path() const
{
    return pathEdit_->text().trimmed();
}

void ImageImportDialog::setPath(const QString& path)
{
    pathEdit_->setText(path);
}

QString ImageImportDialog::datasetName() const
{
    return nameEdit_->text().trimmed();
}

void ImageImportDialog::setDatasetName(const QString& name)
{
    nameEdit_->setText(name);
}

flightdeck::data::ImageImportOptions ImageImportDialog::options() const
{
    flightdeck::data::ImageImportOptions options;
    if (sizeCombo_->currentIndex() == CustomSize) {
        options.width = static_cast<std::uint32_t>(widthSpin_->value());
        options.height = static_cast<std::uint32_t>(heightSpin_->value());
    }
    options.rule = static_cast<flightdeck::data::ResizeRule>(ruleCombo_->currentIndex());
    const int channels = channelsCombo_->currentIndex();
    options.channels = channels == OneChannel ? 1u : channels == ThreeChannels ? 3u : 0u;
    return options;
}

void ImageImportDialog::browse(bool folder)
{
    const QString start = path().isEmpty() ? startFolder_ : path();
    const QString chosen =
        folder ? QFileDialog::getExistingDirectory(this, tr("Choose a folder"), start)
               : QFileDialog::getOpenFileName(this, tr("Choose an IDX file"), start,
                                              tr("IDX files (*-ubyte *-ubyte.gz);;All files (*)"));
    if (!chosen.isEmpty())
        setPath(chosen);
}

void ImageImportDialog::updateState()
{
    const bool custom = sizeCombo_->currentIndex() == CustomSize;
    widthSpin_->setEnabled(custom);
    heightSpin_->setEnabled(custom);
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(!path().isEmpty());
}

void ImageImportDialog::retranslateUi()
{
    const bool images = mode_ == Mode::ImageFolder;
    setWindowTitle(images ? tr("Import images") : tr("Import IDX"));
    hintLabel_->setText(
        images ? tr("A folder with one subfolder per class (the subfolder names become the "
                    "labels), or a flat folder of unlabeled images. PNG, JPEG and BMP; files "
                    "that cannot be read are skipped and listed.")
               : tr("MNIST-style IDX pairs: <prefix>-images-idx3-ubyte and "
                    "<prefix>-labels-idx1-ubyte, optionally .gz. A folder imports every pair "
                    "in it, and its t10k pair stays the test part of the split made at import; "
                    "one file imports its pair only."));
    hintLabel_->setTextFormat(Qt::PlainText);
    const QStringList labels = {images ? tr("Folder:") : tr("File or folder:"), tr("Dataset name:"),
                                tr("Size:"), tr("Resize:"), tr("Channels:")};
    for (int row = 0; row < form_->rowCount() && row < labels.size(); ++row)
        if (auto* item = form_->itemAt(row, QFormLayout::LabelRole))
            if (auto* label = qobject_cast<QLabel*>(item->widget()))
                label->setText(labels.at(row));
    folderButton_->setText(tr("Folder…"));
    fileButton_->setText(tr("File…"));
    nameEdit_->setPlaceholderText(tr("from the folder name"));
    sizeCombo_->setItemText(MostCommonSize, tr("Most common size"));
    sizeCombo_->setItemText(CustomSize, tr("Width × height:"));
    ruleCombo_->setItemText(int(flightdeck::data::ResizeRule::Stretch), tr("Stretch (aspect ratio not kept)"));
    ruleCombo_->setItemText(int(flightdeck::data::ResizeRule::Fit), tr("Fit (letterbox with black)"));
    ruleCombo_->setItemText(int(flightdeck::data::ResizeRule::Crop), tr("Crop (cover, cut the centre)"));
    channelsCombo_->setItemText(AutoChannels, tr("Auto (1 if every image is grayscale, else 3)"));
    channelsCombo_->setItemText(OneChannel, tr("1 (grayscale)"));
    channelsCombo_->setItemText(ThreeChannels, tr("3 (color)"));
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    updateState();
}

void ImageImportDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

}  // namespace flightdeck::ui
