#pragma once
// The Data panel's import row: CSV, image folder and IDX buttons, and the dataset name and
// label column used by a CSV import (and the name by the others when their dialog leaves it empty).
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
    QString labelColumn() const;
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
    QLabel* labelColumnLabel_;
    QLineEdit* labelColumnEdit_;
    bool projectOpen_ = false;
};

}  // namespace flightdeck::ui
