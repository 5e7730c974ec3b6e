#include "labeling/ClassKeys.h"

#include "common/Settings.h"

namespace flightdeck::ui {

namespace {

QHash<QString, QChar> bound()
{
    QHash<QString, QChar> out;
    for (const QString& entry : Settings::labelingKeys().get()) {
        const QString name = entry.section(QLatin1Char('\t'), 0, 0);
        const QString key = entry.section(QLatin1Char('\t'), 1, 1);
        if (!name.isEmpty() && key.size() == 1)
            out.insert(name, key.at(0));
    }
    return out;
}

}  // namespace

bool ClassKeys::reserved(QChar key)
{
    // V marks verified; the rest of navigation uses non-printing keys.
    return key == QLatin1Char('v');
}

QHash<int, QChar> ClassKeys::assign(const QStringList& classes, const QList<int>& visible)
{
    const QHash<QString, QChar> chosen = bound();
    QHash<int, QChar> out;
    QList<QChar> taken;
    for (int c : visible) {
        const QChar key = chosen.value(classes.value(c));
        if (!key.isNull() && !taken.contains(key)) {
            out.insert(c, key);
            taken << key;
        }
    }
    // A class named by one digit or letter ("0".."9" in MNIST) gets that key: key 1 labeling
    // class "0" would be a trap.
    for (int c : visible) {
        const QString name = classes.value(c).toLower();
        if (out.contains(c) || name.size() != 1 || !name.at(0).isLetterOrNumber()
            || reserved(name.at(0)) || taken.contains(name.at(0)))
            continue;
        out.insert(c, name.at(0));
        taken << name.at(0);
    }
    const QString defaults = QStringLiteral("1234567890qwertyuiopasdfghjklzxcbnm");
    int next = 0;
    for (int c : visible) {
        if (out.contains(c))
            continue;
        while (next < defaults.size() && (taken.contains(defaults[next]) || reserved(defaults[next])))
            ++next;
        if (next >= defaults.size())
            break;
        out.insert(c, defaults[next]);
        taken << defaults[next++];
    }
    return out;
}

void ClassKeys::bind(const QString& className, QChar key)
{
    QStringList entries;
    for (const QString& entry : Settings::labelingKeys().get()) {
        const QString name = entry.section(QLatin1Char('\t'), 0, 0);
        const QString k = entry.section(QLatin1Char('\t'), 1, 1);
        if (name != className && k != QString(key))
            entries << entry;
    }
    if (!key.isNull())
        entries << className + QLatin1Char('\t') + key;
    Settings::labelingKeys().set(entries);
}

}  // namespace flightdeck::ui
