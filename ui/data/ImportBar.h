#pragma once
// The Data panel's import row: CSV, image folder and IDX buttons, and the dataset name an import
// proposes (a dialog or the wizard may change it). The label column is chosen in the wizard.
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace flightdeck::ui {

class ImportBar : public QWidget {
    Q_OBJECT
public:
    explicit ImportBar(QWidget* parent = nullptr);

    QString datasetName() const;
    // Without a project the import buttons are off, and their tooltip says why.
    void setProjectOpen(bool open);
    void retranslateUi();

Q_SIGNALS:
    void csvRequested();
    void imagesRequested();
    void idxRequested();

private:
    QPushButton* csvButton_;
    QPushButton* imagesButton_;
    QPushButton* idxButton_;
    QLabel* nameLabel_;
    QLineEdit* nameEdit_;
    bool projectOpen_ = false;
};

}  // namespace flightdeck::ui
