#pragma once
// Typed settings, each declared once here (key + default), read and written through QSettings.
#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace flightdeck::ui {

template <typename T>
class Preference {
public:
    Preference(const char* key, T fallback) : key_(QString::fromLatin1(key)), fallback_(fallback) {}
    T get() const { return QSettings().value(key_, QVariant::fromValue(fallback_)).template value<T>(); }
    void set(const T& value) const { QSettings().setValue(key_, QVariant::fromValue(value)); }
    QString key() const { return key_; }

private:
    QString key_;
    T fallback_;
};

struct Settings {
    static Preference<QByteArray>& mainWindowGeometry();
    static Preference<QByteArray>& mainWindowState();
    static Preference<QStringList>& recentProjects();
    static Preference<QString>& language();          // "" = follow the system locale
    static Preference<QString>& lastImportFolder();
    static Preference<int>& trainingThreads();         // 0 = all cores
    static Preference<QString>& lastLogFile();          // reopened by the monitoring panel
    static Preference<QByteArray>& dataSplitterState(); // the Data panel's tree vs preview
    // Keys a person bound to class names ("class<TAB>key"); classes without one get defaults.
    static Preference<QStringList>& labelingKeys();

    static void addRecentProject(const QString& folder);   // most recent first, at most 8
};

}  // namespace flightdeck::ui
