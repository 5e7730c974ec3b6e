#include "common/NumberText.h"

#include <QDateTime>
#include <QLocale>

#include <cmath>

namespace flightdeck::ui {

QString NumberText::count(qint64 n)
{
    return QLocale().toString(n);
}

QString NumberText::decimal(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

QString NumberText::metric(double value)
{
    if (!std::isfinite(value))
        return tr("n/a");
    return QLocale().toString(value, 'g', 4);
}

QString NumberText::value(double value)
{
    if (!std::isfinite(value))
        return tr("n/a");
    return QLocale().toString(value, 'g', 6);
}

QString NumberText::percent(double fraction, int decimals)
{
    if (!std::isfinite(fraction))
        return tr("n/a");
    // Spaced like the rest of the workbench ("93.1 %"); a language may write it its own way.
    return tr("%1 %", "a percentage").arg(QLocale().toString(fraction * 100.0, 'f', decimals));
}

QString NumberText::dateTime(double unixSeconds)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(unixSeconds * 1000.0)),
                              QLocale::ShortFormat);
}

QString NumberText::logTime(double unixSeconds, Precision precision)
{
    // QLocale has no short form without the year, so the order is the translation's.
    const QString format = precision == Precision::Seconds
        ? tr("MMM d HH:mm:ss", "QDateTime format of a log time with seconds (no year)")
        : tr("MMM d HH:mm", "QDateTime format of a log time (no year)");
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(unixSeconds * 1000.0), Qt::UTC),
                              format);
}

}  // namespace flightdeck::ui
