#pragma once
// Where to import images from and how: a folder of images (one subfolder per class, or flat)
// with the target size, resize rule and channels; or MNIST-style IDX files (a folder with the
// pairs, or one file of a pair). Choosing the path here keeps the file dialog off the panel.
#include "flightdeck/data/ImageFolderImporter.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace flightdeck::ui {

class ImageImportDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { ImageFolder, Idx };
    ImageImportDialog(Mode mode, const QString& startFolder, QWidget* parent = nullptr);

    Mode mode() const { return mode_; }
    QString path() const;
    void setPath(const QString& path);
    QString datasetName() const;
    void setDatasetName(const QString& name);
    // Size (0 x 0 = the most common), rule and channels; no progress callback.
    flightdeck::data::ImageImportOptions options() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void browse(bool folder);
    void updateState();

    Mode mode_;
    QString startFolder_;
    QLabel* hintLabel_;
    QFormLayout* form_;
    QLineEdit* pathEdit_;
    QPushButton* folderButton_;
    QPushButton* fileButton_;
    QLineEdit* nameEdit_;
    QComboBox* sizeCombo_;
    QSpinBox* widthSpin_;
    QSpinBox* heightSpin_;
    QComboBox* ruleCombo_;
    QComboBox* channelsCombo_;
    QDialogButtonBox* buttons_;
};

}  // namespace flightdeck::ui
