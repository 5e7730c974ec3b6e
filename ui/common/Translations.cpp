#include "common/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace flightdeck::ui {

namespace {
QTranslator* ownTranslator = nullptr;
QTranslator* qtTranslator = nullptr;

void remove(QTranslator*& translator)
{
    if (!translator)
        return;
    QCoreApplication::removeTranslator(translator);
    delete translator;
    translator = nullptr;
}
}  // namespace

QStringList Translations::available() { return {QStringLiteral("en"), QStringLiteral("de")}; }

QString Translations::effectiveLanguage(const QString& language)
{
    if (!language.isEmpty())
        return language;
    const QString system = QLocale::system().name().section(QLatin1Char('_'), 0, 0);
    return available().contains(system) ? system : QStringLiteral("en");
}

void Translations::apply(const QString& language)
{
    const QString lang = effectiveLanguage(language);
    // Numbers and dates follow the language the user reads ("3,075" in a German sentence reads
    // as three); the system's own locale stays when it speaks that language (en_GB dates).
    // Set before the translators change: their LanguageChange re-renders the numbers too.
    // The C locale (a bare environment) counts as English: its numbers are English numbers.
    const QLocale system = QLocale::system();
    const QString systemLanguage = system.language() == QLocale::C
        ? QStringLiteral("en") : system.name().section(QLatin1Char('_'), 0, 0);
    QLocale::setDefault(systemLanguage == lang ? system : QLocale(lang));
    remove(ownTranslator);
    remove(qtTranslator);
    if (lang == QLatin1String("en"))
        return;   // the source strings are English
    ownTranslator = new QTranslator;
    if (ownTranslator->load(QStringLiteral(":/i18n/flightdeck_%1.qm").arg(lang)))
        QCoreApplication::installTranslator(ownTranslator);
    else
        remove(ownTranslator);
    qtTranslator = new QTranslator;
    if (qtTranslator->load(QStringLiteral("qtbase_%1").arg(lang),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        remove(qtTranslator);
}

}  // namespace flightdeck::ui
