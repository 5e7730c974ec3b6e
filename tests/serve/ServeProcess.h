#pragma once
// The real flightdeck-serve binary started as a process: what the start-up tests share.
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace flightdeck::testing {

struct Started {
    int port = 0;          // 0: it did not start serving
    QString out, err;
    int exitCode = -1;
};

// Starts flightdeck-serve; returns once it prints where it serves, or once it has exited.
// A serving process is left running in `process` for the caller to query and stop.
inline Started startServe(QProcess& process, const QStringList& args)
{
    process.start(QStringLiteral(FLIGHTDECK_SERVE), args);
    Started s;
    const QRegularExpression serving(QStringLiteral("serving .* on http://(\\S+):(\\d+) "));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 120000) {
        if (process.state() == QProcess::NotRunning || process.waitForFinished(50)) {
            s.out += QString::fromUtf8(process.readAllStandardOutput());
            s.err = QString::fromUtf8(process.readAllStandardError());
            s.exitCode = process.exitCode();
            return s;
        }
        s.out += QString::fromUtf8(process.readAllStandardOutput());
        const auto m = serving.match(s.out);
        if (m.hasMatch()) {
            s.port = m.captured(2).toInt();
            return s;
        }
    }
    process.kill();
    process.waitForFinished();
    s.err = QStringLiteral("timed out");
    return s;
}

}  // namespace flightdeck::testing
