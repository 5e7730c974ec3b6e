#pragma once
// Turns core's typed errors into translated, specific messages (file, line, field, what was
// expected). The core never calls tr(); this is the one place that does it for core errors.
#include <QCoreApplication>
#include <QString>

#include <exception>
#include <string>

namespace flightdeck {
struct ErrorInfo;
enum class ErrorCode;
}

namespace flightdeck::ui {

class ErrorText {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    static QString message(const flightdeck::ErrorInfo& info);
    // The sentence for a code; every code has its own (test_error_text holds every code to it).
    static QString summary(flightdeck::ErrorCode code);
    // What a NotFound names ("run", "dataset version", ...) in the user's language; a kind
    // this build does not know is shown as the core wrote it.
    static QString kindText(const std::string& kind);
    // flightdeck::Error -> message(info()); other exceptions -> their what().
    static QString fromException(const std::exception& e);
};

}  // namespace flightdeck::ui
