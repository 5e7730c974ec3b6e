#pragma once
// Installs the translators for a language ("" = the system locale, "en", "de"): Flightdeck's own
// (compiled into the binary as :/i18n/flightdeck_<lang>.qm) and Qt's for its standard dialogs.
// Installing sends QEvent::LanguageChange to every widget, which call retranslateUi().
#include <QString>
#include <QStringList>

namespace flightdeck::ui {

class Translations {
public:
    static void apply(const QString& language);
    static QString effectiveLanguage(const QString& language);   // "de", "en"
    static QStringList available();                               // {"en", "de"}
};

}  // namespace flightdeck::ui
