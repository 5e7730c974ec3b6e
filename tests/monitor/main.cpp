// Runs every registered test class of core/monitor (see TestRegistry.h).
#include "TestRegistry.h"

#include <QCoreApplication>
#include <QtTest>

#include <cstring>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    // "-class NAME" picks one class; the remaining arguments go to Qt Test.
    const char* only = nullptr;
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        if (std::strcmp(argv[i], "-class") == 0 && i + 1 < argc) {
            only = argv[++i];
            continue;
        }
        args.push_back(argv[i]);
    }
    int status = 0;
    for (const auto& factory : monitortest::registry()) {
        auto test = factory();
        if (only && std::strcmp(test->metaObject()->className(), only) != 0)
            continue;
        status |= QTest::qExec(test.get(), static_cast<int>(args.size()), args.data());
    }
    return status;
}
