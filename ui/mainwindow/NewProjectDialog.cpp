#include "mainwindow/NewProjectDialog.h"

#include <QFileInfo>

namespace flightdeck::ui {

NewProjectDialog::NewProjectDialog(QWidget* parent, const QString& startFolder)
    : QFileDialog(parent, tr("New Project: choose a folder or type a new name"), startFolder)
{
    setObjectName(QStringLiteral("newProjectDialog"));
    setFileMode(QFileDialog::Directory);
    setOption(QFileDialog::ShowDirsOnly);
    // Qt's own dialog, so accept() below decides; a platform dialog would refuse the new name.
    setOption(QFileDialog::DontUseNativeDialog);
    setLabelText(QFileDialog::Accept, tr("Create"));
    setLabelText(QFileDialog::FileName, tr("Folder:"));
}

void NewProjectDialog::accept()
{
    const QStringList files = selectedFiles();
    if (files.isEmpty())
        return;
    const QFileInfo info(files.first());
    chosen_ = info.absoluteFilePath();
    if (info.exists()) {
        QFileDialog::accept();   // an existing folder (or a file, which it refuses as before)
        return;
    }
    // A name that does not exist yet: the project creates the folder (and missing parents).
    QDialog::accept();
}

}  // namespace flightdeck::ui
