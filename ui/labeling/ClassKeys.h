#pragma once
// Which key labels with which class: 1-9 and 0 for the first ten listed classes, then letters
// (never the ones navigation uses), unless a person bound a key to a class name
// (Settings::labelingKeys, kept across sessions and datasets).
#include <QChar>
#include <QHash>
#include <QList>
#include <QStringList>

namespace flightdeck::ui {

class ClassKeys {
public:
    // `visible` in class-bar order; returns class index -> key.
    static QHash<int, QChar> assign(const QStringList& classes, const QList<int>& visible);
    static void bind(const QString& className, QChar key);
    // Keys that move or mark instead of labeling.
    static bool reserved(QChar key);
};

}  // namespace flightdeck::ui
