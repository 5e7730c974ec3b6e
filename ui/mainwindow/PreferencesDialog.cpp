#include "mainwindow/PreferencesDialog.h"

#include "common/Settings.h"
#include "common/Translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>

namespace flightdeck::ui {

PreferencesDialog::PreferencesDialog(QWidget* parent)
    : QDialog(parent),
      languageLabel_(new QLabel(this)),
      languageCombo_(new QComboBox(this)),
      threadsLabel_(new QLabel(this)),
      threadsSpin_(new QSpinBox(this)),
      noteLabel_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply
                                        | QDialogButtonBox::Cancel,
                                    this))
{
    setObjectName(QStringLiteral("preferencesDialog"));
    languageCombo_->setObjectName(QStringLiteral("languageCombo"));
    threadsSpin_->setObjectName(QStringLiteral("trainingThreadsSpin"));
    buttons_->setObjectName(QStringLiteral("preferencesButtons"));
    noteLabel_->setWordWrap(true);

    // Item data: the stored language code ("" = follow the system).
    languageCombo_->addItem(QString(), QString());
    languageCombo_->addItem(QStringLiteral("English"), QStringLiteral("en"));
    languageCombo_->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    const int index = languageCombo_->findData(Settings::language().get());
    languageCombo_->setCurrentIndex(std::max(0, index));

    // More threads than cores only slows training (the trainer refuses them).
    threadsSpin_->setRange(0, QThread::idealThreadCount());
    threadsSpin_->setValue(Settings::trainingThreads().get());

    auto* form = new QFormLayout;
    form->addRow(languageLabel_, languageCombo_);
    form->addRow(threadsLabel_, threadsSpin_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(noteLabel_);
    layout->addStretch(1);
    layout->addWidget(buttons_);

    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons_->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            &PreferencesDialog::apply);
    retranslateUi();
}

void PreferencesDialog::apply()
{
    const QString language = languageCombo_->currentData().toString();
    Settings::trainingThreads().set(threadsSpin_->value());
    if (language != Settings::language().get()) {
        Settings::language().set(language);
        Translations::apply(language);   // LanguageChange reaches every widget
    }
}

void PreferencesDialog::retranslateUi()
{
    setWindowTitle(tr("Preferences"));
    languageLabel_->setText(tr("Language:"));
    // "English" and "Deutsch" stay in their own language so that everyone finds theirs.
    languageCombo_->setItemText(0, tr("System default"));
    threadsLabel_->setText(tr("Training threads:"));
    threadsSpin_->setSpecialValueText(tr("All cores"));
    threadsSpin_->setToolTip(tr("libtorch intra-op threads used for new runs"));
    noteLabel_->setText(tr("The language changes at once. The thread count is the default for "
                           "new runs in the Training panel."));
}

void PreferencesDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

}  // namespace flightdeck::ui
