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
    remove(ownTranslator);
    remove(qtTranslator);
    const QString lang = effectiveLanguage(language);
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
