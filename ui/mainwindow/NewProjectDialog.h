#pragma once
// File > New Project's folder chooser. QFileDialog's directory mode refuses a folder that does
// not exist yet ("Directory not found"), while a new project usually wants exactly that (the
// command line creates it). This one takes an existing folder or a new name typed in the
// location being browsed; the project (core's create) makes the folder. Non-modal: open().
#include <QFileDialog>

namespace flightdeck::ui {

class NewProjectDialog : public QFileDialog {
    Q_OBJECT
public:
    NewProjectDialog(QWidget* parent, const QString& startFolder);

    // The folder chosen or typed (absolute), valid after accepted().
    QString chosenFolder() const { return chosen_; }

public Q_SLOTS:
    void accept() override;

private:
    QString chosen_;
};

}  // namespace flightdeck::ui
