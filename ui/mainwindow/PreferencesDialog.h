#pragma once
// Preferences: interface language (applied live through Translations, so every widget gets
// QEvent::LanguageChange) and the default number of training threads.
#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace flightdeck::ui {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    // Stores the values in Settings and applies the language.
    void apply();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QLabel* languageLabel_;
    QComboBox* languageCombo_;
    QLabel* threadsLabel_;
    QSpinBox* threadsSpin_;
    QLabel* noteLabel_;
    QDialogButtonBox* buttons_;
};

}  // namespace flightdeck::ui
