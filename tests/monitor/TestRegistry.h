#pragma once
// One test executable (test_monitor) runs several Qt Test classes: each file registers a
// factory; main.cpp runs them in turn. `test_monitor -class NAME [qtest args]` runs one class.
#include <QObject>

#include <functional>
#include <memory>
#include <vector>

namespace monitortest {

using Factory = std::function<std::unique_ptr<QObject>()>;

inline std::vector<Factory>& registry()
{
    static std::vector<Factory> factories;
    return factories;
}

template <typename T>
bool registerTest()
{
    registry().push_back([] { return std::make_unique<T>(); });
    return true;
}

}  // namespace monitortest

#define MONITOR_TEST(Class) \
    static const bool registered_##Class = monitortest::registerTest<Class>();
