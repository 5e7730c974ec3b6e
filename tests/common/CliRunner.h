#pragma once
// Runs the real flightdeck-cli binary for the CLI suites. FLIGHTDECK_CLI_UNDER_TEST points the
// suites at another build (e.g. the commit before a fix, to see each row fail there).
#include <QFile>
#include <QProcess>
#include <QTest>
#include <QString>
#include <QStringList>

namespace flightdeck::testing {

struct CliResult {
    int exitCode = -1;   // -2: timed out (the process was killed)
    QString out;
    QString err;
};

inline QString cliPath()
{
    const QString other = qEnvironmentVariable("FLIGHTDECK_CLI_UNDER_TEST");
    return other.isEmpty() ? QStringLiteral(FLIGHTDECK_CLI) : other;
}

inline CliResult runCli(const QStringList& args, int timeoutMs = 300000)
{
    QProcess process;
    process.start(cliPath(), args);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-2, {}, QStringLiteral("timed out")};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// Writes a test's input file whole (a failure to write fails the test).
inline void writeText(const QString& path, const QByteArray& text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

// A file of the bundled sample project (resources/samples).
inline QString sample(const char* name)
{
    return QStringLiteral(FLIGHTDECK_SOURCE_DIR "/resources/samples/") + QLatin1String(name);
}

}  // namespace flightdeck::testing

// A CLI call that must succeed; the message shows what it printed.
// Evaluates `r` once: CLI_OK(runCli(...)) used to run the command again to print its output.
#define CLI_OK(r)                                                                             \
    do {                                                                                      \
        const flightdeck::testing::CliResult cliOk_ = (r);                                    \
        QVERIFY2(cliOk_.exitCode == 0, qPrintable(cliOk_.err + cliOk_.out));                  \
    } while (false)
