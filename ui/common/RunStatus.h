#pragma once
// A run's stored status key ("running", "completed", "cancelled", "failed", "interrupted")
// as the user reads it, translated. The one mapping every panel uses.
#include <QCoreApplication>
#include <QString>

#include <string>

namespace flightdeck::ui {

class RunStatus {
    Q_DECLARE_TR_FUNCTIONS(RunStatus)
public:
    static QString text(const QString& status);
    static QString text(const std::string& status) { return text(QString::fromStdString(status)); }
};

}  // namespace flightdeck::ui
