// test_eval runs several Qt Test classes (one per source file) in one executable.
// `test_eval --class=TestEvalGolden [Qt Test arguments]` runs one class only.
#include "EvalTestSupport.h"

#include <QCoreApplication>
#include <QtTest>

#include <cstring>
#include <memory>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const char* only = nullptr;
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        if (std::strncmp(argv[i], "--class=", 8) == 0)
            only = argv[i] + 8;
        else
            args.push_back(argv[i]);
    }
    int failed = 0;
    for (const evaltest::Factory make : evaltest::registry()) {
        std::unique_ptr<QObject> test(make());
        if (only && std::strcmp(test->metaObject()->className(), only) != 0)
            continue;
        failed += QTest::qExec(test.get(), static_cast<int>(args.size()), args.data()) != 0;
    }
    const evaltest::ParityStats& s = evaltest::stats();
    if (s.compared > 0)
        qInfo("parity: %ld values compared with references, %ld bit-identical, largest relative "
              "difference %.3g", s.compared, s.identical, s.maxRelative);
    return failed;
}
