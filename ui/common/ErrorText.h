#pragma once
// Turns core's typed errors into translated, specific messages (file, line, field, what was
// expected). The core never calls tr(); this is the one place that does it for core errors.
#include <QCoreApplication>
#include <QString>

#include <exception>

namespace flightdeck { struct ErrorInfo; }

namespace flightdeck::ui {

class ErrorText {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    static QString message(const flightdeck::ErrorInfo& info);
    // flightdeck::Error -> message(info()); other exceptions -> their what().
    static QString fromException(const std::exception& e);
};

}  // namespace flightdeck::ui
