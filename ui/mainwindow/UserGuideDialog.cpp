#include "mainwindow/UserGuideDialog.h"

#include <QEvent>
#include <QFontMetrics>
#include <QFile>
#include <QLocale>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

// The guide lives in the ui library's resources, which a static library must register itself
// (the app's main does it too; a test or another host may not). Outside any namespace, as
// Q_INIT_RESOURCE requires.
static void registerGuideResources()
{
    static const bool once = [] {
        Q_INIT_RESOURCE(flightdeck);
        return true;
    }();
    (void)once;
}

namespace flightdeck::ui {

UserGuideDialog::UserGuideDialog(QWidget* parent) : QDialog(parent), browser_(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("userGuideDialog"));
    browser_->setObjectName(QStringLiteral("userGuideText"));
    browser_->setOpenExternalLinks(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(browser_);
    // Readable lines at any screen: about 80 characters wide, at most the parent's height.
    resize(QFontMetrics(font()).averageCharWidth() * 90, parent ? std::min(parent->height() - 40, 640) : 640);
    load();
}

UserGuideDialog* UserGuideDialog::showFor(QWidget* window)
{
    auto* dialog = window->findChild<UserGuideDialog*>();
    if (!dialog) {
        dialog = new UserGuideDialog(window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

void UserGuideDialog::load()
{
    registerGuideResources();
    // Translations::apply sets the default locale with the language.
    const bool german = QLocale().language() == QLocale::German;
    QFile file(german ? QStringLiteral(":/guide/de.md") : QStringLiteral(":/guide/en.md"));
    markdown_ = file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    browser_->setMarkdown(markdown_);
    setWindowTitle(tr("Flightdeck User Guide"));
}

void UserGuideDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        load();
    QDialog::changeEvent(event);
}

}  // namespace flightdeck::ui
