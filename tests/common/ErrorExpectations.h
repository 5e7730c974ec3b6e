#pragma once
// Helpers the core test suites share: Qt paths as std::filesystem paths, and "this call must
// throw flightdeck::Error" returning the error's context for the test to inspect.
#include "flightdeck/common/Error.h"

#include <QString>
#include <QTest>

#include <filesystem>

namespace flightdeck::testing {

inline std::filesystem::path toPath(const QString& s) { return std::filesystem::path(s.toStdString()); }

// Runs `f`, expecting an Error; returns its info (a test failure if nothing was thrown).
template <typename F>
ErrorInfo expectError(F&& f)
{
    try {
        f();
    } catch (const Error& e) {
        return e.info();
    }
    QTest::qFail("expected flightdeck::Error, nothing was thrown", __FILE__, __LINE__);
    return {};
}

}  // namespace flightdeck::testing
