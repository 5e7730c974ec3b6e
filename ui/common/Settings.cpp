#include "common/Settings.h"

namespace flightdeck::ui {

Preference<QByteArray>& Settings::mainWindowGeometry()
{
    static Preference<QByteArray> p("mainwindow/geometry", QByteArray());
    return p;
}

Preference<QByteArray>& Settings::mainWindowState()
{
    static Preference<QByteArray> p("mainwindow/state", QByteArray());
    return p;
}

Preference<QStringList>& Settings::recentProjects()
{
    static Preference<QStringList> p("project/recent", QStringList());
    return p;
}

Preference<QString>& Settings::language()
{
    static Preference<QString> p("ui/language", QString());
    return p;
}

Preference<QString>& Settings::lastImportFolder()
{
    static Preference<QString> p("data/lastImportFolder", QString());
    return p;
}

Preference<int>& Settings::trainingThreads()
{
    static Preference<int> p("training/threads", 0);
    return p;
}

Preference<QString>& Settings::lastLogFile()
{
    static Preference<QString> p("monitoring/lastLog", QString());
    return p;
}

Preference<QByteArray>& Settings::dataSplitterState()
{
    static Preference<QByteArray> p("data/splitterState", QByteArray());
    return p;
}

Preference<QStringList>& Settings::labelingKeys()
{
    static Preference<QStringList> p("labeling/keys", QStringList());
    return p;
}

void Settings::addRecentProject(const QString& folder)
{
    QStringList list = recentProjects().get();
    list.removeAll(folder);
    list.prepend(folder);
    while (list.size() > 8)
        list.removeLast();
    recentProjects().set(list);
}

}  // namespace flightdeck::ui
